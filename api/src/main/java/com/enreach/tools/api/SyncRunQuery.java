package com.enreach.tools.api;

import java.time.Instant;

/**
 * Sync-history filters; null means any.
 *
 * @param instance      source instance
 * @param status        {@link SyncStatus} value
 * @param startedFrom   runs started at or after this time
 * @param startedBefore runs started before this time
 * @since 1.2
 */
public record SyncRunQuery(String instance, String status, Instant startedFrom, Instant startedBefore, int limit, int offset) {
}
