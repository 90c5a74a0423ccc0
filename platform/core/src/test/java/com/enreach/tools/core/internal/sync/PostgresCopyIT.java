package com.enreach.tools.core.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.SyncStatus;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.InterfaceRecord;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.api.spi.RelationshipRecord;
import com.enreach.tools.api.spi.ServerFacts;
import com.enreach.tools.core.internal.db.PostgresCopy;
import com.enreach.tools.testkit.PostgresCluster;

/**
 * {@code enreach db migrate-to-postgres} ({@link PostgresCopy}) against a real PostgreSQL: a master database filled by
 * the sync engine (devices with interfaces, addresses, facts and relationships from two sources, identity resolution's
 * entities and links, the change feed, articles and tickets, a stale device) is copied, and every table's rows, the values of
 * Unicode and JSON columns, the search documents and the id sequences are as they were. A non-empty target is refused,
 * and a value PostgreSQL cannot hold fails the copy naming its table, column and row, with nothing kept.
 *
 * <p>Needs Debian's postgresql and postgresql-contrib (.ci/run installs them); fails, never skips, without them.
 */
class PostgresCopyIT {
    private static PostgresCluster cluster;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws Exception {
        cluster = PostgresCluster.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static String newDatabase(String name) throws SQLException {
        return cluster.createDatabase(name);
    }

    /** A master database with what every part of the platform writes. */
    private Path filledDatabase() {
        try (Fixtures.Env env = new Fixtures.Env(dir)) {
            boolean[] second = {false};
            env.add("vcenter", "a", (ctx, sink) -> {
                for (int i = 0; i < 30; i++) {
                    if (second[0] && i == 29) {
                        continue; // gone in the second run: stale
                    }
                    sink.device(DeviceRecord.of("vm-" + i, i == 0 ? "Zürich-ü-web01" : "web" + i + ".prod", "vm")
                            .put("bios_uuid", "4211" + String.format("%04d", i) + "-0000-0000-0000-000000000000").put("cpu_count", i % 8 + 1)
                            .put("tags", Map.of("env", "prod", "owner", "team-" + (i % 3)))
                            .addInterface(new InterfaceRecord("eth0", String.format("00:50:56:00:00:%02x", i), "ethernet", true, 1500, null))
                            .addIpAddress(new IpAddressRecord("10.0.0." + (i + 1) + "/24", "eth0", "web" + i + ".prod.example.com"))
                            .facts(new ServerFacts().os("Debian", "12").cpu("Xeon", 8).memoryBytes(16L << 30).uptimeSeconds(1000L + i)));
                    sink.relationship(new RelationshipRecord("vm-" + i, "runs_on", "host-1"));
                }
                sink.device(DeviceRecord.of("host-1", "esx01", "hypervisor"));
            });
            env.add("puppetdb", "b", (ctx, sink) -> {
                for (int i = 0; i < 10; i++) {
                    sink.device(DeviceRecord.of("web" + i + ".prod.example.com", "web" + i + ".prod.example.com", "server")
                            .put("os", "Debian 12").put("note", "line1\nline2\t\"quoted\" \\ back"));
                }
            });
            env.add("confluence", "wiki", (ctx, sink) -> {
                sink.article(KnowledgeLoadTest.page(1, 1));
                sink.article(KnowledgeLoadTest.page(2, 3));
                sink.ticket(KnowledgeLoadTest.issue(1, "first comment", "second comment"));
            });
            for (String instance : List.of("vcenter-a", "puppetdb-b", "confluence-wiki")) {
                assertEquals(SyncStatus.SUCCEEDED, env.runToEnd(instance, false).status(), instance);
            }
            second[0] = true;
            assertEquals(1, env.runToEnd("vcenter-a", true).stale());
        }
        return dir.resolve("test.db");
    }

    @Test
    void aFilledMasterDatabaseIsCopiedWithEveryRowAndValue() throws Exception {
        Path db = filledDatabase();
        String url = newDatabase("copy_full");
        Map<String, Object> report = PostgresCopy.copy(db, url, PostgresCluster.USER, null);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Long>> tables = (Map<String, Map<String, Long>>) report.get("tables");
        for (String t : List.of("devices", "device_seen", "network_interfaces", "ip_addresses", "server_facts", "device_relationships",
                "change_log", "entities", "entity_links", "identity_keys", "kb_articles", "kb_tickets", "kb_ticket_comments",
                "sync_history", "device_search", "kb_article_text", "kb_ticket_text")) {
            assertTrue(tables.get(t).get("sqlite") > 0, t + " has rows to copy: " + tables.get(t));
            assertEquals(tables.get(t).get("sqlite"), tables.get(t).get("postgresql"), t);
        }
        assertEquals(41L, tables.get("devices").get("postgresql"));
        assertTrue((Long) report.get("rows") > 300, "rows copied: " + report.get("rows"));

        String deviceSql = "SELECT d.name, d.metadata, d.status, d.content_hash, s.last_seen, n.mac, a.address, a.dns_name, f.memory_bytes"
                + " FROM devices d JOIN device_seen s ON s.device_id = d.id LEFT JOIN network_interfaces n ON n.device_id = d.id"
                + " LEFT JOIN ip_addresses a ON a.device_id = d.id LEFT JOIN server_facts f ON f.device_id = d.id ORDER BY d.id";
        assertEquals(rows(DriverManager.getConnection("jdbc:sqlite:" + db), deviceSql), rows(pg(url), deviceSql), "devices with their children");
        String changeSql = "SELECT position, run_id, kind, action, source_id, fields FROM change_log ORDER BY position";
        assertEquals(rows(DriverManager.getConnection("jdbc:sqlite:" + db), changeSql), rows(pg(url), changeSql), "the change feed");
        String entitySql = "SELECT e.id, e.name, e.type, e.status, e.sources, l.device_id, l.rule, l.confidence FROM entities e"
                + " JOIN entity_links l ON l.entity_id = e.id ORDER BY e.id, l.device_id";
        assertEquals(rows(DriverManager.getConnection("jdbc:sqlite:" + db), entitySql), rows(pg(url), entitySql), "entities and their links");

        try (Connection c = pg(url); Statement s = c.createStatement()) {
            // the stale device stayed stale; Unicode and control characters came through
            assertEquals(List.of("stale"), column(s, "SELECT status FROM devices WHERE source_id = 'vm-29'"));
            assertEquals(List.of("Zürich-ü-web01"), column(s, "SELECT name FROM devices WHERE source_id = 'vm-0'"));
            // the search documents are searchable in PostgreSQL's form
            assertEquals(List.of("1"), column(s, "SELECT count(*) FROM device_search WHERE terms @@ to_tsquery('enreach_search', 'zurich & web01')"));
            assertEquals(List.of("2"), column(s, "SELECT count(*) FROM kb_article_text WHERE terms @@ to_tsquery('enreach_search', 'systemctl')"));
            // new rows continue after the copied ids, the change feed after its last position
            long maxDevice = Long.parseLong(column(s, "SELECT max(id) FROM devices").get(0));
            s.execute("INSERT INTO devices (name, type, source_system, source_instance, source_id, content_hash, first_seen, created_at, updated_at)"
                    + " VALUES ('new', 'server', 'x', 'x-1', 'n1', 0, 't', 't', 't')");
            assertEquals(List.of(Long.toString(maxDevice + 1)), column(s, "SELECT id FROM devices WHERE source_id = 'n1'"));
            long lastPosition = Long.parseLong(column(s, "SELECT max(position) FROM change_log").get(0));
            s.execute("INSERT INTO change_log (run_id, source_instance, kind, action, changed_at) VALUES (99, 'x-1', 'device', 'created', 't')");
            assertEquals(List.of(Long.toString(lastPosition + 1)), column(s, "SELECT max(position) FROM change_log"));
        }
    }

    @Test
    void aDatabaseThatHoldsDataIsNeverOverwritten() throws Exception {
        Path db = filledDatabase();
        String url = newDatabase("copy_twice");
        PostgresCopy.copy(db, url, PostgresCluster.USER, null);
        long before = Long.parseLong(column(pg(url).createStatement(), "SELECT count(*) FROM devices").get(0));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PostgresCopy.copy(db, url, PostgresCluster.USER, null));
        assertTrue(e.getMessage().contains("already holds data: ") && e.getMessage().contains("devices (41 rows)")
                && e.getMessage().endsWith("nothing was changed"), e.getMessage());
        assertEquals(before, Long.parseLong(column(pg(url).createStatement(), "SELECT count(*) FROM devices").get(0)));
    }

