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
import com.enreach.tools.source.support.retry.RetryPolicy;

/**
 * The core's {@link SourceContext}: retries under the instance's {@link RetryPolicy} and cancellation. A cancel wakes
 * a backoff wait at once.
 */
final class RunContext implements SourceContext {
    private static final Logger LOG = LoggerFactory.getLogger(RunContext.class);

    private final String instance;
    private final long runId;
    private final String previousState;
    private final RetryPolicy policy;
    private final CountDownLatch cancelled;
    private volatile RetryPolicy.GiveUp lastGiveUp;

    /**
     * @param cancelled counted down to cancel; shared with the run's handle, so a cancel that comes before this
     *                  context exists is not lost
     */
    RunContext(String instance, long runId, String previousState, RetryPolicy policy, CountDownLatch cancelled) {
        this.instance = instance;
        this.runId = runId;
        this.previousState = previousState;
        this.policy = policy;
        this.cancelled = cancelled;
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

    /** Why the last call made through {@link #call} was given up, or null when none was. */
    RetryPolicy.GiveUp lastGiveUp() {
        return lastGiveUp;
    }

    @Override
    public <T> T call(String operation, SourceCall<T> call) throws SourceException {
        return policy.call(operation, call, new RetryPolicy.Host() {
            @Override
            public boolean pause(Duration wait) throws InterruptedException {
                return !cancelled.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            }

            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void retrying(String op, RetryableSourceException e, int attempt, Duration wait) {
                LOG.info("{}: {} failed ({}), attempt {} of {}, retrying in {} ms", instance, op, e.userMessage(), attempt, policy.attempts(),
                        wait.toMillis());
            }

            @Override
            public void gaveUp(String op, RetryableSourceException e, RetryPolicy.GiveUp why) {
                lastGiveUp = why;
                LOG.info("{}: {} failed ({}), {}", instance, op, e.userMessage(), why.describe());
            }
        });
    }
}
