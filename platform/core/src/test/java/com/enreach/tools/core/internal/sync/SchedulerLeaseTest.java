package com.enreach.tools.core.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.SyncRun;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.TestDatabases;

/**
 * One scheduler at a time among nodes sharing a master database (two Database objects on one database stand for two
 * nodes; on PostgreSQL with -Denreach.test.db=postgresql, as several platform nodes would share it).
 */
class SchedulerLeaseTest {
    @TempDir
    Path dir;

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        final AtomicLong millis = new AtomicLong(Instant.parse("2026-12-03T10:00:00Z").toEpochMilli());

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }

    @Test
    void oneNodeHoldsTheLeaseUntilItExpiresOrIsReleased() {
        Database a = TestDatabases.open(dir.resolve("m.db"));
        Database b = TestDatabases.open(dir.resolve("m.db"));
        TestClock clock = new TestClock();
        AtomicInteger takenA = new AtomicInteger();
        AtomicInteger takenB = new AtomicInteger();
        SchedulerLease nodeA = new SchedulerLease(a, "host-a:/opt/enreach", Duration.ofMinutes(1), clock);
        SchedulerLease nodeB = new SchedulerLease(b, "host-b:/opt/enreach", Duration.ofMinutes(1), clock);

        assertTrue(nodeA.hold(c -> takenA.incrementAndGet()));
        assertFalse(nodeB.hold(c -> takenB.incrementAndGet()), "a held lease is not taken");
        assertEquals("host-a:/opt/enreach", nodeB.holder().orElseThrow());
        clock.millis.addAndGet(50_000);
        assertTrue(nodeA.hold(c -> takenA.incrementAndGet()), "the holder renews");
        clock.millis.addAndGet(50_000);
        assertFalse(nodeB.hold(c -> takenB.incrementAndGet()), "renewed: still not expired 100 s after it was first taken");
        assertEquals(1, takenA.get(), "a renewal is not a take");

        clock.millis.addAndGet(61_000); // node A stopped renewing (dead, or cut off)
        assertTrue(nodeB.hold(c -> takenB.incrementAndGet()), "an expired lease is taken");
        assertEquals(1, takenB.get());
        assertFalse(nodeA.hold(c -> takenA.incrementAndGet()), "the old holder has lost it");
        assertEquals("host-b:/opt/enreach", nodeA.holder().orElseThrow());

        nodeB.release();
        assertTrue(nodeA.hold(c -> takenA.incrementAndGet()), "a released lease is free at once");
        assertEquals(2, takenA.get());
    }

    @Test
    void onlyTheHoldingNodeStartsSyncRunsAndAnotherTakesOverWhenItStops() {
        Fixtures.Env first = new Fixtures.Env(dir);
        first.add("test", "a", (ctx, sink) -> { });
        SyncEngine second = new SyncEngine(TestDatabases.open(dir.resolve("test.db")), first.registry, EngineSettings.defaults().withoutScheduler(),
                "other-host:/opt/enreach");
        try {
            ApiException refused = assertThrows(ApiException.class, () -> second.trigger("test-a", "test", false));
            assertEquals(ApiException.Reason.CONFLICT, refused.reason());
            assertTrue(refused.getMessage().contains("scheduler lease"), refused.getMessage());
            second.runDue(); // the second node's scheduler starts nothing either
            assertEquals(0, first.engine.runs(null, 10, 0).count(), "no run was started by the second node");

            assertEquals("succeeded", first.runToEnd("test-a", false).status());
            first.close(); // a clean stop gives the lease up
            SyncRun run = Fixtures.await(second, second.trigger("test-a", "test", false).id());
            assertEquals("succeeded", run.status());
        } finally {
            second.stop();
        }
    }
}
