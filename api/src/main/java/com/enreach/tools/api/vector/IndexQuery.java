package com.enreach.tools.api.vector;

/**
 * A search of the index. Filters: null means any.
 *
 * @param text         the words for BM25; null or blank for kNN only
 * @param vector       the query's embedding (same model as the index); null for BM25 only
 * @param contentType  {@code article}, {@code ticket} or null
 * @param resolvedOnly only chunks with {@code resolved}
 * @param limit        how many contents (not chunks) to return
 */
public record IndexQuery(String text, float[] vector, String contentType, String space, String project, String status,
                         boolean resolvedOnly, int limit) {
}
