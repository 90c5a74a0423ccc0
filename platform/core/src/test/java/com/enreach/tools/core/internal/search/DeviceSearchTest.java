package com.enreach.tools.core.internal.search;

import com.enreach.tools.core.internal.db.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.Device;
import com.enreach.tools.api.DeviceQuery;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.TestRows;
import com.enreach.tools.core.internal.query.DeviceQueries;

/** Free-text search through the FTS5 index that V20's triggers keep in step with the device tables. */
class DeviceSearchTest {
    @TempDir
    Path dir;

    private Database db;
    private DeviceQueries devices;
    private long web;
    private long zurich;

    @BeforeEach
    void estate() {
        db = TestDatabases.open(dir.resolve("m.db"));
        devices = new DeviceQueries(db);
        db.write(c -> {
            web = TestRows.device(c, "web01.prod.example.com", "{\"os\": \"Ubuntu 22.04\", \"tags\": [\"frontend\"], \"cpu_count\": 4}");
            long eth0 = TestRows.iface(c, web, "eth0", "00:14:4f:19:0c:01");
            TestRows.address(c, web, "10.20.30.40", "www.example.com");
            zurich = TestRows.device(c, "SW-Zürich-Core", "{\"site\": \"Zürich Nord\", \"vendor\": \"Ærø Networks\"}");
            TestRows.device(c, "db01.prod.example.com", "{\"os\": \"RHEL 9\"}");
            return eth0;
        });
    }

    private List<String> find(String q) {
        return devices.find(new DeviceQuery(null, null, null, null, q, 100, 0)).results().stream().map(Device::name).sorted().toList();
    }

    @Test
    void fqdnsAreFoundByFirstLabelLeadingLabelsOrInFull() {
        List<String> web01 = List.of("web01.prod.example.com");
        assertEquals(web01, find("web01"));
        assertEquals(web01, find("web01.prod"));
        assertEquals(web01, find("web01.prod.example.com"));
        assertEquals(web01, find("WEB01.Prod"));
        assertEquals(List.of("db01.prod.example.com", "web01.prod.example.com"), find("prod.example"));
        assertEquals(List.of(), find("web01.example"), "labels must be adjacent, in order");
    }

    @Test
    void caseAndAccentsAreFolded() {
        assertEquals(List.of("SW-Zürich-Core"), find("zurich"));
        assertEquals(List.of("SW-Zürich-Core"), find("ZÜRICH"));
        assertEquals(List.of("SW-Zürich-Core"), find("nord"));
        assertEquals(List.of("SW-Zürich-Core"), find("ærø"), "non-ASCII letters fold case too");
        db.write(c -> TestRows.device(c, "edge-Köln2", "{}"));
        assertEquals(List.of("edge-Köln2"), find("koln2"), "a word of letters and digits loses its accents too");
        assertEquals(List.of("edge-Köln2"), find("KÖLN2"));
    }

    @Test
    void macAddressesInAnyNotationAndAddressesAndDnsNames() {
        for (String mac : List.of("00:14:4f:19:0c:01", "00144f190c01", "00-14-4F-19-0C-01", "0014.4f19.0c01", "0:14:4f:19:c:1")) {
            assertEquals(List.of("web01.prod.example.com"), find(mac), mac);
        }
        assertEquals(List.of("web01.prod.example.com"), find("10.20.30.40"));
        assertEquals(List.of("web01.prod.example.com"), find("www.example.com"));
        assertEquals(List.of("web01.prod.example.com"), find("web01 10.20.30.40"), "terms may match different documents of one device");
        assertEquals(List.of(), find("web01 db01"), "every term must match");
    }

    @Test
    void metadataValuesAreSearchedButNotItsKeysOrNumbers() {
        assertEquals(List.of("web01.prod.example.com"), find("ubuntu"));
        assertEquals(List.of("web01.prod.example.com"), find("frontend"));
        assertEquals(List.of(), find("cpu_count"));
        assertEquals(List.of(), find("os"));
    }

    @Test
    void hostileInputIsTakenLiterallyAndNeverFails() {
        for (String q : List.of("\"", "\"\"", "*", "-", "-web01", "web01*", "NEAR(web01 prod)", "NEAR", "web01 NEAR db01", "web01 OR db01",
                "NOT web01", "AND", "^web01", "body:web01", "device_id:1", "{body}: web01", "(", ")", "'", "' OR '1'='1", "\\", "%", "_",
                "web01\"", "\u0000", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "a".repeat(5000), "x ".repeat(200))) {
            devices.find(new DeviceQuery(null, null, null, null, q, 100, 0));
        }
        assertEquals(List.of("web01.prod.example.com"), find("-web01"), "a leading - is not NOT");
        assertEquals(List.of(), find("web01 OR db01"), "OR is a word to look for, not an operator");
        assertEquals(List.of(), find("*"));
    }

    @Test
    void aSearchWithThousandsOfMatchesIsCountedAndPagedInNameOrder() {
        int n = (int) DeviceQueries.NAME_ORDER_THRESHOLD + 100;
        db.write(c -> {
            for (int i = n - 1; i >= 0; i--) {
                TestRows.device(c, String.format("node-%05d.lab", i), "{}");
            }
            return null;
        });
        var page = devices.find(new DeviceQuery(null, null, null, null, "node", 3, 10));
        assertEquals(n, page.count());
        assertEquals(List.of("node-00010.lab", "node-00011.lab", "node-00012.lab"), page.results().stream().map(Device::name).toList());
        var filtered = devices.find(new DeviceQuery(null, null, "server", "active", "lab", 2, 0));
        assertEquals(n, filtered.count(), "with other filters the devices table counts");
        assertEquals(List.of("node-00000.lab", "node-00001.lab"), filtered.results().stream().map(Device::name).toList());
        assertEquals(0, devices.find(new DeviceQuery(null, null, "vm", null, "lab", 2, 0)).count());
    }

