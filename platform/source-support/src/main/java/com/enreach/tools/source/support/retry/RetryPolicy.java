package com.enreach.tools.source.support.retry;

import java.time.Duration;
import java.util.Objects;

import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceCall;
import com.enreach.tools.api.spi.SourceException;

/**
 * How one remote call is retried: a {@link RetryableSourceException} is tried again after the delay the source asked
 * for (Retry-After, capped) or an exponential backoff (capped), until the attempts are used up, the total time spent
 * on the call would pass its limit, or the run is cancelled. A permanent failure is never retried. The last failure is
 * thrown as it was; why the policy gave up is reported to the {@link Host}.
 *
 * @param attempts      attempts in all (1 = no retry)
 * @param baseBackoff   the first wait, doubled per attempt
 * @param maxBackoff    the longest backoff wait
 * @param maxRetryAfter the longest wait a source's Retry-After may impose
 * @param maxTotal      the longest time one call may take, attempts and waits together; the policy does not start
 *                      a wait that would end past it
 */
public record RetryPolicy(int attempts, Duration baseBackoff, Duration maxBackoff, Duration maxRetryAfter, Duration maxTotal) {

    /**
     * The platform defaults: 4 attempts, 500 ms doubling to at most 30 s, Retry-After honoured up to 60 s, and no retry
     * started once a call has taken 2 minutes (a page that hangs until a 60 s request timeout is tried twice, not four
     * times).
     */
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60),
            Duration.ofSeconds(120));

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
        }
        requirePositiveOrZero(baseBackoff, "baseBackoff");
        requirePositiveOrZero(maxBackoff, "maxBackoff");
        requirePositiveOrZero(maxRetryAfter, "maxRetryAfter");
        requirePositiveOrZero(maxTotal, "maxTotal");
    }

    private static void requirePositiveOrZero(Duration d, String name) {
        Objects.requireNonNull(d, name + " is null");
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + d);
        }
    }

    /** The same policy with another attempt count and first backoff (an instance's {@code retry.*} keys). */
    public RetryPolicy with(int attempts, Duration baseBackoff) {
        return new RetryPolicy(attempts, baseBackoff, maxBackoff, maxRetryAfter, maxTotal);
    }

    /** Why a call was given up. */
    public enum Reason {
        /** Every attempt failed. */
        ATTEMPTS,
        /** The next wait would have passed the call's total time limit. */
        TIME_LIMIT,
        /** The run was cancelled (or the thread interrupted) while waiting to try again. */
        CANCELLED
    }

    /**
     * A call given up after a retryable failure.
     *
     * @param reason   why
     * @param attempts how many attempts were made
     * @param elapsed  time spent on the call
     */
    public record GiveUp(Reason reason, int attempts, Duration elapsed) {
        /** For people: "gave up after 4 attempts in 12 s". */
        public String describe() {
            String tries = attempts + (attempts == 1 ? " attempt" : " attempts");
            return switch (reason) {
                case ATTEMPTS -> "gave up after " + tries + " in " + seconds(elapsed);
                case TIME_LIMIT -> "gave up after " + tries + " in " + seconds(elapsed) + ": the retry time limit of this call was reached";
                case CANCELLED -> "cancelled while waiting to retry (after " + tries + ")";
            };
        }

        private static String seconds(Duration d) {
            return d.toSeconds() + " s";
        }
    }

    /** What the caller supplies: how to wait, what time it is, and where to report. */
    public interface Host {
        /**
         * Waits before the next attempt.
         *
         * @return false when the run was cancelled meanwhile: the policy then gives up
         */
        boolean pause(Duration wait) throws InterruptedException;

        /** A monotonic clock in nanoseconds ({@link System#nanoTime()}, or a virtual one in tests). */
        long nanoTime();

        /**
         * Makes one attempt. A host that can stop a hung attempt (the core interrupts it) uses {@code remaining}, the
         * time left of the call's limit; the default just calls.
         */
        default <T> T attempt(SourceCall<T> call, Duration remaining) throws SourceException {
            return call.call();
        }

        /** Called before each wait. */
        default void retrying(String operation, RetryableSourceException failure, int attempt, Duration wait) {
        }

        /** Called once when the policy gives up; the failure is thrown right after. */
        default void gaveUp(String operation, RetryableSourceException failure, GiveUp why) {
        }
    }

    /** Runs {@code call} under this policy. */
    public <T> T call(String operation, SourceCall<T> call, Host host) throws SourceException {
        long start = host.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                return host.attempt(call, maxTotal.minus(Duration.ofNanos(host.nanoTime() - start)));
            } catch (RetryableSourceException e) {
                Duration elapsed = Duration.ofNanos(host.nanoTime() - start);
                if (attempt >= attempts) {
                    throw giveUp(host, operation, e, new GiveUp(Reason.ATTEMPTS, attempt, elapsed));
                }
                Duration wait = delay(e, attempt);
                if (elapsed.compareTo(maxTotal) >= 0 || elapsed.plus(wait).compareTo(maxTotal) > 0) {
                    throw giveUp(host, operation, e, new GiveUp(Reason.TIME_LIMIT, attempt, elapsed));
                }
                host.retrying(operation, e, attempt, wait);
                boolean goOn;
                try {
                    goOn = host.pause(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    goOn = false;
                }
                if (!goOn) {
                    throw giveUp(host, operation, e, new GiveUp(Reason.CANCELLED, attempt, Duration.ofNanos(host.nanoTime() - start)));
                }
            }
        }
    }

    private static RetryableSourceException giveUp(Host host, String operation, RetryableSourceException e, GiveUp why) {
        host.gaveUp(operation, e, why);
        return e;
    }

    /** The source's Retry-After when it gave one (capped), else the exponential backoff for this attempt (capped). */
    public Duration delay(RetryableSourceException e, int attempt) {
        if (e.retryAfter() != null) {
            return e.retryAfter().isNegative() ? Duration.ZERO : min(e.retryAfter(), maxRetryAfter);
        }
        int shift = Math.min(attempt - 1, 30);
        long ms = baseBackoff.toMillis();
        long d = ms > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : ms << shift;
        return min(Duration.ofMillis(d), maxBackoff);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
