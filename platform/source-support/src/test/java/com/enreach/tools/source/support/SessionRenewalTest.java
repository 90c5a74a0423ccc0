package com.enreach.tools.source.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayDeque;
import java.util.Deque;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.SourceCall;
import com.enreach.tools.api.spi.SourceException;

class SessionRenewalTest {
    private int logins;

    /** A call that fails with the queued failures first, then answers "ok". */
    private static SourceCall<String> failing(Deque<SourceException> failures) {
        return () -> {
            SourceException e = failures.poll();
            if (e != null) {
                throw e;
            }
            return "ok";
        };
    }

    @Test
    void aLostSessionIsRenewedOnceAndTheCallRepeated() throws Exception {
        SessionRenewal r = SessionRenewal.oncePerCall(SessionRenewal::isSessionExpired, () -> logins++);
        Deque<SourceException> failures = new ArrayDeque<>();
        failures.add(SessionRenewal.expired("Dorado GET /lun"));
        assertEquals("ok", r.call(failing(failures)));
        assertEquals(1, logins);
        failures.add(SessionRenewal.expired("Dorado GET /lun"));
        assertEquals("ok", r.call(failing(failures)), "each call may renew once");
        assertEquals(2, r.renewals());
    }

    @Test
    void expiringAgainRightAfterARenewalFailsInsteadOfLooping() {
        SessionRenewal r = SessionRenewal.oncePerCall(SessionRenewal::isSessionExpired, () -> logins++);
        Deque<SourceException> failures = new ArrayDeque<>();
        failures.add(SessionRenewal.expired("X GET /a"));
        PermanentSourceException second = SessionRenewal.expired("X GET /a");
        failures.add(second);
        assertSame(second, assertThrows(SourceException.class, () -> r.call(failing(failures))));
        assertEquals(1, logins);
    }

    @Test
    void otherFailuresAndAnExhaustedBudgetPassThrough() {
        SessionRenewal r = SessionRenewal.atMost(1, SessionRenewal::isSessionExpired, () -> logins++);
        Deque<SourceException> failures = new ArrayDeque<>();
        PermanentSourceException other = new PermanentSourceException("malformed", "bad");
        failures.add(other);
        assertSame(other, assertThrows(SourceException.class, () -> r.call(failing(failures))));
        assertEquals(0, logins);
        assertThrows(SourceException.class, () -> r.call(() -> {
            throw SessionRenewal.expired("X"); // renewed once, then expired again
        }));
        assertEquals(1, logins);
        PermanentSourceException third = SessionRenewal.expired("X");
        assertSame(third, assertThrows(SourceException.class, () -> r.call(() -> {
            throw third;
        })), "budget of one renewal per run used up");
        assertEquals(1, logins);
    }
}
