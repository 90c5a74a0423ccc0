package com.enreach.tools.api.vector;

/**
 * One content that matched, with its best chunk. Results are fused by reciprocal rank over contents: the BM25 list
 * and the kNN list each rank contents by their best chunk, and {@code score = Σ 1/(k + rank)} (k = 60).
 *
 * @param textRank   1-based rank in the BM25 list, 0 when absent
 * @param vectorRank 1-based rank in the kNN list, 0 when absent
 * @param chunk      the best chunk's number (by the better of its two ranks)
 * @param text       that chunk's text
 */
public record IndexHit(String contentType, long contentId, int chunk, String text, double score, int textRank,
                       int vectorRank) {
}
