package com.enreach.tools.core.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.SyncRun;
import com.enreach.tools.api.SyncStatus;
import com.enreach.tools.api.spi.BackupRecord;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.api.spi.InterfaceRecord;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.ServerFacts;

/**
 * A source that re-sends the same facts with a new timestamp and uptime (a PuppetDB agent run) must not make
 * devices "updated", and children of a really changed device keep their row ids.
 */
class QuietChangeTest {
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

    /** A PuppetDB-like node: volatile fact timestamp, uptime, two interfaces with addresses. */
    static void node(RecordSink sink, int i, long tick, String ip1) {
        sink.device(DeviceRecord.of("n" + i, "node-" + i + ".example.com", "server")
                .put("environment", "production")
                .putVolatile("facts_timestamp", "2026-12-02T10:" + (10 + tick) + ":00Z")
                .addInterface(new InterfaceRecord("eth0", "00:50:56:00:00:0" + (i % 10), "ethernet", true, 1500, null))
                .addInterface(new InterfaceRecord("eth1", null, "ethernet", true, null, null))
                .addIpAddress(new IpAddressRecord(ip1 + "/24", "eth0", null))
                .addIpAddress(new IpAddressRecord("192.168.0." + (i + 1), "eth1", null))
                .facts(new ServerFacts().os("Debian", "12").cpu("Xeon", 8).memoryBytes(16L << 30).uptimeSeconds(1000 + tick * 3600)));
    }

    private Fixtures.ScriptedConnector puppet(int n, AtomicLong tick, String[] firstIp) {
        return env.add("puppetdb", "a", (ctx, sink) -> {
            for (int i = 0; i < n; i++) {
                node(sink, i, tick.get(), i == 0 ? firstIp[0] : "10.0.0." + (i + 1));
            }
        });
    }

    @Test
    void identicalFactsWithANewTimestampAndUptimeAreUnchangedButStoredFresh() throws SQLException {
        AtomicLong tick = new AtomicLong();
        puppet(5, tick, new String[] {"10.0.0.1"});
        assertEquals(5, env.runToEnd("puppetdb-a", false).added());
        List<Long> before = childIds();
        String updatedAt = one("SELECT updated_at FROM devices WHERE source_id = 'n0'");

        tick.set(1);
        SyncRun again = env.runToEnd("puppetdb-a", false);
        assertEquals(SyncStatus.SUCCEEDED, again.status(), again.error());
        assertEquals(0, again.updated(), "only volatile values differ");
        assertEquals(5, again.unchanged());
        assertEquals(before, childIds(), "interfaces, addresses and facts keep their rows");
        assertEquals(updatedAt, one("SELECT updated_at FROM devices WHERE source_id = 'n0'"));
        // the volatile values themselves are current
        assertEquals("2026-12-02T10:11:00Z", one("SELECT " + env.db.dialect().jsonText("metadata", "facts_timestamp") + " FROM devices WHERE source_id = 'n0'"));
        assertEquals("4600", one("SELECT uptime_seconds FROM server_facts f JOIN devices d ON d.id = f.device_id WHERE d.source_id = 'n0'"));
    }

    /**
     * When a device was last seen lives beside it (device_seen): a run that finds devices unchanged leaves their rows
     * as they were, yet the read path shows them seen by that run, and a device the next complete run misses goes
     * stale with the time it was last really seen.
     */
    @Test
    void unchangedDevicesAreSeenWithoutRewritingTheirRows() throws SQLException {
        AtomicLong tick = new AtomicLong();
        int[] nodes = {5};
        env.add("puppetdb", "a", (ctx, sink) -> {
            for (int i = 0; i < nodes[0]; i++) {
                node(sink, i, tick.get(), "10.0.0." + (i + 1));
            }
        });
        SyncRun first = env.runToEnd("puppetdb-a", false);
        assertEquals(5, first.added());
        String rows = one("SELECT string_agg(id || name || metadata || content_hash || status || updated_at, '|' ORDER BY id) FROM devices");
        Map<String, java.time.Instant> seenFirst = lastSeen();

        SyncRun second = env.runToEnd("puppetdb-a", false);
        assertEquals(5, second.unchanged());
        assertEquals(rows, one("SELECT string_agg(id || name || metadata || content_hash || status || updated_at, '|' ORDER BY id) FROM devices"),
                "device rows are not rewritten");
        assertEquals("5", one("SELECT count(*) FROM device_seen WHERE seen_run_id = " + second.id()));
        Map<String, java.time.Instant> seenSecond = lastSeen();
        for (String name : seenFirst.keySet()) {
            assertTrue(!seenSecond.get(name).isBefore(seenFirst.get(name)), name + " last seen by the second run");
        }

        nodes[0] = 4;
        SyncRun third = env.runToEnd("puppetdb-a", true);
        assertEquals(SyncStatus.SUCCEEDED, third.status(), third.error());
        assertEquals(1, third.stale());
        assertEquals("stale", one("SELECT status FROM devices WHERE source_id = 'n4'"));
        assertEquals(seenSecond.get("node-4.example.com"), lastSeen().get("node-4.example.com"), "a stale device keeps when it was last seen");
        assertEquals("4", one("SELECT count(*) FROM device_seen WHERE seen_run_id = " + third.id()));
    }

