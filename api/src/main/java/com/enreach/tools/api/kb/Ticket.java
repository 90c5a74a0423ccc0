package com.enreach.tools.api.kb;

import java.time.Instant;
import java.util.List;

/**
 * One cached ticket, as listed.
 *
 * @param id             the master database's id
 * @param sourceId       the issue id in the source
 * @param key            e.g. {@code OPS-123}
 * @param statusCategory {@code new}, {@code indeterminate} or {@code done}
 * @param recordStatus   {@code active} or {@code stale} (gone from the source or out of the instance's JQL)
 * @param vectorStatus   {@code pending}, {@code done} or {@code failed}
 */
public record Ticket(long id, String sourceInstance, String sourceId, String key, String project, String type,
                     String summary, String status, String statusCategory, String resolution, Instant resolutionDate,
                     String assignee, String reporter, String priority, List<String> labels, List<String> components,
                     Instant created, Instant updated, String url, String recordStatus, String vectorStatus,
                     Instant lastSeen) {
}
