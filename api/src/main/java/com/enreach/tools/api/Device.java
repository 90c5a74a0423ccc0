package com.enreach.tools.api;

import java.time.Instant;
import java.util.Map;

/**
 * A device in the master database: one object as one source instance sees it.
 *
 * @param status {@link DeviceStatus} value: active, stale or quarantined
 */
public record Device(long id, String name, String type, String sourceSystem, String sourceInstance, String sourceId,
                     Map<String, Object> metadata, String status, Instant firstSeen, Instant lastSeen,
                     Instant createdAt, Instant updatedAt) {
}
