package com.enreach.tools.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

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

    private static final double TARGET_P99_MS = 100;

    private RestBench() {
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path dist = Path.of(System.getProperty("enreach.dist", "bundles-dist/target/enreach")).toAbsolutePath().normalize();
        Path home = BenchSupport.tempDir("enreach-rest");
        Process p = null;
        boolean ok = true;
        try {
            copyTree(dist, home);
            long t0 = System.nanoTime();
            populate(home.resolve("data").resolve("enreach.db"), devices);
            System.out.printf("populated %d devices (with interfaces, addresses and the search index) in %.1f s%n", devices, BenchSupport.seconds(t0));
            int port;
            try (ServerSocket ss = new ServerSocket(0)) {
                port = ss.getLocalPort();
            }
            String base = "http://127.0.0.1:" + port;
            p = new ProcessBuilder("java", "-cp", home.resolve("lib") + "/*", "com.enreach.tools.cli.Enreach", "start", "--home", home.toString(),
                    "--port", Integer.toString(port)).redirectErrorStream(true).redirectOutput(home.resolve("log/stdout.log").toFile()).start();
            HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
            waitForHealth(http, base);
            String token = Files.readString(home.resolve("etc/admin.token")).trim();

            // Warm-up: JIT, page cache, connection pools.
            run(http, base, token, 8, 5, devices, false);
            Result health = run(http, base, token, clients, seconds, devices, true);
            Result mixed = run(http, base, token, clients, seconds, devices, false);

            System.out.printf("RESULT rest health: %d clients, %.0f req/s, p50 %.1f ms, p99 %.1f ms%n", clients, health.perSecond(),
                    health.percentile(null, 50), health.percentile(null, 99));
            for (Kind k : Kind.values()) {
                double p99 = mixed.percentile(k, 99);
                System.out.printf("RESULT rest %-6s: %6d answered, %5d shed (503), p50 %6.1f ms, p99 %6.1f ms%n", k.name().toLowerCase(),
                        mixed.count(k), mixed.shed(k), mixed.percentile(k, 50), p99);
                boolean hit = p99 < TARGET_P99_MS;
                ok &= hit;
                System.out.printf("TARGET %-40s %.3fx (target <= 1.0x) %s%n", "rest p99 " + k.name().toLowerCase() + " / 100 ms", p99 / TARGET_P99_MS,
                        hit ? "ok" : "MISSED");
            }
            System.out.printf("RESULT rest mixed: %.0f req/s (%.2fx of /api/health's %.0f req/s), %d errors other than 503%n", mixed.perSecond(),
                    mixed.perSecond() / health.perSecond(), health.perSecond(), mixed.errors.get());
        } finally {
            if (p != null) {
                p.destroy();
                p.waitFor();
            }
            BenchSupport.deleteTree(home);
        }
        if (!ok) {
            System.exit(3); // only after the platform is stopped: exit skips finally blocks
        }
    }

    /** Latencies per kind of request in one phase. */
    static final class Result {
        final Map<Kind, List<Long>> nanos = new ConcurrentHashMap<>();
        final List<Long> healthNanos = java.util.Collections.synchronizedList(new ArrayList<>());
        final Map<Kind, AtomicLong> shed = new EnumMap<>(Kind.class);
        final AtomicLong errors = new AtomicLong();
        final AtomicLong total = new AtomicLong();
        double elapsed;

        Result() {
            for (Kind k : Kind.values()) {
                nanos.put(k, java.util.Collections.synchronizedList(new ArrayList<>()));
                shed.put(k, new AtomicLong());
            }
        }

        double perSecond() {
            return total.get() / elapsed;
        }

        long count(Kind k) {
            return nanos.get(k).size();
        }

        long shed(Kind k) {
            return shed.get(k).get();
        }

        double percentile(Kind k, int pct) {
            List<Long> l = k == null ? healthNanos : nanos.get(k);
            long[] v;
            synchronized (l) {
                v = l.stream().mapToLong(Long::longValue).toArray();
            }
            if (v.length == 0) {
                return Double.NaN;
            }
            Arrays.sort(v);
            return v[Math.min(v.length - 1, (int) Math.ceil(pct / 100.0 * v.length) - 1)] / 1e6;
        }
    }

    /** C clients in closed loops for the given time (bounded: it always ends). */
    private static Result run(HttpClient http, String base, String token, int clients, int seconds, int devices, boolean healthOnly) throws Exception {
        Result r = new Result();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch done = new CountDownLatch(clients);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.execute(() -> {
                try {
                    int i = client;
                    while (System.nanoTime() < end) {
                        Kind kind = Kind.values()[i++ % Kind.values().length];
                        String path = healthOnly ? "/api/health" : path(kind, devices);
                        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
                        if (!healthOnly) {
                            b.header("Authorization", "Bearer " + token);
                        }
                        long s = System.nanoTime();
                        int status;
                        try {
                            status = http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (IOException e) {
                            status = -1;
                        }
                        long took = System.nanoTime() - s;
                        r.total.incrementAndGet();
                        if (status == 200) {
                            (healthOnly ? r.healthNanos : r.nanos.get(kind)).add(took);
                        } else if (status == 503 && !healthOnly) {
                            r.shed.get(kind).incrementAndGet();
                        } else {
                            r.errors.incrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        r.elapsed = BenchSupport.seconds(t0);
        pool.shutdown();
        return r;
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

    private static String host(int i) {
        return (i % 3 == 0 ? "db" : "web") + String.format("%05d", i);
    }

    private static String mac(int i) {
        return String.format("02:00:%02x:%02x:%02x:%02x", (i >>> 24) & 0xff, (i >>> 16) & 0xff, (i >>> 8) & 0xff, i & 0xff);
    }

    /** N devices with an interface and an address each, written through the core's own schema (triggers index them). */
    private static void populate(Path file, int n) throws Exception {
        Database db = new Database(file);
        String now = Times.format(Times.now());
        String[] sites = {"Zürich", "Amsterdam", "Köln", "Paris"};
        try (Connection c = db.openWriteConnection()) {
            db.transaction(c, w -> {
                try (PreparedStatement d = w.prepareStatement("INSERT INTO devices (id, name, type, source_system, source_instance, source_id, host_key,"
                        + " metadata, content_hash, first_seen, last_seen, created_at, updated_at) VALUES (?, ?, ?, 'bench', 'bench-1', ?, ?, ?, 0, ?, ?, ?, ?)");
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
                        for (int k = 7; k <= 10; k++) {
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
                return null;
            });
        }
        db.close();
    }

    private static void waitForHealth(HttpClient http, String base) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the platform did not answer /api/health within 2 minutes");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path src : s.toList()) {
                Path dst = to.resolve(from.relativize(src).toString());
                String name = src.getFileName().toString();
                if (Files.isDirectory(src)) {
                    Files.createDirectories(dst);
                } else if (!name.equals("admin.token") && !name.startsWith("enreach.db") && !src.toString().contains("felix-cache")) {
                    Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
