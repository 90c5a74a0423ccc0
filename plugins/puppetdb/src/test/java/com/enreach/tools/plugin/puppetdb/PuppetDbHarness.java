package com.enreach.tools.plugin.puppetdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A real PuppetDB (Debian packages puppetdb, postgresql, postgresql-contrib; must run as root) started with
 * src/test/scripts/puppetdb-harness.sh on a free port of 127.0.0.1, loaded with fact sets through the command API
 * the way Puppet agents send them ({@link FactSets}), and stopped by {@link #close()}.
 *
 * <p>Reusable from other modules through this module's test-jar: the script travels with it as a resource. Each
 * harness names its own database ({@code PDB_DB}), which a fresh start drops and recreates.
 */
public final class PuppetDbHarness implements AutoCloseable {
    /** Database of this module's own tests. */
    public static final String DEFAULT_DATABASE = "enreach_puppetdb_test";
    private static final String SCRIPT = "/puppetdb-scripts/puppetdb-harness.sh";
    private static final String INSTALL_HINT = "apt-get install -y puppetdb postgresql postgresql-contrib";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Path work;
    private final Path script;
    private final String database;
    private final URI base;

    private PuppetDbHarness(Path work, Path script, String database, URI base) {
        this.work = work;
        this.script = script;
        this.database = database;
        this.base = base;
    }

    /** Starts an empty PuppetDB with its state, configuration and logs under {@code work}; fails when it cannot. */
    public static PuppetDbHarness start(Path work, String database) {
        if (!Files.isRegularFile(Path.of("/usr/share/puppetdb/puppetdb.jar")) || !Files.isRegularFile(Path.of("/usr/bin/pg_ctlcluster"))) {
            throw new IllegalStateException("PuppetDB and PostgreSQL must be installed: " + INSTALL_HINT);
        }
        Path dir = work.toAbsolutePath();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PuppetDbHarness h = new PuppetDbHarness(dir, extractScript(dir), database, URI.create("http://127.0.0.1:" + port));
        h.harness("start", dir.toString(), Integer.toString(port));
        return h;
    }

    /** Base URL, as a user writes it in url=. */
    public URI url() {
        return base;
    }

    /** The keys of etc/source.puppetdb-&lt;name&gt;.cfg for this PuppetDB (plain HTTP on 127.0.0.1 needs no token). */
    public Map<String, String> cfg() {
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("url", base.toString());
        return cfg;
    }

    /** Replaces the facts of nodes 0..n-1 of {@link FactSets} and waits until PuppetDB has stored them. */
    public void loadFacts(int n) {
        List<String> certnames = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            certnames.add(FactSets.certname(i));
        }
        loadFacts(certnames);
    }

    /**
     * Replaces facts for the given certnames: the i-th gets the fact set of FactSets node i under that name (so
     * the same mix of Facter 4, legacy and sparse facts), then waits until the inventory holds that many nodes.
     */
    public void loadFacts(List<String> certnames) {
        for (int i = 0; i < certnames.size(); i++) {
            String certname = certnames.get(i);
            command("replace_facts", 5, certname, FactSets.command(i, certname).toString());
        }
        awaitCount(PuppetDbClient.INVENTORY, "[\"extract\",[[\"function\",\"count\"]]]", certnames.size(), "nodes in PuppetDB's inventory");
    }

    /**
     * Sends the fact sets of {@link #loadFacts(List)} again, as the next agent run on unchanged machines does: the same
     * values, but a later producer_timestamp and the uptimes (uptime_seconds, system_uptime) moved forward by
     * {@code uptimeForward}. {@code edit} then may change a node's facts (it gets the certname and the values object).
     * Waits until PuppetDB has stored the new fact set of every node.
     */
    public void resendFacts(List<String> certnames, Instant producerTimestamp, Duration uptimeForward, BiConsumer<String, ObjectNode> edit) {
        for (int i = 0; i < certnames.size(); i++) {
            String certname = certnames.get(i);
            ObjectNode cmd = FactSets.command(i, certname).put("producer_timestamp", producerTimestamp.toString());
            ObjectNode values = (ObjectNode) cmd.get("values");
            long forward = uptimeForward.toSeconds();
            if (values.has("uptime_seconds")) {
                values.put("uptime_seconds", Long.toString(Long.parseLong(values.get("uptime_seconds").asText()) + forward));
            }
            if (values.get("system_uptime") instanceof ObjectNode up) {
                up.put("seconds", up.get("seconds").asLong() + forward).put("days", up.get("days").asLong() + forward / 86_400);
            }
            edit.accept(certname, values);
            command("replace_facts", 5, certname, cmd.toString());
        }
        awaitProducerTimestamp(certnames, producerTimestamp);
    }

    /** Commands are queued: waits (bounded, 2 minutes) until every node's fact set has this producer_timestamp or a later one. */
    public void awaitProducerTimestamp(List<String> certnames, Instant producerTimestamp) {
        String query = "[\"extract\",[\"certname\"],[\">=\",\"producer_timestamp\",\"" + producerTimestamp + "\"]]";
        Set<String> missing = new HashSet<>(certnames);
        for (int attempt = 0; attempt < 600 && !missing.isEmpty(); attempt++) {
            if (attempt > 0) {
                sleep(200);
            }
            query("/pdb/query/v4/factsets", query).forEach(n -> missing.remove(n.path("certname").asText()));
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("PuppetDB has not stored the facts produced at " + producerTimestamp + " for " + missing.size()
                    + " nodes within 2 minutes, e.g. " + missing.iterator().next());
        }
    }

    /** Sends one command of the command API (POST /pdb/cmd/v1); PuppetDB queues it. */
    public void command(String command, int version, String certname, String body) {
        URI uri = base.resolve("/pdb/cmd/v1?command=" + command + "&version=" + version + "&certname=" + URLEncoder.encode(certname, StandardCharsets.UTF_8));
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(command + " " + certname + " answered HTTP " + r.statusCode() + ": " + r.body());
        }
    }

    /** A PQL/AST query against one endpoint (e.g. {@link PuppetDbClient#NODES}). */
    public JsonNode query(String endpoint, String query) {
        URI uri = base.resolve(endpoint + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri).GET().build());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("query " + endpoint + " answered HTTP " + r.statusCode() + ": " + r.body());
        }
        try {
            return FactSets.MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commands are queued: waits (bounded, 2 minutes) until a count query answers {@code expected}. */
    public void awaitCount(String endpoint, String countQuery, int expected, String what) {
        int count = -1;
        for (int attempt = 0; attempt < 600 && count != expected; attempt++) {
            if (attempt > 0) {
                sleep(200);
            }
            count = query(endpoint, countQuery).get(0).get("count").asInt();
        }
        if (count != expected) {
            throw new AssertionError(what + ": expected " + expected + " but PuppetDB holds " + count);
        }
    }

    /** Stops PuppetDB (PostgreSQL keeps running). */
    @Override
    public void close() {
        harness("stop", work.toString());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void harness(String... args) {
        Path log = work.resolveSibling(work.getFileName() + "-harness-" + args[0] + ".log");
        List<String> cmd = new ArrayList<>(List.of("bash", script.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("PDB_DB", database);
        try {
            Files.createDirectories(work);
            Process p = pb.start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroy();
                throw new IllegalStateException("puppetdb-harness.sh " + args[0] + " did not finish within 300 s; see " + log);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("puppetdb-harness.sh " + String.join(" ", args) + " failed (exit " + p.exitValue() + "):\n"
                        + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The script from the class path (this module's test resources or its test-jar), copied beside the work dir. */
    private static Path extractScript(Path work) {
        try (InputStream in = PuppetDbHarness.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is not on the class path (use the puppetdb plugin's test-jar)");
            }
            Files.createDirectories(work);
            Path copy = work.resolve("puppetdb-harness.sh");
            Files.write(copy, in.readAllBytes());
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
