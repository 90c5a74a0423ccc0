package com.enreach.tools.source.support.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceException;

class RetryPolicyTest {

    /** A virtual clock: waiting advances it; a call can also take time. */
    static class Virtual implements RetryPolicy.Host {
        long now;
        boolean cancelAtPause;
        final List<Duration> waits = new ArrayList<>();
        RetryPolicy.GiveUp gaveUp;

        @Override
        public boolean pause(Duration wait) {
            waits.add(wait);
            now += wait.toNanos();
            return !cancelAtPause;
        }

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void gaveUp(String operation, RetryableSourceException failure, RetryPolicy.GiveUp why) {
            gaveUp = why;
        }
    }

    static RetryableSourceException unavailable(Duration retryAfter) {
        return new RetryableSourceException("unavailable", "HTTP 503 from GET /x", null, retryAfter, null);
    }

    @Test
    void retriesWithDoublingBackoffUntilTheAttemptsAreUsedUp() {
        Virtual host = new Virtual();
        RetryableSourceException failure = unavailable(null);
        AtomicInteger calls = new AtomicInteger();
        RetryableSourceException thrown = assertThrows(RetryableSourceException.class, () -> RetryPolicy.DEFAULT.call("GET /x", () -> {
            calls.incrementAndGet();
            throw failure;
        }, host));
        assertSame(failure, thrown);
        assertEquals(4, calls.get());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2)), host.waits);
        assertEquals(RetryPolicy.Reason.ATTEMPTS, host.gaveUp.reason());
        assertEquals("gave up after 4 attempts in 3 s", host.gaveUp.describe());
    }

    @Test
    void aCallThatSucceedsOnALaterAttemptReturnsItsValue() throws SourceException {
        AtomicInteger calls = new AtomicInteger();
        String v = RetryPolicy.DEFAULT.call("GET /x", () -> {
            if (calls.incrementAndGet() < 3) {
                throw unavailable(null);
            }
            return "ok";
        }, new Virtual());
        assertEquals("ok", v);
    }

    @Test
    void permanentFailuresAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(PermanentSourceException.class, () -> RetryPolicy.DEFAULT.call("GET /x", () -> {
            calls.incrementAndGet();
            throw new PermanentSourceException("auth", "bad credentials");
        }, new Virtual()));
        assertEquals(1, calls.get());
    }

    @Test
    void theTotalTimeOfOneCallIsBounded() {
        // a hung page: each attempt runs into the 60 s request timeout; 4 attempts would cost 4 minutes and more
        RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(90));
        Virtual host = new Virtual();
        AtomicInteger calls = new AtomicInteger();
        assertThrows(RetryableSourceException.class, () -> policy.call("GET /x page 3", () -> {
            calls.incrementAndGet();
            host.now += Duration.ofSeconds(60).toNanos();
            throw new RetryableSourceException("timeout", "no answer within 60 s", null);
        }, host));
        assertEquals(2, calls.get());
        assertEquals(RetryPolicy.Reason.TIME_LIMIT, host.gaveUp.reason());
        assertEquals(Duration.ofMillis(120_500), host.gaveUp.elapsed());
    }

    @Test
    void withTheDefaultsAPageThatHangsUntilA60sTimeoutIsTriedTwiceNotFourTimes() {
        Virtual host = new Virtual();
        AtomicInteger calls = new AtomicInteger();
        assertThrows(RetryableSourceException.class, () -> RetryPolicy.DEFAULT.call("GET /api/hosts page 3 of 20", () -> {
            calls.incrementAndGet();
            host.now += Duration.ofSeconds(60).toNanos();
            throw new RetryableSourceException("timeout", "no answer within 60 s", null);
        }, host));
        assertEquals(2, calls.get());
        assertEquals(Duration.ofMillis(120_500), host.gaveUp.elapsed()); // was 4 x 60 s + 3.5 s of backoff = 243.5 s
    }

    @Test
    void eachAttemptIsToldTheTimeLeftOfItsCall() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(100));
        List<Duration> remaining = new ArrayList<>();
        Virtual host = new Virtual() {
            @Override
            public <T> T attempt(com.enreach.tools.api.spi.SourceCall<T> call, Duration left) throws SourceException {
                remaining.add(left);
                now += Duration.ofSeconds(10).toNanos();
                return call.call();
            }
        };
        assertThrows(RetryableSourceException.class, () -> policy.call("GET /x", () -> {
            throw unavailable(null);
        }, host));
        // 100 s; then 100 - 10 (attempt) - 1 (wait); then 89 - 10 - 2
        assertEquals(List.of(Duration.ofSeconds(100), Duration.ofSeconds(89), Duration.ofSeconds(77)), remaining);
    }

    @Test
    void aLongRetryAfterIsCappedAndCountsAgainstTheTimeLimit() {
        RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(100));
        assertEquals(Duration.ofSeconds(60), policy.delay(unavailable(Duration.ofHours(1)), 1));
        Virtual host = new Virtual();
        assertThrows(RetryableSourceException.class, () -> policy.call("GET /x", () -> {
            throw unavailable(Duration.ofHours(1));
        }, host));
        assertEquals(List.of(Duration.ofSeconds(60)), host.waits);
        assertEquals(RetryPolicy.Reason.TIME_LIMIT, host.gaveUp.reason());
    }

    @Test
    void cancellingDuringTheWaitStopsRetrying() {
        Virtual host = new Virtual();
        host.cancelAtPause = true;
        AtomicInteger calls = new AtomicInteger();
        assertThrows(RetryableSourceException.class, () -> RetryPolicy.DEFAULT.call("GET /x", () -> {
            calls.incrementAndGet();
            throw unavailable(null);
        }, host));
        assertEquals(1, calls.get());
        assertEquals(RetryPolicy.Reason.CANCELLED, host.gaveUp.reason());
    }

    @Test
    void backoffIsCappedAndNeverOverflows() {
        assertEquals(Duration.ofSeconds(30), RetryPolicy.DEFAULT.delay(unavailable(null), 60));
        assertEquals(Duration.ZERO, RetryPolicy.DEFAULT.delay(unavailable(Duration.ofSeconds(-3)), 1));
    }

    @Test
    void badSettingsAreRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO));
        assertEquals("attempts must be at least 1, was 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.DEFAULT.with(2, Duration.ofMillis(-1)));
    }
}
