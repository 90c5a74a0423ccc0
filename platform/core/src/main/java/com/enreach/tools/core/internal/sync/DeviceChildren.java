package com.enreach.tools.core.internal.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import com.enreach.tools.api.Change;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.api.spi.InterfaceRecord;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.api.spi.ServerFacts;
import com.enreach.tools.core.internal.db.Json;

/**
 * What a device record carries besides itself: interfaces, IP addresses, server facts. New devices get theirs
 * inserted in batches; changed devices get theirs diffed against what is stored and updated in place, so rows keep
 * their ids and the change log names exactly what changed. Uptime is volatile (SPI contract): refreshed, never a change.
 */
final class DeviceChildren implements AutoCloseable {
    static final String INTERFACES = "interfaces";
    static final String IP_ADDRESSES = "ip_addresses";
    static final String SERVER_FACTS = "server_facts";
    private static final String[] IF_COLS = {"mac", "type", "enabled", "mtu", "network"};
    private static final String[] IP_COLS = {"prefix_length", "family", "interface_name", "dns_name"};
    private static final String[] FACT_COLS = {"os_name", "os_release", "kernel", "cpu_model", "cpu_count", "memory_bytes", "disks", "virtual",
        "virtual_type", "serial_number", "manufacturer", "product"};

    /** An interface as stored: values in {@link #IF_COLS} order. */
    record Iface(String name, Object[] values) {
    }

    /** An address as stored: values in {@link #IP_COLS} order. */
    record Ip(String address, Object[] values) {
        String interfaceName() {
            return (String) values[2];
        }
    }

    /** A record's children, normalised and keyed as stored (later duplicates win, as they always did). */
    record Desired(Map<String, Iface> interfaces, Map<String, Ip> ips, Object[] facts, Long uptime) {
        boolean isEmpty() {
            return interfaces.isEmpty() && ips.isEmpty() && facts == null;
        }
    }

