package com.enreach.tools.assistant.internal.resolve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.enreach.tools.api.kb.ArticleDetail;
import com.enreach.tools.api.kb.TicketComment;
import com.enreach.tools.api.kb.TicketDetail;

/**
 * The labelled set: every resolved ticket of the demo Jira, held out in turn, with the sources a right suggestion
 * references: the other resolved tickets of its family (same issue type, components and labels but the site: one
 * template of the generator), the article the family's tickets point at or that lists them (its runbook), and the
 * post-mortems that name one of them. A ticket alone in its family with no such article has nothing right to find.
 */
final class LabelledSet {
    private static final Set<String> SITES = Set.of("ams", "fra", "lon", "dub", "rtm");
    private static final Pattern KEY = Pattern.compile("\\b(?:OPS|NET|STOR)-\\d+\\b");

    /**
     * One problem: the held-out ticket, how it is asked ({@code ticket}: by key; {@code summary}: its summary as text;
     * {@code new-kind}: by key with its whole family hidden from search, so only its articles can be right), the
     * tickets hidden from search, and the expected sources ("ticket:id", "article:id").
     */
    record Problem(String key, String variant, String family, Set<Long> hidden, Set<String> expected, Long runbook) {
    }

    final List<Problem> problems = new ArrayList<>();
    final Map<String, Integer> familySizes = new HashMap<>();

    LabelledSet(FakeKb kb) {
        Map<String, List<TicketDetail>> families = new HashMap<>();
        Map<String, TicketDetail> byKey = new HashMap<>();
        for (TicketDetail t : kb.tickets.values()) {
            byKey.put(t.ticket().key(), t);
            if (t.ticket().resolution() != null) {
                families.computeIfAbsent(family(t), f -> new ArrayList<>()).add(t);
            }
        }
        families.forEach((f, ts) -> familySizes.put(f, ts.size()));
        // votes: an article that lists a family's tickets, or that the family's comments link to
        Map<String, Map<Long, Integer>> votes = new HashMap<>();
        Map<String, Set<Long>> postmortems = new HashMap<>();
        for (ArticleDetail a : kb.articles.values()) {
            Matcher m = KEY.matcher(a.bodyText());
            Set<String> seen = new HashSet<>();
            while (m.find()) {
                TicketDetail t = byKey.get(m.group());
                if (t != null && t.ticket().resolution() != null && seen.add(m.group())) {
                    String f = family(t);
                    if (a.article().title().toLowerCase().contains("post-mortem") || a.article().ancestors().stream()
                            .anyMatch(x -> x.toLowerCase().contains("post-mortem"))) {
                        postmortems.computeIfAbsent(f, x -> new HashSet<>()).add(a.article().id());
                    } else {
                        votes.computeIfAbsent(f, x -> new HashMap<>()).merge(a.article().id(), 1, Integer::sum);
                    }
                }
            }
        }
        for (TicketDetail t : kb.tickets.values()) {
            for (TicketComment c : t.comments()) {
                for (ArticleDetail a : kb.articles.values()) {
                    if (t.ticket().resolution() != null && a.article().url() != null && c.body().contains(a.article().url())) {
                        votes.computeIfAbsent(family(t), x -> new HashMap<>()).merge(a.article().id(), 1, Integer::sum);
                    }
                }
            }
        }
        for (Map.Entry<String, List<TicketDetail>> e : new java.util.TreeMap<>(families).entrySet()) {
            Long runbook = votes.getOrDefault(e.getKey(), Map.of()).entrySet().stream().max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey).orElse(null);
            Set<String> articlesOf = new TreeSet<>();
            if (runbook != null) {
                articlesOf.add("article:" + runbook);
            }
            postmortems.getOrDefault(e.getKey(), Set.of()).forEach(id -> articlesOf.add("article:" + id));
            Set<Long> family = new HashSet<>();
            e.getValue().forEach(t -> family.add(t.ticket().id()));
            int i = 0;
            for (TicketDetail t : e.getValue()) {
                Set<String> expected = new TreeSet<>(articlesOf);
                e.getValue().stream().filter(s -> s != t).forEach(s -> expected.add("ticket:" + s.ticket().id()));
                problems.add(new Problem(t.ticket().key(), "ticket", e.getKey(), Set.of(), expected, runbook));
                problems.add(new Problem(t.ticket().key(), "summary", e.getKey(), Set.of(t.ticket().id()), expected, runbook));
                if (i++ < 3) {
                    problems.add(new Problem(t.ticket().key(), "new-kind", e.getKey(), family, articlesOf, runbook));
                }
            }
        }
    }

    static String family(TicketDetail t) {
        List<String> labels = t.ticket().labels().stream().filter(l -> !SITES.contains(l)).sorted().toList();
        return t.ticket().type() + "|" + new TreeSet<>(t.ticket().components()) + "|" + labels;
    }
}
