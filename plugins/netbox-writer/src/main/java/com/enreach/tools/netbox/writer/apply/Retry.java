package com.enreach.tools.netbox.writer.apply;

import java.time.Duration;
import java.util.function.Supplier;

import com.enreach.tools.netbox.client.NetBoxException;

/**
 * Retries a NetBox request that failed retryably (timeout, 429, 5xx) a bounded number of times with exponential
 * backoff, waiting at least what NetBox's Retry-After asked for; permanent failures go straight through.
 */
public final class Retry {
    /** Waits; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final int attempts;
    private final Duration base;
    private final Duration max;
    private final Sleeper sleeper;

    public Retry(int attempts, Duration base, Duration max, Sleeper sleeper) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        this.attempts = attempts;
        this.base = base;
        this.max = max;
        this.sleeper = sleeper;
    }

    public static Retry standard() {
        return new Retry(4, Duration.ofMillis(500), Duration.ofSeconds(30), d -> Thread.sleep(d.toMillis()));
    }

    /**
     * Runs {@code call}; before each retry runs {@code beforeRetry} (a create that got no answer may have been made:
     * the caller looks it up first).
     */
    public <T> T call(Supplier<T> call, Runnable beforeRetry) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (NetBoxException e) {
                if (!e.retryable() || attempt >= attempts) {
                    throw e;
                }
                Duration backoff = base.multipliedBy(1L << (attempt - 1));
                if (backoff.compareTo(max) > 0) {
                    backoff = max;
                }
                Duration asked = Duration.ofSeconds(Math.max(0, e.retryAfterSeconds()));
                if (asked.compareTo(max) > 0) {
                    throw e; // NetBox asks for a longer pause than an apply should block: fail, resume later
                }
                Duration wait = asked.compareTo(backoff) > 0 ? asked : backoff;
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                if (beforeRetry != null) {
                    beforeRetry.run();
                }
            }
        }
    }
}