    private final Connection c;
    private final String now;
    private final PreparedStatement insIf;
    private final PreparedStatement insIp;
    private final PreparedStatement insFacts;
    private final PreparedStatement uptime;
    private boolean anyIf;
    private boolean anyIp;
    private boolean anyFacts;
    private boolean anyUptime;
    /** Statements of the in-place diff, prepared once per batch (a churn resync diffs thousands of devices). */
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    DeviceChildren(Connection c, String now) throws SQLException {
        this.c = c;
        this.now = now;
        this.insIf = c.prepareStatement("INSERT OR REPLACE INTO network_interfaces (device_id, name, " + String.join(", ", IF_COLS)
                + ") VALUES (?, ?, ?, ?, ?, ?, ?)");
        this.insIp = c.prepareStatement("INSERT OR REPLACE INTO ip_addresses (device_id, interface_id, address, " + String.join(", ", IP_COLS)
                + ") VALUES (?, (SELECT id FROM network_interfaces WHERE device_id = ? AND name = ?), ?, ?, ?, ?, ?)");
        this.insFacts = c.prepareStatement("INSERT OR REPLACE INTO server_facts (device_id, " + String.join(", ", FACT_COLS)
                + ", uptime_seconds, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.uptime = c.prepareStatement("UPDATE server_facts SET uptime_seconds = ? WHERE device_id = ? AND uptime_seconds IS NOT ?");
    }

    /** A device's children in canonical form, for hashing; null when it has none. Uptime is left out (volatile). */
    static Object canonical(DeviceRecord d) {
        if (d.interfaces().isEmpty() && d.ipAddresses().isEmpty() && d.facts() == null) {
            return null;
        }
        List<Object> doc = new ArrayList<>();
        for (InterfaceRecord i : d.interfaces()) {
            doc.add(List.of(i.name(), str(Normalize.mac(i.mac())), str(i.type()), str(i.enabled()), str(i.mtu()), str(i.network())));
        }
        for (IpAddressRecord ip : d.ipAddresses()) {
            doc.add(List.of(ip.address(), str(ip.interfaceName()), str(ip.dnsName())));
        }
        if (d.facts() != null) {
            Map<String, Object> f = facts(d.facts());
            f.remove("uptime_seconds");
            doc.add(f);
        }
        return doc;
    }

    static boolean canonicalEmpty(DeviceRecord d) {
        return d.interfaces().isEmpty() && d.ipAddresses().isEmpty() && d.facts() == null;
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    static Map<String, Object> facts(ServerFacts f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("os_name", f.osName());
        m.put("os_release", f.osRelease());
        m.put("kernel", f.kernel());
        m.put("cpu_model", f.cpuModel());
        m.put("cpu_count", f.cpuCount());
        m.put("memory_bytes", f.memoryBytes());
        m.put("uptime_seconds", f.uptimeSeconds());
        m.put("virtual", f.virtual());
        m.put("virtual_type", f.virtualType());
        m.put("serial_number", f.serialNumber());
        m.put("manufacturer", f.manufacturer());
        m.put("product", f.product());
        List<Object> disks = new ArrayList<>();
        for (ServerFacts.Disk d : f.disks()) {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("name", d.name());
            dm.put("size_bytes", d.sizeBytes());
            dm.put("model", d.model());
            disks.add(dm);
        }
        m.put("disks", disks);
        return m;
    }

    /** Normalises a record's children, warning about values that cannot be stored. */
    static Desired desired(DeviceRecord d, BiConsumer<String, String> warn) {
        Map<String, Iface> ifs = new LinkedHashMap<>();
        for (InterfaceRecord i : d.interfaces()) {
            String mac = Normalize.mac(i.mac());
            if (i.mac() != null && !i.mac().isBlank() && mac == null) {
                warn.accept(d.sourceId(), "interface " + i.name() + ": '" + i.mac() + "' is not a MAC address; stored without MAC");
            }
            ifs.remove(i.name());
            ifs.put(i.name(), new Iface(i.name(), new Object[] {mac, i.type(), i.enabled() == null ? null : (i.enabled() ? 1L : 0L),
                i.mtu() == null ? null : i.mtu().longValue(), i.network()}));
        }
        Map<String, Ip> ips = new LinkedHashMap<>();
        for (IpAddressRecord ip : d.ipAddresses()) {
            Normalize.Ip parsed;
            try {
                parsed = Normalize.ip(ip.address());
            } catch (IllegalArgumentException ex) {
                warn.accept(d.sourceId(), "IP address skipped: " + ex.getMessage());
                continue;
            }
            ips.remove(parsed.address());
            ips.put(parsed.address(), new Ip(parsed.address(), new Object[] {parsed.prefixLength() == null ? null : parsed.prefixLength().longValue(),
                (long) parsed.family(), ip.interfaceName(), ip.dnsName()}));
        }
        ServerFacts f = d.facts();
        Object[] facts = null;
        if (f != null) {
            facts = new Object[] {f.osName(), f.osRelease(), f.kernel(), f.cpuModel(), f.cpuCount() == null ? null : f.cpuCount().longValue(),
                f.memoryBytes(), Json.write(facts(f).get("disks")), f.virtual() == null ? null : (f.virtual() ? 1L : 0L), f.virtualType(),
                f.serialNumber(), f.manufacturer(), f.product()};
        }
        return new Desired(ifs, ips, facts, f == null ? null : f.uptimeSeconds());
    }

    /** Queues the children of a new device (written by {@link #flush}). */
    void insert(long deviceId, Desired d) throws SQLException {
        for (Iface i : d.interfaces().values()) {
            insIf.setLong(1, deviceId);
            insIf.setString(2, i.name());
            bind(insIf, 3, i.values());
            insIf.addBatch();
            anyIf = true;
        }
        for (Ip ip : d.ips().values()) {
            insIp.setLong(1, deviceId);
            insIp.setLong(2, deviceId);
            insIp.setString(3, ip.interfaceName());
            insIp.setString(4, ip.address());
            bind(insIp, 5, ip.values());
            insIp.addBatch();
            anyIp = true;
        }
        if (d.facts() != null) {
            insFacts.setLong(1, deviceId);
            int i = bind(insFacts, 2, d.facts());
            setLong(insFacts, i++, d.uptime());
            insFacts.setString(i, now);
            insFacts.addBatch();
            anyFacts = true;
        }
    }

    /** Queues the uptime of an unchanged device: written only where it moved. */
    void refreshUptime(long deviceId, Long value) throws SQLException {
        setLong(uptime, 1, value);
        uptime.setLong(2, deviceId);
        setLong(uptime, 3, value);
        uptime.addBatch();
        anyUptime = true;
    }

    /**
     * Brings a stored device's children to the desired state in place and logs each change.
     *
     * @return which of the device's child collections changed ({@link #INTERFACES}, {@link #IP_ADDRESSES}, {@link #SERVER_FACTS})
     */
    List<String> sync(long deviceId, Desired d, ChangeLog log) throws SQLException {
        List<String> changed = new ArrayList<>(3);
        Map<String, Long> ifIds = new HashMap<>();
        if (syncInterfaces(deviceId, d, log, ifIds)) {
            changed.add(INTERFACES);
        }
        if (syncIps(deviceId, d, log, ifIds)) {
            changed.add(IP_ADDRESSES);
        }
        if (syncFacts(deviceId, d, log)) {
            changed.add(SERVER_FACTS);
        }
        return changed;
    }

    private boolean syncInterfaces(long deviceId, Desired d, ChangeLog log, Map<String, Long> ids) throws SQLException {
        Map<String, Object[]> stored = new HashMap<>();
        PreparedStatement ps = statement("SELECT id, name, " + String.join(", ", IF_COLS) + " FROM network_interfaces WHERE device_id = ?");
        ps.setLong(1, deviceId);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.put(rs.getString(2), rs.getLong(1));
                stored.put(rs.getString(2), values(rs, 3, IF_COLS.length));
            }
        }
        boolean changed = false;
        for (Iface i : d.interfaces().values()) {
            Long id = ids.get(i.name());
            if (id == null) {
                long newId = insertOne("INSERT INTO network_interfaces (device_id, name, " + String.join(", ", IF_COLS) + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                        deviceId, i.name(), i.values());
                ids.put(i.name(), newId);
                log.add(EntityKinds.INTERFACE, Change.CREATED, newId, deviceId, null, i.name(), null);
                changed = true;
            } else {
                List<String> fields = diff(IF_COLS, stored.get(i.name()), i.values());
                if (!fields.isEmpty()) {
                    update("network_interfaces", IF_COLS, i.values(), "id", id);
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

    private boolean syncIps(long deviceId, Desired d, ChangeLog log, Map<String, Long> ifIds) throws SQLException {
        Map<String, Object[]> stored = new HashMap<>();
        Map<String, Long> ids = new HashMap<>();
        String[] cols = withInterfaceId();
        PreparedStatement ps = statement("SELECT id, address, " + String.join(", ", cols) + " FROM ip_addresses WHERE device_id = ?");
        ps.setLong(1, deviceId);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.put(rs.getString(2), rs.getLong(1));
                stored.put(rs.getString(2), values(rs, 3, cols.length));
            }
        }
        boolean changed = false;
        for (Ip ip : d.ips().values()) {
            Object[] values = java.util.Arrays.copyOf(ip.values(), cols.length);
            values[cols.length - 1] = ip.interfaceName() == null ? null : ifIds.get(ip.interfaceName());
            Long id = ids.get(ip.address());
            if (id == null) {
                long newId = insertOne("INSERT INTO ip_addresses (device_id, address, " + String.join(", ", cols) + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                        deviceId, ip.address(), values);
                log.add(EntityKinds.IP_ADDRESS, Change.CREATED, newId, deviceId, null, ip.address(), null);
                changed = true;
            } else {
                List<String> fields = diff(cols, stored.get(ip.address()), values);
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
        String[] cols = java.util.Arrays.copyOf(IP_COLS, IP_COLS.length + 1);
        cols[IP_COLS.length] = "interface_id";
        return cols;
    }

    private boolean syncFacts(long deviceId, Desired d, ChangeLog log) throws SQLException {
        Object[] stored = null;
        PreparedStatement ps = statement("SELECT " + String.join(", ", FACT_COLS) + " FROM server_facts WHERE device_id = ?");
        ps.setLong(1, deviceId);
        try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                stored = values(rs, 1, FACT_COLS.length);
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
            insFacts.setLong(1, deviceId);
            int i = bind(insFacts, 2, d.facts());
            setLong(insFacts, i++, d.uptime());
            insFacts.setString(i, now);
            insFacts.executeUpdate();
            log.add(EntityKinds.SERVER_FACTS, Change.CREATED, deviceId, deviceId, null, null, null);
            return true;
        }
        List<String> fields = diff(FACT_COLS, stored, d.facts());
        if (fields.isEmpty()) {
            refreshUptime(deviceId, d.uptime());
            return false;
        }
        Object[] values = java.util.Arrays.copyOf(d.facts(), FACT_COLS.length + 2);
        values[FACT_COLS.length] = d.uptime();
        values[FACT_COLS.length + 1] = now;
        String[] cols = java.util.Arrays.copyOf(FACT_COLS, FACT_COLS.length + 2);
        cols[FACT_COLS.length] = "uptime_seconds";
        cols[FACT_COLS.length + 1] = "updated_at";
        update("server_facts", cols, values, "device_id", deviceId);
        log.add(EntityKinds.SERVER_FACTS, Change.UPDATED, deviceId, deviceId, null, null, fields);
        return true;
    }

    private static List<String> diff(String[] cols, Object[] stored, Object[] values) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < cols.length; i++) {
            if (!OwnedTable.same(stored[i], values[i])) {
                fields.add(cols[i]);
            }
        }
        return fields;
    }

    private static Object[] values(ResultSet rs, int first, int n) throws SQLException {
        Object[] v = new Object[n];
        for (int i = 0; i < n; i++) {
            v[i] = rs.getObject(first + i);
        }
        return v;
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
        bind(ps, 3, values);
        ps.executeUpdate();
        try (ResultSet rs = ps.getGeneratedKeys()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void update(String table, String[] cols, Object[] values, String keyColumn, long key) throws SQLException {
        PreparedStatement ps = statement("UPDATE " + table + " SET " + String.join(" = ?, ", cols) + " = ? WHERE " + keyColumn + " = ?");
        int i = bind(ps, 1, values);
        ps.setLong(i, key);
        ps.executeUpdate();
    }

    private void delete(String table, String keyColumn, long key) throws SQLException {
        PreparedStatement ps = statement("DELETE FROM " + table + " WHERE " + keyColumn + " = ?");
        ps.setLong(1, key);
        ps.executeUpdate();
    }

    /** Writes what {@link #insert} and {@link #refreshUptime} queued: interfaces before the addresses that name them. */
    void flush() throws SQLException {
        if (anyIf) {
            insIf.executeBatch();
        }
        if (anyIp) {
            insIp.executeBatch();
        }
        if (anyFacts) {
            insFacts.executeBatch();
        }
        if (anyUptime) {
            uptime.executeBatch();
        }
        anyIf = anyIp = anyFacts = anyUptime = false;
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : prepared.values()) {
            ps.close();
        }
        insIf.close();
        insIp.close();
        insFacts.close();
        uptime.close();
    }

    private static int bind(PreparedStatement ps, int start, Object[] values) throws SQLException {
        int i = start;
        for (Object v : values) {
            if (v == null) {
                ps.setNull(i++, java.sql.Types.NULL);
            } else if (v instanceof Number n && !(v instanceof Double || v instanceof Float)) {
                ps.setLong(i++, n.longValue());
            } else {
                ps.setObject(i++, v);
            }
        }
        return i;
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, java.sql.Types.INTEGER);
        } else {
            ps.setLong(i, v);
        }
    }
}
