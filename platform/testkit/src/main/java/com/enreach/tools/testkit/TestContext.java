package com.enreach.tools.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceCall;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceException;

/**
 * A {@link SourceContext} for plugin unit tests. It retries like the core (same attempt rule) but never sleeps;
 * it records every retry and the delay the source asked for, so tests can assert that 5xx was retried and
 * that a 429's Retry-After was honoured.
 */
public class TestContext implements SourceContext {
    private final String instance;
    private final String previousState;
    private final int attempts;
    public final List<String> retried = new ArrayList<>();
    public final List<Duration> requestedDelays = new ArrayList<>();
    public volatile boolean cancel;

    public TestContext(String instance, String previousState, int attempts) {
        this.instance = instance;
        this.previousState = previousState;
        this.attempts = attempts;
    }

    public TestContext(String instance) {
        this(instance, null, 4);
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
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (RetryableSourceException e) {
                if (attempt >= attempts) {
                    throw e;
                }
                retried.add(operation + ": " + e.code());
                if (e.retryAfter() != null) {
                    requestedDelays.add(e.retryAfter());
                }
            }
        }
    }
}
