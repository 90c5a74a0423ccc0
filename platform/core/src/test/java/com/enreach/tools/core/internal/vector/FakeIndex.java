package com.enreach.tools.core.internal.vector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.enreach.tools.api.vector.IndexHit;
import com.enreach.tools.api.vector.IndexQuery;
import com.enreach.tools.api.vector.IndexedChunk;
import com.enreach.tools.api.vector.VectorIndex;

/**
 * An in-memory VectorIndex for tests, with the contract's semantics: changes are visible after commit; text search
 * scores chunks by shared words, vector search by dot product; contents fused by reciprocal rank (k = 60).
 */
class FakeIndex implements VectorIndex {
    private Map<String, List<IndexedChunk>> committed = new LinkedHashMap<>();
    private Map<String, List<IndexedChunk>> working = new LinkedHashMap<>();
    private String marker;
    int commits;
    int clears;
    final List<IndexQuery> queries = new ArrayList<>();

    @Override
    public synchronized String marker() {
        return marker;
    }

    /** Simulates an index that lost its state (deleted files, recovered from corruption). */
    synchronized void lose() {
        committed = new LinkedHashMap<>();
        working = new LinkedHashMap<>();
        marker = null;
    }

    @Override
    public synchronized long size() {
        return committed.values().stream().mapToLong(List::size).sum();
    }

    @Override
    public synchronized int dimension() {
        return committed.values().stream().flatMap(List::stream).findFirst().map(c -> c.vector().length).orElse(0);
    }

    @Override
    public synchronized void upsert(Collection<IndexedChunk> chunks) {
        Map<String, List<IndexedChunk>> byContent = new LinkedHashMap<>();
        for (IndexedChunk c : chunks) {
            byContent.computeIfAbsent(c.contentKey(), k -> new ArrayList<>()).add(c);
        }
        working.putAll(byContent);
    }

    @Override
    public synchronized void delete(Collection<String> contentKeys) {
        contentKeys.forEach(working::remove);
    }

    @Override
    public synchronized void clear() {
        working.clear();
        clears++;
    }

    @Override
    public synchronized void commit(String marker) {
        committed = new LinkedHashMap<>(working);
        this.marker = marker;
        commits++;
    }

    synchronized List<IndexedChunk> chunksOf(String key) {
        return committed.getOrDefault(key, List.of());
    }

    @Override
    public synchronized List<IndexHit> search(IndexQuery q) {
        queries.add(q);
        Map<String, Double> fused = new HashMap<>();
        Map<String, IndexedChunk> best = new HashMap<>();
        Map<String, int[]> ranks = new HashMap<>();
        List<IndexedChunk> candidates = committed.values().stream().flatMap(List::stream).filter(c -> matches(c, q)).toList();
        if (q.text() != null && !q.text().isBlank()) {
            rank(candidates, c -> words(c.text(), q.text()), 0, fused, best, ranks);
        }
        if (q.vector() != null) {
            rank(candidates, c -> dot(c.vector(), q.vector()), 1, fused, best, ranks);
        }
        return fused.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(q.limit()).map(e -> {
            IndexedChunk c = best.get(e.getKey());
            int[] r = ranks.get(e.getKey());
            return new IndexHit(c.contentType(), c.contentId(), c.chunk(), c.text(), e.getValue(), r[0], r[1]);
        }).toList();
    }

    private static void rank(List<IndexedChunk> chunks, java.util.function.ToDoubleFunction<IndexedChunk> score, int list,
                             Map<String, Double> fused, Map<String, IndexedChunk> best, Map<String, int[]> ranks) {
        Map<String, IndexedChunk> top = new LinkedHashMap<>();
        chunks.stream().filter(c -> score.applyAsDouble(c) > 0).sorted(Comparator.comparingDouble(score).reversed())
                .forEach(c -> top.putIfAbsent(c.contentKey(), c));
        int rank = 0;
        for (Map.Entry<String, IndexedChunk> e : top.entrySet()) {
            rank++;
            fused.merge(e.getKey(), 1.0 / (60 + rank), Double::sum);
            best.putIfAbsent(e.getKey(), e.getValue());
            ranks.computeIfAbsent(e.getKey(), k -> new int[2])[list] = rank;
        }
    }

    private static boolean matches(IndexedChunk c, IndexQuery q) {
        return (q.contentType() == null || q.contentType().equals(c.contentType()))
                && (q.space() == null || q.space().equalsIgnoreCase(String.valueOf(c.space())))
                && (q.project() == null || q.project().equalsIgnoreCase(String.valueOf(c.project())))
                && (q.status() == null || q.status().equalsIgnoreCase(String.valueOf(c.status())))
                && (!q.resolvedOnly() || c.resolved());
    }

    private static double words(String text, String query) {
        String t = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ") + " ";
        double n = 0;
        for (String w : query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty() && t.contains(" " + w + " ")) {
                n++;
            }
        }
        return n;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
