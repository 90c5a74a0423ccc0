package com.enreach.tools.assistant.internal.kbmaint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.enreach.tools.api.ai.KbAnalysis.KbFinding;
import com.enreach.tools.assistant.internal.resolve.Texts;

/**
 * Near-duplicate and overlapping articles: by embedding cosine (every pair: dot products of vectors computed once per
 * run, no model call per pair; only for articles about the same machines, or not naming any) and by 5-word shingles (an inverted index, so only pairs that share text are counted;
 * shingles found in many articles are boilerplate and left out).
 */
final class Duplicates {
    static final int SHINGLE = 5;
    static final int MIN_SHINGLES = 10;
    /** Share of the shorter article's shingles also in the other from which two articles overlap. */
    static final double OVERLAP = 0.5;
    /** Share of the machines two articles name (Jaccard) from which they are about the same things. */
    static final double SAME_SUBJECT = 0.5;

    private Duplicates() {
    }

    static List<KbFinding> find(Corpus corpus, double similarity) {
        List<Corpus.Doc> docs = corpus.articles;
        int m = docs.size();
        List<Set<Long>> shingles = new ArrayList<>();
        Map<Long, List<Integer>> postings = new HashMap<>();
        for (int i = 0; i < m; i++) {
            Set<Long> s = shingles(docs.get(i).text());
            shingles.add(s);
            if (s.size() >= MIN_SHINGLES) {
                for (Long h : s) {
                    postings.computeIfAbsent(h, k -> new ArrayList<>()).add(i);
                }
            }
        }
        int boilerplate = Math.max(3, Math.min(50, m / 20)); // bounded, so a common phrase cannot make a quadratic pair list
        Map<Long, Integer> shared = new HashMap<>();
        for (List<Integer> p : postings.values()) {
            if (p.size() < 2 || p.size() > boilerplate) {
                continue;
            }
            for (int a = 0; a < p.size(); a++) {
                for (int b = a + 1; b < p.size(); b++) {
                    shared.merge(((long) p.get(a) << 32) | p.get(b), 1, Integer::sum);
                }
            }
        }
        Map<Long, double[]> pairs = new HashMap<>(); // {cosine, jaccard, containment}
        shared.forEach((key, n) -> {
            int i = (int) (key >>> 32);
            int j = (int) (key & 0xffffffffL);
            int a = shingles.get(i).size();
            int b = shingles.get(j).size();
            pairs.put(key, new double[] {0, (double) n / (a + b - n), (double) n / Math.min(a, b)});
        });
        if (corpus.embedded()) {
            for (int i = 0; i < m; i++) {
                float[] vi = corpus.vector(docs.get(i));
                for (int j = i + 1; j < m && vi != null; j++) {
                    float[] vj = corpus.vector(docs.get(j));
                    double cos = vj == null ? 0 : Texts.cosine(vi, vj);
                    if (cos >= similarity) {
                        pairs.computeIfAbsent(((long) i << 32) | j, k -> new double[3])[0] = cos;
                    }
                }
            }
        }
        List<KbFinding> out = new ArrayList<>();
        pairs.forEach((key, s) -> {
            Corpus.Doc a = docs.get((int) (key >>> 32));
            Corpus.Doc b = docs.get((int) (key & 0xffffffffL));
            // pages written from one template about different machines (cluster pages, post-mortems of different
            // incidents) are close in meaning but no duplicates: by meaning only when they are about the same things
            boolean sameSubject = !differentSubjects(a, b);
            boolean duplicate = (s[0] >= similarity && sameSubject) || s[1] >= similarity;
            if (!duplicate && s[2] < OVERLAP) {
                return;
            }
            Corpus.Doc keep = a.updated() != null && b.updated() != null && b.updated().isAfter(a.updated()) ? b : a;
            Corpus.Doc other = keep == a ? b : a;
            List<String> why = new ArrayList<>();
            if (s[0] > 0 && sameSubject) {
                why.add(String.format(Locale.ROOT, "embedding cosine %.2f", s[0]));
            }
            if (s[2] > 0) {
                why.add(String.format(Locale.ROOT, "%.0f%% of the shorter one's text is in the other (5-word shingles; Jaccard %.2f)",
                        s[2] * 100, s[1]));
            }
            String title = (duplicate ? "Near-duplicate articles: " : "Overlapping articles: ") + a.title() + " / " + b.title();
            String action = duplicate ? "Merge them into one (keep '" + keep.title() + "', updated last) and point '" + other.title() + "' at it"
                    : "Keep the shared part in one article and link to it from the other";
            double score = Math.max(sameSubject ? s[0] : 0, Math.max(s[1], s[2]));
            out.add(new KbFinding("duplicate", title, String.join("; ", why) + ".", action, Math.round(score * 1000) / 1000.0,
                    List.of(a.citation(1, Texts.cut(a.text(), 200)), b.citation(2, Texts.cut(b.text(), 200))), null));
        });
        return out;
    }

    /**
     * Both name machines of the inventory, and share fewer than half of them: they are about different things (pages
     * of one template about different clusters or sites may still both name a common NTP server or vCenter).
     */
    static boolean differentSubjects(Corpus.Doc a, Corpus.Doc b) {
        Set<Long> x = entities(a);
        Set<Long> y = entities(b);
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        int common = 0;
        for (Long id : x) {
            if (y.contains(id)) {
                common++;
            }
        }
        return common < SAME_SUBJECT * (x.size() + y.size() - common);
    }

    private static Set<Long> entities(Corpus.Doc d) {
        Set<Long> out = new HashSet<>();
        d.mentions().forEach(m -> out.add(m.entityId()));
        return out;
    }

    /** Hashes of the 5-word shingles of a text (lower case words). */
    static Set<Long> shingles(String text) {
        String[] w = (text == null ? "" : text.toLowerCase(Locale.ROOT)).split("[^\\p{L}\\p{N}]+");
        List<String> words = new ArrayList<>();
        for (String x : w) {
            if (!x.isEmpty()) {
                words.add(x);
            }
        }
        Set<Long> out = new HashSet<>();
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            long h = 1125899906842597L;
            for (int k = i; k < i + SHINGLE; k++) {
                h = 31 * h + words.get(k).hashCode();
            }
            out.add(h);
        }
        return out;
    }
}
