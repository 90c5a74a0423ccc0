package com.enreach.tools.core.internal.golden;

import com.enreach.tools.core.internal.db.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.inventory.GoldenValue;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Times;

/**
 * A master database with observations, entities and links written as plain rows (per the V22 schema; identity
 * resolution is not involved), and a golden-records refresher without its background thread.
 */
final class GoldenFixture {
    static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    final Path dir;
    final Database db;
    final GoldenRefresher refresher;
    private int sourceIds;

    GoldenFixture(Path dir) {
        this.dir = dir;
        this.db = TestDatabases.open(dir.resolve("m.db"));
        this.refresher = new GoldenRefresher(db, rulesPath(), false);
    }

    Path rulesPath() {
        return dir.resolve("etc").resolve(RulesFile.NAME);
    }

    /** An active device seen at T0 plus {@code minutes}. */
    long device(String system, String instance, String name, String type, String metadataJson, int minutes) {
        return device(system, instance, name, type, metadataJson, minutes, "active");
    }

    long device(String system, String instance, String name, String type, String metadataJson, int minutes, String status) {
        String seen = Times.format(T0.plusSeconds(60L * minutes));
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO devices (name, type, source_system, source_instance, source_id,"
                    + " metadata, content_hash, status, first_seen, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, name);
                ps.setString(2, type);
                ps.setString(3, system);
                ps.setString(4, instance);
                ps.setString(5, "src-" + (++sourceIds));
                ps.setString(6, metadataJson);
                ps.setString(7, status);
                for (int i = 8; i <= 10; i++) {
                    ps.setString(i, seen);
                }
                ps.executeUpdate();
                return com.enreach.tools.core.internal.db.TestRows.seen(c, key(ps), seen);
            }
        });
    }

    void facts(long deviceId, String osName, String osRelease, Integer cpus, Long memoryBytes, String serial) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO server_facts (device_id, os_name, os_release, cpu_count, memory_bytes,"
                    + " serial_number, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, deviceId);
                ps.setString(2, osName);
                ps.setString(3, osRelease);
                ps.setObject(4, cpus);
                ps.setObject(5, memoryBytes);
                ps.setString(6, serial);
                ps.setString(7, Times.format(T0));
                return ps.executeUpdate();
            }
        });
    }

    long entity(String name, String type) {
        return db.write(c -> entity(c, name, type));
    }

    static long entity(Connection c, String name, String type) throws SQLException {
        String now = Times.format(T0);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO entities (name, type, created_at, updated_at) VALUES (?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name);
            ps.setString(2, type);
            ps.setString(3, now);
            ps.setString(4, now);
            ps.executeUpdate();
            return key(ps);
        }
    }

    /** A new entity holding these observations. */
    long entityOf(long... deviceIds) {
        long e = entity("placeholder", "unknown");
        for (long d : deviceIds) {
            link(d, e);
        }
        return e;
    }

    void link(long deviceId, long entityId) {
        db.write(c -> link(c, deviceId, entityId));
    }

    static int link(Connection c, long deviceId, long entityId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO entity_links (device_id, entity_id, rule, confidence, linked_at)"
                + " VALUES (?, ?, 'test', 1.0, ?) ON CONFLICT (device_id) DO UPDATE SET entity_id = excluded.entity_id, rule = excluded.rule,"
                + " confidence = excluded.confidence, evidence = NULL, linked_at = excluded.linked_at")) {
            ps.setLong(1, deviceId);
            ps.setLong(2, entityId);
            ps.setString(3, Times.format(T0));
            return ps.executeUpdate();
        }
    }

    GoldenRefresher.Stats refresh(Long... entityIds) {
        return db.write(c -> refresher.refreshCounted(c, List.of(entityIds)));
    }

    void sql(String sql, Object... args) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    /** The stored golden value, or null. */
    GoldenValue golden(long entityId, String attribute) {
        return db.read(c -> GoldenConflicts.golden(c, entityId, attribute));
    }

    /** The entity row's columns by name. */
    Map<String, Object> entityRow(long entityId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM entities WHERE id = ?")) {
                ps.setLong(1, entityId);
                try (ResultSet rs = ps.executeQuery()) {
                    Map<String, Object> m = new HashMap<>();
                    if (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            m.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                        }
                    }
                    return m;
                }
            }
        });
    }

    private static long key(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.getGeneratedKeys()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
