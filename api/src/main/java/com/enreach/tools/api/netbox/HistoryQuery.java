package com.enreach.tools.api.netbox;

import java.time.Instant;

/**
 * History filters (all optional, null = any), newest first.
 *
 * @param source     a source instance behind the entity
 * @param object     substring of the object name, case-insensitive
 * @param user       applied or approved by this token name
 * @param from       at or after
 * @param to         before
 */
public record HistoryQuery(String target, String source, Long entityId, String objectType, Long netboxId,
                           String object, String user, Instant from, Instant to, String status, Long changeSetId,
                           int limit, int offset) {
}
