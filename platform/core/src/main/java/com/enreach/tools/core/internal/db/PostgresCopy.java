package com.enreach.tools.core.internal.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * {@code enreach db migrate-to-postgres}: copies a SQLite master database into an empty PostgreSQL database and
 * checks it. The PostgreSQL database gets this release's PostgreSQL schema first (Flyway, db/migration/postgresql);
 * both must then be at the same schema version. Every table is copied in one PostgreSQL transaction, parents before
 * children, rows in id order; the full-text tables take the documents SQLite indexed; identity sequences move past
 * the copied ids (the change feed's past the highest position ever handed out, also after pruning). Row counts are
 * compared per table before the transaction commits: on any difference, or any value PostgreSQL refuses, nothing is
 * kept. A database that already holds rows is refused, so nothing is ever overwritten.
 */
public final class PostgresCopy {
    /** SQLite's FTS5 tables and what their PostgreSQL tables call the indexed row's id. */
    private static final Map<String, String> FTS = Map.of("device_search", "device_id", "kb_article_text", "id", "kb_ticket_text", "id");
    /** Single-row state tables the migrations seed on both engines: their row is copied over the seeded one. */
    private static final Set<String> SEEDED = Set.of("search_state", "kb_index_state", "scheduler_lease");
    private static final int BATCH = 1_000;

    private PostgresCopy() {
    }

    /**
     * Copies {@code sqliteFile} into the PostgreSQL database at {@code url}; returns what was done: schema version, rows
     * per table on both sides, total rows and seconds.
     *
     * @throws IllegalStateException with a message for the operator when the copy cannot be done or does not match
     */
    public static Map<String, Object> copy(Path sqliteFile, String url, String user, String password) {
        long t0 = System.nanoTime();
        String version = sqliteVersion(sqliteFile);
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("reWriteBatchedInserts", "true");
        Flyway pgFlyway = Flyway.configure(Migrations.class.getClassLoader()).dataSource(url, user, password)
                .locations(Migrations.POSTGRESQL_LOCATION).failOnMissingLocations(true).load();
        try {
            pgFlyway.migrate();
        } catch (RuntimeException e) {
            throw new IllegalStateException("migrating the PostgreSQL database " + url + " failed: " + e.getMessage(), e);
        }
        MigrationInfo pgCurrent = pgFlyway.info().current();
        String pgVersion = pgCurrent == null ? "none" : pgCurrent.getVersion().getVersion();
        if (!version.equals(pgVersion)) {
            throw new IllegalStateException("the SQLite database is at schema v" + version + ", this release's PostgreSQL schema at v" + pgVersion
                    + ": migrate the SQLite database with this release first (enreach db migrate)");
        }
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        SQLiteDataSource liteSource = new SQLiteDataSource(cfg);
        liteSource.setUrl("jdbc:sqlite:" + sqliteFile.toAbsolutePath());
        try (Connection lite = liteSource.getConnection(); Connection pg = DriverManager.getConnection(url, props)) {
            lite.setAutoCommit(false); // one read transaction: a consistent snapshot of the file
            pg.setAutoCommit(false);
            List<String> tables = copyOrder(lite);
            refuseNonEmpty(pg, tables);
            Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
            long rows = 0;
            for (String t : tables) {
                long copied = copyTable(lite, pg, t);
                rows += copied;
                counts.put(t, counts(lite, pg, t, t));
            }
            for (Map.Entry<String, String> f : FTS.entrySet()) {
                rows += copyFullText(lite, pg, f.getKey(), f.getValue());
                counts.put(f.getKey(), counts(lite, pg, f.getKey(), f.getKey()));
            }
            moveSequences(lite, pg, tables);
            List<String> differ = new ArrayList<>();
            counts.forEach((t, c) -> {
                if (!c.get("sqlite").equals(c.get("postgresql"))) {
                    differ.add(t + " (SQLite " + c.get("sqlite") + ", PostgreSQL " + c.get("postgresql") + ")");
                }
            });
            if (!differ.isEmpty()) {
                pg.rollback();
                throw new IllegalStateException("row counts differ after the copy, nothing was kept: " + String.join(", ", differ));
            }
            pg.commit();
            lite.rollback();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("schema_version", version);
            out.put("tables", new TreeMap<>(counts));
            out.put("rows", rows);
            out.put("seconds", Math.round((System.nanoTime() - t0) / 1e7) / 100.0);
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("copying into " + url + " failed, nothing was kept: " + e.getMessage(), e);
        }
    }

    /** The SQLite file's schema version; refuses a file with pending migrations of this release. */
    private static String sqliteVersion(Path file) {
        Flyway lite = Migrations.flyway(Migrations.writeSource(file));
        MigrationInfoService info = lite.info();
        MigrationInfo current = info.current();
        if (current == null) {
            throw new IllegalStateException(file + " is not an Enreach Tools master database (no schema history)");
        }
        if (info.pending().length > 0) {
            throw new IllegalStateException(file + " is at schema v" + current.getVersion() + " and has " + info.pending().length
                    + " pending migrations: migrate it with this release first (enreach db migrate --file " + file + ")");
        }
        MigrationVersion v = current.getVersion();
        return v.getVersion();
    }

    /** The ordinary tables, parents before the tables whose foreign keys name them. */
    static List<String> copyOrder(Connection lite) throws SQLException {
        Map<String, Set<String>> parents = new TreeMap<>();
        try (ResultSet rs = lite.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
                + " AND name <> 'flyway_schema_history' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (FTS.keySet().stream().noneMatch(f -> name.startsWith(f + "_"))) {
                    parents.put(name, new LinkedHashSet<>());
                }
            }
        }
        for (String t : parents.keySet()) {
            try (ResultSet rs = lite.createStatement().executeQuery("PRAGMA foreign_key_list('" + t + "')")) {
                while (rs.next()) {
                    String parent = rs.getString("table");
                    if (!parent.equals(t)) {
                        parents.get(t).add(parent);
                    }
                }
            }
        }
        List<String> order = new ArrayList<>();
        while (order.size() < parents.size()) {
            boolean progress = false;
            for (Map.Entry<String, Set<String>> e : parents.entrySet()) {
                if (!order.contains(e.getKey()) && order.containsAll(e.getValue())) {
                    order.add(e.getKey());
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("foreign keys form a cycle among " + parents.keySet());
            }
        }
        return order;
    }

    private static void refuseNonEmpty(Connection pg, List<String> tables) throws SQLException {
        List<String> full = new ArrayList<>();
        List<String> all = new ArrayList<>(tables);
        all.addAll(FTS.keySet());
        for (String t : all) {
            if (SEEDED.contains(t)) {
                continue;
            }
            try (ResultSet rs = pg.createStatement().executeQuery("SELECT count(*) FROM " + t)) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    full.add(t + " (" + rs.getLong(1) + " rows)");
                }
            }
        }
        if (!full.isEmpty()) {
            throw new IllegalStateException("the PostgreSQL database already holds data: " + String.join(", ", full)
                    + ". The copy goes into an empty database only; nothing was changed");
        }
    }

    /** The columns PostgreSQL takes values for (generated ones left out), with their types. */
    private static Map<String, String> pgColumns(Connection pg, String table) throws SQLException {
        Map<String, String> cols = new LinkedHashMap<>();
        try (PreparedStatement ps = pg.prepareStatement("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema()"
                + " AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cols.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        if (cols.isEmpty()) {
            throw new IllegalStateException("PostgreSQL has no table " + table);
        }
        return cols;
    }

    private static long copyTable(Connection lite, Connection pg, String table) throws SQLException {
        Map<String, String> cols = pgColumns(pg, table);
        List<String> liteCols = new ArrayList<>();
        List<String> pkCols = new ArrayList<>();
        try (ResultSet rs = lite.createStatement().executeQuery("PRAGMA table_info('" + table + "')")) {
            Map<Integer, String> pk = new TreeMap<>();
            while (rs.next()) {
                liteCols.add(rs.getString("name"));
                if (rs.getInt("pk") > 0) {
                    pk.put(rs.getInt("pk"), rs.getString("name"));
                }
            }
            pkCols.addAll(pk.values());
        }
        if (!liteCols.containsAll(cols.keySet()) || !cols.keySet().containsAll(liteCols)) {
            throw new IllegalStateException("table " + table + " has columns " + liteCols + " on SQLite but " + cols.keySet() + " on PostgreSQL");
        }
        if (SEEDED.contains(table)) {
            pg.createStatement().executeUpdate("DELETE FROM " + table);
        }
        List<String> names = new ArrayList<>(cols.keySet());
        String select = "SELECT " + String.join(", ", names) + " FROM " + table + (pkCols.isEmpty() ? "" : " ORDER BY " + String.join(", ", pkCols));
        String insert = "INSERT INTO " + table + " (" + String.join(", ", names) + ") OVERRIDING SYSTEM VALUE VALUES ("
                + "?, ".repeat(names.size() - 1) + "?)";
        long n = 0;
        try (Statement s = lite.createStatement(); ResultSet rs = s.executeQuery(select); PreparedStatement ins = pg.prepareStatement(insert)) {
            while (rs.next()) {
                for (int i = 0; i < names.size(); i++) {
                    bind(ins, i + 1, rs.getObject(i + 1), cols.get(names.get(i)), table, names.get(i), pkCols.isEmpty() ? null : rs.getObject(pkCols.get(0)));
                }
                ins.addBatch();
                if (++n % BATCH == 0) {
                    ins.executeBatch();
                }
            }
            ins.executeBatch();
        }
        return n;
    }

    /** One SQLite value into a PostgreSQL column of this type; a value the column cannot hold names its row. */
    private static void bind(PreparedStatement ps, int i, Object v, String pgType, String table, String column, Object rowKey) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.NULL);
            return;
        }
        String where = table + "." + column + (rowKey == null ? "" : " of the row with key " + rowKey);
        switch (pgType) {
            case "bigint", "integer", "smallint" -> {
                if (v instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())) {
                    ps.setLong(i, num.longValue());
                } else {
                    throw new IllegalStateException(where + " holds " + describe(v) + ", which is not an integer");
                }
            }
            case "double precision", "real", "numeric" -> {
                if (v instanceof Number num) {
                    ps.setDouble(i, num.doubleValue());
                } else {
                    throw new IllegalStateException(where + " holds " + describe(v) + ", which is not a number");
                }
            }
            case "bytea" -> {
                if (v instanceof byte[] b) {
                    ps.setBytes(i, b);
                } else {
                    throw new IllegalStateException(where + " holds " + describe(v) + ", which is not binary");
                }
            }
            case "text", "character varying" -> ps.setString(i, v instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : v.toString());
            default -> throw new IllegalStateException(where + ": no copy rule for the PostgreSQL type " + pgType);
        }
    }

    private static String describe(Object v) {
        String s = String.valueOf(v);
        return (v instanceof String ? "the text '" + (s.length() > 40 ? s.substring(0, 40) + "...'" : s + "'") : "a " + v.getClass().getSimpleName());
    }

    /** An FTS5 table's stored documents into its PostgreSQL table (which derives the search terms itself). */
    private static long copyFullText(Connection lite, Connection pg, String table, String idColumn) throws SQLException {
        List<String> textCols = new ArrayList<>(pgColumns(pg, table).keySet());
        textCols.remove(idColumn);
        String insert = "INSERT INTO " + table + " (" + idColumn + ", " + String.join(", ", textCols) + ") VALUES (?" + ", ?".repeat(textCols.size()) + ")";
        long n = 0;
        try (Statement s = lite.createStatement();
             ResultSet rs = s.executeQuery("SELECT rowid, " + String.join(", ", textCols) + " FROM " + table + " ORDER BY rowid");
             PreparedStatement ins = pg.prepareStatement(insert)) {
            while (rs.next()) {
                ins.setLong(1, rs.getLong(1));
                for (int i = 0; i < textCols.size(); i++) {
                    String text = rs.getString(i + 2);
                    ins.setString(i + 2, text == null ? "" : text);
                }
                ins.addBatch();
                if (++n % BATCH == 0) {
                    ins.executeBatch();
                }
            }
            ins.executeBatch();
        }
        return n;
    }

    /** Each identity column's sequence past the highest copied id (the change log's past SQLite's AUTOINCREMENT mark). */
    private static void moveSequences(Connection lite, Connection pg, List<String> tables) throws SQLException {
        Map<String, Long> autoincrement = new TreeMap<>();
        try (ResultSet rs = lite.createStatement().executeQuery("SELECT name, seq FROM sqlite_sequence")) {
            while (rs.next()) {
                autoincrement.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException noAutoincrementTable) {
            // a database without AUTOINCREMENT tables has no sqlite_sequence
        }
        try (ResultSet rs = pg.createStatement().executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND is_identity = 'YES'")) {
            List<String[]> identities = new ArrayList<>();
            while (rs.next()) {
                identities.add(new String[] {rs.getString(1), rs.getString(2)});
            }
            for (String[] id : identities) {
                if (!tables.contains(id[0])) {
                    continue;
                }
                long max;
                try (ResultSet m = pg.createStatement().executeQuery("SELECT coalesce(max(" + id[1] + "), 0) FROM " + id[0])) {
                    m.next();
                    max = Math.max(m.getLong(1), autoincrement.getOrDefault(id[0], 0L));
                }
                try (PreparedStatement ps = pg.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?), ?, ?)")) {
                    ps.setString(1, id[0]);
                    ps.setString(2, id[1]);
                    ps.setLong(3, Math.max(max, 1));
                    ps.setBoolean(4, max > 0);
                    ps.executeQuery().close();
                }
            }
        }
    }

    private static Map<String, Long> counts(Connection lite, Connection pg, String liteTable, String pgTable) throws SQLException {
        Map<String, Long> c = new LinkedHashMap<>();
        c.put("sqlite", count(lite, liteTable));
        c.put("postgresql", count(pg, pgTable));
        return c;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
