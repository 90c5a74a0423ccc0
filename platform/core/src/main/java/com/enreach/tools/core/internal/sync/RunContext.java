package com.enreach.tools.core.internal.sync;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceCall;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceException;

/** The core's {@link SourceContext}: owns retries and backoff, and cancellation. */
final class RunContext implements SourceContext {
    private static final Logger LOG = LoggerFactory.getLogger(RunContext.class);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

    private final String instance;
    private final long runId;
    private final String previousState;
    private final int attempts;
    private final long backoffMs;
    private final CountDownLatch cancelled = new CountDownLatch(1);

    RunContext(String instance, long runId, String previousState, int attempts, long backoffMs) {
        this.instance = instance;
        this.runId = runId;
        this.previousState = previousState;
        this.attempts = attempts;
        this.backoffMs = backoffMs;
    }

    @Override
    public String instance() {
        return instance;
    }

    @Override
    public long runId() {
        return runId;
    }

    @Override
    public Optional<String> previousState() {
        return Optional.ofNullable(previousState);
    }

    @Override
    public boolean cancelled() {
        return cancelled.getCount() == 0;
    }

    void cancel() {
        cancelled.countDown();
    }

    @Override
    public <T> T call(String operation, SourceCall<T> call) throws SourceException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (RetryableSourceException e) {
                if (attempt >= attempts || cancelled()) {
                    throw e;
                }
                long wait = delayMs(e, attempt);
                LOG.info("{}: {} failed ({}), attempt {} of {}, retrying in {} ms", instance, operation, e.userMessage(), attempt, attempts, wait);
                try {
                    if (cancelled.await(wait, TimeUnit.MILLISECONDS)) {
                        throw e;
                    }
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The source's Retry-After when it gave one (capped), else exponential backoff (capped). */
    long delayMs(RetryableSourceException e, int attempt) {
        if (e.retryAfter() != null) {
            return Math.min(e.retryAfter().toMillis(), MAX_RETRY_AFTER.toMillis());
        }
        long d = backoffMs << Math.min(attempt - 1, 20);
        return Math.min(d, MAX_BACKOFF.toMillis());
    }
}
