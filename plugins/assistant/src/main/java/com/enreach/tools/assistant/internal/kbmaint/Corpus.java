package com.enreach.tools.assistant.internal.kbmaint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.enreach.tools.api.Page;
import com.enreach.tools.api.ai.Citation;
import com.enreach.tools.api.kb.Article;
import com.enreach.tools.api.kb.ArticleDetail;
import com.enreach.tools.api.kb.ArticleQuery;
import com.enreach.tools.api.kb.EntityMention;
import com.enreach.tools.api.kb.Ticket;
import com.enreach.tools.api.kb.TicketQuery;
import com.enreach.tools.api.vector.EmbeddingProvider;
import com.enreach.tools.assistant.internal.AssistantContext;
import com.enreach.tools.assistant.internal.resolve.Texts;

/**
 * The knowledge base as one analysis run sees it: active articles (with their text and entity mentions) and active
 * tickets (summary, labels, components: the listing, so thousands of tickets cost no per-ticket read), with word
 * sets, and embeddings computed once per run in batches when the sentence model is bound.
 */
final class Corpus {
    static final int PAGE = 1000;
    static final int EMBED_BATCH = 128;
    static final int ARTICLE_EMBED_CHARS = 2000;

    /** A record of what happened (a post-mortem, an incident report): history, never outdated by later tickets. */
    private static final java.util.regex.Pattern RECORD = java.util.regex.Pattern.compile("(?i)post-?mortem|incident report|retrospective");

    /** {@code record}: the article is a post-mortem or incident report (by title or label). */
    record Doc(long id, String title, String url, Instant updated, String text, Set<String> words, List<EntityMention> mentions,
               boolean record) {
        Citation citation(int n, String quote) {
            return new Citation(n, "article", id, title, title, "#/ext/articles?id=" + id, url, quote);
        }
    }

    record Tk(long id, String key, String summary, String url, Instant created, boolean resolved, String text, Set<String> words) {
        Citation citation(int n, String quote) {
            return new Citation(n, "ticket", id, key, key + " " + summary, "#/ext/tickets?id=" + id, url, quote);
        }
    }

    final List<Doc> articles = new ArrayList<>();
    final List<Tk> tickets = new ArrayList<>();
    /** The sentence model, or null without one (or when it failed: {@link #modelFailure}). */
    EmbeddingProvider model;
    String modelFailure;
    private final Map<Long, float[]> articleVectors = new HashMap<>();
    private final Map<Long, float[]> ticketVectors = new HashMap<>();

    Corpus(AssistantContext context) {
        this.model = context.embeddings().orElse(null);
        for (int offset = 0; ; offset += PAGE) {
            Page<Article> page = context.knowledge().articles(new ArticleQuery(null, null, null, null, "active", PAGE, offset));
            for (Article a : page.results()) {
                context.knowledge().article(a.id()).ifPresent(this::add);
            }
            if (page.results().size() < PAGE) {
                break;
            }
        }
        for (int offset = 0; ; offset += PAGE) {
            Page<Ticket> page = context.knowledge().tickets(new TicketQuery(null, null, null, null, null, null, null, null, null, null, PAGE, offset));
            for (Ticket t : page.results()) {
                String text = t.summary() + " " + String.join(" ", t.labels()) + " " + String.join(" ", t.components());
                tickets.add(new Tk(t.id(), t.key(), t.summary(), t.url(), t.created(), t.resolution() != null, text, Texts.words(text)));
            }
            if (page.results().size() < PAGE) {
                break;
            }
        }
        if (model != null) {
            try {
                embedAll();
            } catch (EmbeddingProvider.EmbeddingException e) {
                modelFailure = e.getMessage();
                model = null;
                articleVectors.clear();
                ticketVectors.clear();
            }
        }
    }

    private void embedAll() {
        {
            embed(articles.stream().map(d -> (d.title() + "\n" + d.text()).substring(0, Math.min(ARTICLE_EMBED_CHARS, d.title().length() + 1 + d.text().length())))
                    .toList(), articles.stream().map(Doc::id).toList(), articleVectors);
            embed(tickets.stream().map(Tk::text).toList(), tickets.stream().map(Tk::id).toList(), ticketVectors);
        }
    }

    private void add(ArticleDetail a) {
        String text = a.bodyText() == null ? "" : a.bodyText();
        articles.add(new Doc(a.article().id(), a.article().title(), a.article().url(), a.article().lastUpdated(), text,
                Texts.words(a.article().title() + "\n" + text), a.entities() == null ? List.of() : a.entities(),
                RECORD.matcher(a.article().title()).find() || a.article().labels().stream().anyMatch(l -> RECORD.matcher(l).find())));
    }

    private void embed(List<String> texts, List<Long> ids, Map<Long, float[]> into) {
        for (int i = 0; i < texts.size(); i += EMBED_BATCH) {
            List<float[]> v = model.embed(texts.subList(i, Math.min(texts.size(), i + EMBED_BATCH)));
            for (int j = 0; j < v.size(); j++) {
                into.put(ids.get(i + j), v.get(j));
            }
        }
    }

    boolean embedded() {
        return model != null;
    }

    float[] vector(Tk t) {
        return ticketVectors.get(t.id());
    }

    float[] vector(Doc d) {
        return articleVectors.get(d.id());
    }
}