    @Test
    void countsFollowEveryCommit() {
        assertEquals(3, devices.find(new DeviceQuery(null, null, null, null, null, 1, 0)).count());
        assertEquals(2, devices.find(new DeviceQuery(null, null, null, null, "prod", 1, 0)).count());
        db.write(c -> TestRows.device(c, "app01.prod.example.com", "{}"));
        assertEquals(4, devices.find(new DeviceQuery(null, null, null, null, null, 1, 0)).count(), "a cached count is not served after a commit");
        assertEquals(3, devices.find(new DeviceQuery(null, null, null, null, "prod", 1, 0)).count());
        assertEquals(3, devices.find(new DeviceQuery(null, null, "server", null, "prod", 1, 0)).count(), "another filter, another count");
    }

    @Test
    void rowsAddedLaterAndRowidsReusedAfterADeleteAreIndexed() {
        db.write(c -> TestRows.iface(c, zurich, "mgmt0", "aa:bb:cc:00:00:01"));
        assertEquals(List.of("SW-Zürich-Core"), find("aabbcc000001"), "a new interface of an existing device");
        long last = db.write(c -> TestRows.device(c, "temp01.lab", "{}"));
        db.write(c -> c.createStatement().executeUpdate("DELETE FROM devices WHERE id = " + last));
        // SQLite gives the next device the deleted one's id (max + 1 again); PostgreSQL's identity never reuses one.
        long reused = db.write(c -> TestRows.device(c, "fresh01.lab", "{}"));
        if (!TestDatabases.postgres()) {
            assertEquals(last, reused);
        }
        assertEquals(List.of("fresh01.lab"), find("fresh01"));
        assertEquals(List.of(), find("temp01"));
    }

    @Test
    void devicesFromBeforeTheSearchIndexAreIndexedOnStart() throws Exception {
        // An upgrade of an old SQLite file: a PostgreSQL master database starts at the V32 baseline, never from one.
        assumeFalse(TestDatabases.postgres());
        Path file = dir.resolve("old.db");
        org.flywaydb.core.Flyway.configure(Database.class.getClassLoader()).dataSource("jdbc:sqlite:" + file, null, null)
                .locations("classpath:db/migration/sqlite").target("4").load().migrate();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file)) {
            // the devices table as it was then: when a device was last seen was a column of its own
            c.createStatement().executeUpdate("INSERT INTO devices (name, type, source_system, source_instance, source_id, host_key, metadata,"
                    + " content_hash, seen_run_id, first_seen, last_seen, created_at, updated_at) VALUES ('legacy01.old.example.com', 'server', 'test',"
                    + " 'test-1', 'id-1', 'legacy01', '{\"site\": \"Köln\"}', 0, 3, '2026-01-01T00:00:00Z', '2026-02-03T04:05:06Z',"
                    + " '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
        }
        Database db = TestDatabases.open(file);
        DeviceQueries upgraded = new DeviceQueries(db);
        assertEquals(1, upgraded.find(new DeviceQuery(null, null, null, null, "koln", 10, 0)).count());
        assertEquals(1, upgraded.find(new DeviceQuery(null, null, null, null, "legacy01.old", 10, 0)).count());
        // the upgrade keeps when it was last seen, and by which run
        assertEquals("2026-02-03T04:05:06Z 3", db.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT last_seen || ' ' || seen_run_id FROM device_seen")) {
                return rs.next() ? rs.getString(1) : null;
            }
        }));
    }

    @Test
    void theIndexFollowsUpdatesAndDeletes() {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE devices SET name = 'web02.prod.example.com', metadata = '{\"os\": \"Debian\"}' WHERE id = ?")) {
                ps.setLong(1, web);
                ps.executeUpdate();
            }
            SearchIndex.changed(c, List.of(web)); // the writer's hook for updated devices
            return null;
        });
        assertEquals(List.of("web02.prod.example.com"), find("web02"));
        assertEquals(List.of(), find("ubuntu"));
        assertEquals(List.of("web02.prod.example.com"), find("debian"));
        assertEquals(List.of("web02.prod.example.com"), find("00144f190c01"), "its interfaces still point at it");
        db.write(c -> c.createStatement().executeUpdate("DELETE FROM network_interfaces"));
        assertEquals(List.of(), find("00144f190c01"));
        db.write(c -> c.createStatement().executeUpdate("DELETE FROM devices WHERE id = " + web));
        assertEquals(List.of(), find("www.example.com"), "deleting a device removes its addresses from the index (cascade)");
        assertEquals(List.of(), find("web02"));
        assertEquals(2L, (long) db.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM device_search")) {
                rs.next();
                return rs.getLong(1);
            }
        }), "only the two remaining devices are left in the index");
        assertEquals(List.of("SW-Zürich-Core"), find("zürich"));
        assertEquals(zurich, devices.find(new DeviceQuery(null, null, null, null, "core", 10, 0)).results().get(0).id());
    }
}
