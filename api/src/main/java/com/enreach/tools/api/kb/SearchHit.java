package com.enreach.tools.api.kb;

import java.time.Instant;

/**
 * One article or ticket that matched, with its best passage.
 *
 * @param title       article title, or ticket key and summary
 * @param snippet     the best matching passage (plain text, at most a few hundred characters)
 * @param score       the fused score (higher is better; comparable within one result only)
 * @param textRank    rank in the BM25 / text list (1-based), or 0 when not in it
 * @param vectorRank  rank in the kNN list (1-based), or 0 when not in it
 * @param space       the article's space key, or null
 * @param project     the ticket's project key, or null
 * @param status      the ticket's status, or null
 * @param chunk       the number of the chunk the snippet comes from
 */
public record SearchHit(String contentType, long id, String title, String snippet, String url, double score,
                        int textRank, int vectorRank, String space, String project, String status, Instant updated,
                        int chunk) {
}
