package com.enreach.tools.core.internal.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.InterfaceRecord;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.api.spi.ServerFacts;
import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.db.Sql;

/**
 * What a device record carries besides itself: interfaces, IP addresses, server facts, normalised for storage and in
 * canonical form for the device's hash. New devices get theirs inserted here in batches; changed devices get theirs
 * diffed in place by {@link ChildDiff}. Uptime is volatile (SPI contract): refreshed, never a change.
 */
final class DeviceChildren implements AutoCloseable {
    static final String INTERFACES = "interfaces";
    static final String IP_ADDRESSES = "ip_addresses";
    static final String SERVER_FACTS = "server_facts";
    static final String[] IF_COLS = {"mac", "type", "enabled", "mtu", "network"};
    static final String[] IP_COLS = {"prefix_length", "family", "interface_name", "dns_name"};
    static final String[] FACT_COLS = {"os_name", "os_release", "kernel", "cpu_model", "cpu_count", "memory_bytes", "disks", "virtual",
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

    DeviceChildren(Connection c, String now) throws SQLException {
        this.c = c;
        this.now = now;
        // children of new devices: a conflict means the row is there already (a re-read record), so it takes the new values
        this.insIf = c.prepareStatement("INSERT INTO network_interfaces (device_id, name, " + String.join(", ", IF_COLS)
                + ") VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device_id, name) DO UPDATE SET " + Sql.excluded(IF_COLS));
        this.insIp = c.prepareStatement("INSERT INTO ip_addresses (device_id, interface_id, address, " + String.join(", ", IP_COLS)
                + ") VALUES (?, (SELECT id FROM network_interfaces WHERE device_id = ? AND name = ?), ?, ?, ?, ?, ?)"
                + " ON CONFLICT (device_id, address) DO UPDATE SET interface_id = excluded.interface_id, " + Sql.excluded(IP_COLS));
        this.insFacts = c.prepareStatement("INSERT INTO server_facts (device_id, " + String.join(", ", FACT_COLS)
                + ", uptime_seconds, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (device_id) DO UPDATE SET " + Sql.excluded(FACT_COLS) + ", uptime_seconds = excluded.uptime_seconds, updated_at = excluded.updated_at");
        this.uptime = c.prepareStatement("UPDATE server_facts SET uptime_seconds = ? WHERE device_id = ? AND uptime_seconds IS DISTINCT FROM ?");
    }

    /**
     * A device's children as one canonical text, for hashing; null when it has none. Uptime is left out (volatile).
     * Built by hand rather than as JSON: it runs for every record of every run.
     */
    static String canonical(DeviceRecord d) {
        if (canonicalEmpty(d)) {
            return null;
        }
        StringBuilder b = new StringBuilder(128);
        for (InterfaceRecord i : d.interfaces()) {
            field(b.append('I'), i.name());
            field(b, Normalize.mac(i.mac()));
            field(b, i.type());
            field(b, i.enabled());
            field(b, i.mtu());
            field(b, i.network());
        }
        for (IpAddressRecord ip : d.ipAddresses()) {
            field(b.append('A'), ip.address());
            field(b, ip.interfaceName());
            field(b, ip.dnsName());
        }
        ServerFacts f = d.facts();
        if (f != null) {
            b.append('F');
            for (Object v : new Object[] {f.osName(), f.osRelease(), f.kernel(), f.cpuModel(), f.cpuCount(), f.memoryBytes(), f.virtual(),
                f.virtualType(), f.serialNumber(), f.manufacturer(), f.product()}) {
                field(b, v);
            }
            for (ServerFacts.Disk disk : f.disks()) {
                field(field(field(b.append('D'), disk.name()), disk.sizeBytes()), disk.model());
            }
        }
        return b.toString();
    }

    /** Appends a value and a separator; null is told apart from any text by its marker. */
    private static StringBuilder field(StringBuilder b, Object v) {
        return (v == null ? b.append('\u0002') : b.append(v)).append('\u0000');
    }

    static boolean canonicalEmpty(DeviceRecord d) {
        return d.interfaces().isEmpty() && d.ipAddresses().isEmpty() && d.facts() == null;
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
            SqlValues.bind(insIf, 3, i.values());
            insIf.addBatch();
            anyIf = true;
        }
        for (Ip ip : d.ips().values()) {
            insIp.setLong(1, deviceId);
            insIp.setLong(2, deviceId);
            insIp.setString(3, ip.interfaceName());
            insIp.setString(4, ip.address());
            SqlValues.bind(insIp, 5, ip.values());
            insIp.addBatch();
            anyIp = true;
        }
        if (d.facts() != null) {
            insFacts.setLong(1, deviceId);
            int i = SqlValues.bind(insFacts, 2, d.facts());
            SqlValues.setLong(insFacts, i++, d.uptime());
            insFacts.setString(i, now);
            insFacts.addBatch();
            anyFacts = true;
        }
    }

    /** Queues the uptime of an unchanged device: written only where it moved. */
    void refreshUptime(long deviceId, Long value) throws SQLException {
        SqlValues.setLong(uptime, 1, value);
        uptime.setLong(2, deviceId);
        SqlValues.setLong(uptime, 3, value);
        uptime.addBatch();
        anyUptime = true;
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
        insIf.close();
        insIp.close();
        insFacts.close();
        uptime.close();
    }
}
