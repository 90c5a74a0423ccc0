package com.enreach.tools.rest.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Component;

import com.enreach.tools.api.ApiException;

/**
 * A bound on concurrent expensive queries (filtered lists and searches). A request that finds every permit taken
 * waits a moment, then is refused with 503 and Retry-After instead of queueing without limit: under overload the
 * answered requests stay fast and the rest are told to come back, rather than everyone waiting tens of seconds.
 * Fewer permits than database readers, so detail pages and token lookups always find a reader.
 */
@Component(service = QueryGate.class)
public class QueryGate {
    static final int PERMITS = 3;
    static final Duration WAIT = Duration.ofMillis(50);
    /** Seconds a refused client is asked to wait (REST's Retry-After). */
    public static final int RETRY_AFTER_SECONDS = 1;

    private final Semaphore permits;
    private final Duration wait;

    public QueryGate() {
        this(PERMITS, WAIT);
    }

    QueryGate(int permits, Duration wait) {
        this.permits = new Semaphore(permits, true);
        this.wait = wait;
    }

    /** Runs the query under a permit, or refuses it as overloaded. */
    public <T> T run(Supplier<T> query) {
        if (!enter()) {
            throw new ApiException(ApiException.Reason.OVERLOADED, "too_many_queries", null,
                    "Too many searches and filtered lists are running; retry in " + RETRY_AFTER_SECONDS + " s", null);
        }
        try {
            return query.get();
        } finally {
            permits.release();
        }
    }

    boolean enter() {
        try {
            return permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void leave() {
        permits.release();
    }
}
