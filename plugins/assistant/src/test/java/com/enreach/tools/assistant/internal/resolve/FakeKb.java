package com.enreach.tools.assistant.internal.resolve;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.kb.Article;
import com.enreach.tools.api.kb.ArticleDetail;
import com.enreach.tools.api.kb.ArticleQuery;
import com.enreach.tools.api.kb.EntityMention;
import com.enreach.tools.api.kb.KnowledgeService;
import com.enreach.tools.api.kb.LinkedContent;
import com.enreach.tools.api.kb.SearchHit;
import com.enreach.tools.api.kb.SearchQuery;
import com.enreach.tools.api.kb.SearchResult;
import com.enreach.tools.api.kb.SearchService;
import com.enreach.tools.api.kb.Ticket;
import com.enreach.tools.api.kb.TicketComment;
import com.enreach.tools.api.kb.TicketDetail;
import com.enreach.tools.api.kb.TicketQuery;

/**
 * An in-memory knowledge base: articles and tickets, read by id/key/listing, and searched with BM25 over OR-ed words
 * (as the core's database text search does when no vector index is installed).
 */
public class FakeKb implements KnowledgeService, SearchService {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]");
    public final Map<Long, ArticleDetail> articles = new LinkedHashMap<>();
    public final Map<Long, TicketDetail> tickets = new LinkedHashMap<>();
    public final List<SearchQuery> queries = new ArrayList<>();
    /** Contents search does not find (as if they were not in the knowledge base). */
    public final java.util.Set<Long> hidden = new java.util.HashSet<>();
    private long nextId = 1;
    private Map<Long, Map<String, Integer>> tf;
    private Map<String, Integer> df;

    public long nextId() {
        return nextId++;
    }

    public void put(ArticleDetail a) {
        articles.put(a.article().id(), a);
        tf = null;
    }

    public void put(TicketDetail t) {
        tickets.put(t.ticket().id(), t);
        tf = null;
    }

    public long article(String title, String body, Instant updated, List<EntityMention> mentions) {
        long id = nextId++;
        Article a = new Article(id, "wiki", "p" + id, "OPS", "Operations", title, "https://wiki.example/pages/" + id, 1, updated, "someone",
                List.of(), List.of(), "active", "done", updated);
        articles.put(id, new ArticleDetail(a, "<p>" + body + "</p>", body, mentions, null));
        tf = null;
        return id;
    }

    public long article(String title, String body) {
        return article(title, body, Instant.parse("2026-01-01T00:00:00Z"), List.of());
    }

    public long ticket(String key, String summary, String description, String resolution, Instant created, List<EntityMention> mentions,
                       String... comments) {
        long id = nextId++;
        List<TicketComment> cs = new ArrayList<>();
        for (int i = 0; i < comments.length; i++) {
            cs.add(new TicketComment("c" + i, "ops", created.plusSeconds(3600L * (i + 1)), null, comments[i]));
        }
        boolean done = resolution != null;
        Ticket t = new Ticket(id, "jira", "i" + id, key, key.replaceAll("-.*", ""), "Incident", summary, done ? "Resolved" : "Open",
                done ? "done" : "new", resolution, done ? created.plusSeconds(86_400) : null, null, null, "Medium", List.of(), List.of(),
                created, created, "https://jira.example/browse/" + key, "active", "done", created);
        tickets.put(id, new TicketDetail(t, description, cs, mentions, null));
        tf = null;
        return id;
    }

    public long ticket(String key, String summary, String description, String resolution, String... comments) {
        return ticket(key, summary, description, resolution, Instant.parse("2025-06-01T00:00:00Z"), List.of(), comments);
    }

    // --- KnowledgeService

    @Override
    public Page<Article> articles(ArticleQuery q) {
        List<Article> all = articles.values().stream().map(ArticleDetail::article).toList();
        return page(all, q.limit(), q.offset());
    }

    @Override
    public Optional<ArticleDetail> article(long id) {
        return Optional.ofNullable(articles.get(id));
    }

    @Override
    public Page<Ticket> tickets(TicketQuery q) {
        List<Ticket> all = tickets.values().stream().map(TicketDetail::ticket)
                .filter(t -> q.resolved() == null || q.resolved() == (t.resolution() != null)).toList();
        return page(all, q.limit(), q.offset());
    }

    private static <T> Page<T> page(List<T> all, int limit, int offset) {
        if (limit < 1 || limit > 1000) {
            throw ApiException.invalid("limit", "1..1000");
        }
        return new Page<>(all.size(), limit, offset, all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit)));
    }

    @Override
    public Optional<TicketDetail> ticket(long id) {
        return Optional.ofNullable(tickets.get(id));
    }

    @Override
    public Optional<TicketDetail> ticketByKey(String key) {
        return tickets.values().stream().filter(t -> t.ticket().key().equalsIgnoreCase(key)).findFirst();
    }

    @Override
    public List<LinkedContent> contentAbout(long entityId, int limit) {
        return List.of();
    }

    // --- SearchService: BM25 over the words of title + text

    @Override
    public SearchResult search(SearchQuery q) {
        if (q.text() == null || q.text().isBlank() || q.text().length() > 1000) {
            throw ApiException.invalid("q", "1..1000 characters");
        }
        queries.add(q);
        index();
        Map<String, Integer> words = tokens(q.text());
        double avg = tf.values().stream().mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).sum()).average().orElse(1);
        List<SearchHit> hits = new ArrayList<>();
        for (Map.Entry<Long, Map<String, Integer>> e : tf.entrySet()) {
            long id = e.getKey();
            if (hidden.contains(id)) {
                continue;
            }
            boolean isArticle = articles.containsKey(id);
            if (q.contentType() != null && !q.contentType().equals(isArticle ? "article" : "ticket")) {
                continue;
            }
            if (!isArticle && q.resolvedOnly() && tickets.get(id).ticket().resolution() == null) {
                continue;
            }
            int len = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
            double score = 0;
            for (String w : words.keySet()) {
                int f = e.getValue().getOrDefault(w, 0);
                if (f > 0) {
                    double idf = Math.log(1 + (tf.size() - df.get(w) + 0.5) / (df.get(w) + 0.5));
                    score += idf * f * 2.2 / (f + 1.2 * (0.25 + 0.75 * len / avg));
                }
            }
            if (score > 0) {
                String title = isArticle ? articles.get(id).article().title() : tickets.get(id).ticket().key() + " " + tickets.get(id).ticket().summary();
                hits.add(new SearchHit(isArticle ? "article" : "ticket", id, title, "", null, score, 0, 0, null, null, null, null, 0));
            }
        }
        hits.sort(Comparator.comparingDouble(SearchHit::score).reversed());
        List<SearchHit> top = hits.subList(0, Math.min(q.limit(), hits.size()));
        return new SearchResult(q.text(), "database", new ArrayList<>(top), List.of(), null, 1);
    }

    private void index() {
        if (tf != null) {
            return;
        }
        tf = new LinkedHashMap<>();
        df = new HashMap<>();
        articles.forEach((id, a) -> tf.put(id, tokens(a.article().title() + "\n" + a.bodyText())));
        tickets.forEach((id, t) -> {
            StringBuilder b = new StringBuilder(t.ticket().key() + " " + t.ticket().summary() + "\n" + t.description());
            t.comments().forEach(c -> b.append('\n').append(c.body()));
            tf.put(id, tokens(b.toString()));
        });
        tf.values().forEach(m -> m.keySet().forEach(w -> df.merge(w, 1, Integer::sum)));
    }

    private static Map<String, Integer> tokens(String text) {
        Map<String, Integer> m = new HashMap<>();
        Matcher x = TOKEN.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        while (x.find()) {
            m.merge(x.group(), 1, Integer::sum);
        }
        return m;
    }
}
