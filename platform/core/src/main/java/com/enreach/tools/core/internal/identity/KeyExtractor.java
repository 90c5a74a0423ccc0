package com.enreach.tools.core.internal.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.enreach.tools.core.internal.sql.Dialect;

/**
 * Reads observations with their identifiers from devices, server facts, interfaces and IP addresses, and stores
 * the normalised keys in {@code identity_keys}.
 */
final class KeyExtractor {
    static final int CHUNK = 900;
    private static final String DEVICE_COLUMNS = deviceColumns(Dialect.SQLITE);
    private static final String DEVICE_COLUMNS_POSTGRES = deviceColumns(Dialect.POSTGRESQL);

    private KeyExtractor() {
    }

    /** The devices' columns with the identifiers in their metadata (json_extract on SQLite, ->> on PostgreSQL). */
    private static String deviceColumns(Dialect d) {
        StringBuilder sql = new StringBuilder("SELECT id, source_instance, source_id, type, name, host_key");
        for (String key : new String[] {"system_uuid", "bios_uuid", "serial", "primary_mac", "fqdn", "instance_uuid"}) {
            sql.append(", ").append(d.jsonText("metadata", key));
        }
        return sql.append(" FROM devices").toString();
    }

    private static String deviceColumns(Connection c) throws SQLException {
        return Dialect.of(c).postgres() ? DEVICE_COLUMNS_POSTGRES : DEVICE_COLUMNS;
    }

    /** Every observation with its keys, read fresh from the source tables. */
    static Map<Long, Obs> extractAll(Connection c) throws SQLException {
        Map<Long, Obs> out = new LinkedHashMap<>();
        Map<Long, Raw> raws = new HashMap<>();
        readDevices(c, deviceColumns(c) + " ORDER BY id", List.of(), out, raws);
        readChildren(c, "", List.of(), raws);
        raws.forEach((id, r) -> r.finish(out.get(id)));
        return out;
    }

    /** These observations (those that still exist) with their keys, read fresh from the source tables. */
    static Map<Long, Obs> extract(Connection c, Collection<Long> ids) throws SQLException {
        Map<Long, Obs> out = new LinkedHashMap<>();
        Map<Long, Raw> raws = new HashMap<>();
        for (List<Long> chunk : chunks(ids)) {
            String in = in(chunk.size());
            readDevices(c, deviceColumns(c) + " WHERE id IN " + in, chunk, out, raws);
            readChildren(c, in, chunk, raws);
        }
        raws.forEach((id, r) -> r.finish(out.get(id)));
        return out;
    }

