package com.enreach.tools.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceCall;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.retry.RetryPolicy;

/**
 * A {@link SourceContext} for plugin unit tests. It retries with the core's own {@link RetryPolicy} (same attempts,
 * delays and total time limit) on a virtual clock, so it never sleeps; it records every retry and the delay the
 * source asked for, so tests can assert that 5xx was retried and that a 429's Retry-After was honoured.
 */
public class TestContext implements SourceContext {
    private final String instance;
    private final String previousState;
    private final RetryPolicy policy;
    public final List<String> retried = new ArrayList<>();
    public final List<Duration> requestedDelays = new ArrayList<>();
    /** Why the last call was given up, or null. */
    public volatile RetryPolicy.GiveUp gaveUp;
    public volatile boolean cancel;
    /** What {@link #storedRevisions} answers: entity kind -> source id -> revision (fill it to test incremental runs). */
    public final java.util.Map<String, java.util.Map<String, String>> revisions = new java.util.HashMap<>();
    private long virtualNanos;

    public TestContext(String instance, String previousState, RetryPolicy policy) {
        this.instance = instance;
        this.previousState = previousState;
        this.policy = policy;
    }

    public TestContext(String instance, String previousState, int attempts) {
        this(instance, previousState, RetryPolicy.DEFAULT.with(attempts, RetryPolicy.DEFAULT.baseBackoff()));
    }

    public TestContext(String instance) {
        this(instance, null, RetryPolicy.DEFAULT);
    }

    @Override
    public String instance() {
        return instance;
    }

    @Override
    public long runId() {
        return 1;
    }

    @Override
    public Optional<String> previousState() {
        return Optional.ofNullable(previousState);
    }

    @Override
    public boolean cancelled() {
        return cancel;
    }

    @Override
    public <T> T call(String operation, SourceCall<T> call) throws SourceException {
        return policy.call(operation, call, new RetryPolicy.Host() {
            @Override
            public boolean pause(Duration wait) {
                virtualNanos += wait.toNanos();
                return !cancel;
            }

            @Override
            public long nanoTime() {
                return virtualNanos;
            }

            @Override
            public void retrying(String op, RetryableSourceException failure, int attempt, Duration wait) {
                retried.add(op + ": " + failure.code());
                if (failure.retryAfter() != null) {
                    requestedDelays.add(failure.retryAfter());
                }
            }

            @Override
            public void gaveUp(String op, RetryableSourceException failure, RetryPolicy.GiveUp why) {
                gaveUp = why;
            }
        });
    }

    @Override
    public java.util.Map<String, String> storedRevisions(String entityKind) {
        return java.util.Map.copyOf(revisions.getOrDefault(entityKind, java.util.Map.of()));
    }
}