    @Test
    void aValuePostgresqlCannotHoldFailsTheCopyNamingItAndKeepsNothing() throws Exception {
        Path db = filledDatabase();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            // SQLite's loose typing lets text into an integer column; PostgreSQL's does not
            s.executeUpdate("UPDATE server_facts SET cpu_count = 'eight' WHERE device_id = (SELECT id FROM devices WHERE source_id = 'vm-3')");
        }
        String url = newDatabase("copy_bad");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PostgresCopy.copy(db, url, PostgresCluster.USER, null));
        assertTrue(e.getMessage().matches("server_facts\\.cpu_count of the row with key \\d+ holds the text 'eight', which is not an integer"),
                e.getMessage());
        assertEquals(List.of("0"), column(pg(url).createStatement(), "SELECT count(*) FROM devices"), "nothing kept");
    }

    private static Connection pg(String url) throws SQLException {
        return DriverManager.getConnection(url, PostgresCluster.USER, "");
    }

    /** Every row as text, columns joined (numbers as integers where they are whole, so both engines print them alike). */
    private static List<String> rows(Connection c, String sql) throws SQLException {
        try (c; PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<String> out = new java.util.ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    if (v instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())) {
                        v = num.longValue();
                    }
                    b.append(i > 1 ? " | " : "").append(v);
                }
                out.add(b.toString());
            }
            assertTrue(!out.isEmpty(), "rows of " + sql);
            return out;
        }
    }

    private static List<String> column(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }
}
