package com.enreach.tools.source.support;

/**
 * Defaults and ranges of the keys every instance file may hold, declared once: the plugin's
 * {@code @ObjectClassDefinition} uses them as its defaults ({@code int delete_budget_percent() default
 * SourceDefaults.DELETE_BUDGET_PERCENT}) and {@link Checks#coreKeys} and {@link HttpSettings.Reader} read with
 * them, so the documented default and the applied one cannot drift apart.
 *
 * @since 1.2
 */
public final class SourceDefaults {
    /** {@code schedule.minutes}: on demand only. */
    public static final int SCHEDULE_MINUTES = 0;
    /** Largest {@code schedule.minutes}: a year. */
    public static final int SCHEDULE_MINUTES_MAX = 525_600;
    /** {@code delete.budget.percent}. */
    public static final int DELETE_BUDGET_PERCENT = 10;
    /** {@code insecure}: certificates are verified. */
    public static final boolean INSECURE = false;
    /** {@code timeout.seconds}: the longest wait for one answer. */
    public static final int TIMEOUT_SECONDS = 60;
    /** Smallest {@code timeout.seconds}: a shorter wait cuts ordinary pages of a loaded server. */
    public static final int TIMEOUT_SECONDS_MIN = 5;
    /** Largest {@code timeout.seconds}. */
    public static final int TIMEOUT_SECONDS_MAX = 3600;

    private SourceDefaults() {
    }
}
