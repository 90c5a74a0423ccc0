package com.enreach.tools.api.inventory;

import java.time.Instant;

/**
 * Where one value came from: the observation (device row) and its source, and when that source last saw it.
 *
 * @param deviceId       the observation; null for a manual override
 * @param sourceSystem   e.g. {@code vcenter}; {@code manual} for an override
 * @param sourceInstance e.g. {@code vcenter-prod}; {@code manual} for an override
 * @param seenAt         when the source last reported it (the override's time for a manual value)
 */
public record Provenance(Long deviceId, String sourceSystem, String sourceInstance, Instant seenAt) {
}
