package com.enreach.tools.api.kb;

import java.util.List;
import java.util.Map;

/**
 * Vectorisation across the knowledge base.
 *
 * @param counts        content type -> state ({@code pending}, {@code done}, {@code failed}) -> count
 * @param chunks        vectors stored
 * @param model         the installed embedding provider's model ({@code name@version}), or null when none is installed
 * @param indexPresent  whether a vector index plugin is installed
 * @param indexChunks   chunks in the index, or -1 when no index is installed
 * @param indexInSync   whether the index holds what the embeddings table holds
 * @param failures      a sample of failures: "article 12 (Title): reason"
 * @param running       whether a vectorisation is running now
 */
public record VectorizationStatus(Map<String, Map<String, Long>> counts, long chunks, String model, boolean indexPresent,
                                  long indexChunks, boolean indexInSync, List<String> failures, boolean running) {
}
