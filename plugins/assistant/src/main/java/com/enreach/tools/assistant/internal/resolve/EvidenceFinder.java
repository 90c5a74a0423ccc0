package com.enreach.tools.assistant.internal.resolve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.enreach.tools.api.ai.Citation;
import com.enreach.tools.api.inventory.Entity;
import com.enreach.tools.api.kb.ArticleDetail;
import com.enreach.tools.api.kb.ContentTypes;
import com.enreach.tools.api.kb.EntityMention;
import com.enreach.tools.api.kb.SearchHit;
import com.enreach.tools.api.kb.SearchQuery;
import com.enreach.tools.api.kb.TicketComment;
import com.enreach.tools.api.kb.TicketDetail;
import com.enreach.tools.assistant.internal.AssistantContext;

/** Finds the evidence for a problem: similar resolved tickets, relevant articles, affected entities. */
final class EvidenceFinder {
    static final int TICKETS = 5;
    static final int ARTICLES = 3;
    static final int AGREEING = 3;
    /** Words of a comment that says what fixed the problem. */
    private static final Pattern FIX = Pattern.compile("\\b(fix(ed)?|resolv(ed|es)?|solved|restart(ed)?|replac(ed|ing)|remount(ed)?|"
            + "root cause|workaround|cleared|recovered|renewed|rebooted|reset|removed|grew|extended|consolidated|corrected|"
            + "updated|upgraded|rolled back|cause:)\\b", Pattern.CASE_INSENSITIVE);
    private static final int PASSAGE_WORDS = 120;

    private final AssistantContext context;

    EvidenceFinder(AssistantContext context) {
        this.context = context;
    }

    Evidence find(String problem, TicketDetail self) {
        Set<String> words = Texts.words(problem);
        String query = Texts.cut(problem.replaceAll("\\s+", " "), 1000);
        long selfId = self == null ? -1 : self.ticket().id();

        List<Evidence.Source> tickets = new ArrayList<>();
        for (SearchHit h : search(query, ContentTypes.TICKET, TICKETS + 1)) {
            if (h.id() == selfId || tickets.size() >= TICKETS) {
                continue;
            }
            context.knowledge().ticket(h.id()).ifPresent(t -> tickets.add(ticket(t, words)));
        }
        tickets.sort(Comparator.comparingDouble(Evidence.Source::similarity).reversed());

        List<Evidence.Source> articles = new ArrayList<>();
        for (SearchHit h : search(query, ContentTypes.ARTICLE, ARTICLES)) {
            context.knowledge().article(h.id()).ifPresent(a -> articles.add(article(a, words)));
        }
        articles.sort(Comparator.comparingDouble(Evidence.Source::similarity).reversed());

        List<Citation> entities = self != null ? mentioned(self.entities()) : lookedUp(problem);
        return new Evidence(problem, self == null ? null : self.ticket().key(), tickets, articles, entities,
                agreement(tickets, articles));
    }

    private List<SearchHit> search(String text, String type, int limit) {
        if (text.isBlank()) {
            return List.of();
        }
        return context.search().search(new SearchQuery(text, type, null, null, null, ContentTypes.TICKET.equals(type), "hybrid", limit)).hits();
    }

    static Evidence.Source ticket(TicketDetail t, Set<String> problem) {
        String own = t.ticket().summary() + "\n" + nz(t.description());
        StringBuilder full = new StringBuilder(own);
        t.comments().forEach(c -> full.append('\n').append(nz(c.body())));
        return new Evidence.Source("ticket", t.ticket().id(), t.ticket().key(), t.ticket().summary(), t.ticket().url(),
                Texts.cosine(problem, Texts.words(own)), resolution(t), full.toString());
    }

    /**
     * What fixed a ticket: its resolution field when it is a sentence (Jira's is usually a name such as "Fixed"), else
     * the last two comments that say what was done, else the last comment.
     */
    static String resolution(TicketDetail t) {
        String field = t.ticket().resolution();
        if (field != null && field.strip().contains(" ") && field.strip().length() > 25) {
            return field.strip();
        }
        List<String> fixes = new ArrayList<>();
        List<TicketComment> comments = t.comments();
        for (int i = comments.size() - 1; i >= 0 && fixes.size() < 2; i--) {
            String body = nz(comments.get(i).body()).strip();
            if (!body.isEmpty() && FIX.matcher(body).find()) {
                fixes.add(0, body);
            }
        }
        if (fixes.isEmpty() && !comments.isEmpty()) {
            fixes.add(nz(comments.get(comments.size() - 1).body()).strip());
        }
        return fixes.isEmpty() ? field : String.join("\n", fixes);
    }

    /** Similarity of a problem to an article: its best passage (an article about many things matches on one). */
    static Evidence.Source article(ArticleDetail a, Set<String> problem) {
        String title = a.article().title();
        double best = Texts.passageSimilarity(problem, title, a.bodyText(), PASSAGE_WORDS);
        return new Evidence.Source("article", a.article().id(), title, title, a.article().url(), best, nz(a.bodyText()), null);
    }

    /**
     * Agreement of the sources, 0..1: the larger of the share of the best similar tickets that point at the best
     * article (its URL or title in their text) and the mean word overlap of their resolutions (resolved the same way).
     */
    static double agreement(List<Evidence.Source> tickets, List<Evidence.Source> articles) {
        List<Evidence.Source> top = tickets.subList(0, Math.min(AGREEING, tickets.size()));
        double pointing = 0;
        if (!articles.isEmpty() && !top.isEmpty()) {
            Evidence.Source best = articles.get(0);
            String title = best.title().toLowerCase(Locale.ROOT).replaceFirst("^runbook:\\s*", "");
            long n = top.stream().filter(t -> {
                String text = t.fullText().toLowerCase(Locale.ROOT);
                return (best.url() != null && text.contains(best.url().toLowerCase(Locale.ROOT))) || (title.length() > 8 && text.contains(title));
            }).count();
            pointing = (double) n / top.size();
        }
        double same = 0;
        int pairs = 0;
        for (int i = 0; i < top.size(); i++) {
            for (int j = i + 1; j < top.size(); j++) {
                same += Texts.cosine(Texts.words(top.get(i).text()), Texts.words(top.get(j).text()));
                pairs++;
            }
        }
        return Math.max(pointing, pairs == 0 ? 0 : same / pairs);
    }

    private static List<Citation> mentioned(List<EntityMention> mentions) {
        Map<Long, Citation> out = new LinkedHashMap<>();
        for (EntityMention m : mentions) {
            out.putIfAbsent(m.entityId(), new Citation(0, "entity", m.entityId(), m.entityName(), m.entityName() + " (" + m.entityType() + ")",
                    "#/entities/" + m.entityId(), null, m.mention()));
        }
        return new ArrayList<>(out.values());
    }

    /** Entities named in a text: each host name, FQDN or IP looked up (at most 10 names, 3 candidates each). */
    private List<Citation> lookedUp(String text) {
        Map<Long, Citation> out = new LinkedHashMap<>();
        for (String name : Texts.machineNames(text).stream().limit(10).toList()) {
            List<Entity> found = Optional.ofNullable(context.entities().lookup(name)).map(l -> l.candidates()).orElse(List.of());
            for (Entity e : found.stream().limit(3).toList()) {
                out.putIfAbsent(e.id(), new Citation(0, "entity", e.id(), e.name(), e.name() + " (" + e.type() + ")", "#/entities/" + e.id(),
                        null, name));
            }
        }
        return new ArrayList<>(out.values());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