    /** Each device's last_seen as the read path (the REST API's query) shows it. */
    private Map<String, java.time.Instant> lastSeen() {
        Map<String, java.time.Instant> out = new java.util.HashMap<>();
        new com.enreach.tools.core.internal.query.DeviceQueries(env.db).find(new com.enreach.tools.api.DeviceQuery(null, null, null, null, null, 100, 0))
                .results().forEach(d -> out.put(d.name(), d.lastSeen()));
        assertEquals(false, out.containsValue(null), "every device has a last_seen");
        return out;
    }

    @Test
    void aChangedAddressIsUpdatedInPlaceAndItsInterfaceKeepsItsId() throws SQLException {
        AtomicLong tick = new AtomicLong();
        String[] firstIp = {"10.0.0.1"};
        puppet(3, tick, firstIp);
        env.runToEnd("puppetdb-a", false);
        String eth0 = one("SELECT i.id FROM network_interfaces i JOIN devices d ON d.id = i.device_id WHERE d.source_id = 'n0' AND i.name = 'eth0'");
        String otherIp = one("SELECT a.id FROM ip_addresses a JOIN devices d ON d.id = a.device_id WHERE d.source_id = 'n0' AND a.address = '192.168.0.1'");
        String facts = one("SELECT f.device_id FROM server_facts f JOIN devices d ON d.id = f.device_id WHERE d.source_id = 'n0'");

        tick.set(2);
        firstIp[0] = "10.0.9.9";
        SyncRun changed = env.runToEnd("puppetdb-a", false);
        assertEquals(1, changed.updated(), changed.toString());
        assertEquals(2, changed.unchanged());
        assertEquals(eth0, one("SELECT i.id FROM network_interfaces i JOIN devices d ON d.id = i.device_id WHERE d.source_id = 'n0' AND i.name = 'eth0'"));
        assertEquals(otherIp, one("SELECT a.id FROM ip_addresses a JOIN devices d ON d.id = a.device_id WHERE d.source_id = 'n0' AND a.address = '192.168.0.1'"));
        assertEquals(facts, one("SELECT f.device_id FROM server_facts f JOIN devices d ON d.id = f.device_id WHERE d.source_id = 'n0'"));
        assertEquals("10.0.9.9|" + eth0, one("SELECT a.address || '|' || a.interface_id FROM ip_addresses a JOIN devices d ON d.id = a.device_id"
                + " WHERE d.source_id = 'n0' AND a.interface_name = 'eth0'"));
        assertEquals("0", one("SELECT count(*) FROM ip_addresses WHERE address = '10.0.0.1'"));
    }

    @Test
    void anAddressWhoseAttributesChangeKeepsItsRow() throws SQLException {
        String[] dns = {"web-1.example.com"};
        Fixtures.ScriptedConnector c = env.add("test", "a", (ctx, sink) -> sink.device(DeviceRecord.of("w", "web-1", "server")
                .addInterface(new InterfaceRecord("eth0", null, null, true, null, null))
                .addIpAddress(new IpAddressRecord("10.1.1.1/24", "eth0", dns[0]))));
        env.runToEnd("test-a", false);
        String before = one("SELECT id || '|' || interface_id FROM ip_addresses WHERE address = '10.1.1.1'");
        dns[0] = "www.example.com";
        c.script = (ctx, sink) -> sink.device(DeviceRecord.of("w", "web-1", "server")
                .addInterface(new InterfaceRecord("eth0", null, null, true, null, null))
                .addIpAddress(new IpAddressRecord("10.1.1.1/16", "eth0", dns[0])));
        assertEquals(1, env.runToEnd("test-a", false).updated());
        assertEquals(before, one("SELECT id || '|' || interface_id FROM ip_addresses WHERE address = '10.1.1.1'"));
        assertEquals("16|www.example.com", one("SELECT prefix_length || '|' || dns_name FROM ip_addresses WHERE address = '10.1.1.1'"));
        assertEquals("[\"prefix_length\",\"dns_name\"]", one("SELECT fields FROM change_log WHERE kind = 'ip_address' AND action = 'updated'"));
    }

    @Test
    void aVolatileKeyThatDisappearsIsAChange() {
        Fixtures.ScriptedConnector c = env.add("test", "a", (ctx, sink) -> sink.device(DeviceRecord.of("d", "d", "server").putVolatile("seen", "t1")));
        env.runToEnd("test-a", false);
        c.script = (ctx, sink) -> sink.device(DeviceRecord.of("d", "d", "server").putVolatile("seen", "t2"));
        assertEquals(0, env.runToEnd("test-a", false).updated());
        c.script = (ctx, sink) -> sink.device(DeviceRecord.of("d", "d", "server"));
        assertEquals(1, env.runToEnd("test-a", false).updated());
    }

