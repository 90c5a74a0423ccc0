package com.enreach.tools.api.kb;

import java.time.Instant;
import java.util.List;

/**
 * One cached article, as listed.
 *
 * @param id           the master database's id
 * @param sourceId     the page id in the source
 * @param ancestors    titles from the space's root down to the parent
 * @param status       {@code active} or {@code stale} (gone from the source)
 * @param vectorStatus {@code pending}, {@code done} or {@code failed}
 */
public record Article(long id, String sourceInstance, String sourceId, String spaceKey, String spaceName, String title,
                      String url, Integer version, Instant lastUpdated, String author, List<String> labels,
                      List<String> ancestors, String status, String vectorStatus, Instant lastSeen) {
}
