package com.enreach.tools.api.spi;

/**
 * Service and configuration property names the core reads from every {@link SourceConnector} registration.
 * They live in the instance's own configuration file beside the plugin-specific keys.
 */
public final class SourceProperties {

    /** Optional explicit instance id; by default {@code <kind>-<configuration name>}. */
    public static final String INSTANCE = "instance";

    /** Minutes between scheduled runs; 0 or absent means on demand only. */
    public static final String SCHEDULE_MINUTES = "schedule.minutes";

    /** Largest share (percent) of active devices one run may mark stale before it asks for confirmation. Default 10. */
    public static final String DELETE_BUDGET_PERCENT = "delete.budget.percent";

    /** {@code false} disables scheduled and manual runs of the instance without removing its data. */
    public static final String ENABLED = "enabled";

    /** Attempts per retryable call made through {@link SourceContext#call}. Default 4. */
    public static final String RETRY_ATTEMPTS = "retry.attempts";

    /** First backoff in milliseconds, doubled on each attempt. Default 500. */
    public static final String RETRY_BACKOFF_MS = "retry.backoff.ms";

    private SourceProperties() {
    }
}
