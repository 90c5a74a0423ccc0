package com.enreach.tools.netbox.writer.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.enreach.tools.netbox.client.NetBoxException;

class RetryTest {
    final List<Duration> slept = new ArrayList<>();
    final Retry retry = new Retry(4, Duration.ofMillis(500), Duration.ofSeconds(30), slept::add);

    static NetBoxException failure(int status, boolean retryable, long retryAfter) {
        return new NetBoxException("HTTP " + status, status, retryable, retryAfter, null);
    }

    @Test
    void backsOffExponentiallyWaitingAtLeastRetryAfterAndGivesUpAfterTheLastAttempt() {
        int[] calls = {0};
        NetBoxException last = assertThrows(NetBoxException.class, () -> retry.call(() -> {
            calls[0]++;
            throw failure(calls[0] == 2 ? 429 : 503, true, calls[0] == 2 ? 5 : -1);
        }, null));
        assertEquals(4, calls[0]);
        assertEquals(503, last.status());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(2)), slept);
    }

    @Test
    void permanentFailuresAndOverlongRetryAfterAreNotRetried() {
        int[] calls = {0};
        assertThrows(NetBoxException.class, () -> retry.call(() -> {
            calls[0]++;
            throw failure(403, false, -1);
        }, null));
        assertThrows(NetBoxException.class, () -> retry.call(() -> {
            calls[0]++;
            throw failure(429, true, 3600);
        }, null));
        assertEquals(2, calls[0]);
        assertEquals(List.of(), slept);
    }

    @Test
    void theCallerLooksBeforeEachRetry() {
        int[] looked = {0};
        int[] calls = {0};
        assertEquals("ok", retry.call(() -> {
            if (calls[0]++ < 2) {
                throw failure(0, true, -1);
            }
            return "ok";
        }, () -> looked[0]++));
        assertEquals(2, looked[0]);
    }
}
