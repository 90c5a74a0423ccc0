package com.enreach.tools.core.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.Page;
import com.enreach.tools.api.SyncRun;
import com.enreach.tools.api.SyncRunQuery;
import com.enreach.tools.api.SyncStatus;
import com.enreach.tools.api.spi.PermanentSourceException;

/** Sync history filtered by source instance, status and start time, counted and paged in SQL. */
class SyncHistoryFilterTest {
    @TempDir
    Path dir;
    Fixtures.Env env;

    @BeforeEach
    void setUp() {
        env = new Fixtures.Env(dir);
    }

    @AfterEach
    void tearDown() {
        env.close();
    }

    private static List<Long> ids(Page<SyncRun> page) {
        return page.results().stream().map(SyncRun::id).toList();
    }

    private Page<SyncRun> runs(String instance, String status, java.time.Instant from, java.time.Instant before) {
        return env.engine.runs(new SyncRunQuery(instance, status, from, before, 10, 0));
    }

    @Test
    void runsAreFilteredByInstanceStatusAndStartTime() {
        Fixtures.ScriptedConnector a = env.add("test", "a", Fixtures.devices(5, "v1"));
        env.add("test", "b", Fixtures.devices(5, "v1"));
        SyncRun ok = env.runToEnd("test-a", false);
        a.script = (ctx, sink) -> {
            throw PermanentSourceException.malformed("test page", "broken", null);
        };
        SyncRun failed = env.runToEnd("test-a", false);
        SyncRun other = env.runToEnd("test-b", false);
        assertEquals(SyncStatus.FAILED, failed.status());

        assertEquals(List.of(failed.id(), ok.id()), ids(runs("test-a", null, null, null)));
        Page<SyncRun> failedOfA = runs("test-a", SyncStatus.FAILED, null, null);
        assertEquals(List.of(failed.id()), ids(failedOfA));
        assertEquals(1, failedOfA.count());
        assertEquals(List.of(other.id(), ok.id()), ids(runs(null, SyncStatus.SUCCEEDED, null, null)));

        // Start time: "from" is inclusive, "before" exclusive.
        assertEquals(List.of(other.id(), failed.id(), ok.id()), ids(runs(null, null, ok.startedAt(), null)));
        assertEquals(List.of(), ids(runs(null, null, null, ok.startedAt())));
        assertEquals(List.of(), ids(runs(null, null, other.startedAt().plus(Duration.ofDays(1)), null)));
        assertEquals(List.of(other.id(), failed.id(), ok.id()), ids(runs(null, null, null, other.startedAt().plus(Duration.ofDays(1)))));
        assertEquals(List.of(other.id()), ids(runs("test-b", SyncStatus.SUCCEEDED, ok.startedAt(), other.startedAt().plusSeconds(1))));
    }

    @Test
    void theOlderSignatureStillFiltersByInstanceOnly() {
        env.add("test", "a", Fixtures.devices(3, "v1"));
        env.add("test", "b", Fixtures.devices(3, "v1"));
        SyncRun a = env.runToEnd("test-a", false);
        env.runToEnd("test-b", false);
        assertEquals(List.of(a.id()), ids(env.engine.runs("test-a", 10, 0)));
        assertEquals(2, env.engine.runs(null, 10, 0).count());
    }
}
