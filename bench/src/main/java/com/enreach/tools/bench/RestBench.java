package com.enreach.tools.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Times;

/**
 * REST under concurrency: the assembled distribution (a new JVM, Jetty in Felix) on a master database of N devices
 * (each with an interface and an address, so search has MACs, IPs and DNS names to index), then C clients in closed
 * loops. First {@code /api/health} alone (the reference: the HTTP stack with no database), then a mix of list, filter,
 * detail and search. Prints p50/p99 per kind, throughput against the health reference, and how many requests the
 * query gate shed (503 + Retry-After; shed requests count in throughput but not in the latencies).
 *
 * <p>Args: devices (100000), clients (50), seconds per phase (20). Target: p99 &lt; 100 ms for every kind.
 */
public final class RestBench {
    enum Kind { LIST, FILTER, DETAIL, SEARCH }

    static final double TARGET_P99_MS = 100;

    private RestBench() {
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path dist = Path.of(System.getProperty("enreach.dist", "bundles-dist/target/enreach")).toAbsolutePath().normalize();
        Path home = BenchSupport.tempDir("enreach-rest");
        boolean ok = true;
        try {
            HttpLoad.copyTree(dist, home);
            long t0 = System.nanoTime();
            populate(home.resolve("data").resolve("enreach.db"), devices);
            System.out.printf("populated %d devices (with interfaces, addresses and the search index) in %.1f s%n", devices, BenchSupport.seconds(t0));
            try (HttpLoad.Platform p = new HttpLoad.Platform(home)) {
                System.out.printf("identity resolution of the populated devices took %.1f s after start; measuring after it%n", p.awaitResolved(devices));
                List<String> kinds = Arrays.stream(Kind.values()).map(k -> k.name().toLowerCase()).toList();
                Function<String, String> paths = k -> path(Kind.valueOf(k.toUpperCase()), devices);
                // Warm-up: JIT, page cache, connection pools.
                HttpLoad.run(p.http, p.base, p.token, 8, 5, kinds, paths);
                HttpLoad.Result health = HttpLoad.run(p.http, p.base, null, clients, seconds, List.of("health"), k -> "/api/health");
                HttpLoad.Result mixed = HttpLoad.run(p.http, p.base, p.token, clients, seconds, kinds, paths);
                ok = report("rest", clients, health, mixed, kinds);
            }
        } finally {
            BenchSupport.deleteTree(home);
        }
        if (!ok) {
            System.exit(3); // only after the platform is stopped: exit skips finally blocks
        }
    }

    /** Prints the health reference, p50/p99 per kind against the target, and throughput against health; true when every target is met. */
    static boolean report(String label, int clients, HttpLoad.Result health, HttpLoad.Result mixed, List<String> kinds) {
        boolean ok = true;
        System.out.printf("RESULT %s health: %d clients, %.0f req/s, p50 %.1f ms, p99 %.1f ms%n", label, clients, health.perSecond(),
                health.percentile("health", 50), health.percentile("health", 99));
        for (String k : kinds) {
            double p99 = mixed.percentile(k, 99);
            System.out.printf("RESULT %s %-6s: %6d answered, %5d shed (503), p50 %6.1f ms, p99 %6.1f ms%n", label, k, mixed.count(k), mixed.shed(k),
                    mixed.percentile(k, 50), p99);
            boolean hit = p99 < TARGET_P99_MS;
            ok &= hit;
            System.out.printf("TARGET %-40s %.3fx (target <= 1.0x) %s%n", label + " p99 " + k + " / 100 ms", p99 / TARGET_P99_MS, hit ? "ok" : "MISSED");
        }
        System.out.printf("RESULT %s mixed: %.0f req/s (%.2fx of /api/health's %.0f req/s), %d errors other than 503%n", label, mixed.perSecond(),
                mixed.perSecond() / health.perSecond(), health.perSecond(), mixed.errors.get());
        return ok;
    }

