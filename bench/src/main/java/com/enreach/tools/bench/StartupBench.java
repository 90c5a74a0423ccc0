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
import java.util.List;
import java.util.stream.Stream;

/**
 * Cold start of the assembled distribution (a new JVM running {@code bin/enreach start}) to the first 200 of
 * {@code /api/health}, and a plugin jar dropped into {@code deploy/} to its instance being live in {@code /api/sources}.
 */
public final class StartupBench {
    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dist = Path.of(System.getProperty("enreach.dist", "bundles-dist/target/enreach")).toAbsolutePath().normalize();
        Path home = BenchSupport.tempDir("enreach-startup");
        Process p = null;
        try {
            copyTree(dist, home);
            Path staged = home.resolve("staged");
            Files.createDirectories(staged);
            Path demoJar;
            try (Stream<Path> s = Files.list(home.resolve("deploy"))) {
                List<Path> jars = s.toList();
                for (Path j : jars) {
                    Files.move(j, staged.resolve(j.getFileName()));
                }
            }
            try (Stream<Path> s = Files.list(staged)) {
                demoJar = s.filter(j -> j.getFileName().toString().contains("plugin.demo")).findFirst().orElseThrow();
            }
            Files.writeString(home.resolve("etc/source.demo-dropin.cfg"), "size=100\n");
            int port;
            try (ServerSocket ss = new ServerSocket(0)) {
                port = ss.getLocalPort();
            }
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newHttpClient();
            long t0 = System.nanoTime();
            p = new ProcessBuilder("java", "-cp", home.resolve("lib") + "/*", "com.enreach.tools.cli.Enreach", "start", "--home", home.toString(),
                    "--port", Integer.toString(port)).redirectErrorStream(true).redirectOutput(home.resolve("log/stdout.log").toFile()).start();
            poll(http, base + "/api/health", null, "ok");
            double coldMs = (System.nanoTime() - t0) / 1e6;
            String token = Files.readString(home.resolve("etc/admin.token")).trim();
            long t1 = System.nanoTime();
            Files.copy(demoJar, home.resolve("deploy").resolve(demoJar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            poll(http, base + "/api/sources/demo-dropin", token, "\"present\":true");
            double dropMs = (System.nanoTime() - t1) / 1e6;
            long t2 = System.nanoTime();
            Files.delete(home.resolve("deploy").resolve(demoJar.getFileName()));
            poll(http, base + "/api/sources/demo-dropin", token, "\"present\":false");
            double removeMs = (System.nanoTime() - t2) / 1e6;
            System.out.printf("RESULT startup: cold start (new JVM) to first 200 %.0f ms | plugin jar dropped in to live %.0f ms"
                    + " | jar removed to absent %.0f ms%n", coldMs, dropMs, removeMs);
        } finally {
            if (p != null) {
                p.destroy();
                p.waitFor();
            }
            BenchSupport.deleteTree(home);
        }
    }

    private static void poll(HttpClient http, String url, String token, String expect) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
                if (token != null) {
                    b.header("Authorization", "Bearer " + token);
                }
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains(expect)) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(url + " never answered with " + expect);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path src : s.toList()) {
                Path dst = to.resolve(from.relativize(src).toString());
                if (Files.isDirectory(src)) {
                    Files.createDirectories(dst);
                } else if (!src.getFileName().toString().equals("admin.token")) {
                    Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
