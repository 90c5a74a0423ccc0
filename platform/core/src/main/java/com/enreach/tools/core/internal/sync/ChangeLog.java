package com.enreach.tools.core.internal.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.sql.Dialect;

/**
 * The change entries of one batch, buffered while the batch is written and inserted into {@code change_log} in the
 * same transaction (see {@link com.enreach.tools.api.ChangeFeed}).
 */
final class ChangeLog {
    private static final String INSERT = "INSERT INTO change_log (run_id, source_instance, kind, action, entity_id, device_id, source_id, name,"
            + " fields, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** One entry to write; {@code fields} may still grow until the batch is written (device fields from children). */
    record Entry(String kind, String action, Long entityId, Long deviceId, String sourceId, String name, List<String> fields) {
    }

    private final List<Entry> entries = new ArrayList<>();

    Entry add(String kind, String action, Long entityId, Long deviceId, String sourceId, String name, List<String> fields) {
        Entry e = new Entry(kind, action, entityId, deviceId, sourceId, name, fields == null ? new ArrayList<>() : fields);
        entries.add(e);
        return e;
    }

    /** Moves another log's entries after this one's. */
    void append(ChangeLog other) {
        entries.addAll(other.entries);
        other.entries.clear();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Writes and forgets the buffered entries; returns how many. */
    int write(Connection c, long runId, String instance, String now) throws SQLException {
        if (entries.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Entry e : entries) {
                ps.setLong(1, runId);
                ps.setString(2, instance);
                ps.setString(3, e.kind());
                ps.setString(4, e.action());
                SqlValues.setLong(ps, 5, e.entityId());
                SqlValues.setLong(ps, 6, e.deviceId());
                ps.setString(7, e.sourceId());
                ps.setString(8, e.name());
                ps.setString(9, e.fields().isEmpty() ? null : Json.write(e.fields()));
                ps.setString(10, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        int n = entries.size();
        entries.clear();
        return n;
    }

    /**
     * Logs, with one statement, every row of an owned table that matches a condition: the rows a batch inserted
     * ({@code created}) or those about to be marked stale ({@code stale}).
     *
     * @param where condition on the table, with {@code arg} (and for stale rows {@code runId}) as its parameters
     */
    static int logRows(Connection c, OwnedTable t, String action, String where, Object arg, long runId, String instance, String now)
            throws SQLException {
        String name = t.nameColumn() == null ? "NULL" : t.nameColumn();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO change_log (run_id, source_instance, kind, action, entity_id, device_id,"
                + " source_id, name, changed_at) SELECT ?, ?, ?, ?, id, " + t.deviceColumn() + ", source_id, " + name + ", ? FROM " + t.table()
                + " WHERE " + where + " ORDER BY id")) {
            ps.setLong(1, runId);
            ps.setString(2, instance);
            ps.setString(3, t.kind());
            ps.setString(4, action);
            ps.setString(5, now);
            if (arg instanceof String s) {
                ps.setString(6, s);
                ps.setLong(7, runId);
            } else {
                ps.setLong(6, ((Number) arg).longValue());
            }
            return ps.executeUpdate();
        }
    }

    /** The newest position ever handed out (0 when none), also after pruning. */
    static long lastPosition(Connection c) throws SQLException {
        // SQLite's AUTOINCREMENT mark; PostgreSQL's identity sequence (null until its first value)
        try (PreparedStatement ps = c.prepareStatement(Dialect.of(c).postgres()
                ? "SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence('change_log', 'position')), 0)"
                : "SELECT seq FROM sqlite_sequence WHERE name = 'change_log'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
