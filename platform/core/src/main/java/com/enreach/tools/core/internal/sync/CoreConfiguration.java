package com.enreach.tools.core.internal.sync;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The core's one configuration ({@code etc/enreach.core.cfg}, PID {@code enreach.core}); every key is optional.
 * Read and checked by {@link EngineSettings#read}, which names each bad key and falls back to its default; the retry
 * defaults here repeat {@code RetryPolicy.DEFAULT} (annotation defaults must be constants) and a test keeps them equal.
 */
@ObjectClassDefinition(name = "Enreach core",
        description = "Sync engine threads, batching, the retry policy and delete budget every source instance inherits, and timeouts.")
public @interface CoreConfiguration {

    @AttributeDefinition(name = "Sync workers", description = "Runs that fetch at the same time (1 to 64); further runs wait for a free worker.")
    int sync_workers() default EngineSettings.DEFAULT_WORKERS;

    @AttributeDefinition(name = "Scheduler tick (seconds)", description = "How often the scheduler looks for instances due to run (1 to 3,600).")
    int scheduler_tick_seconds() default EngineSettings.DEFAULT_TICK_SECONDS;

    @AttributeDefinition(name = "Batch size", description = "Records written per database transaction during a run (100 to 100,000).")
    int batch_size() default EngineSettings.DEFAULT_BATCH_SIZE;

    @AttributeDefinition(name = "Retry attempts", description = "Attempts per remote call for retryable failures (1 to 20); an instance's retry.attempts wins.")
    int retry_attempts() default 4;

    @AttributeDefinition(name = "Retry backoff (ms)", description = "First wait before a retry, doubled per attempt (0 to 600,000); an instance's retry.backoff.ms wins.")
    int retry_backoff_ms() default 500;

    @AttributeDefinition(name = "Longest backoff (seconds)", description = "Cap of the doubling backoff (0 to 3,600).")
    int retry_max_backoff_seconds() default 30;

    @AttributeDefinition(name = "Longest Retry-After (seconds)", description = "Cap of the wait a source may ask for with Retry-After (0 to 3,600).")
    int retry_max_retry_after_seconds() default 60;

    @AttributeDefinition(name = "Retry time per call (seconds)",
            description = "Longest time one remote call may take, attempts and waits together; no retry starts past it (1 to 86,400).")
    int retry_max_total_seconds() default 120;

    @AttributeDefinition(name = "Delete budget (percent)", description = "Default delete.budget.percent of instances that do not set it (0 to 100).")
    int delete_budget_percent() default EngineSettings.DEFAULT_DELETE_BUDGET_PERCENT;

    @AttributeDefinition(name = "Connection check timeout (seconds)",
            description = "Longest wait for a connection check asked for through the API (1 to 3,600); the check goes on in the background.")
    int check_timeout_seconds() default EngineSettings.DEFAULT_CHECK_TIMEOUT_SECONDS;
}
