package com.enreach.tools.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import com.enreach.tools.testkit.PostgresCluster;

/**
 * The PostgreSQL flavour of the migrations (db/migration/postgresql) against the SQLite one, both applied to empty
 * databases: the same schema version, tables, columns (name, kind of value, nullability), primary keys, unique
 * constraints, foreign keys with their delete rules, named indexes (partial where SQLite's are) and triggers; the
 * full-text tables have their PostgreSQL form. Then the PostgreSQL schema is exercised: cascades, the search-dirty
 * triggers and the text search configuration (case and diacritics folded, prefixes).
 *
 * <p>Needs a real PostgreSQL server (Debian's postgresql and postgresql-contrib, which .ci/run installs): it starts a
 * throwaway one ({@link PostgresCluster}) and fails, never skips, without it.
 */
class SchemaParityIT {
    /** SQLite's FTS5 tables, which PostgreSQL holds as ordinary tables with a tsvector column. */
    private static final Set<String> FTS = Set.of("device_search", "kb_article_text", "kb_ticket_text");

    private static PostgresCluster cluster;
    private static PGSimpleDataSource pg;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startPostgres() throws Exception {
        cluster = PostgresCluster.start();
        cluster.createDatabase("enreach");
        pg = new PGSimpleDataSource();
        pg.setUrl(cluster.jdbcUrl("enreach"));
        pg.setUser(PostgresCluster.USER);
        Flyway flyway = Migrations.postgresql(pg);
        assertTrue(flyway.migrate().migrationsExecuted >= 1);
        assertEquals("32", flyway.info().applied()[0].getVersion().getVersion(), "the PostgreSQL flavour starts with its baseline");
    }

    @AfterAll
    static void stopPostgres() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static Connection sqlite() throws SQLException {
        Database db = new Database(dir.resolve("parity.db"));
        return db.openWriteConnection();
    }

    @Test
    void bothFlavoursReachTheSameSchemaVersion() throws Exception {
        Database db = new Database(dir.resolve("version.db"));
        String sqliteVersion = Migrations.flyway(Migrations.writeSource(dir.resolve("version.db"))).info().current().getVersion().getVersion();
        String pgVersion = Migrations.postgresql(pg).info().current().getVersion().getVersion();
        assertEquals(sqliteVersion, pgVersion, "schema version");
        assertTrue(Migrations.postgresql(pg).validateWithResult().validationSuccessful, "Flyway validates the PostgreSQL history");
        db.close();
    }

