package com.enreach.tools.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The assembled distribution as a user runs it: {@code bin/enreach start} in its own process, then the documented
 * commands, asserting their exit codes and output, then a stop with SIGTERM. The tests share one running platform
 * and build on each other, so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionIT {
    private static Distribution dist;

    @BeforeAll
    static void start() throws IOException {
        dist = Distribution.copy("cli");
        dist.start();
    }

    @AfterAll
    static void cleanUp() throws InterruptedException {
        if (dist != null) {
            dist.close();
        }
    }

    @Test
    @Order(1)
    void statusAndSourcesOfAFreshInstallation() {
        Distribution.Result status = dist.cli("status");
        assertEquals(0, status.exit(), status.toString());
        assertTrue(status.out().contains("is up at " + dist.baseUrl()), status.toString());

        Distribution.Result sources = dist.cli("sources");
        assertEquals(0, sources.exit(), sources.toString());
        assertTrue(sources.out().contains("No source instances yet"), sources.toString());

        Distribution.Result json = dist.cli("status", "--json");
        assertEquals(0, json.exit(), json.toString());
        assertTrue(Distribution.parse(json.out()).path("up").asBoolean(), json.toString());
    }

    @Test
    @Order(2)
    void syncOfADemoInstanceDroppedIntoEtc() throws IOException {
        dist.writeConfig("source.demo-x.cfg", "size=500\nseed=3\nchurn.percent=0\n");
        dist.awaitSource("demo-x", s -> s.path("present").asBoolean());

        Distribution.Result sources = dist.cli("sources");
        assertEquals(0, sources.exit(), sources.toString());
        assertTrue(sources.out().lines().anyMatch(l -> l.startsWith("demo-x") && l.contains("demo") && l.contains("ok")), sources.toString());

        Distribution.Result sync = dist.cli("sync", "demo-x");
        assertEquals(0, sync.exit(), sync.toString());
        assertTrue(sync.out().contains("demo-x: run ") && sync.out().contains(" succeeded"), sync.toString());
        assertTrue(sync.out().contains("500 fetched, 500 added"), sync.toString());

        Distribution.Result status = dist.cli("status");
        assertEquals(0, status.exit(), status.toString());
        assertTrue(status.out().lines().anyMatch(l -> l.startsWith("demo-x") && l.contains("succeeded") && l.contains("500")), status.toString());
    }

    @Test
    @Order(3)
    void devicesListAndShow() {
        Distribution.Result list = dist.cli("devices", "list", "--json", "--instance", "demo-x", "--type", "server", "--limit", "5");
        assertEquals(0, list.exit(), list.toString());
        JsonNode page = Distribution.parse(list.out());
        assertTrue(page.path("count").asLong() > 0, list.toString());
        assertEquals(5, page.path("results").size());
        page.path("results").forEach(d -> assertEquals("demo-x", d.path("source_instance").asText()));
        assertEquals(500, Distribution.parse(dist.cli("devices", "list", "--json", "--instance", "demo-x", "--limit", "1").out()).path("count").asLong());

        String name = page.at("/results/0/name").asText();
        Distribution.Result show = dist.cli("devices", "show", name);
        assertEquals(0, show.exit(), show.toString());
        assertTrue(show.out().contains(name), show.toString());
        Distribution.Result showJson = dist.cli("devices", "show", name, "--json");
        assertEquals(0, showJson.exit(), showJson.toString());
        JsonNode detail = Distribution.parse(showJson.out());
        assertEquals(name, detail.at("/device/name").asText());
        assertTrue(detail.path("interfaces").size() > 0, showJson.toString());

        Distribution.Result missing = dist.cli("devices", "show", "no-such-device");
        assertEquals(6, missing.exit(), missing.toString());
    }

    @Test
    @Order(4)
    void historyListsTheRun() {
        Distribution.Result history = dist.cli("history");
        assertEquals(0, history.exit(), history.toString());
        assertTrue(history.out().lines().anyMatch(l -> l.contains("demo-x") && l.contains("cli") && l.contains("succeeded")), history.toString());
        JsonNode runs = Distribution.parse(dist.cli("history", "--json", "--instance", "demo-x").out());
        assertEquals(1, runs.path("count").asLong());
        assertEquals(500, runs.at("/results/0/added").asLong());
    }

    @Test
    @Order(5)
    void tokensCreateListAndRevoke() {
        Distribution.Result created = dist.cli("token", "create", "--name", "ci-viewer", "--role", "viewer");
        assertEquals(0, created.exit(), created.toString());
        String secret = created.out().trim();
        assertTrue(secret.startsWith("enr_") && !secret.contains("\n"), "stdout is the secret alone: " + created);
        assertTrue(created.err().contains("shown only this once"), created.toString());

        Distribution.Result list = dist.cli("token", "list");
        assertEquals(0, list.exit(), list.toString());
        assertTrue(list.out().lines().anyMatch(l -> l.contains("ci-viewer") && l.contains("viewer")), list.toString());
        assertFalse(list.out().contains(secret), "token list must not show secrets");
        long id = tokenId("ci-viewer");

        // The viewer token reads, but may not sync nor manage tokens: exit code 5.
        Map<String, String> asViewer = Map.of("ENREACH_TOKEN", secret);
        assertEquals(0, dist.cli(asViewer, "sources").exit());
        Distribution.Result refused = dist.cli(asViewer, "sync", "demo-x");
        assertEquals(5, refused.exit(), refused.toString());
        assertEquals(5, dist.cli(asViewer, "token", "list").exit());

        Distribution.Result revoked = dist.cli("token", "revoke", Long.toString(id));
        assertEquals(0, revoked.exit(), revoked.toString());
        assertTrue(revoked.out().contains("ci-viewer"), revoked.toString());
        Distribution.Result afterRevoke = dist.cli(asViewer, "sources");
        assertEquals(5, afterRevoke.exit(), afterRevoke.toString());
        assertFalse(afterRevoke.err().contains(secret), "the secret must not be echoed: " + afterRevoke);
        Distribution.Result garbage = dist.cli(Map.of("ENREACH_TOKEN", "enr_not-a-real-token"), "sources");
        assertEquals(5, garbage.exit(), garbage.toString());
    }

    @Test
    @Order(6)
    void exitCodesOfRefusedSyncs() throws IOException {
        assertEquals(6, dist.cli("sync", "demo-nothing").exit());

        dist.writeConfig("source.demo-bad.cfg", "size=lots\n");
        dist.awaitSource("demo-bad", s -> s.path("config_errors").size() > 0);
        Distribution.Result invalid = dist.cli("sync", "demo-bad");
        assertEquals(2, invalid.exit(), invalid.toString());
        assertTrue(invalid.err().contains("size"), invalid.toString());
        Distribution.Result sources = dist.cli("sources");
        assertTrue(sources.out().lines().anyMatch(l -> l.startsWith("demo-bad") && l.contains("error")), sources.toString());

        // Shrinking the estate past the delete budget (10 %) stops the run for confirmation: exit code 4...
        dist.writeConfig("source.demo-x.cfg", "size=400\nseed=3\nchurn.percent=0\n");
        dist.awaitSource("demo-x", s -> s.path("present").asBoolean() && "400".equals(s.at("/config/size").asText()));
        Distribution.Result unconfirmed = dist.cli("sync", "demo-x");
        assertEquals(4, unconfirmed.exit(), unconfirmed.toString());
        assertTrue(unconfirmed.err().contains("--confirm"), unconfirmed.toString());
        assertEquals(500, dist.get("/api/sources/demo-x").path("active_devices").asLong());
        // ...and --confirm lets it mark them stale.
        Distribution.Result confirmed = dist.cli("sync", "demo-x", "--confirm");
        assertEquals(0, confirmed.exit(), confirmed.toString());
        assertTrue(confirmed.out().contains("100 stale"), confirmed.toString());
        assertEquals(400, dist.get("/api/sources/demo-x").path("active_devices").asLong());
    }

    @Test
    @Order(8)
    void unreachablePlatformIsExitCode3() {
        Distribution.Result r = dist.cliAt(Distribution.freePort(), Map.of(), "status");
        assertEquals(3, r.exit(), r.toString());
    }

    @Test
    @Order(9)
    void stopsOnSigtermAndKeepsItsData() throws Exception {
        int exit = dist.stop();
        assertFalse(dist.process().isAlive());
        // 143 = 128 + SIGTERM: the JVM ran its shutdown hook (which stops the framework) and exited.
        assertTrue(exit == 0 || exit == 143, "exit code after SIGTERM: " + exit);
        assertTrue(Distribution.read(dist.home().resolve("log").resolve("enreach.log")).contains("Stopped Jetty"), "stopped cleanly");
        assertEquals(3, dist.cli("status").exit());

        dist.start();
        Distribution.Result history = dist.cli("history", "--json", "--instance", "demo-x");
        assertEquals(0, history.exit(), history.toString());
        assertEquals(3, Distribution.parse(history.out()).path("count").asLong(), history.toString());
        assertEquals(400, dist.get("/api/sources/demo-x").path("active_devices").asLong());
        dist.stop();
    }

    /** The database, its WAL, the token and the configuration (secrets) are the service user's alone. */
    @Test
    @Order(7)
    void theHomeIsPrivateToTheServiceUser() throws IOException, SQLException {
        Path home = dist.home();
        for (String dir : List.of("data", "etc", "log")) {
            assertEquals("rwx------", mode(home.resolve(dir)), dir + "/");
        }
        assertEquals("rw-------", mode(home.resolve("data/enreach.db")), "data/enreach.db");
        // The platform opens connections as it needs them, so its WAL comes and goes: open one that stays while we look.
        // SQLite gives -wal and -shm the database file's mode, whoever creates them.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("data/enreach.db")); Statement st = c.createStatement()) {
            st.executeQuery("SELECT count(*) FROM sqlite_master").close();
            assertEquals("rw-------", mode(home.resolve("data/enreach.db-wal")), "data/enreach.db-wal");
            assertEquals("rw-------", mode(home.resolve("data/enreach.db-shm")), "data/enreach.db-shm");
        }
        assertEquals("rw-------", mode(home.resolve("etc/admin.token")), "etc/admin.token");
        // Shipped with 0644 in the tar.gz: made owner-only at start.
        assertEquals("rw-------", mode(home.resolve("etc/JakartarsServletWhiteboardRuntimeComponent.cfg")), "a shipped etc/*.cfg");
        for (String dir : List.of("data", "etc")) {
            try (Stream<Path> all = Files.walk(home.resolve(dir))) {
                List<String> open = all.filter(p -> mode(p).substring(3).chars().anyMatch(c -> c != '-'))
                        .map(p -> home.relativize(p) + " " + mode(p)).toList();
                assertEquals(List.of(), open, "files under " + dir + "/ that group or others can use");
            }
        }
    }

    private static String mode(Path p) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long tokenId(String name) {
        for (JsonNode t : Distribution.parse(dist.cli("token", "list", "--json").out())) {
            if (name.equals(t.path("name").asText())) {
                return t.path("id").asLong();
            }
        }
        throw new AssertionError("no token " + name);
    }
}
