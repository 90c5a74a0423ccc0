package com.enreach.tools.core.internal.identity;

import com.enreach.tools.core.internal.db.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.db.Times;
import com.enreach.tools.core.internal.sync.Normalize;
import com.enreach.tools.core.internal.sync.ObjectLinks;
import com.enreach.tools.core.internal.sync.SourceRegistry;

/**
 * Observations written as a sync run writes them (device rows, children, and the change-feed entries that name
 * them), so the resolver is driven exactly as after a real batch.
 */
final class Estate {
    final Database db;
    final List<List<Long>> refreshed = new ArrayList<>();
    final IdentityResolution resolution;
    final EntityServiceImpl entities;
    /** Source instances whose connectors build observation links. */
    final SourceRegistry registry = new SourceRegistry();

    Estate(Path dir) {
        db = TestDatabases.open(dir.resolve("identity.db"));
        resolution = new IdentityResolution(db, (c, ids) -> {
            refreshed.add(ids.stream().sorted().toList());
            // keep the summary columns as the golden records would
            Summary.refresh(c, ids);
        });
        entities = new EntityServiceImpl(db, resolution, new ObjectLinks(registry));
    }

    long device(String instance, String sourceId, String name, String type, Map<String, Object> metadata) {
        return db.write(c -> {
            String now = Times.format(Times.now());
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO devices (name, type, source_system, source_instance, source_id, host_key,"
                    + " metadata, content_hash, first_seen, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, name);
                ps.setString(2, type);
                ps.setString(3, instance.substring(0, instance.indexOf('-')));
                ps.setString(4, instance);
                ps.setString(5, sourceId);
                ps.setString(6, Normalize.hostKey(name));
                ps.setString(7, Json.write(metadata));
                for (int i = 8; i <= 10; i++) {
                    ps.setString(i, now);
                }
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    id = com.enreach.tools.core.internal.db.TestRows.seen(c, rs.getLong(1), now);
                }
            }
            log(c, id, "device", "created");
            return id;
        });
    }

    void update(long id, Map<String, Object> metadata) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE devices SET metadata = ? WHERE id = ?")) {
                ps.setString(1, Json.write(metadata));
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            log(c, id, "device", "updated");
            return null;
        });
    }

    void status(long id, String status) {
        sql("UPDATE devices SET status = '" + status + "' WHERE id = " + id);
        db.write(c -> log(c, id, "device", status.equals("stale") ? "stale" : "reactivated"));
    }

    void nic(long device, String name, String mac, String address) {
        db.write(c -> {
            long ifId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO network_interfaces (device_id, name, mac) VALUES (?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, device);
                ps.setString(2, name);
                ps.setString(3, mac);
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    ifId = rs.getLong(1);
                }
            }
            if (address != null) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO ip_addresses (device_id, interface_id, address, family, interface_name)"
                        + " VALUES (?, ?, ?, 4, ?)")) {
                    ps.setLong(1, device);
                    ps.setLong(2, ifId);
                    ps.setString(3, address);
                    ps.setString(4, name);
                    ps.executeUpdate();
                }
            }
            log(c, device, "interface", "created");
            return null;
        });
    }

    void facts(long device, String serial) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO server_facts (device_id, serial_number, updated_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT (device_id) DO UPDATE SET serial_number = excluded.serial_number, updated_at = excluded.updated_at")) {
                ps.setLong(1, device);
                ps.setString(2, serial);
                ps.setString(3, Times.format(Times.now()));
                ps.executeUpdate();
            }
            log(c, device, "server_facts", "created");
            return null;
        });
    }

    private static int log(Connection c, long device, String kind, String action) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO change_log (run_id, source_instance, kind, action, entity_id, device_id, changed_at)"
                + " VALUES (1, 'test', ?, ?, ?, ?, ?)")) {
            ps.setString(1, kind);
            ps.setString(2, action);
            ps.setLong(3, device);
            ps.setLong(4, device);
            ps.setString(5, Times.format(Times.now()));
            return ps.executeUpdate();
        }
    }

    void sql(String statement) {
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate(statement);
            }
        });
    }

    /** The entity of an observation. */
    long entityOf(long device) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT entity_id FROM entity_links WHERE device_id = ?")) {
                ps.setLong(1, device);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : -1L;
                }
            }
        });
    }

    long count(String sql) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    static Map<String, Object> meta(Object... kv) {
        Map<String, Object> m = new java.util.TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Every entity id refreshed since the last call. */
    List<Long> drainRefreshed() {
        List<Long> all = new ArrayList<>();
        refreshed.forEach(all::addAll);
        refreshed.clear();
        return all.stream().distinct().sorted().toList();
    }

    static List<Long> sorted(Collection<Long> ids) {
        return ids.stream().sorted().toList();
    }
}
