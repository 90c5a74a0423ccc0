package com.enreach.tools.api.kb;

import java.util.List;

/**
 * What a search found and how.
 *
 * @param mode   how it was served: {@code hybrid}, {@code bm25}, {@code vector} or {@code database} (the database's
 *               text search, when no vector index plugin is installed)
 * @param notes  what people should know about how it was served ("vector index plugin not installed: database text
 *               search"; "12 articles are not vectorised yet"); empty when nothing to say
 * @param model  the embedding model the query was embedded with, or null
 * @param tookMs time spent
 */
public record SearchResult(String query, String mode, List<SearchHit> hits, List<String> notes, String model, long tookMs) {
}
