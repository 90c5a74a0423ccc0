package com.enreach.tools.core.internal.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import com.enreach.tools.api.spi.RelationshipRecord;

/**
 * Relationships are staged by source ids in a temporary table on the run's own connection while records stream in,
 * and resolved to device ids in one statement at the end, when both ends are known.
 */
final class Relationships {
    private Relationships() {
    }

    static void createStage(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE IF NOT EXISTS rel_stage (from_sid TEXT NOT NULL, type TEXT NOT NULL, to_sid TEXT NOT NULL)");
            s.execute("DELETE FROM rel_stage");
        }
    }

    static void stage(Connection c, List<RelationshipRecord> rels) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO rel_stage (from_sid, type, to_sid) VALUES (?, ?, ?)")) {
            for (RelationshipRecord r : rels) {
                ps.setString(1, r.fromSourceId());
                ps.setString(2, r.type());
                ps.setString(3, r.toSourceId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Resolves staged relationships; when {@code complete}, removes this instance's relationships the run did not
     * report again.
     *
     * @return how many staged relationships had an end that does not exist
     */
    static long resolve(Connection c, String instance, long runId, String now, boolean complete) throws SQLException {
        long resolved;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO device_relationships (from_device_id, to_device_id, type, source_instance, seen_run_id, created_at)"
                + " SELECT f.id, t.id, s.type, ?, ?, ? FROM rel_stage s"
                + " JOIN devices f ON f.source_instance = ? AND f.source_id = s.from_sid"
                + " JOIN devices t ON t.source_instance = ? AND t.source_id = s.to_sid WHERE true"
                + " ON CONFLICT (source_instance, from_device_id, type, to_device_id) DO UPDATE SET seen_run_id = excluded.seen_run_id")) {
            ps.setString(1, instance);
            ps.setLong(2, runId);
            ps.setString(3, now);
            ps.setString(4, instance);
            ps.setString(5, instance);
            // each staged row whose two ends exist is inserted or updated exactly once (source ids are unique per instance)
            resolved = ps.executeUpdate();
        }
        long staged;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM rel_stage")) {
            rs.next();
            staged = rs.getLong(1);
        }
        long unresolved = staged - resolved;
        if (complete) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM device_relationships WHERE source_instance = ? AND (seen_run_id IS NULL OR seen_run_id <> ?)")) {
                ps.setString(1, instance);
                ps.setLong(2, runId);
                ps.executeUpdate();
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM rel_stage");
        }
        return unresolved;
    }
}
