package com.enreach.tools.core.internal.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table whose rows are owned by one source instance and keyed by (source_instance, source_id): devices,
 * storage volumes, backups. Upserts a batch with change detection by content hash, and marks rows that a complete
 * run did not see as stale. Never deletes.
 */
final class OwnedTable {
    private final String table;
    private final String[] columns;
    private final String insertSql;
    private final String updateSql;
    private final String touchSql;

    /** One row to load: its specific column values in {@code columns} order. */
    record Row(String sourceId, long hash, Object[] values) {
    }

    /** What a batch did; {@code ids} holds the ids of added and changed rows by source id. */
    record Outcome(Map<String, Long> ids, int added, int updated, int unchanged) {
    }

    OwnedTable(String table, String... columns) {
        this.table = table;
        this.columns = columns;
        String cols = String.join(", ", columns);
        String marks = "?, ".repeat(columns.length);
        this.insertSql = "INSERT INTO " + table + " (" + cols + ", source_system, source_instance, source_id, content_hash, status,"
                + " seen_run_id, first_seen, last_seen, created_at, updated_at) VALUES (" + marks + "?, ?, ?, ?, 'active', ?, ?, ?, ?, ?)"
                // only reached when a batch skipped the lookup (first run) and a source repeated an id: the later record wins
                + " ON CONFLICT (source_instance, source_id) DO UPDATE SET " + excludedSet(columns)
                + " content_hash = excluded.content_hash, seen_run_id = excluded.seen_run_id, last_seen = excluded.last_seen, updated_at = excluded.updated_at";
        StringBuilder set = new StringBuilder();
        for (String c : columns) {
            set.append(c).append(" = ?, ");
        }
        this.updateSql = "UPDATE " + table + " SET " + set + "content_hash = ?, status = CASE WHEN status = 'quarantined' THEN status ELSE 'active' END,"
                + " seen_run_id = ?, last_seen = ?, updated_at = ? WHERE id = ?";
        this.touchSql = "UPDATE " + table + " SET seen_run_id = ?, last_seen = ? WHERE id = ?";
    }

    private static String excludedSet(String[] columns) {
        StringBuilder sb = new StringBuilder();
        for (String c : columns) {
            sb.append(c).append(" = excluded.").append(c).append(", ");
        }
        return sb.toString();
    }

