package com.enreach.tools.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The figures of one ended sync run, as its history records them.
 *
 * @param instance the source instance (for example {@code vcenter-prod})
 * @param kind the plugin kind (for example {@code vcenter}), or {@code unknown}
 * @param outcome the run's final status: {@code succeeded}, {@code failed}, {@code cancelled} or
 *                {@code needs_confirmation}
 * @param duration from the run's start to its end
 * @param endedAt when it ended
 * @param fetched records read from the source
 * @param added records new to the master database
 * @param updated records that changed
 * @param stale records marked stale (no longer reported by the source)
 */
public record SyncRunEnd(String instance, String kind, String outcome, Duration duration, Instant endedAt, long fetched, long added,
                         long updated, long stale) {
    public SyncRunEnd {
        Objects.requireNonNull(instance, "instance is null");
        Objects.requireNonNull(outcome, "outcome is null");
        Objects.requireNonNull(duration, "duration is null");
        Objects.requireNonNull(endedAt, "endedAt is null");
        kind = kind == null ? "unknown" : kind;
    }
}
