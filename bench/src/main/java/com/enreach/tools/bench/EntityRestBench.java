package com.enreach.tools.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Times;

/**
 * {@code /api/entities} under concurrency, against {@code /api/health} in the same run: the assembled distribution on
 * a master database of N observations resolved 1:1 into N entities (rows written straight into the V22 tables:
 * entities, entity_links, identity_keys, entity_attributes), then C clients in closed loops over list pages,
 * filters (type, status, site, source, sort), q-searches (host name, FQDN, MAC, IP) and detail. Prints p50/p99 per
 * kind, throughput against health, and how many requests the query gate shed.
 *
 * <p>Needs a distribution with the inventory services (EntityService); without them {@code /api/entities} answers
 * 404 and the benchmark stops with exit 2. Args: entities (100000), clients (50), seconds per phase (20).
 * Target: p99 &lt; 100 ms for every kind.
 */
public final class EntityRestBench {
    private static final List<String> KINDS = List.of("list", "filter", "search", "detail");
    private static final String[] SITES = {"Zürich", "Amsterdam", "Köln", "Paris"};

    private EntityRestBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path dist = Path.of(System.getProperty("enreach.dist", "bundles-dist/target/enreach")).toAbsolutePath().normalize();
        Path home = BenchSupport.tempDir("enreach-entities");
        int exit = 0;
        try {
            HttpLoad.copyTree(dist, home);
            long t0 = System.nanoTime();
            Path db = home.resolve("data").resolve("enreach.db");
            RestBench.populate(db, n);
            populateEntities(db, n);
            System.out.printf("populated %d observations and %d entities (links, identity keys, golden attributes) in %.1f s%n", n, n,
                    BenchSupport.seconds(t0));
            try (HttpLoad.Platform p = new HttpLoad.Platform(home)) {
                int status = p.status("/api/entities?limit=1");
                if (status != 200) {
                    System.out.println("MISSED entities: GET /api/entities answers " + status + " (no inventory services in this distribution?)");
                    exit = 2;
                } else {
                    HttpLoad.run(p.http, p.base, p.token, 8, 5, KINDS, k -> path(k, n)); // warm-up
                    HttpLoad.Result health = HttpLoad.run(p.http, p.base, null, clients, seconds, List.of("health"), k -> "/api/health");
                    HttpLoad.Result mixed = HttpLoad.run(p.http, p.base, p.token, clients, seconds, KINDS, k -> path(k, n));
                    exit = RestBench.report("entities", clients, health, mixed, KINDS) ? 0 : 3;
                }
            }
        } finally {
            BenchSupport.deleteTree(home);
        }
        if (exit != 0) {
            System.exit(exit); // only after the platform is stopped: exit skips finally blocks
        }
    }

    private static String path(String kind, int n) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        int i = rnd.nextInt(n);
        return switch (kind) {
            case "list" -> "/api/entities?limit=50&offset=" + rnd.nextInt(0, 1000);
            case "filter" -> switch (rnd.nextInt(3)) {
                case 0 -> "/api/entities?type=" + (rnd.nextBoolean() ? "server" : "vm") + "&status=active&limit=50";
                case 1 -> "/api/entities?site=" + (rnd.nextBoolean() ? "Paris" : "K%C3%B6ln") + "&sort=-last_seen&limit=50";
                default -> "/api/entities?source=bench-1&status=stale&limit=50";
            };
            case "search" -> switch (rnd.nextInt(4)) {
                case 0 -> "/api/entities?q=" + RestBench.host(i) + "&limit=50";
                case 1 -> "/api/entities?q=" + RestBench.host(i) + ".dc" + (i % 4) + ".example.com&limit=50";
                case 2 -> "/api/entities?q=" + RestBench.mac(i) + "&limit=50";
                default -> "/api/entities?q=" + ip(i) + "&limit=50";
            };
            default -> "/api/entities/" + (i + 1);
        };
    }

    private static String ip(int i) {
        return "10." + ((i >>> 16) & 0xff) + "." + ((i >>> 8) & 0xff) + "." + (i & 0xff);
    }

    /** One entity per device written by {@link RestBench#populate} (same ids), linked by its source id. */
    static void populateEntities(Path file, int n) throws Exception {
        Database db = new Database(file);
        Instant now = Times.now();
        String nowText = Times.format(now);
        try (Connection c = db.openWriteConnection()) {
            db.transaction(c, w -> {
                try (PreparedStatement e = w.prepareStatement("INSERT INTO entities (id, name, type, status, site, sources, source_count,"
                        + " observation_count, conflict_count, last_seen, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '[\"bench-1\"]', 1, 1, ?, ?, ?, ?)");
                     PreparedStatement l = w.prepareStatement("INSERT INTO entity_links (device_id, entity_id, rule, confidence, evidence, linked_at)"
                             + " VALUES (?, ?, 'source-id', 1.0, NULL, ?)");
                     PreparedStatement k = w.prepareStatement("INSERT INTO identity_keys (device_id, kind, value) VALUES (?, ?, ?)");
                     PreparedStatement a = w.prepareStatement("INSERT INTO entity_attributes (entity_id, attribute, value, device_id, source_system,"
                             + " source_instance, seen_at, rule) VALUES (?, ?, ?, ?, 'bench', 'bench-1', ?, 'only-source')")) {
                    for (int i = 0; i < n; i++) {
                        long id = i + 1;
                        String host = RestBench.host(i);
                        String fqdn = host + ".dc" + (i % 4) + ".example.com";
                        String type = i % 2 == 0 ? "server" : "vm";
                        String site = SITES[i % 4];
                        e.setLong(1, id);
                        e.setString(2, fqdn);
                        e.setString(3, type);
                        e.setString(4, i % 20 == 0 ? "stale" : "active");
                        e.setString(5, site);
                        e.setInt(6, i % 50 == 0 ? 1 : 0);
                        e.setString(7, Times.format(now.minusSeconds(i)));
                        e.setString(8, nowText);
                        e.setString(9, nowText);
                        e.addBatch();
                        l.setLong(1, id);
                        l.setLong(2, id);
                        l.setString(3, nowText);
                        l.addBatch();
                        for (String[] key : new String[][] {{"hostname", host}, {"fqdn", fqdn}, {"mac", RestBench.mac(i)}, {"ip", ip(i)}}) {
                            k.setLong(1, id);
                            k.setString(2, key[0]);
                            k.setString(3, key[1]);
                            k.addBatch();
                        }
                        for (String[] attr : new String[][] {{"name", fqdn}, {"type", type}, {"site", site}, {"primary_ip", ip(i)},
                            {"primary_mac", RestBench.mac(i)}}) {
                            a.setLong(1, id);
                            a.setString(2, attr[0]);
                            a.setString(3, "\"" + attr[1] + "\"");
                            a.setLong(4, id);
                            a.setString(5, nowText);
                            a.addBatch();
                        }
                        if (i % 10_000 == 9_999) {
                            e.executeBatch();
                            l.executeBatch();
                            k.executeBatch();
                            a.executeBatch();
                        }
                    }
                    e.executeBatch();
                    l.executeBatch();
                    k.executeBatch();
                    a.executeBatch();
                }
                return null;
            });
        }
        db.close();
    }
}
