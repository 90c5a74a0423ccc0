package com.enreach.tools.core.internal.sync;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
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
 * a backoff wait at once and interrupts an attempt in progress (a request that hangs); so does the end of a call's time
 * limit, when a watchdog is given. The interrupt is aimed only at the thread while it is inside an attempt, and cleared
 * when the attempt ends, so it never reaches the loader's database work after it.
 */
final class RunContext implements SourceContext {
    private static final Logger LOG = LoggerFactory.getLogger(RunContext.class);

    private final String instance;
    private final long runId;
    private final String previousState;
    private final RetryPolicy policy;
    private final CountDownLatch cancelled;
    private final ScheduledExecutorService watchdog;
    private final java.util.function.Function<String, java.util.Map<String, String>> revisions;
    private volatile RetryPolicy.GiveUp lastGiveUp;
    /** The thread inside an attempt, and whether we interrupted it; guarded by {@code this}. */
    private Thread inAttempt;
    private boolean interruptedByUs;

    /**
     * @param cancelled counted down to cancel; shared with the run's handle, so a cancel that comes before this
     *                  context exists is not lost
     */
    RunContext(String instance, long runId, String previousState, RetryPolicy policy, CountDownLatch cancelled) {
        this(instance, runId, previousState, policy, cancelled, null);
    }

    /** @param watchdog interrupts an attempt when its call's time limit ends; null for none */
    RunContext(String instance, long runId, String previousState, RetryPolicy policy, CountDownLatch cancelled, ScheduledExecutorService watchdog) {
        this(instance, runId, previousState, policy, cancelled, watchdog, kind -> java.util.Map.of());
    }

    /** @param revisions answers {@link #storedRevisions}: entity kind -> source id -> revision */
    RunContext(String instance, long runId, String previousState, RetryPolicy policy, CountDownLatch cancelled, ScheduledExecutorService watchdog,
               java.util.function.Function<String, java.util.Map<String, String>> revisions) {
        this.revisions = revisions;
        this.instance = instance;
        this.runId = runId;
        this.previousState = previousState;
        this.policy = policy;
        this.cancelled = cancelled;
        this.watchdog = watchdog;
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
    public java.util.Map<String, String> storedRevisions(String entityKind) {
        return revisions.apply(entityKind);
    }

    @Override
    public boolean cancelled() {
        return cancelled.getCount() == 0;
    }

    void cancel() {
        cancelled.countDown();
        interruptAttempt(null);
    }

    /** Interrupts the thread inside an attempt: any attempt, or only the given one (for the time limit). */
    private synchronized void interruptAttempt(Thread only) {
        if (inAttempt != null && (only == null || inAttempt == only)) {
            interruptedByUs = true;
            inAttempt.interrupt();
        }
    }

    private <T> T attempt(SourceCall<T> call, Duration remaining) throws SourceException {
        Thread me = Thread.currentThread();
        synchronized (this) {
            inAttempt = me;
        }
        if (cancelled()) {
            interruptAttempt(me);
        }
        ScheduledFuture<?> limit = null;
        if (watchdog != null) {
            try {
                limit = watchdog.schedule(() -> interruptAttempt(me), Math.max(0, remaining.toNanos()), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // the engine is stopping: the run is cancelled anyway
            }
        }
        try {
            return call.call();
        } finally {
            if (limit != null) {
                limit.cancel(false);
            }
            synchronized (this) {
                inAttempt = null;
                if (interruptedByUs) {
                    interruptedByUs = false;
                    Thread.interrupted();
                }
            }
        }
    }

    /** Why the last call made through {@link #call} was given up, or null when none was. */
    RetryPolicy.GiveUp lastGiveUp() {
        return lastGiveUp;
    }

    @Override
    public <T> T call(String operation, SourceCall<T> call) throws SourceException {
        return policy.call(operation, call, new RetryPolicy.Host() {
            @Override
            public <R> R attempt(SourceCall<R> c, Duration remaining) throws SourceException {
                return RunContext.this.attempt(c, remaining);
            }

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
