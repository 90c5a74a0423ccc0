package com.enreach.tools.api;

import java.time.Instant;
import java.util.List;

/**
 * One sync run of one source instance.
 *
 * @param status  {@link SyncStatus} value
 * @param phase   what the run is doing now (running) or did last
 * @param fetched records received from the source so far
 * @param error   user-facing message when failed or waiting for confirmation
 */
public record SyncRun(long id, String instance, String sourceSystem, String trigger, String status, String phase,
                      Instant startedAt, Instant finishedAt, long fetched, long added, long updated, long unchanged,
                      long stale, long warnings, String error, List<String> warningSamples) {
    public boolean finished() {
        return !SyncStatus.RUNNING.equals(status);
    }
}
