package com.enreach.tools.core.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.SyncRun;
import com.enreach.tools.api.SyncStatus;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.core.internal.db.DatabaseException;
import com.enreach.tools.metrics.PlatformMetrics;
import com.enreach.tools.metrics.SyncRunEnd;

/** The engine and the database tell the metrics what the run history and the write lock saw. */
class MetricsRecordingTest {
    @TempDir
    Path dir;
    Fixtures.Env env;
    final Recorder recorder = new Recorder();

    static final class Recorder implements PlatformMetrics {
        final LinkedBlockingQueue<SyncRunEnd> runs = new LinkedBlockingQueue<>();
        final List<Boolean> transactions = new CopyOnWriteArrayList<>();
        final List<Long> waits = new CopyOnWriteArrayList<>();

        @Override
        public void syncRunEnded(SyncRunEnd run) {
            runs.add(run);
        }

        @Override
        public void restRequest(String method, String route, int status, long nanos) {
        }

        @Override
        public void writeTransaction(long lockWaitNanos, boolean committed) {
            waits.add(lockWaitNanos);
            transactions.add(committed);
        }
    }

    @BeforeEach
    void setUp() {
        env = new Fixtures.Env(dir);
        env.engine.metrics = recorder;
        env.db.metrics(recorder);
    }

    @AfterEach
    void tearDown() {
        env.close();
    }

    @Test
    void aRunsFiguresAreTheHistorysFigures() throws Exception {
        Fixtures.ScriptedConnector c = env.add("test", "a", Fixtures.devices(12, "v1"));
        SyncRun first = env.runToEnd("test-a", false);
        SyncRunEnd m = recorder.runs.poll(30, TimeUnit.SECONDS);
        assertEquals("test-a", m.instance());
        assertEquals("test", m.kind());
        assertEquals(SyncStatus.SUCCEEDED, m.outcome());
        assertEquals(first.fetched(), m.fetched());
        assertEquals(first.added(), m.added());
        assertEquals(first.updated(), m.updated());
        assertEquals(first.stale(), m.stale());
        assertFalse(m.duration().isNegative());

        c.script = (ctx, sink) -> {
            throw new PermanentSourceException("bad_credentials", "bad credentials");
        };
        env.runToEnd("test-a", false);
        SyncRunEnd failed = recorder.runs.poll(30, TimeUnit.SECONDS);
        assertEquals(SyncStatus.FAILED, failed.outcome());
        assertEquals(0, failed.stale(), "a failed run marks nothing stale");
    }

    @Test
    void everyWriteTransactionReportsItsLockWaitAndOutcome() {
        recorder.transactions.clear();
        env.db.write(c -> null);
        assertThrows(DatabaseException.class, () -> env.db.write(c -> {
            c.createStatement().execute("SELECT * FROM no_such_table");
            return null;
        }));
        assertEquals(List.of(true, false), recorder.transactions);
        assertTrue(recorder.waits.stream().allMatch(w -> w >= 0));
    }
}
