package com.enreach.tools.core.internal.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.ApiException;

/**
 * Every tick, renews the scheduler lease ({@link SchedulerLease}) and, while this node holds it, starts the enabled
 * instances whose {@code schedule.minutes} have passed since their last attempt.
 */
final class SyncScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);

    private final SourceRegistry registry;
    private final SyncQueries queries;
    private final SyncRunner runner;
    /** True when this node holds (took or renewed) the scheduler lease; asked every tick. */
    private final BooleanSupplier holdLease;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(SyncRunner.threads("enreach-scheduler"));

    /** @param tick how often to look; zero starts no timer ({@link #runDue()} is then called by hand, in tests) */
    SyncScheduler(SourceRegistry registry, SyncQueries queries, SyncRunner runner, Duration tick, BooleanSupplier holdLease) {
        this.registry = registry;
        this.queries = queries;
        this.runner = runner;
        this.holdLease = holdLease;
        long ms = tick.toMillis();
        if (ms > 0) {
            timer.scheduleWithFixedDelay(this::runDue, Math.min(2000, ms), ms, TimeUnit.MILLISECONDS);
        }
    }

    void runDue() {
        try {
            if (!holdLease.getAsBoolean()) {
                return; // another node schedules
            }
            Map<String, Instant> lastAttempts = queries.lastAttempts();
            Instant now = Instant.now();
            for (SourceRegistry.Entry e : registry.all()) {
                if (e.scheduleMinutes() <= 0 || !e.enabled() || runner.isRunning(e.instance())) {
                    continue;
                }
                Instant last = lastAttempts.get(e.instance());
                if (last == null || !last.plusSeconds(e.scheduleMinutes() * 60L).isAfter(now)) {
                    try {
                        runner.trigger(e.instance(), "schedule", false);
                    } catch (ApiException ex) {
                        LOG.debug("Scheduled run of {} not started: {}", e.instance(), ex.getMessage());
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Scheduler tick failed", e);
        }
    }

    void stop() {
        timer.shutdownNow();
    }
}
