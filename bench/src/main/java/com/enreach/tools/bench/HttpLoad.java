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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What the REST benchmarks share: a copy of the assembled distribution started in its own JVM, and C clients in
 * closed loops over named kinds of request, with latencies per kind and the requests the query gate shed (503).
 */
final class HttpLoad {
    private HttpLoad() {
    }

    /** Latencies per kind of request in one phase; shed requests count in throughput but not in the latencies. */
    static final class Result {
        final Map<String, List<Long>> nanos = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> shed = new ConcurrentHashMap<>();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong total = new AtomicLong();
        double elapsed;

        Result(List<String> kinds) {
            for (String k : kinds) {
                nanos.put(k, Collections.synchronizedList(new ArrayList<>()));
                shed.put(k, new AtomicLong());
            }
        }

        double perSecond() {
            return total.get() / elapsed;
        }

        long count(String k) {
            return nanos.get(k).size();
        }

        long shed(String k) {
            return shed.get(k).get();
        }

        double percentile(String k, int pct) {
            List<Long> l = nanos.get(k);
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

    /**
     * C clients in closed loops for the given time (bounded: it always ends), each cycling through the kinds.
     *
     * @param token null for unauthenticated requests (the health reference)
     */
    static Result run(HttpClient http, String base, String token, int clients, int seconds, List<String> kinds, Function<String, String> pathOf)
            throws InterruptedException {
        Result r = new Result(kinds);
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
                        String kind = kinds.get(i++ % kinds.size());
                        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathOf.apply(kind))).timeout(Duration.ofSeconds(60));
                        if (token != null) {
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
                            r.nanos.get(kind).add(took);
                        } else if (status == 503) {
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

    /** The platform of a copied distribution, started on a free port. */
    static final class Platform implements AutoCloseable {
        final Path home;
        final String base;
        final String token;
        final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();
        private final Process process;

        Platform(Path home) throws Exception {
            this.home = home;
            int port;
            try (ServerSocket ss = new ServerSocket(0)) {
                port = ss.getLocalPort();
            }
            base = "http://127.0.0.1:" + port;
            // -Denreach.bench.jvm="..." tries JVM options on the platform (space-separated), e.g. another garbage collector
            List<String> command = new java.util.ArrayList<>(List.of("java"));
            String jvm = System.getProperty("enreach.bench.jvm", "").trim();
            if (!jvm.isEmpty()) {
                command.addAll(List.of(jvm.split("\\s+")));
            }
            command.addAll(List.of("-cp", home.resolve("lib") + "/*", "com.enreach.tools.cli.Enreach", "start", "--home", home.toString(),
                    "--port", Integer.toString(port)));
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(home.resolve("log/stdout.log").toFile()).start();
            try {
                waitForHealth();
                token = readToken(home.resolve("etc/admin.token"));
            } catch (Exception | Error e) {
                close();
                throw e;
            }
        }

        /** The admin token the platform writes on its first start (it may appear just after the first health answer). */
        private static String readToken(Path file) throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!Files.exists(file) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            return Files.readString(file).trim();
        }

        /** The body of one authenticated GET that answered 200 (else an exception naming the status). */
        String body(String path) throws Exception {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        }

        /**
         * Waits until identity resolution has linked every observation of a database written straight into its tables
         * (the platform resolves them in the background when it starts: a core busy for many seconds at 100k devices,
         * which a measurement must not overlap). Returns the seconds waited.
         */
        double awaitResolved(long entities) throws Exception {
            long t0 = System.nanoTime();
            long deadline = t0 + Duration.ofMinutes(10).toNanos();
            java.util.regex.Pattern count = java.util.regex.Pattern.compile("\"count\"\\s*:\\s*(\\d+)");
            long last = -1;
            int still = 0;
            while (System.nanoTime() < deadline) {
                java.util.regex.Matcher m = count.matcher(body("/api/entities?limit=1"));
                long now = m.find() ? Long.parseLong(m.group(1)) : -1;
                // all of them, or (observations merged into fewer entities) no change for 5 s after some appeared
                still = now == last && now > 0 ? still + 1 : 0;
                if (now >= entities || still >= 10) {
                    return (System.nanoTime() - t0) / 1e9;
                }
                last = now;
                Thread.sleep(500);
            }
            throw new IllegalStateException("identity resolution did not reach " + entities + " entities in 10 minutes");
        }

        /** The status of one authenticated GET (to check a route exists before loading it). */
        int status(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        private void waitForHealth() throws Exception {
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

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }

    /** The distribution without its database, token and cache, so each run starts from what the benchmark writes. */
    static void copyTree(Path from, Path to) throws IOException {
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