    /** The keys as stored (what the last resolution saw), with type and source, for these observations. */
    static Map<Long, Obs> stored(Connection c, Collection<Long> ids) throws SQLException {
        Map<Long, Obs> out = new LinkedHashMap<>();
        for (List<Long> chunk : chunks(ids)) {
            String in = in(chunk.size());
            query(c, "SELECT id, source_instance, source_id, type, name FROM devices WHERE id IN " + in, chunk,
                    rs -> out.put(rs.getLong(1), new Obs(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))));
            query(c, "SELECT device_id, kind, value FROM identity_keys WHERE device_id IN " + in, chunk, rs -> {
                Obs o = out.get(rs.getLong(1));
                if (o != null) {
                    o.add(rs.getString(2), rs.getString(3));
                }
            });
        }
        return out;
    }

    /** Replaces the stored keys of these observations. */
    static void store(Connection c, Collection<Obs> observations) throws SQLException {
        List<Long> ids = observations.stream().map(o -> o.id).toList();
        for (List<Long> chunk : chunks(ids)) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM identity_keys WHERE device_id IN " + in(chunk.size()))) {
                bind(ps, chunk);
                ps.executeUpdate();
            }
        }
        insert(c, observations);
    }

    /** Makes the stored keys those of the observations (rebuild): only rows that differ are written. */
    static void storeAll(Connection c, Map<Long, Obs> observations) throws SQLException {
        Set<String> stored = new java.util.HashSet<>();
        List<Object[]> gone = new ArrayList<>();
        query(c, "SELECT device_id, kind, value FROM identity_keys", List.of(), rs -> {
            long id = rs.getLong(1);
            Obs o = observations.get(id);
            String kind = rs.getString(2);
            String value = rs.getString(3);
            if (o == null || !o.values(kind).contains(value)) {
                gone.add(new Object[] {id, kind, value});
            } else {
                stored.add(id + "\0" + kind + "\0" + value);
            }
        });
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM identity_keys WHERE device_id = ? AND kind = ? AND value = ?")) {
            for (Object[] g : gone) {
                ps.setLong(1, (Long) g[0]);
                ps.setString(2, (String) g[1]);
                ps.setString(3, (String) g[2]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        List<Obs> changed = new ArrayList<>();
        for (Obs o : observations.values()) {
            boolean all = true;
            for (Map.Entry<String, Set<String>> e : o.keys.entrySet()) {
                for (String v : e.getValue()) {
                    all &= stored.contains(o.id + "\0" + e.getKey() + "\0" + v);
                }
            }
            if (!all) {
                changed.add(o);
            }
        }
        insert(c, changed);
    }

    private static void insert(Connection c, Collection<Obs> observations) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO identity_keys (device_id, kind, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            int n = 0;
            for (Obs o : observations) {
                for (Map.Entry<String, Set<String>> e : o.keys.entrySet()) {
                    for (String v : e.getValue()) {
                        ps.setLong(1, o.id);
                        ps.setString(2, e.getKey());
                        ps.setString(3, v);
                        ps.addBatch();
                        if (++n % 5_000 == 0) {
                            ps.executeBatch();
                        }
                    }
                }
            }
            ps.executeBatch();
        }
    }

    private static void readDevices(Connection c, String sql, List<Long> args, Map<Long, Obs> out, Map<Long, Raw> raws) throws SQLException {
        query(c, sql, args, rs -> {
            long id = rs.getLong(1);
            String name = rs.getString(5);
            Obs o = new Obs(id, rs.getString(2), rs.getString(3), rs.getString(4), name);
            o.add(Keys.SYSTEM_UUID, Keys.systemUuid(rs.getString(7)));
            if (rs.getString(7) == null) {
                o.add(Keys.SYSTEM_UUID, Keys.systemUuid(rs.getString(8)));
            }
            o.add(Keys.SERIAL, Keys.serial(rs.getString(9)));
            o.add(Keys.FQDN, Keys.fqdn(rs.getString(11)));
            o.add(Keys.FQDN, Keys.fqdn(name));
            o.add(Keys.HOSTNAME, Keys.hostname(rs.getString(6)));
            for (String f : o.values(Keys.FQDN)) {
                o.add(Keys.HOSTNAME, Keys.hostname(f));
            }
            o.add(Keys.INSTANCE_UUID, Keys.uuid(rs.getString(12)));
            out.put(id, o);
            raws.put(id, new Raw(Keys.mac(rs.getString(10))));
        });
    }

    /** Facts' serial, the interfaces' MACs and the IP addresses of the devices selected by {@code in}. */
    private static void readChildren(Connection c, String in, List<Long> args, Map<Long, Raw> raws) throws SQLException {
        String where = in.isEmpty() ? "" : " WHERE device_id IN " + in;
        query(c, "SELECT device_id, serial_number FROM server_facts" + where, args, rs -> {
            Raw r = raws.get(rs.getLong(1));
            if (r != null) {
                r.factsSerial = rs.getString(2);
            }
        });
        query(c, "SELECT device_id, id, name, mac FROM network_interfaces" + where, args, rs -> {
            Raw r = raws.get(rs.getLong(1));
            if (r != null && rs.getString(4) != null) {
                r.macById.put(rs.getLong(2), rs.getString(4));
                r.macByName.put(rs.getString(3), rs.getString(4));
            }
        });
        query(c, "SELECT device_id, address, family, interface_id, interface_name FROM ip_addresses" + where + " ORDER BY device_id, id", args, rs -> {
            Raw r = raws.get(rs.getLong(1));
            if (r != null) {
                r.ips.add(rs.getString(2));
                if (r.firstV4Interface == null && rs.getInt(3) == 4) {
                    long ifId = rs.getLong(4);
                    r.firstV4Interface = rs.wasNull() ? "name:" + rs.getString(5) : "id:" + ifId;
                }
            }
        });
    }

    /** What is gathered about one observation before its keys are final. */
    private static final class Raw {
        final String metadataMac;
        String factsSerial;
        final Map<Long, String> macById = new HashMap<>();
        final Map<String, String> macByName = new HashMap<>();
        final List<String> ips = new ArrayList<>();
        String firstV4Interface;

        Raw(String metadataMac) {
            this.metadataMac = metadataMac;
        }

        void finish(Obs o) {
            if (o.values(Keys.SERIAL).isEmpty()) {
                o.add(Keys.SERIAL, Keys.serial(factsSerial));
            }
            String mac = metadataMac;
            if (mac == null && firstV4Interface != null) {
                mac = Keys.mac(firstV4Interface.startsWith("id:") ? macById.get(Long.parseLong(firstV4Interface.substring(3)))
                        : macByName.get(firstV4Interface.substring(5)));
            }
            o.add(Keys.MAC, mac);
            for (String ip : ips) {
                o.add(Keys.IP, Keys.ip(ip));
            }
        }
    }

    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    static void query(Connection c, String sql, List<?> args, RowHandler h) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    h.row(rs);
                }
            }
        }
    }

    static void bind(PreparedStatement ps, List<?> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Number n) {
                ps.setLong(i + 1, n.longValue());
            } else {
                ps.setString(i + 1, (String) a);
            }
        }
    }

    static String in(int n) {
        return "(" + "?,".repeat(n - 1) + "?)";
    }

    static <T> List<List<T>> chunks(Collection<T> all) {
        List<List<T>> out = new ArrayList<>();
        List<T> cur = new ArrayList<>();
        for (T t : all) {
            cur.add(t);
            if (cur.size() == CHUNK) {
                out.add(cur);
                cur = new ArrayList<>();
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }

    static <K, V> Map<K, List<V>> group(Collection<V> values, Function<V, K> key) {
        Map<K, List<V>> out = new LinkedHashMap<>();
        values.forEach(v -> out.computeIfAbsent(key.apply(v), k -> new ArrayList<>()).add(v));
        return out;
    }
}
