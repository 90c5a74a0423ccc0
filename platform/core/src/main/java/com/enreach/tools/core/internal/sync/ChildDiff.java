package com.enreach.tools.core.internal.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.Change;
import com.enreach.tools.api.spi.EntityKinds;

/**
 * Brings the children of a changed device (interfaces by name, addresses by normalised address, facts) to what its
 * record says, in place: rows keep their ids, and each created, updated (with its fields) or deleted child is logged.
 */
final class ChildDiff implements AutoCloseable {
    private final Connection c;
    private final String now;
    /** Prepared once per batch: a churn resync diffs thousands of devices. */
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    ChildDiff(Connection c, String now) {
        this.c = c;
        this.now = now;
    }

    /**
     * Brings a stored device's children to the desired state in place and logs each change.
     *
     * @return which of the device's child collections changed ({@link DeviceChildren#INTERFACES}, {@link DeviceChildren#IP_ADDRESSES}, {@link DeviceChildren#SERVER_FACTS})
     */
    List<String> sync(long deviceId, DeviceChildren.Desired d, ChangeLog log) throws SQLException {
        List<String> changed = new ArrayList<>(3);
        Map<String, Long> ifIds = new HashMap<>();
        if (syncInterfaces(deviceId, d, log, ifIds)) {
            changed.add(DeviceChildren.INTERFACES);
        }
        if (syncIps(deviceId, d, log, ifIds)) {
            changed.add(DeviceChildren.IP_ADDRESSES);
        }
        if (syncFacts(deviceId, d, log)) {
            changed.add(DeviceChildren.SERVER_FACTS);
        }
        return changed;
    }

