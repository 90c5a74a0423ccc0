package com.enreach.tools.core.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Rows written straight into the master tables, for tests of the read side (no sync engine involved). */
public final class TestRows {
    private TestRows() {
    }

    public static long device(Connection c, String name, String metadataJson) throws SQLException {
        String now = Times.format(Times.now());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO devices (name, type, source_system, source_instance, source_id, host_key,"
                + " metadata, content_hash, first_seen, created_at, updated_at) VALUES (?, 'server', 'test', 'test-1', ?, ?, ?, 0, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, name);
            ps.setString(2, "id-" + name);
            ps.setString(3, name.toLowerCase());
            ps.setString(4, metadataJson);
            for (int i = 5; i <= 7; i++) {
                ps.setString(i, now);
            }
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return seen(c, rs.getLong(1), now);
            }
        }
    }

    public static long iface(Connection c, long deviceId, String name, String mac) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO network_interfaces (device_id, name, mac) VALUES (?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, deviceId);
            ps.setString(2, name);
            ps.setString(3, mac);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public static void address(Connection c, long deviceId, String address, String dnsName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ip_addresses (device_id, address, family, dns_name) VALUES (?, ?, 4, ?)")) {
            ps.setLong(1, deviceId);
            ps.setString(2, address);
            ps.setString(3, dnsName);
            ps.executeUpdate();
        }
    }

    /** Records when a device inserted by hand was last seen (device_seen); returns its id. */
    public static long seen(Connection c, long deviceId, String lastSeen) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO device_seen (device_id, last_seen) VALUES (?, ?)")) {
            ps.setLong(1, deviceId);
            ps.setString(2, lastSeen);
            ps.executeUpdate();
        }
        return deviceId;
    }
}