    @Test
    void recordsReReadAfterALostSessionAreFetchedOnce() {
        // a source that lost its session after 2,500 records and read everything again: 3,000 distinct records
        env.add("test", "a", (ctx, sink) -> {
            for (int i = 0; i < 2500; i++) {
                sink.device(DeviceRecord.of("d" + i, "dev-" + i, "server"));
            }
            for (int i = 0; i < 3000; i++) {
                sink.device(DeviceRecord.of("d" + i, "dev-" + i, "server"));
            }
        });
        SyncRun r = env.runToEnd("test-a", false);
        assertEquals(SyncStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(3000, r.fetched());
        assertEquals(3000, r.added());
        // and on a later run, where existing rows are looked up
        SyncRun again = env.runToEnd("test-a", false);
        assertEquals(3000, again.fetched());
        assertEquals(3000, again.unchanged());
        assertEquals(0, again.added() + again.updated());
    }

    @Test
    void fetchedIsLiveBeforeTheFirstBatchIsWritten() throws Exception {
        java.util.concurrent.CountDownLatch emitted = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        env.add("test", "a", (ctx, sink) -> {
            for (int i = 0; i < 10; i++) {
                sink.device(DeviceRecord.of("d" + i, "dev-" + i, "server"));
            }
            sink.device(DeviceRecord.of("d0", "dev-0", "server"));
            emitted.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        SyncRun started = env.engine.trigger("test-a", "test", false);
        assertTrue(emitted.await(1, java.util.concurrent.TimeUnit.MINUTES));
        SyncRun running = env.engine.run(started.id()).orElseThrow();
        assertEquals(SyncStatus.RUNNING, running.status());
        assertEquals(10, running.fetched(), "10 distinct records arrived, none written yet");
        release.countDown();
        assertEquals(10, Fixtures.await(env.engine, started.id()).added());
    }

    @Test
    void notRefreshedObjectsKeepTheirPreviousStateAndStayActive() throws SQLException {
        Fixtures.ScriptedConnector c = env.add("commvault", "a", (ctx, sink) -> {
            sink.device(DeviceRecord.of("vm-1", "vm-1", "vm").put("power", "on"));
            sink.device(DeviceRecord.of("vm-2", "vm-2", "vm").put("power", "on"));
            sink.backup(BackupRecord.of("c-1", "client-1").lastSuccessAt(java.time.Instant.parse("2026-12-01T00:00:00Z")));
            sink.backup(BackupRecord.of("c-2", "client-2").lastSuccessAt(java.time.Instant.parse("2026-12-01T00:00:00Z")));
        });
        env.runToEnd("commvault-a", false);
        c.script = (ctx, sink) -> {
            sink.device(DeviceRecord.of("vm-1", "vm-1", "vm").put("power", "off"));
            sink.notRefreshed(EntityKinds.DEVICE, "vm-2", "its details answered 403");
            sink.backup(BackupRecord.of("c-1", "client-1").lastSuccessAt(java.time.Instant.parse("2026-12-02T00:00:00Z")));
            sink.notRefreshed(EntityKinds.BACKUP, "c-2", "jobs answered 404");
        };
        SyncRun r = env.runToEnd("commvault-a", false);
        assertEquals(SyncStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(0, r.stale());
        assertEquals(2, r.warnings());
        assertTrue(r.warningSamples().stream().anyMatch(w -> w.startsWith("vm-2: not refreshed") && w.contains("403")), r.warningSamples().toString());
        assertEquals("active|on", one("SELECT status || '|' || " + env.db.dialect().jsonText("metadata", "power") + " FROM devices WHERE source_id = 'vm-2'"));
        assertEquals("active|off", one("SELECT status || '|' || " + env.db.dialect().jsonText("metadata", "power") + " FROM devices WHERE source_id = 'vm-1'"));
        assertEquals("active|2026-12-01T00:00:00.000Z", one("SELECT status || '|' || last_success_at FROM backups WHERE source_id = 'c-2'"));
        assertEquals("active|2026-12-02T00:00:00.000Z", one("SELECT status || '|' || last_success_at FROM backups WHERE source_id = 'c-1'"));
    }

    @Test
    void unknownEntityKindsForNotRefreshedAreRefusedByName() {
        env.add("test", "a", (ctx, sink) -> sink.notRefreshed("gizmo", "x", "why"));
        SyncRun r = env.runToEnd("test-a", false);
        assertEquals(SyncStatus.FAILED, r.status());
        assertTrue(r.error().contains("gizmo"), r.error());
    }

    private List<Long> childIds() throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (String sql : List.of("SELECT id FROM network_interfaces ORDER BY id", "SELECT id FROM ip_addresses ORDER BY id",
                "SELECT device_id FROM server_facts ORDER BY device_id")) {
            try (Connection c = env.db.openReadConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        assertNotEquals(0, ids.size());
        return ids;
    }

    private String one(String sql) throws SQLException {
        try (Connection c = env.db.openReadConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next(), "no row for " + sql);
            return rs.getString(1);
        }
    }
}
