package com.enreach.tools.core.internal.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import com.enreach.tools.core.internal.db.Json;

/** Writes sync_history and sync_metadata rows. */
final class SyncHistory {
    private SyncHistory() {
    }

    static long start(Connection c, String instance, String system, String trigger, boolean confirmed, String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_history (source_instance, source_system, trigger, status, phase, confirmed, started_at)"
                + " VALUES (?, ?, ?, 'running', 'starting', ?, ?)", java.sql.Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, instance);
            ps.setString(2, system);
            ps.setString(3, trigger);
            ps.setInt(4, confirmed ? 1 : 0);
            ps.setString(5, now);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                long id = rs.getLong(1);
                upsertMetadata(c, instance, system, now);
                try (PreparedStatement m = c.prepareStatement("UPDATE sync_metadata SET last_attempt_at = ?, last_run_id = ?, last_status = 'running', updated_at = ?"
                        + " WHERE source_instance = ?")) {
                    m.setString(1, now);
                    m.setLong(2, id);
                    m.setString(3, now);
                    m.setString(4, instance);
                    m.executeUpdate();
                }
                return id;
            }
        }
    }

    static void upsertMetadata(Connection c, String instance, String system, String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_metadata (source_instance, source_system, updated_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (source_instance) DO UPDATE SET source_system = excluded.source_system")) {
            ps.setString(1, instance);
            ps.setString(2, system);
            ps.setString(3, now);
            ps.executeUpdate();
        }
    }

    static void progress(Connection c, long runId, RunLoader.RunProgress p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sync_history SET phase = ?, fetched = ?, added = ?, updated = ?, unchanged = ?, stale = ?,"
                + " warnings = ?, warning_samples = ? WHERE id = ?")) {
            ps.setString(1, p.phase);
            ps.setLong(2, p.fetched.get());
            ps.setLong(3, p.added.get());
            ps.setLong(4, p.updated.get());
            ps.setLong(5, p.unchanged.get());
            ps.setLong(6, p.stale.get());
            ps.setLong(7, p.warnings.get());
            synchronized (p.warningSamples) {
                ps.setString(8, Json.write(p.warningSamples));
            }
            ps.setLong(9, runId);
            ps.executeUpdate();
        }
    }

    /** Ends a run; saves the connector's state only when the run succeeded. */
    static void finish(Connection c, long runId, String instance, String status, String error, String state, RunLoader.RunProgress p, String now)
            throws SQLException {
        progress(c, runId, p);
        try (PreparedStatement ps = c.prepareStatement("UPDATE sync_history SET status = ?, error_message = ?, finished_at = ? WHERE id = ?")) {
            ps.setString(1, status);
            ps.setString(2, error);
            ps.setString(3, now);
            ps.setLong(4, runId);
            ps.executeUpdate();
        }
        boolean ok = com.enreach.tools.api.SyncStatus.SUCCEEDED.equals(status);
        try (PreparedStatement ps = c.prepareStatement("UPDATE sync_metadata SET last_status = ?, updated_at = ?,"
                + " last_success_at = CASE WHEN ? THEN ? ELSE last_success_at END, state = CASE WHEN ? AND ? IS NOT NULL THEN ? ELSE state END"
                + " WHERE source_instance = ?")) {
            ps.setString(1, status);
            ps.setString(2, now);
            ps.setBoolean(3, ok);
            ps.setString(4, now);
            ps.setBoolean(5, ok);
            ps.setString(6, state);
            ps.setString(7, state);
            ps.setString(8, instance);
            ps.executeUpdate();
        }
    }

    /** Runs left "running" by a crash or kill are closed as failed on start. */
    static int closeInterrupted(Connection c, String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sync_history SET status = 'failed', finished_at = ?,"
                + " error_message = 'The platform stopped during this run; nothing was marked stale.' WHERE status = 'running'")) {
            ps.setString(1, now);
            int n = ps.executeUpdate();
            try (PreparedStatement m = c.prepareStatement("UPDATE sync_metadata SET last_status = 'failed' WHERE last_status = 'running'")) {
                m.executeUpdate();
            }
            return n;
        }
    }

    static String savedState(Connection c, String instance) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM sync_metadata WHERE source_instance = ?")) {
            ps.setString(1, instance);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
