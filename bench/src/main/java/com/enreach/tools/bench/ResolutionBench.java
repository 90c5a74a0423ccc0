package com.enreach.tools.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import com.enreach.tools.api.inventory.EntityQuery;
import com.enreach.tools.api.inventory.RebuildResult;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Times;
import com.enreach.tools.core.internal.identity.EntityServiceImpl;
import com.enreach.tools.core.internal.sync.ObjectLinks;
import com.enreach.tools.core.internal.sync.SourceRegistry;
import com.enreach.tools.core.internal.identity.IdentityResolution;

/**
 * Identity resolution of N observations from four overlapping sources: a vCenter (VMs with BIOS UUID, NIC and IP), a
 * PuppetDB (FQDN, the SMBIOS UUID in the other byte order, serial in facts), a Foreman (FQDN, primary MAC) and a
 * CMDB-like source that knows only short names and IPs (weak evidence). Measured: the initial build, a full rebuild
 * of the resolved database (the rebuild command), and the incremental resolution after 1% of the observations
 * changed (half of them in an identifier), driven by the change feed exactly as after a sync batch. Target: the
 * incremental pass at most 0.15x of the full rebuild. Golden records are not installed here: the entities'
 * summary columns are kept by resolution's own fallback.
 */
public final class ResolutionBench {
    private ResolutionBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = BenchSupport.tempDir("enreach-resolution");
        int rounds = 3;
        double[] rebuild = new double[rounds];
        double[] incremental = new double[rounds];
        try {
            Database db = new Database(dir.resolve("resolution.db"));
            int machines = n * 10 / 25; // vCenter 40%, PuppetDB 30%, Foreman 20%, CMDB 10% of the observations
            db.write(c -> {
                load(c, machines);
                return null;
            });
            IdentityResolution resolution = new IdentityResolution(db, null);
            long t0 = System.nanoTime();
            RebuildResult first = resolution.rebuild();
            double build = BenchSupport.seconds(t0);
            System.out.printf("initial build: %,d observations -> %,d entities (%,d conflicts) in %.2f s%n", first.observations(), first.entities(),
                    first.conflicts(), build);
            for (int i = 0; i < rounds; i++) {
                t0 = System.nanoTime();
                RebuildResult r = resolution.rebuild();
                rebuild[i] = BenchSupport.seconds(t0);
                int round = i;
                db.write(c -> change(c, machines, round));
                t0 = System.nanoTime();
                int looked = resolution.catchUp();
                incremental[i] = BenchSupport.seconds(t0);
                System.out.printf("round %d: full rebuild %.2f s (%,d entities, %,d created, %,d removed), incremental after 1%% changed %.3f s (%,d observations)%n",
                        i + 1, rebuild[i], r.entities(), r.created(), r.removed(), incremental[i], looked);
            }
            reads(db, resolution);
            db.close();
        } finally {
            BenchSupport.deleteTree(dir);
        }
        double full = BenchSupport.median(rebuild);
        double inc = BenchSupport.median(incremental);
        System.out.printf("RESULT resolution (%,d observations, 4 sources): full rebuild %.2f s | incremental after 1%% changed %.3f s = %.3fx%n",
                n, full, inc, inc / full);
        Targets t = new Targets();
        t.atMost("resolution incremental 1% / full rebuild", inc / full, 0.15);
        t.exit();
    }

    /** Entity reads at this size, warm, median of 20 calls each (reported, no target here: RestBench measures REST). */
    private static void reads(Database db, IdentityResolution resolution) {
        EntityServiceImpl entities = new EntityServiceImpl(db, resolution, new ObjectLinks(new SourceRegistry()));
        Map<String, Supplier<Object>> calls = new LinkedHashMap<>();
        calls.put("first page", () -> entities.find(new EntityQuery(null, null, null, null, null, null, 50, 0)));
        calls.put("page at offset 20k", () -> entities.find(new EntityQuery(null, null, null, null, null, null, 50, 20_000)));
        calls.put("type=vm by -last_seen", () -> entities.find(new EntityQuery(null, "vm", null, null, null, "-last_seen", 50, 0)));
        calls.put("source=cmdb-main", () -> entities.find(new EntityQuery(null, null, "cmdb-main", null, null, null, 50, 0)));
        calls.put("q=serial", () -> entities.find(new EntityQuery("SER1234", null, null, null, null, null, 50, 0)));
        calls.put("q=name prefix", () -> entities.find(new EntityQuery("host0012", null, null, null, null, null, 50, 0)));
        calls.put("detail", () -> entities.get(1234));
        calls.put("lookup by FQDN", () -> entities.lookup("host001234.example.com"));
        StringBuilder line = new StringBuilder("RESULT entity reads (ms, median of 20):");
        calls.forEach((name, call) -> {
            double[] t = new double[20];
            call.get();
            for (int i = 0; i < t.length; i++) {
                long t0 = System.nanoTime();
                call.get();
                t[i] = (System.nanoTime() - t0) / 1e6;
            }
            line.append(String.format(" %s %.1f |", name, BenchSupport.median(t)));
        });
        System.out.println(line);
    }

    private static String uuid(int m) {
        return String.format("4237a1b2-c3d4-e5f6-%04x-%012x", m % 65536, (long) m);
    }

    /** The same machine's UUID as SMBIOS prints it: first three groups byte-swapped. */
    private static String smbios(int m) {
        String u = uuid(m);
        return "b2a13742-d4c3-f6e5" + u.substring(18);
    }

    private static String mac(int m) {
        return String.format("00:50:56:%02x:%02x:%02x", (m >> 16) & 0xff, (m >> 8) & 0xff, m & 0xff);
    }

    private static String ip(int m) {
        return String.format("10.%d.%d.%d", (m >> 16) & 0xff, (m >> 8) & 0xff, m & 0xff);
    }

    private static void load(Connection c, int machines) throws SQLException {
        String now = Times.format(Times.now());
        try (PreparedStatement dev = c.prepareStatement("INSERT INTO devices (id, name, type, source_system, source_instance, source_id, host_key, metadata,"
                + " content_hash, first_seen, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)");
             PreparedStatement nic = c.prepareStatement("INSERT INTO network_interfaces (id, device_id, name, mac) VALUES (?, ?, 'eth0', ?)");
             PreparedStatement addr = c.prepareStatement("INSERT INTO ip_addresses (device_id, interface_id, address, family, interface_name)"
                     + " VALUES (?, ?, ?, 4, 'eth0')");
             PreparedStatement facts = c.prepareStatement("INSERT INTO server_facts (device_id, serial_number, updated_at) VALUES (?, ?, ?)")) {
            long id = 0;
            for (int m = 0; m < machines; m++) {
                String host = String.format("host%06d", m);
                String fqdn = host + ".example.com";
                long vm = ++id;
                device(dev, vm, host, "vm", "vcenter-prod", "vm-" + m, host, "{\"system_uuid\":\"" + uuid(m) + "\"}", now);
                nic.setLong(1, vm);
                nic.setLong(2, vm);
                nic.setString(3, mac(m));
                nic.addBatch();
                addr.setLong(1, vm);
                addr.setLong(2, vm);
                addr.setString(3, ip(m));
                addr.addBatch();
                if (m % 4 != 3) { // PuppetDB knows three machines in four
                    long node = ++id;
                    device(dev, node, fqdn, "server", "puppetdb-main", fqdn, host, "{\"system_uuid\":\"" + smbios(m) + "\"}", now);
                    facts.setLong(1, node);
                    facts.setString(2, "SER" + m);
                    facts.setString(3, now);
                    facts.addBatch();
                }
                if (m % 2 == 0) { // Foreman one in two
                    device(dev, ++id, fqdn, "server", "foreman-main", Integer.toString(m), host, "{\"primary_mac\":\"" + mac(m).replace(":", "-") + "\"}", now);
                }
                if (m % 4 == 1) { // the CMDB one in four, by short name and IP only
                    long cmdb = ++id;
                    device(dev, cmdb, host.toUpperCase(), "server", "cmdb-main", "ci-" + m, host, "{}", now);
                    addr.setLong(1, cmdb);
                    addr.setNull(2, java.sql.Types.INTEGER);
                    addr.setString(3, ip(m));
                    addr.addBatch();
                }
                if (m % 500 == 0) {
                    dev.executeBatch();
                    nic.executeBatch();
                    addr.executeBatch();
                    facts.executeBatch();
                }
            }
            dev.executeBatch();
            nic.executeBatch();
            addr.executeBatch();
            facts.executeBatch();
            c.createStatement().executeUpdate("INSERT OR IGNORE INTO device_seen (device_id, last_seen) SELECT id, first_seen FROM devices");
        }
    }

    private static void device(PreparedStatement ps, long id, String name, String type, String instance, String sourceId, String hostKey, String metadata,
                               String now) throws SQLException {
        ps.setLong(1, id);
        ps.setString(2, name);
        ps.setString(3, type);
        ps.setString(4, instance.substring(0, instance.indexOf('-')));
        ps.setString(5, instance);
        ps.setString(6, sourceId);
        ps.setString(7, hostKey);
        ps.setString(8, metadata);
        for (int i = 9; i <= 11; i++) {
            ps.setString(i, now);
        }
        ps.addBatch();
    }

    /**
     * Changes 1% of the observations as a sync batch would, with their change-feed entries: every other one a plain
     * attribute, the rest an identifier (a PuppetDB UUID or a vCenter VM renamed to a name another machine has).
     */
    private static int change(Connection c, int machines, int round) throws SQLException {
        long total;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM devices")) {
            rs.next();
            total = rs.getLong(1);
        }
        long every = 100;
        String now = Times.format(Times.now());
        int changed = 0;
        try (PreparedStatement attr = c.prepareStatement("UPDATE devices SET metadata = json_set(metadata, '$.memory_mb', ?) WHERE id = ?");
             PreparedStatement ident = c.prepareStatement("UPDATE devices SET metadata = json_set(metadata, '$.system_uuid', ?) WHERE id = ?");
             PreparedStatement log = c.prepareStatement("INSERT INTO change_log (run_id, source_instance, kind, action, entity_id, device_id, changed_at)"
                     + " VALUES (?, 'bench', 'device', 'updated', ?, ?, ?)")) {
            for (long id = 1 + round; id <= total; id += every) {
                PreparedStatement ps = (changed % 2 == 0) ? attr : ident;
                if (ps == attr) {
                    ps.setLong(1, 1024L * (round + 2));
                } else {
                    ps.setString(1, uuid((int) ((id * 7 + round) % machines)));
                }
                ps.setLong(2, id);
                ps.addBatch();
                log.setLong(1, round + 10);
                log.setLong(2, id);
                log.setLong(3, id);
                log.setString(4, now);
                log.addBatch();
                changed++;
            }
            attr.executeBatch();
            ident.executeBatch();
            log.executeBatch();
        }
        return changed;
    }
}