    private boolean syncInterfaces(long deviceId, DeviceChildren.Desired d, ChangeLog log, Map<String, Long> ids) throws SQLException {
        Map<String, Object[]> stored = new HashMap<>();
        PreparedStatement ps = statement("SELECT id, name, " + String.join(", ", DeviceChildren.IF_COLS) + " FROM network_interfaces WHERE device_id = ?");
        ps.setLong(1, deviceId);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.put(rs.getString(2), rs.getLong(1));
                stored.put(rs.getString(2), SqlValues.read(rs, 3, DeviceChildren.IF_COLS.length));
            }
        }
        boolean changed = false;
        for (DeviceChildren.Iface i : d.interfaces().values()) {
            Long id = ids.get(i.name());
            if (id == null) {
                long newId = insertOne("INSERT INTO network_interfaces (device_id, name, " + String.join(", ", DeviceChildren.IF_COLS) + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                        deviceId, i.name(), i.values());
                ids.put(i.name(), newId);
                log.add(EntityKinds.INTERFACE, Change.CREATED, newId, deviceId, null, i.name(), null);
                changed = true;
            } else {
                List<String> fields = SqlValues.diff(DeviceChildren.IF_COLS, stored.get(i.name()), i.values());
                if (!fields.isEmpty()) {
                    update("network_interfaces", DeviceChildren.IF_COLS, i.values(), "id", id);
                    log.add(EntityKinds.INTERFACE, Change.UPDATED, id, deviceId, null, i.name(), fields);
                    changed = true;
                }
            }
        }
        for (Map.Entry<String, Object[]> e : stored.entrySet()) {
            if (!d.interfaces().containsKey(e.getKey())) {
                long id = ids.remove(e.getKey());
                delete("network_interfaces", "id", id);
                log.add(EntityKinds.INTERFACE, Change.DELETED, id, deviceId, null, e.getKey(), null);
                changed = true;
            }
        }
        return changed;
    }

    private boolean syncIps(long deviceId, DeviceChildren.Desired d, ChangeLog log, Map<String, Long> ifIds) throws SQLException {
        Map<String, Object[]> stored = new HashMap<>();
        Map<String, Long> ids = new HashMap<>();
        String[] cols = withInterfaceId();
        PreparedStatement ps = statement("SELECT id, address, " + String.join(", ", cols) + " FROM ip_addresses WHERE device_id = ?");
        ps.setLong(1, deviceId);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.put(rs.getString(2), rs.getLong(1));
                stored.put(rs.getString(2), SqlValues.read(rs, 3, cols.length));
            }
        }
        boolean changed = false;
        for (DeviceChildren.Ip ip : d.ips().values()) {
            Object[] values = java.util.Arrays.copyOf(ip.values(), cols.length);
            values[cols.length - 1] = ip.interfaceName() == null ? null : ifIds.get(ip.interfaceName());
            Long id = ids.get(ip.address());
            if (id == null) {
                long newId = insertOne("INSERT INTO ip_addresses (device_id, address, " + String.join(", ", cols) + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                        deviceId, ip.address(), values);
                log.add(EntityKinds.IP_ADDRESS, Change.CREATED, newId, deviceId, null, ip.address(), null);
                changed = true;
            } else {
                List<String> fields = SqlValues.diff(cols, stored.get(ip.address()), values);
                if (!fields.isEmpty()) {
                    update("ip_addresses", cols, values, "id", id);
                    log.add(EntityKinds.IP_ADDRESS, Change.UPDATED, id, deviceId, null, ip.address(), fields);
                    changed = true;
                }
            }
        }
        for (String address : stored.keySet()) {
            if (!d.ips().containsKey(address)) {
                long id = ids.get(address);
                delete("ip_addresses", "id", id);
                log.add(EntityKinds.IP_ADDRESS, Change.DELETED, id, deviceId, null, address, null);
                changed = true;
            }
        }
        return changed;
    }

    private static String[] withInterfaceId() {
        String[] cols = java.util.Arrays.copyOf(DeviceChildren.IP_COLS, DeviceChildren.IP_COLS.length + 1);
        cols[DeviceChildren.IP_COLS.length] = "interface_id";
        return cols;
    }

    private boolean syncFacts(long deviceId, DeviceChildren.Desired d, ChangeLog log) throws SQLException {
        Object[] stored = null;
        PreparedStatement ps = statement("SELECT " + String.join(", ", DeviceChildren.FACT_COLS) + " FROM server_facts WHERE device_id = ?");
        ps.setLong(1, deviceId);
        try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                stored = SqlValues.read(rs, 1, DeviceChildren.FACT_COLS.length);
            }
        }
        if (d.facts() == null) {
            if (stored != null) {
                delete("server_facts", "device_id", deviceId);
                log.add(EntityKinds.SERVER_FACTS, Change.DELETED, deviceId, deviceId, null, null, null);
                return true;
            }
            return false;
        }
        if (stored == null) {
            PreparedStatement ins = statement("INSERT INTO server_facts (device_id, " + String.join(", ", DeviceChildren.FACT_COLS)
                    + ", uptime_seconds, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            ins.setLong(1, deviceId);
            int i = SqlValues.bind(ins, 2, d.facts());
            SqlValues.setLong(ins, i++, d.uptime());
            ins.setString(i, now);
            ins.executeUpdate();
            log.add(EntityKinds.SERVER_FACTS, Change.CREATED, deviceId, deviceId, null, null, null);
            return true;
        }
        List<String> fields = SqlValues.diff(DeviceChildren.FACT_COLS, stored, d.facts());
        if (fields.isEmpty()) {
            PreparedStatement up = statement("UPDATE server_facts SET uptime_seconds = ? WHERE device_id = ? AND uptime_seconds IS DISTINCT FROM ?");
            SqlValues.setLong(up, 1, d.uptime());
            up.setLong(2, deviceId);
            SqlValues.setLong(up, 3, d.uptime());
            up.executeUpdate();
            return false;
        }
        Object[] values = java.util.Arrays.copyOf(d.facts(), DeviceChildren.FACT_COLS.length + 2);
        values[DeviceChildren.FACT_COLS.length] = d.uptime();
        values[DeviceChildren.FACT_COLS.length + 1] = now;
        String[] cols = java.util.Arrays.copyOf(DeviceChildren.FACT_COLS, DeviceChildren.FACT_COLS.length + 2);
        cols[DeviceChildren.FACT_COLS.length] = "uptime_seconds";
        cols[DeviceChildren.FACT_COLS.length + 1] = "updated_at";
        update("server_facts", cols, values, "device_id", deviceId);
        log.add(EntityKinds.SERVER_FACTS, Change.UPDATED, deviceId, deviceId, null, null, fields);
        return true;
    }

    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement ps = prepared.get(sql);
        if (ps == null) {
            ps = sql.startsWith("INSERT") ? c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS) : c.prepareStatement(sql);
            prepared.put(sql, ps);
        }
        return ps;
    }

    private long insertOne(String sql, long deviceId, String key, Object[] values) throws SQLException {
        PreparedStatement ps = statement(sql);
        ps.setLong(1, deviceId);
        ps.setString(2, key);
        SqlValues.bind(ps, 3, values);
        ps.executeUpdate();
        try (ResultSet rs = ps.getGeneratedKeys()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void update(String table, String[] cols, Object[] values, String keyColumn, long key) throws SQLException {
        PreparedStatement ps = statement("UPDATE " + table + " SET " + String.join(" = ?, ", cols) + " = ? WHERE " + keyColumn + " = ?");
        int i = SqlValues.bind(ps, 1, values);
        ps.setLong(i, key);
        ps.executeUpdate();
    }

    private void delete(String table, String keyColumn, long key) throws SQLException {
        PreparedStatement ps = statement("DELETE FROM " + table + " WHERE " + keyColumn + " = ?");
        ps.setLong(1, key);
        ps.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : prepared.values()) {
            ps.close();
        }
    }
}
