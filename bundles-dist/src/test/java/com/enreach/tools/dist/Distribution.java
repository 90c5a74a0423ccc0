package com.enreach.tools.dist;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The shipped distribution (the tar.gz) unpacked in its own home, started and driven the way a user does:
 * {@code bin/enreach start} as a separate process, then {@code bin/enreach} commands and plain HTTP.
 *
 * <p>Waits are generous: they only guard against hangs; nothing asserts on timing.
 */
final class Distribution implements AutoCloseable {
    static final Duration STARTUP = Duration.ofSeconds(120);
    static final Duration COMMAND = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path home;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process platform;
    private int starts;

    private Distribution(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    /**
     * A fresh home under target/dist-homes/&lt;name&gt;-*, unpacked from the tar.gz the build shipped: never a copy of
     * target/enreach, where {@code enreach demo} may have left a database, a token and source configurations.
     */
    static Distribution copy(String name) throws IOException {
        Path archive = archive();
        Path root = Path.of(System.getProperty("enreach.test.work", "target/dist-homes")).toAbsolutePath();
        Files.createDirectories(root);
        Path home = Files.createTempDirectory(root, name + "-");
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", home.toString(), "--strip-components=1")
                .redirectErrorStream(true).start();
        try {
            String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!tar.waitFor(COMMAND.toSeconds(), TimeUnit.SECONDS) || tar.exitValue() != 0) {
                fail("cannot unpack " + archive + " into " + home + ": " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
        if (!Files.isExecutable(home.resolve("bin").resolve("enreach"))) {
            fail(archive + " is not an assembled distribution (no executable bin/enreach)");
        }
        return new Distribution(home, freePort());
    }

    /** The distribution's tar.gz, as the build shipped it. */
    static Path archive() {
        Path archive = Path.of(System.getProperty("enreach.dist.archive", "target/enreach-dist.tar.gz")).toAbsolutePath();
        if (!Files.isRegularFile(archive)) {
            fail(archive + " is missing: run 'mvn verify' on bundles-dist (the package phase builds it)");
        }
        return archive;
    }

    Path home() {
        return home;
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Process process() {
        return platform;
    }

    // ------------------------------------------------------------------ the platform process

    /** {@code bin/enreach start --home H --port P} in the background; returns once /api/health answers. */
    void start() throws IOException {
        starts++;
        Path console = home.resolve("log").resolve("console-" + starts + ".out");
        Files.createDirectories(console.getParent());
        ProcessBuilder pb = new ProcessBuilder(command(port, "start")).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(console.toFile());
        cleanEnvironment(pb.environment());
        platform = pb.start();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!platform.isAlive()) {
                fail("bin/enreach start exited with " + platform.exitValue() + ":\n" + read(console));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200 && Files.exists(adminTokenFile())) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
            sleep(200);
        }
        fail("the platform did not answer /api/health within " + STARTUP.toSeconds() + " s:\n" + read(console));
    }

    /** SIGTERM, as a service manager stops it; returns the exit code. */
    int stop() throws InterruptedException {
        platform.destroy();
        if (!platform.waitFor(COMMAND.toSeconds(), TimeUnit.SECONDS)) {
            platform.destroyForcibly().waitFor();
            fail("the platform did not stop within " + COMMAND.toSeconds() + " s of SIGTERM");
        }
        return platform.exitValue();
    }

    /** SIGKILL: no shutdown hook, no clean close of anything. */
    void kill() throws InterruptedException {
        platform.destroyForcibly();
        assertTrue(platform.waitFor(60, TimeUnit.SECONDS), "the platform JVM did not die on SIGKILL");
    }

    /** Stops the platform and drops the home's binaries (see {@link #pruneBinaries}); data, etc/ and log/ stay. */
    @Override
    public void close() throws InterruptedException {
        if (platform != null && platform.isAlive()) {
            platform.destroy();
            if (!platform.waitFor(60, TimeUnit.SECONDS)) {
                platform.destroyForcibly().waitFor();
            }
        }
        pruneBinaries(home);
    }

    /**
     * Deletes the jars and tarballs below {@code root} (the distribution's lib/, system/, deploy/, Felix's bundle cache,
     * copied archives): about 0.5 GB per home that nothing reads once its test is over, while the database, etc/ and
     * log/ stay for a post-mortem. Without it one run of the suite leaves more than 11 GB under target/.
     */
    static void pruneBinaries(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (java.util.stream.Stream<Path> all = Files.walk(root)) {
            all.filter(f -> {
                String n = f.getFileName().toString();
                return Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS) && (n.endsWith(".jar") || n.endsWith(".tar.gz"));
            }).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    // best effort: a file that cannot go only costs disk
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort, as above
        }
    }

    // ------------------------------------------------------------------ the command line

    /** What one CLI invocation printed and returned. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** {@code bin/enreach --home H --port P <args>} with the admin token (read from etc/admin.token by the CLI). */
    Result cli(String... args) {
        return cli(Map.of(), args);
    }

    /** The same, with extra environment variables (e.g. ENREACH_TOKEN). */
    Result cli(Map<String, String> env, String... args) {
        return cliAt(port, env, args);
    }

    /** A command aimed at another port (nothing listening there, say). */
    Result cliAt(int targetPort, Map<String, String> env, String... args) {
        return run(targetPort, env, null, args);
    }

    /** A command that reads {@code input} on its standard input (e.g. {@code secret encrypt}). */
    Result cliWithInput(Map<String, String> env, String input, String... args) {
        return run(port, env, input, args);
    }

    private Result run(int targetPort, Map<String, String> env, String input, String... args) {
        try {
            Files.createDirectories(home.resolve("log")); // a command may run before the first start
            Path out = Files.createTempFile(home.resolve("log"), "cli-", ".out");
            Path err = Files.createTempFile(home.resolve("log"), "cli-", ".err");
            ProcessBuilder pb = new ProcessBuilder(command(targetPort, args)).directory(home.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            cleanEnvironment(pb.environment());
            // A short-lived JVM: skip the optimizing compiler, it only slows start-up on a busy machine.
            pb.environment().put("JAVA_OPTS", "-XX:TieredStopAtLevel=1");
            pb.environment().putAll(env);
            Process p = pb.start();
            if (input != null) {
                p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            p.getOutputStream().close();
            if (!p.waitFor(COMMAND.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                fail("bin/enreach " + String.join(" ", args) + " did not finish within " + COMMAND.toSeconds() + " s");
            }
            return new Result(p.exitValue(), read(out), read(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> command(int targetPort, String... args) {
        List<String> c = new ArrayList<>();
        c.add(home.resolve("bin").resolve("enreach").toString());
        c.add("--home");
        c.add(home.toString());
        c.add("--port");
        c.add(Integer.toString(targetPort));
        c.addAll(List.of(args));
        return c;
    }

    private void cleanEnvironment(Map<String, String> env) {
        env.remove("ENREACH_TOKEN");
        env.remove("ENREACH_PORT");
        env.put("ENREACH_HOME", home.toString());
    }

    // ------------------------------------------------------------------ REST and files

    Path adminTokenFile() {
        return home.resolve("etc").resolve("admin.token");
    }

    String adminToken() {
        return read(adminTokenFile()).trim();
    }

    /** GET with the admin token; the body as JSON (missing when not 200). */
    JsonNode get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + adminToken()).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : MissingNode.getInstance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POST with the admin token; status and body. */
    HttpResponse<String> post(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + adminToken()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /** Writes etc/&lt;name&gt; in one step, so FileInstall never reads half a file. */
    void writeConfig(String name, String text) throws IOException {
        Path tmp = Files.createTempFile(home, ".cfg-", ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, home.resolve("etc").resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The source instance once the condition holds. */
    /** Syncs each instance in turn (once it is present) and waits until its run succeeded. */
    void syncAll(String... instances) {
        for (String instance : instances) {
            awaitSource(instance, s -> s.path("present").asBoolean());
            int status = post("/api/sources/" + instance + "/sync").statusCode();
            assertTrue(status == 202 || status == 409, instance + " sync answered " + status);
            await(instance + " synced", java.time.Duration.ofMinutes(5), () -> get("/api/sources/" + instance),
                    s -> s.path("running_run_id").isNull() && "succeeded".equals(s.path("last_status").asText()));
        }
    }

    /**
     * Waits until the knowledge base is vectorised (by the core on its own, after the runs or when the model is bound)
     * and indexed, so searches see the same knowledge every run.
     */
    void awaitKnowledgeIndexed() {
        await("knowledge vectorised and indexed", java.time.Duration.ofMinutes(8), () -> get("/api/kb/vectorization"),
                v -> pendingVectors(v) == 0 && v.path("chunks").asLong() > 0 && v.path("index_in_sync").asBoolean()
                        && !v.path("running").asBoolean());
    }

    /** Contents waiting for vectors, over the content types of a {@code /api/kb/vectorization} answer. */
    static long pendingVectors(JsonNode status) {
        long n = 0;
        for (JsonNode perType : status.path("counts")) {
            n += perType.path("pending").asLong();
        }
        return n;
    }

    JsonNode awaitSource(String instance, Predicate<JsonNode> condition) {
        return await(instance + " in /api/sources", Duration.ofSeconds(60), () -> get("/api/sources/" + instance),
                s -> !s.isMissingNode() && condition.test(s));
    }

    static <T> T await(String what, Duration timeout, Supplier<T> probe, Predicate<T> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = probe.get();
            if (condition.test(last)) {
                return last;
            }
            sleep(200);
        }
        throw new AssertionError("gave up after " + timeout.toSeconds() + " s waiting for " + what + "; last seen: " + last);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