    private static String path(Kind kind, int devices) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        return switch (kind) {
            case LIST -> "/api/devices?limit=50&offset=" + rnd.nextInt(0, 1000);
            case FILTER -> "/api/devices?type=" + (rnd.nextBoolean() ? "server" : "vm") + "&status=active&limit=50";
            case DETAIL -> "/api/devices/" + rnd.nextInt(1, devices + 1);
            case SEARCH -> switch (rnd.nextInt(4)) {
                case 0 -> "/api/devices?q=web" + rnd.nextInt(0, 1000) + "&limit=50";
                case 1 -> "/api/devices?q=" + host(rnd.nextInt(devices)) + ".dc" + rnd.nextInt(4) + "&limit=50";
                case 2 -> "/api/devices?q=" + mac(rnd.nextInt(devices)) + "&limit=50";
                default -> "/api/devices?q=z%C3%BCrich&limit=50";
            };
        };
    }

    static String host(int i) {
        return (i % 3 == 0 ? "db" : "web") + String.format("%05d", i);
    }

    static String mac(int i) {
        return String.format("02:00:%02x:%02x:%02x:%02x", (i >>> 24) & 0xff, (i >>> 16) & 0xff, (i >>> 8) & 0xff, i & 0xff);
    }

    /** N devices with an interface and an address each, written through the core's own schema (triggers index them). */
    static void populate(Path file, int n) throws Exception {
        Database db = new Database(file);
        String now = Times.format(Times.now());
        String[] sites = {"Zürich", "Amsterdam", "Köln", "Paris"};
        try (Connection c = db.openWriteConnection()) {
            db.transaction(c, w -> {
                try (PreparedStatement d = w.prepareStatement("INSERT INTO devices (id, name, type, source_system, source_instance, source_id, host_key,"
                        + " metadata, content_hash, first_seen, created_at, updated_at) VALUES (?, ?, ?, 'bench', 'bench-1', ?, ?, ?, 0, ?, ?, ?)");
                     PreparedStatement f = w.prepareStatement("INSERT INTO network_interfaces (id, device_id, name, mac) VALUES (?, ?, 'eth0', ?)");
                     PreparedStatement a = w.prepareStatement("INSERT INTO ip_addresses (device_id, address, family, interface_name, dns_name)"
                             + " VALUES (?, ?, 4, 'eth0', ?)")) {
                    for (int i = 0; i < n; i++) {
                        long id = i + 1;
                        String fqdn = host(i) + ".dc" + (i % 4) + ".example.com";
                        d.setLong(1, id);
                        d.setString(2, fqdn);
                        d.setString(3, i % 2 == 0 ? "server" : "vm");
                        d.setString(4, "src-" + i);
                        d.setString(5, host(i));
                        d.setString(6, "{\"os\": \"Ubuntu 22.04\", \"site\": \"" + sites[i % 4] + "\", \"cluster\": \"cl-" + (i % 50) + "\", \"cpu_count\": 4}");
                        for (int k = 7; k <= 9; k++) {
                            d.setString(k, now);
                        }
                        d.addBatch();
                        f.setLong(1, id);
                        f.setLong(2, id);
                        f.setString(3, mac(i));
                        f.addBatch();
                        a.setLong(1, id);
                        a.setString(2, "10." + ((i >>> 16) & 0xff) + "." + ((i >>> 8) & 0xff) + "." + (i & 0xff));
                        a.setString(3, fqdn);
                        a.addBatch();
                        if (i % 10_000 == 9_999) {
                            d.executeBatch();
                            f.executeBatch();
                            a.executeBatch();
                        }
                    }
                    d.executeBatch();
                    f.executeBatch();
                    a.executeBatch();
                }
                w.createStatement().executeUpdate("INSERT OR IGNORE INTO device_seen (device_id, last_seen) SELECT id, first_seen FROM devices");
                return null;
            });
        }
        db.close();
    }
}
