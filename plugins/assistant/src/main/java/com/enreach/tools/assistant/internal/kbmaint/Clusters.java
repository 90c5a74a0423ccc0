package com.enreach.tools.assistant.internal.kbmaint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.enreach.tools.api.kb.SearchHit;
import com.enreach.tools.api.kb.SearchQuery;
import com.enreach.tools.assistant.internal.AssistantContext;
import com.enreach.tools.assistant.internal.resolve.Texts;

/**
 * Tickets grouped by what they are about, each group with its closest article. Leader clustering (a ticket joins the
 * most similar group leader above the threshold, else leads a new group): one pass, O(tickets × groups), no pairwise
 * matrix. The closest article is searched for with the group's words, then scored by the same similarity (so a
 * thousand articles cost one search per group, not a thousand comparisons).
 */
final class Clusters {
    /** Similarity from which a ticket joins a group: embedding cosine, or word-set cosine without the model. */
    static final double JOIN_COSINE = 0.80;
    static final double JOIN_WORDS = 0.50;
    static final int ARTICLE_CANDIDATES = 5;
    static final int PASSAGE_WORDS = 120;

    static final class Group {
        final Corpus.Tk leader;
        final List<Corpus.Tk> members = new ArrayList<>();
        Corpus.Doc article;
        double articleSimilarity;

        Group(Corpus.Tk leader) {
            this.leader = leader;
        }

        long resolved() {
            return members.stream().filter(Corpus.Tk::resolved).count();
        }

        /**
         * Words most members share (at least half of them), or the leader's; machine names are left out, so a page that
         * lists a site's machines does not pass for an article about the problem.
         */
        Set<String> words() {
            Map<String, Integer> counts = new HashMap<>();
            members.forEach(m -> m.words().stream().filter(w -> w.indexOf('#') < 0).forEach(w -> counts.merge(w, 1, Integer::sum)));
            Set<String> common = counts.entrySet().stream().filter(e -> e.getValue() * 2 >= members.size()).map(Map.Entry::getKey)
                    .collect(Collectors.toCollection(HashSet::new));
            return common.isEmpty() ? leader.words() : common;
        }
    }

    final List<Group> groups = new ArrayList<>();

    Clusters(Corpus corpus, AssistantContext context) {
        for (Corpus.Tk t : corpus.tickets) {
            Group best = null;
            double bestSim = corpus.embedded() ? JOIN_COSINE : JOIN_WORDS;
            for (Group g : groups) {
                double sim = corpus.embedded() ? Texts.cosine(corpus.vector(t), corpus.vector(g.leader)) : Texts.cosine(t.words(), g.leader.words());
                if (sim >= bestSim) {
                    best = g;
                    bestSim = sim;
                }
            }
            if (best == null) {
                best = new Group(t);
                groups.add(best);
            }
            best.members.add(t);
        }
        Map<Long, Corpus.Doc> byId = new HashMap<>();
        corpus.articles.forEach(d -> byId.put(d.id(), d));
        for (Group g : groups) {
            closestArticle(g, corpus, byId, context);
        }
    }

    private static void closestArticle(Group g, Corpus corpus, Map<Long, Corpus.Doc> byId, AssistantContext context) {
        Set<String> words = g.words();
        String query = Texts.cut(g.leader.summary() + " " + String.join(" ", words), 1000);
        List<SearchHit> hits;
        try {
            hits = context.search().search(new SearchQuery(query, "article", null, null, null, false, "hybrid", ARTICLE_CANDIDATES)).hits();
        } catch (RuntimeException e) {
            hits = List.of(); // a text the search refuses: no candidate, the group is judged on nothing
        }
        float[] centroid = corpus.embedded() ? centroid(g, corpus) : null;
        for (SearchHit h : hits) {
            Corpus.Doc d = byId.get(h.id());
            if (d == null) {
                continue;
            }
            double sim = centroid != null && corpus.vector(d) != null ? Texts.cosine(centroid, corpus.vector(d))
                    : Texts.passageSimilarity(words, d.title(), d.text(), PASSAGE_WORDS);
            if (sim > g.articleSimilarity) {
                g.article = d;
                g.articleSimilarity = sim;
            }
        }
    }

    private static float[] centroid(Group g, Corpus corpus) {
        float[] c = null;
        for (Corpus.Tk m : g.members) {
            float[] v = corpus.vector(m);
            if (v == null) {
                continue;
            }
            if (c == null) {
                c = new float[v.length];
            }
            for (int i = 0; i < v.length; i++) {
                c[i] += v[i];
            }
        }
        if (c == null) {
            return null;
        }
        double norm = 0;
        for (float x : c) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < c.length; i++) {
            c[i] /= (float) Math.max(norm, 1e-9);
        }
        return c;
    }
}