    @Test
    void tablesAndColumnsMatch() throws Exception {
        Map<String, Map<String, String>> lite = new TreeMap<>();
        try (Connection c = sqlite()) {
            for (String t : sqliteTables(c)) {
                Map<String, String> cols = new TreeMap<>();
                try (ResultSet rs = c.createStatement().executeQuery("PRAGMA table_info('" + t + "')")) {
                    while (rs.next()) {
                        boolean notNull = rs.getInt("notnull") == 1 || rs.getInt("pk") > 0;
                        cols.put(rs.getString("name"), kind(rs.getString("type")) + (notNull ? " not null" : ""));
                    }
                }
                lite.put(t, cols);
            }
        }
        Map<String, Map<String, String>> post = new TreeMap<>();
        try (Connection c = pg.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT c.table_name, c.column_name, c.data_type, c.is_nullable FROM information_schema.columns c"
                     + " JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
                     + " WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> 'flyway_schema_history'")) {
            while (rs.next()) {
                post.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2),
                        kind(rs.getString(3)) + ("NO".equals(rs.getString(4)) ? " not null" : ""));
            }
        }
        Map<String, Map<String, String>> postWithoutFts = new TreeMap<>(post);
        FTS.forEach(postWithoutFts::remove);
        assertTrue(lite.size() >= 40 && lite.containsKey("devices") && lite.containsKey("device_seen"), "SQLite tables read: " + lite.keySet());
        same(lite.keySet(), postWithoutFts.keySet(), "tables");
        for (String t : lite.keySet()) {
            assertEquals(lite.get(t), post.get(t), "columns of " + t);
        }
        // the full-text tables: the indexed row's id, its text, and the terms PostgreSQL searches
        assertEquals(Map.of("device_id", "integer not null", "body", "text not null", "terms", "tsvector"), post.get("device_search"));
        for (String t : List.of("kb_article_text", "kb_ticket_text")) {
            assertEquals(Map.of("id", "integer not null", "title", "text not null", "body", "text not null", "terms", "tsvector"), post.get(t), t);
        }
    }

    @Test
    void keysConstraintsIndexesAndTriggersMatch() throws Exception {
        Set<String> litePk = new TreeSet<>();
        Set<String> liteUnique = new TreeSet<>();
        Set<String> liteFk = new TreeSet<>();
        Set<String> liteIndexes = new TreeSet<>();
        Set<String> liteTriggers = new TreeSet<>();
        try (Connection c = sqlite()) {
            for (String t : sqliteTables(c)) {
                Map<Integer, String> pk = new TreeMap<>();
                try (ResultSet rs = c.createStatement().executeQuery("PRAGMA table_info('" + t + "')")) {
                    while (rs.next()) {
                        if (rs.getInt("pk") > 0) {
                            pk.put(rs.getInt("pk"), rs.getString("name"));
                        }
                    }
                }
                litePk.add(t + "(" + String.join(",", pk.values()) + ")");
                try (ResultSet rs = c.createStatement().executeQuery("PRAGMA index_list('" + t + "')")) {
                    List<String> uniques = new ArrayList<>();
                    while (rs.next()) {
                        if ("u".equals(rs.getString("origin"))) {
                            uniques.add(rs.getString("name"));
                        }
                    }
                    for (String u : uniques) {
                        List<String> cols = new ArrayList<>();
                        try (ResultSet ic = c.createStatement().executeQuery("PRAGMA index_info('" + u + "')")) {
                            while (ic.next()) {
                                cols.add(ic.getString("name"));
                            }
                        }
                        liteUnique.add(t + "(" + String.join(",", cols) + ")");
                    }
                }
                try (ResultSet rs = c.createStatement().executeQuery("PRAGMA foreign_key_list('" + t + "')")) {
                    while (rs.next()) {
                        liteFk.add(t + "." + rs.getString("from") + " -> " + rs.getString("table") + "." + rs.getString("to") + " on delete "
                                + rs.getString("on_delete").toLowerCase());
                    }
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
                    + " AND sql IS NOT NULL AND tbl_name <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    if ("trigger".equals(rs.getString(1))) {
                        liteTriggers.add(rs.getString(2));
                    } else {
                        liteIndexes.add(rs.getString(2) + (rs.getString(3).contains(" WHERE ") ? " (partial)" : ""));
                    }
                }
            }
        }
        assertTrue(liteFk.size() >= 20 && liteIndexes.size() >= 60 && liteTriggers.size() == 5 && liteUnique.size() >= 10,
                "SQLite schema read: " + liteFk.size() + " foreign keys, " + liteIndexes.size() + " indexes, " + liteTriggers + ", " + liteUnique.size() + " unique");
        try (Connection c = pg.getConnection()) {
            same(litePk, strings(c, "SELECT cl.relname || '(' || string_agg(a.attname, ',' ORDER BY k.n) || ')' FROM pg_constraint x"
                    + " JOIN pg_class cl ON cl.oid = x.conrelid CROSS JOIN LATERAL unnest(x.conkey) WITH ORDINALITY AS k(attnum, n)"
                    + " JOIN pg_attribute a ON a.attrelid = x.conrelid AND a.attnum = k.attnum"
                    + " WHERE x.contype = 'p' AND cl.relnamespace = 'public'::regnamespace AND cl.relname <> 'flyway_schema_history'"
                    + " AND cl.relname NOT IN ('device_search', 'kb_article_text', 'kb_ticket_text') GROUP BY cl.relname, x.oid"), "primary keys");
            same(liteUnique, strings(c, "SELECT cl.relname || '(' || string_agg(a.attname, ',' ORDER BY k.n) || ')' FROM pg_constraint x"
                    + " JOIN pg_class cl ON cl.oid = x.conrelid CROSS JOIN LATERAL unnest(x.conkey) WITH ORDINALITY AS k(attnum, n)"
                    + " JOIN pg_attribute a ON a.attrelid = x.conrelid AND a.attnum = k.attnum"
                    + " WHERE x.contype = 'u' AND cl.relnamespace = 'public'::regnamespace GROUP BY cl.relname, x.oid"), "unique constraints");
            same(liteFk, strings(c, "SELECT cl.relname || '.' || a.attname || ' -> ' || rcl.relname || '.' || ra.attname || ' on delete '"
                    + " || CASE x.confdeltype WHEN 'c' THEN 'cascade' WHEN 'n' THEN 'set null' WHEN 'r' THEN 'restrict' WHEN 'd' THEN 'set default'"
                    + " ELSE 'no action' END FROM pg_constraint x JOIN pg_class cl ON cl.oid = x.conrelid JOIN pg_class rcl ON rcl.oid = x.confrelid"
                    + " JOIN pg_attribute a ON a.attrelid = x.conrelid AND a.attnum = x.conkey[1]"
                    + " JOIN pg_attribute ra ON ra.attrelid = x.confrelid AND ra.attnum = x.confkey[1] WHERE x.contype = 'f'"), "foreign keys");
            Set<String> pgIndexes = strings(c, "SELECT i.indexname || CASE WHEN i.indexdef LIKE '% WHERE %' THEN ' (partial)' ELSE '' END FROM pg_indexes i"
                    + " WHERE i.schemaname = 'public' AND i.tablename <> 'flyway_schema_history'"
                    + " AND i.indexname NOT IN (SELECT conname FROM pg_constraint) AND i.indexname NOT LIKE '%\\_terms'");
            same(liteIndexes, pgIndexes, "named indexes");
            same(liteTriggers, strings(c, "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"), "triggers");
        }
    }

    @Test
    void thePostgresqlSchemaCascadesQueuesSearchWorkAndFoldsText() throws Exception {
        try (Connection c = pg.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE devices, search_dirty CASCADE");
            s.execute("INSERT INTO devices (id, name, type, source_system, source_instance, source_id, content_hash, first_seen, created_at, updated_at)"
                    + " VALUES (7001, 'web01.prod', 'server', 'demo', 'demo-a', 'd1', 0, 't', 't', 't')");
            s.execute("INSERT INTO network_interfaces (device_id, name, mac) VALUES (7001, 'eth0', '00:50:56:aa:bb:cc')");
            s.execute("INSERT INTO ip_addresses (device_id, address, family) VALUES (7001, '10.0.0.1', 4)");
            s.execute("INSERT INTO device_seen (device_id, seen_run_id, last_seen) VALUES (7001, 1, 't')");
            s.execute("INSERT INTO devices (name, type, source_system, source_instance, source_id, content_hash, first_seen, created_at, updated_at)"
                    + " VALUES ('db01', 'server', 'demo', 'demo-a', 'd2', 0, 't', 't', 't')");
            assertEquals(Set.of(), strings(c, "SELECT device_id::text FROM search_dirty"), "inserts queue nothing (new rows are found by id)");
            s.execute("UPDATE network_interfaces SET mac = '00:50:56:aa:bb:cd' WHERE device_id = 7001");
            assertEquals(Set.of("7001"), strings(c, "SELECT device_id::text FROM search_dirty"), "a changed MAC queues its device");
            s.execute("DELETE FROM search_dirty");
            s.execute("UPDATE network_interfaces SET type = 'physical' WHERE device_id = 7001");
            assertEquals(Set.of(), strings(c, "SELECT device_id::text FROM search_dirty"), "a change the search text does not hold queues nothing");
            s.execute("DELETE FROM devices WHERE id = 7001");
            assertEquals(Set.of("7001"), strings(c, "SELECT device_id::text FROM search_dirty"), "a deleted device is queued");
            assertEquals(Set.of("0"), strings(c, "SELECT (SELECT count(*) FROM network_interfaces) + (SELECT count(*) FROM ip_addresses)"
                    + " + (SELECT count(*) FROM device_seen) || ''"), "children cascade with their device");
            assertTrue(Long.parseLong(strings(c, "SELECT max(id)::text FROM devices").iterator().next()) > 0, "identity ids are assigned");

            s.execute("INSERT INTO device_search (device_id, body) VALUES (1, 'web01.prod Zürich 005056aabbcc 10.0.0.1')");
            for (String query : List.of("zurich", "ZÜRICH", "web01:*", "web01 & prod", "005056aabbcc")) {
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM device_search WHERE terms @@ to_tsquery('enreach_search', ?)")) {
                    ps.setString(1, query);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertEquals(1, rs.getInt(1), "search for " + query);
                    }
                }
            }
        }
    }

    /** SQLite's tables, without its own, Flyway's and the FTS5 tables with their shadow tables. */
    private static List<String> sqliteTables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
                + " AND name <> 'flyway_schema_history' ORDER BY name")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (FTS.stream().noneMatch(f -> name.equals(f) || name.startsWith(f + "_"))) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    /** What kind of value a column holds, by its declared (SQLite) or actual (PostgreSQL) type. */
    private static String kind(String type) {
        String t = type.toLowerCase();
        if (t.contains("int")) {
            return "integer";
        }
        if (t.contains("real") || t.contains("double") || t.contains("float")) {
            return "real";
        }
        if (t.contains("blob") || t.contains("bytea")) {
            return "blob";
        }
        if (t.contains("text") || t.contains("char")) {
            return "text";
        }
        return t;
    }

    /** Equal sets, or a failure naming what only one engine has. */
    private static void same(Set<String> sqlite, Set<String> postgresql, String what) {
        Set<String> onlySqlite = new TreeSet<>(sqlite);
        onlySqlite.removeAll(postgresql);
        Set<String> onlyPostgresql = new TreeSet<>(postgresql);
        onlyPostgresql.removeAll(sqlite);
        assertTrue(onlySqlite.isEmpty() && onlyPostgresql.isEmpty(), what + " differ: only on SQLite " + onlySqlite + ", only on PostgreSQL " + onlyPostgresql);
    }

    private static Set<String> strings(Connection c, String sql) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
