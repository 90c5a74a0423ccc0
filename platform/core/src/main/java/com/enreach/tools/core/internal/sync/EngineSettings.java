package com.enreach.tools.core.internal.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.plugin.ConfigFields;
import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.source.support.retry.RetryPolicy;

/**
 * The engine's settings, read from the core configuration ({@link CoreConfiguration}).
 *
 * @param workers             runs fetching at the same time
 * @param schedulerTick       how often the scheduler looks for due instances; zero = no scheduler (tests)
 * @param batchSize           records per write transaction
 * @param retry               the retry policy instances inherit (their {@code retry.*} keys override attempts and backoff)
 * @param deleteBudgetPercent the delete budget of instances that do not set one
 * @param checkTimeout        the longest a caller waits for a connection check
 */
public record EngineSettings(int workers, Duration schedulerTick, int batchSize, RetryPolicy retry, int deleteBudgetPercent, Duration checkTimeout) {
    static final String PID = "enreach.core";
    static final int DEFAULT_WORKERS = 3;
    static final int DEFAULT_TICK_SECONDS = 10;
    static final int DEFAULT_BATCH_SIZE = 2000;
    static final int DEFAULT_DELETE_BUDGET_PERCENT = 10;
    static final int DEFAULT_CHECK_TIMEOUT_SECONDS = 30;

    /** The defaults of {@link CoreConfiguration} (a test checks that both declare the same). */
    public static EngineSettings defaults() {
        return read(Map.of(), new ArrayList<>());
    }

    /**
     * Reads the core configuration's properties. A bad value (not a number, out of range) is added to {@code errors},
     * naming its key, and its default is used instead. The retry defaults are those of {@link RetryPolicy#DEFAULT},
     * which the plugin test kit uses too.
     */
    public static EngineSettings read(Map<String, ?> props, List<FieldError> errors) {
        RetryPolicy d = RetryPolicy.DEFAULT;
        ConfigFields f = new ConfigFields(props);
        int workers = f.integer("sync.workers", DEFAULT_WORKERS, 1, 64);
        int tick = f.integer("scheduler.tick.seconds", DEFAULT_TICK_SECONDS, 1, 3600);
        int batch = f.integer("batch.size", DEFAULT_BATCH_SIZE, 100, 100_000);
        int attempts = f.integer("retry.attempts", d.attempts(), 1, 20);
        int backoffMs = f.integer("retry.backoff.ms", (int) d.baseBackoff().toMillis(), 0, 600_000);
        int maxBackoff = f.integer("retry.max.backoff.seconds", (int) d.maxBackoff().toSeconds(), 0, 3600);
        int maxRetryAfter = f.integer("retry.max.retry.after.seconds", (int) d.maxRetryAfter().toSeconds(), 0, 3600);
        int maxTotal = f.integer("retry.max.total.seconds", (int) d.maxTotal().toSeconds(), 1, 86_400);
        int budget = f.integer("delete.budget.percent", DEFAULT_DELETE_BUDGET_PERCENT, 0, 100);
        int check = f.integer("check.timeout.seconds", DEFAULT_CHECK_TIMEOUT_SECONDS, 1, 3600);
        errors.addAll(f.errors());
        RetryPolicy retry = new RetryPolicy(attempts, Duration.ofMillis(backoffMs), Duration.ofSeconds(maxBackoff), Duration.ofSeconds(maxRetryAfter),
                Duration.ofSeconds(maxTotal));
        return new EngineSettings(workers, Duration.ofSeconds(tick), batch, retry, budget, Duration.ofSeconds(check));
    }

    EngineSettings withoutScheduler() {
        return new EngineSettings(workers, Duration.ZERO, batchSize, retry, deleteBudgetPercent, checkTimeout);
    }

    EngineSettings withWorkers(int n) {
        return new EngineSettings(n, schedulerTick, batchSize, retry, deleteBudgetPercent, checkTimeout);
    }

    EngineSettings withCheckTimeout(Duration d) {
        return new EngineSettings(workers, schedulerTick, batchSize, retry, deleteBudgetPercent, d);
    }

    EngineSettings withRetry(RetryPolicy p) {
        return new EngineSettings(workers, schedulerTick, batchSize, p, deleteBudgetPercent, checkTimeout);
    }

    /** The policy of one instance: the core's, with the instance's attempts, first backoff and time limit when it sets them. */
    RetryPolicy retryFor(SourceRegistry.Entry e) {
        int attempts = e.retryAttempts() == null ? retry.attempts() : e.retryAttempts();
        Duration backoff = e.retryBackoffMs() == null ? retry.baseBackoff() : Duration.ofMillis(e.retryBackoffMs());
        Duration maxTotal = e.retryMaxTotalSeconds() == null ? retry.maxTotal() : Duration.ofSeconds(e.retryMaxTotalSeconds());
        return new RetryPolicy(attempts, backoff, retry.maxBackoff(), retry.maxRetryAfter(), maxTotal);
    }

    int deleteBudgetFor(SourceRegistry.Entry e) {
        return e.deleteBudgetPercent() == null ? deleteBudgetPercent : e.deleteBudgetPercent();
    }
}
