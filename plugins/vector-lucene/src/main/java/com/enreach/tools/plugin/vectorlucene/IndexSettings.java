package com.enreach.tools.plugin.vectorlucene;

/**
 * Tuning of one index, from {@link LuceneIndexConfig} (or a test or benchmark).
 *
 * @param candidatesPerResult chunks fetched per list (BM25, kNN) for each content asked for
 * @param minCandidates       the fewest chunks fetched per list, so a small limit still groups well
 * @param hnswM               HNSW graph: neighbours per node
 * @param hnswBeamWidth       HNSW graph: candidates considered while inserting
 * @param ramBufferMb         indexing buffer before a segment is flushed
 */
public record IndexSettings(int candidatesPerResult, int minCandidates, int hnswM, int hnswBeamWidth,
                            double ramBufferMb) {
    public static final IndexSettings DEFAULTS = new IndexSettings(5, 50, 16, 100, 32);

    public IndexSettings {
        positive("candidates.per.result", candidatesPerResult);
        positive("candidates.min", minCandidates);
        if (hnswM < 2 || hnswM > 512) {
            throw new IllegalArgumentException("hnsw.m must be 2..512, was " + hnswM);
        }
        if (hnswBeamWidth < 1 || hnswBeamWidth > 3200) {
            throw new IllegalArgumentException("hnsw.beam.width must be 1..3200, was " + hnswBeamWidth);
        }
        if (!(ramBufferMb >= 1)) {
            throw new IllegalArgumentException("ram.buffer.mb must be at least 1, was " + ramBufferMb);
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }

    /** How many chunks each list fetches for {@code limit} contents. */
    public int candidates(int limit) {
        return Math.max(minCandidates, (int) Math.min(10_000L, (long) limit * candidatesPerResult));
    }
}
