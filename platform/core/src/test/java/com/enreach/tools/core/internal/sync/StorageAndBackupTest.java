package com.enreach.tools.core.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.Backup;
import com.enreach.tools.api.BackupQuery;
import com.enreach.tools.api.DeviceDetail;
import com.enreach.tools.api.StorageVolume;
import com.enreach.tools.api.SyncRun;
import com.enreach.tools.api.SyncStatus;
import com.enreach.tools.api.VolumeQuery;
import com.enreach.tools.api.spi.BackupRecord;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.StorageVolumeRecord;
import com.enreach.tools.core.internal.query.DeviceQueries;

class StorageAndBackupTest {
    @TempDir
    Path dir;
    Fixtures.Env env;
    DeviceQueries queries;

    @BeforeEach
    void setUp() {
        env = new Fixtures.Env(dir);
        queries = new DeviceQueries(env.db);
    }

    @AfterEach
    void tearDown() {
        env.close();
    }

    private static void array(com.enreach.tools.api.spi.RecordSink sink, int volumes) {
        sink.device(DeviceRecord.of("sys-1", "dorado-ams-01", "storage"));
        sink.device(DeviceRecord.of("pool-0", "StoragePool001", "storage_pool"));
        for (int i = 0; i < volumes; i++) {
            sink.volume(StorageVolumeRecord.of("lun-" + i, "sys-1", "lun_" + i, StorageVolumeRecord.LUN)
                    .pool("StoragePool001", "pool-0").capacity(10_995_116_277_760L * (i + 1), 1L << 30, null).thin(true).wwn("6a0b" + i));
        }
    }

    @Test
    void volumesLoadWithTheirArrayAndGoStaleWhenGone() {
        Fixtures.ScriptedConnector c = env.add("dorado", "ams", (ctx, sink) -> {
            array(sink, 12);
            sink.volume(StorageVolumeRecord.of("orphan", "no-such-array", "orphan", StorageVolumeRecord.LUN));
        }, Map.of("delete.budget.percent", "50"));
        SyncRun r = env.runToEnd("dorado-ams", false);
        assertEquals(SyncStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(1, r.warnings());
        var page = queries.volumes(new VolumeQuery(null, "dorado-ams", "lun", "active", null, null, 100, 0));
        assertEquals(12, page.count());
        StorageVolume v = page.results().stream().filter(x -> x.name().equals("lun_11")).findFirst().orElseThrow();
        assertEquals(131_941_395_333_120L, v.capacityBytes());
        assertEquals("dorado-ams-01", v.arrayName());
        assertEquals(Boolean.TRUE, v.thin());

        c.script = (ctx, sink) -> array(sink, 10);
        SyncRun second = env.runToEnd("dorado-ams", false);
        assertEquals(2, second.stale());
        assertEquals(2, queries.volumes(new VolumeQuery(null, "dorado-ams", null, "stale", null, null, 100, 0)).count());
        DeviceDetail arrayDetail = queries.resolve("dorado-ams-01").orElseThrow();
        assertEquals(12, arrayDetail.volumes().size());
    }

    @Test
    void emptyStorageAnswerIsHeldByTheDeleteBudget() {
        Fixtures.ScriptedConnector c = env.add("dorado", "ams", (ctx, sink) -> array(sink, 40));
        env.runToEnd("dorado-ams", false);
        c.script = (ctx, sink) -> {
            sink.device(DeviceRecord.of("sys-1", "dorado-ams-01", "storage"));
            sink.device(DeviceRecord.of("pool-0", "StoragePool001", "storage_pool"));
        };
        SyncRun r = env.runToEnd("dorado-ams", false);
        assertEquals(SyncStatus.NEEDS_CONFIRMATION, r.status());
        assertTrue(r.error().contains("40 of 40 active storage volumes"), r.error());
        assertEquals(40, queries.volumes(new VolumeQuery(null, null, null, "active", null, null, 100, 0)).count());
    }

    @Test
    void backupsLinkToDevicesOtherSourcesKnow() {
        env.add("vcenter", "prod", (ctx, sink) -> {
            sink.device(DeviceRecord.of("vm-1", "app01", "vm").put("instance_uuid", "5008a1b2-0000-4000-8000-000000000001"));
            sink.device(DeviceRecord.of("vm-2", "db01", "vm").hostname("db01.corp.example.com"));
        });
        env.add("commvault", "main", (ctx, sink) -> {
            Instant end = Instant.parse("2026-11-24T02:00:00Z");
            BackupRecord.Job job = new BackupRecord.Job("4711", "Incremental", "Completed", end.minusSeconds(600), end, 123_456L);
            sink.backup(BackupRecord.of("vm:5008A1B2-0000-4000-8000-000000000001", "app01-renamed")
                    .vm("app01-renamed", "5008A1B2-0000-4000-8000-000000000001").lastJob(job).lastSuccessAt(end).addJob(job));
            sink.backup(BackupRecord.of("client:7", "DB01").hostName("db01.corp.example.com")
                    .lastJob(new BackupRecord.Job("4712", "Full", "Failed", end, end, null)));
            sink.backup(BackupRecord.of("client:8", "nobody-knows-me"));
        });
        env.runToEnd("vcenter-prod", false);
        SyncRun r = env.runToEnd("commvault-main", false);
        assertEquals(SyncStatus.SUCCEEDED, r.status(), r.error());
        var all = queries.backups(new BackupQuery(null, "commvault-main", null, null, null, 100, 0)).results();
        Backup byGuid = all.stream().filter(b -> b.sourceId().startsWith("vm:")).findFirst().orElseThrow();
        Backup byHost = all.stream().filter(b -> b.sourceId().equals("client:7")).findFirst().orElseThrow();
        Backup none = all.stream().filter(b -> b.sourceId().equals("client:8")).findFirst().orElseThrow();
        assertEquals(queries.resolve("app01").orElseThrow().device().id(), byGuid.deviceId());
        assertEquals(queries.resolve("db01").orElseThrow().device().id(), byHost.deviceId());
        assertNull(none.deviceId());
        assertEquals("Completed", byGuid.lastJob().status());
        assertEquals(123_456L, byGuid.jobs().get(0).sizeBytes());
        assertEquals(1, queries.backups(new BackupQuery(null, null, "Failed", null, null, 100, 0)).count());
        assertEquals(1, queries.resolve("db01").orElseThrow().backups().size());
    }

    @Test
    void anUnchangedBackupResyncCountsUnchangedAndKeepsEveryRow() {
        // backups have no metadata column: touching them must not try to refresh one
        Instant end = Instant.parse("2026-11-24T02:00:00Z");
        env.add("commvault", "main", (ctx, sink) -> {
            sink.backup(BackupRecord.of("client:7", "db01").hostName("db01.corp.example.com")
                    .lastJob(new BackupRecord.Job("4712", "Full", "Completed", end, end, 1L)).lastSuccessAt(end));
            sink.backup(BackupRecord.of("client:8", "fs01"));
        });
        assertEquals(SyncStatus.SUCCEEDED, env.runToEnd("commvault-main", false).status());
        SyncRun again = env.runToEnd("commvault-main", false);
        assertEquals(SyncStatus.SUCCEEDED, again.status(), again.error());
        assertEquals(2, again.unchanged());
        assertEquals(0, again.updated());
        assertEquals(2, queries.backups(new BackupQuery(null, "commvault-main", null, null, null, 100, 0)).count());
    }
}
