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

/**
 * Writes what a device record carries besides itself (interfaces, IP addresses, facts), replacing what the same
 * source said before. Only called for devices that are new or whose content changed.
 */
final class DeviceChildren {
    private DeviceChildren() {
    }

    /** A device's children in canonical form, for hashing; null when it has none. */
    static Object canonical(DeviceRecord d, BiConsumer<String, String> warn) {
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
            doc.add(facts(d.facts()));
        }
        return doc;
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

    /** Replaces the children of the given devices (id -> record). */
    static void replace(Connection c, Map<Long, DeviceRecord> devices, String now, BiConsumer<String, String> warn) throws SQLException {
        if (devices.isEmpty()) {
            return;
        }
        try (PreparedStatement delIf = c.prepareStatement("DELETE FROM network_interfaces WHERE device_id = ?");
             PreparedStatement delIp = c.prepareStatement("DELETE FROM ip_addresses WHERE device_id = ?");
             PreparedStatement delFacts = c.prepareStatement("DELETE FROM server_facts WHERE device_id = ?");
             PreparedStatement insIf = c.prepareStatement("INSERT OR REPLACE INTO network_interfaces (device_id, name, mac, type, enabled, mtu, network)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement insIp = c.prepareStatement("INSERT OR REPLACE INTO ip_addresses (device_id, interface_id, address, prefix_length, family,"
                     + " interface_name, dns_name) VALUES (?, (SELECT id FROM network_interfaces WHERE device_id = ? AND name = ?), ?, ?, ?, ?, ?)");
             PreparedStatement insFacts = c.prepareStatement("INSERT INTO server_facts (device_id, os_name, os_release, kernel, cpu_model, cpu_count,"
                     + " memory_bytes, disks, uptime_seconds, virtual, virtual_type, serial_number, manufacturer, product, updated_at)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            boolean anyIf = false;
            boolean anyIp = false;
            boolean anyFacts = false;
            for (Map.Entry<Long, DeviceRecord> e : devices.entrySet()) {
                long id = e.getKey();
                DeviceRecord d = e.getValue();
                for (PreparedStatement del : List.of(delIf, delIp, delFacts)) {
                    del.setLong(1, id);
                    del.addBatch();
                }
                for (InterfaceRecord i : d.interfaces()) {
                    String mac = Normalize.mac(i.mac());
                    if (i.mac() != null && !i.mac().isBlank() && mac == null) {
                        warn.accept(d.sourceId(), "interface " + i.name() + ": '" + i.mac() + "' is not a MAC address; stored without MAC");
                    }
                    insIf.setLong(1, id);
                    insIf.setString(2, i.name());
                    insIf.setString(3, mac);
                    insIf.setString(4, i.type());
                    setNullable(insIf, 5, i.enabled() == null ? null : (i.enabled() ? 1 : 0));
                    setNullable(insIf, 6, i.mtu());
                    insIf.setString(7, i.network());
                    insIf.addBatch();
                    anyIf = true;
                }
                for (IpAddressRecord ip : d.ipAddresses()) {
                    Normalize.Ip parsed;
                    try {
                        parsed = Normalize.ip(ip.address());
                    } catch (IllegalArgumentException ex) {
                        warn.accept(d.sourceId(), "IP address skipped: " + ex.getMessage());
                        continue;
                    }
                    insIp.setLong(1, id);
                    insIp.setLong(2, id);
                    insIp.setString(3, ip.interfaceName());
                    insIp.setString(4, parsed.address());
                    setNullable(insIp, 5, parsed.prefixLength());
                    insIp.setInt(6, parsed.family());
                    insIp.setString(7, ip.interfaceName());
                    insIp.setString(8, ip.dnsName());
                    insIp.addBatch();
                    anyIp = true;
                }
                ServerFacts f = d.facts();
                if (f != null) {
                    insFacts.setLong(1, id);
                    insFacts.setString(2, f.osName());
                    insFacts.setString(3, f.osRelease());
                    insFacts.setString(4, f.kernel());
                    insFacts.setString(5, f.cpuModel());
                    setNullable(insFacts, 6, f.cpuCount());
                    setNullable(insFacts, 7, f.memoryBytes());
                    insFacts.setString(8, Json.write(facts(f).get("disks")));
                    setNullable(insFacts, 9, f.uptimeSeconds());
                    setNullable(insFacts, 10, f.virtual() == null ? null : (f.virtual() ? 1 : 0));
                    insFacts.setString(11, f.virtualType());
                    insFacts.setString(12, f.serialNumber());
                    insFacts.setString(13, f.manufacturer());
                    insFacts.setString(14, f.product());
                    insFacts.setString(15, now);
                    insFacts.addBatch();
                    anyFacts = true;
                }
            }
            delIp.executeBatch();
            delIf.executeBatch();
            delFacts.executeBatch();
            if (anyIf) {
                insIf.executeBatch();
            }
            if (anyIp) {
                insIp.executeBatch();
            }
            if (anyFacts) {
                insFacts.executeBatch();
            }
        }
    }

    private static void setNullable(PreparedStatement ps, int i, Number v) throws SQLException {
        if (v == null) {
            ps.setNull(i, java.sql.Types.INTEGER);
        } else {
            ps.setLong(i, v.longValue());
        }
    }
}
