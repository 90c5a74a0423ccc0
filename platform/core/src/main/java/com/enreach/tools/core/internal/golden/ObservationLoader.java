package com.enreach.tools.core.internal.golden;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.sql.Dialect;

/**
 * Loads the observations of a chunk of entities with one set-based query per table (the ids travel as one JSON
 * array parameter, so the statements are the same for every chunk and never hit the bound-variable limit).
 */
final class ObservationLoader {
    private static final String IN_CHUNK = "l.entity_id IN (SELECT value FROM json_each(?))";
    private static final String IN_CHUNK_POSTGRES = "l.entity_id IN (SELECT value FROM " + Dialect.POSTGRESQL.jsonIds() + ")";
    private static final String DEVICES = "SELECT l.entity_id, d.id, d.name, d.type, d.source_system, d.source_instance, d.status,"
            + " s.last_seen, d.metadata FROM entity_links l JOIN devices d ON d.id = l.device_id JOIN device_seen s ON s.device_id = d.id WHERE " + IN_CHUNK + " ORDER BY d.id";
    private static final String FACTS = "SELECT f.device_id, f.os_name, f.os_release, f.cpu_count, f.memory_bytes,"
            + " (SELECT sum(json_extract(x.value, '$.size_bytes')) FROM json_each(f.disks) x), f.virtual, f.serial_number,"
            + " f.manufacturer, f.product FROM entity_links l JOIN server_facts f ON f.device_id = l.device_id WHERE " + IN_CHUNK;
    // The disks' sizes summed on PostgreSQL: only JSON numbers are added (they are written as numbers; a cast of anything
    // else would fail the refresh, where SQLite's sum() counts it as 0), as numeric, so a fractional size is summed too.
    private static final String FACTS_POSTGRES = "SELECT f.device_id, f.os_name, f.os_release, f.cpu_count, f.memory_bytes,"
            + " (SELECT sum(CASE WHEN json_typeof(x.value -> 'size_bytes') = 'number' THEN CAST(x.value ->> 'size_bytes' AS numeric) END)"
            + " FROM json_array_elements(CAST(f.disks AS json)) x), f.virtual, f.serial_number,"
            + " f.manufacturer, f.product FROM entity_links l JOIN server_facts f ON f.device_id = l.device_id WHERE " + IN_CHUNK_POSTGRES;
    private static final String NICS = "SELECT i.device_id, i.name, i.mac FROM entity_links l JOIN network_interfaces i"
            + " ON i.device_id = l.device_id WHERE " + IN_CHUNK + " ORDER BY i.device_id, i.id";
    private static final String ADDRESSES = "SELECT a.device_id, a.address, a.family, a.interface_name FROM entity_links l"
            + " JOIN ip_addresses a ON a.device_id = l.device_id WHERE " + IN_CHUNK + " ORDER BY a.device_id, a.id";
    // The target's entity name when it has one (golden), else its own name.
    private static final String RELATIONS = "SELECT r.from_device_id, r.type, coalesce(te.name, t.name) FROM entity_links l"
            + " JOIN device_relationships r ON r.from_device_id = l.device_id AND r.type IN ('runs_on', 'member_of')"
            + " JOIN devices t ON t.id = r.to_device_id LEFT JOIN entity_links tl ON tl.device_id = t.id"
            + " LEFT JOIN entities te ON te.id = tl.entity_id WHERE " + IN_CHUNK + " ORDER BY r.from_device_id, r.id";

    private static final String DEVICES_POSTGRES = DEVICES.replace(IN_CHUNK, IN_CHUNK_POSTGRES);
    private static final String NICS_POSTGRES = NICS.replace(IN_CHUNK, IN_CHUNK_POSTGRES);
    private static final String ADDRESSES_POSTGRES = ADDRESSES.replace(IN_CHUNK, IN_CHUNK_POSTGRES);
    private static final String RELATIONS_POSTGRES = RELATIONS.replace(IN_CHUNK, IN_CHUNK_POSTGRES);

    private ObservationLoader() {
    }

    /** The observations of these entities, grouped by entity id (entities without observations are absent). */
    static Map<Long, List<Observation>> load(Connection c, Collection<Long> entityIds) throws SQLException {
        String ids = Json.write(entityIds);
        boolean postgres = Dialect.of(c).postgres();
        Map<Long, List<Observation>> byEntity = new HashMap<>();
        Map<Long, Observation> byDevice = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(postgres ? DEVICES_POSTGRES : DEVICES)) {
            ps.setString(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Observation o = new Observation(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), "active".equals(rs.getString(7)), rs.getString(8), Json.readMap(rs.getString(9)));
                    byEntity.computeIfAbsent(o.entityId, k -> new ArrayList<>()).add(o);
                    byDevice.put(o.deviceId, o);
                }
            }
        }
        if (byDevice.isEmpty()) {
            return byEntity;
        }
        query(c, postgres ? FACTS_POSTGRES : FACTS, ids, rs -> {
            Observation o = byDevice.get(rs.getLong(1));
            o.facts = new Observation.Facts(rs.getString(2), rs.getString(3), longOrNull(rs, 4), longOrNull(rs, 5), longOrNull(rs, 6),
                    rs.getObject(7) == null ? null : rs.getLong(7) != 0, rs.getString(8), rs.getString(9), rs.getString(10));
        });
        query(c, postgres ? NICS_POSTGRES : NICS, ids, rs -> byDevice.get(rs.getLong(1)).nics.add(new Observation.Nic(rs.getString(2), rs.getString(3))));
        query(c, postgres ? ADDRESSES_POSTGRES : ADDRESSES, ids, rs -> byDevice.get(rs.getLong(1)).addresses.add(
                new Observation.Address(rs.getString(2), rs.getInt(3), rs.getString(4))));
        query(c, postgres ? RELATIONS_POSTGRES : RELATIONS, ids, rs -> {
            Observation o = byDevice.get(rs.getLong(1));
            if ("runs_on".equals(rs.getString(2))) {
                o.runsOn = o.runsOn == null ? rs.getString(3) : o.runsOn;
            } else {
                o.memberOf = o.memberOf == null ? rs.getString(3) : o.memberOf;
            }
        });
        return byEntity;
    }

    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, String ids, RowHandler h) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    h.row(rs);
                }
            }
        }
    }

    private static Long longOrNull(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }
}
