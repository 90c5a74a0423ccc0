package com.enreach.tools.core.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.SyncRun;
import com.enreach.tools.api.SyncStatus;
import com.enreach.tools.api.spi.DeviceRecord;

/**
 * A run's batches are written one at a time, in the order they arrived, while the next batch's rows are built on
 * another thread: what a later batch says about a device wins, a record that cannot be built fails the run without
 * losing the batches committed before it, and nothing is marked stale.
 */
class BatchPipelineTest {
    /** 300 devices a batch, all above the size whose rows are built on other threads. */
    private static Fixtures.Env env(Path dir) {
        return new Fixtures.Env(dir, EngineSettings.read(Map.of("batch.size", "300"), new ArrayList<>()));
    }

    private static List<String> racks(Fixtures.Env env, String sourceId) {
        return env.db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + env.db.dialect().jsonText("metadata", "rack") + ", status FROM devices WHERE source_id = ?")) {
                ps.setString(1, sourceId);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1) + "/" + rs.getString(2));
                    }
                }
                return out;
            }
        });
    }

    private static long active(Fixtures.Env env) {
        return env.db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM devices WHERE status = 'active'"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void aDeviceSentAgainInALaterBatchEndsAsTheLaterBatchSaidAndCountsOnce(@TempDir Path dir) {
        try (Fixtures.Env env = env(dir)) {
            env.add("test", "pipe", (ctx, sink) -> {
                for (int i = 0; i < 1500; i++) {
                    sink.device(DeviceRecord.of("d" + i, "host" + i, "server").put("rack", "r1"));
                    if (i == 1200) {
                        // d5 was written three batches ago; the source re-reads it with a new value
                        sink.device(DeviceRecord.of("d5", "host5", "server").put("rack", "r9"));
                    }
                }
            });
            SyncRun run = env.runToEnd("test-pipe", false);
            assertEquals(SyncStatus.SUCCEEDED, run.status(), run.error());
            assertEquals(1500, run.fetched());
            assertEquals(1500, run.added() + run.updated());
            assertEquals(List.of("r9/active"), racks(env, "d5"));
            assertEquals(List.of("r1/active"), racks(env, "d1499"));
            SyncRun again = env.runToEnd("test-pipe", false);
            assertEquals(1499, again.unchanged());
            assertEquals(0, again.stale());
        }
    }

    @Test
    void aRecordThatCannotBeBuiltFailsTheRunKeepingTheBatchesBeforeIt(@TempDir Path dir) {
        try (Fixtures.Env env = env(dir)) {
            int[] rack = {1};
            boolean[] broken = {false};
            env.add("test", "pipe", (ctx, sink) -> {
                for (int i = 0; i < 1500; i++) {
                    DeviceRecord d = DeviceRecord.of("d" + i, "host" + i, "server").put("rack", "r" + rack[0]);
                    sink.device(broken[0] && i == 1000 ? d.put("handle", new Object()) : d);
                }
            });
            assertEquals(1500, env.runToEnd("test-pipe", false).added());
            rack[0] = 2;
            broken[0] = true;
            SyncRun failed = env.runToEnd("test-pipe", false);
            assertEquals(SyncStatus.FAILED, failed.status());
            assertTrue(failed.error().contains("device d1000 (host1000): metadata 'handle' holds a java.lang.Object"), failed.error());
            assertTrue(failed.error().endsWith("Nothing was marked stale."), failed.error());
            // the batches before the broken one were committed with the new rack; the broken one changed nothing
            assertEquals(List.of("r2/active"), racks(env, "d0"));
            assertEquals(List.of("r2/active"), racks(env, "d899"));
            assertEquals(List.of("r1/active"), racks(env, "d1000"));
            assertEquals(List.of("r1/active"), racks(env, "d1001"));
            assertEquals(1500, active(env));
            assertEquals(0, failed.stale());
        }
    }
}