    /** Whether the instance has no rows yet (its first run), so batches can skip looking up existing rows. */
    boolean emptyFor(Connection c, String instance) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE source_instance = ?)")) {
            ps.setString(1, instance);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 0;
            }
        }
    }

    String table() {
        return table;
    }

    /**
     * @param needIds  whether the caller needs the ids of added and changed rows (to write their children); reading
     *                 back ids of inserted rows costs a query per batch
     * @param firstRun the instance had no rows when the run started: every row is new, no lookup needed
     */
    Outcome upsert(Connection c, String system, String instance, long runId, String now, Collection<Row> rows, boolean needIds,
                   boolean firstRun) throws SQLException {
        Map<String, long[]> existing = firstRun ? Map.of() : existing(c, instance, rows);
        List<Row> inserts = new ArrayList<>();
        Map<String, Long> ids = new LinkedHashMap<>();
        int updated = 0;
        int unchanged = 0;
        try (PreparedStatement upd = c.prepareStatement(updateSql); PreparedStatement touch = c.prepareStatement(touchSql)) {
            for (Row r : rows) {
                long[] e = existing.get(r.sourceId());
                if (e == null) {
                    inserts.add(r);
                } else if (e[1] == r.hash() && e[2] != 0) {
                    touch.setLong(1, runId);
                    touch.setString(2, now);
                    touch.setLong(3, e[0]);
                    touch.addBatch();
                    unchanged++;
                } else {
                    int i = bind(upd, 1, r.values());
                    upd.setLong(i++, r.hash());
                    upd.setLong(i++, runId);
                    upd.setString(i++, now);
                    upd.setString(i++, now);
                    upd.setLong(i, e[0]);
                    upd.addBatch();
                    ids.put(r.sourceId(), e[0]);
                    updated++;
                }
            }
            if (unchanged > 0) {
                touch.executeBatch();
            }
            if (updated > 0) {
                upd.executeBatch();
            }
        }
        if (!inserts.isEmpty()) {
            try (PreparedStatement ins = c.prepareStatement(insertSql)) {
                for (Row r : inserts) {
                    int i = bind(ins, 1, r.values());
                    ins.setString(i++, system);
                    ins.setString(i++, instance);
                    ins.setString(i++, r.sourceId());
                    ins.setLong(i++, r.hash());
                    ins.setLong(i++, runId);
                    ins.setString(i++, now);
                    ins.setString(i++, now);
                    ins.setString(i++, now);
                    ins.setString(i, now);
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            if (needIds) {
                existing(c, instance, inserts).forEach((sid, e) -> ids.put(sid, e[0]));
            }
        }
        return new Outcome(ids, inserts.size(), updated, unchanged);
    }

    /** source id -> {id, hash, active-or-quarantined(1)/stale(0)} for the rows of the batch that exist. */
    private Map<String, long[]> existing(Connection c, String instance, Collection<Row> rows) throws SQLException {
        Map<String, long[]> found = new HashMap<>(rows.size() * 2);
        List<Row> list = rows instanceof List<Row> l ? l : new ArrayList<>(rows);
        for (int from = 0; from < list.size(); from += 500) {
            int to = Math.min(list.size(), from + 500);
            String sql = "SELECT source_id, id, content_hash, status FROM " + table + " WHERE source_instance = ? AND source_id IN ("
                    + "?,".repeat(to - from - 1) + "?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, instance);
                for (int i = from; i < to; i++) {
                    ps.setString(2 + i - from, list.get(i).sourceId());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), "stale".equals(rs.getString(4)) ? 0 : 1});
                    }
                }
            }
        }
        return found;
    }

    private static int bind(PreparedStatement ps, int start, Object[] values) throws SQLException {
        int i = start;
        for (Object v : values) {
            if (v == null) {
                ps.setNull(i++, java.sql.Types.NULL);
            } else if (v instanceof String s) {
                ps.setString(i++, s);
            } else if (v instanceof Long l) {
                ps.setLong(i++, l);
            } else if (v instanceof Integer n) {
                ps.setInt(i++, n);
            } else if (v instanceof Boolean b) {
                ps.setInt(i++, b ? 1 : 0);
            } else {
                ps.setObject(i++, v);
            }
        }
        return i;
    }

    /** Marks rows as seen by this run without changing them: objects the source still has but could not refresh. */
    void keepSeen(Connection c, String instance, long runId, String now, List<String> sourceIds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET seen_run_id = ?, last_seen = ? WHERE source_instance = ? AND source_id = ?")) {
            for (String sid : sourceIds) {
                ps.setLong(1, runId);
                ps.setString(2, now);
                ps.setString(3, instance);
                ps.setString(4, sid);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    long countActive(Connection c, String instance) throws SQLException {
        return count(c, "SELECT count(*) FROM " + table + " WHERE source_instance = ? AND status = 'active'", instance, null);
    }

    long countUnseenActive(Connection c, String instance, long runId) throws SQLException {
        return count(c, "SELECT count(*) FROM " + table + " WHERE source_instance = ? AND status = 'active' AND (seen_run_id IS NULL OR seen_run_id <> ?)",
                instance, runId);
    }

    int markStale(Connection c, String instance, long runId, String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET status = 'stale', updated_at = ? WHERE source_instance = ?"
                + " AND status = 'active' AND (seen_run_id IS NULL OR seen_run_id <> ?)")) {
            ps.setString(1, now);
            ps.setString(2, instance);
            ps.setLong(3, runId);
            return ps.executeUpdate();
        }
    }

    private static long count(Connection c, String sql, String instance, Long runId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, instance);
            if (runId != null) {
                ps.setLong(2, runId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
