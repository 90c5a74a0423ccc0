package com.enreach.tools.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * kill -9 in the middle of a large sync: the database file stays intact, the interrupted run is recorded as failed
 * on the next start, and the next sync completes with every device.
 */
class CrashRecoveryIT {
    private static final int SIZE = 200_000;
    private Distribution dist;

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (dist != null) {
            dist.close();
        }
    }

    @Test
    void killedMidSyncRecoversOnRestart() throws Exception {
        dist = Distribution.copy("crash");
        dist.start();
        // bin/enreach execs java: the process we hold is the JVM itself, so SIGKILL really kills the platform.
        String command = dist.process().info().command().orElse("");
        assertTrue(command.endsWith("/java") || command.endsWith("java"), "the started process is the JVM, not a shell: " + command);

        // A small pause per 1,000 devices keeps the run going long enough to be caught in the middle on a fast machine.
        dist.writeConfig("source.demo-big.cfg", "size=" + SIZE + "\nseed=9\npause.ms.per.1000=10\n");
        dist.awaitSource("demo-big", s -> s.path("present").asBoolean());
        HttpResponse<String> started = dist.post("/api/sources/demo-big/sync");
        assertEquals(202, started.statusCode(), started.body());
        long runId = Distribution.parse(started.body()).path("id").asLong();
        JsonNode midway = Distribution.await("run " + runId + " past 20,000 devices", Duration.ofMinutes(5), () -> dist.get("/api/sync/runs/" + runId),
                r -> r.path("fetched").asLong() > 20_000 || !"running".equals(r.path("status").asText()));
        assertEquals("running", midway.path("status").asText(), "the run must still be going when the JVM is killed: " + midway);

        Map<String, Properties> configBefore = configs(dist.home().resolve("etc"));
        dist.kill();

        // The configuration survives: a file emptied by the kill would silently change what the platform does on restart
        // (an empty REST whiteboard configuration moves the whole API away from /api).
        assertEquals(configBefore, configs(dist.home().resolve("etc")), "etc/*.cfg changed by kill -9");
        Path db = dist.home().resolve("data").resolve("enreach.db");
        assertEquals(List.of("ok"), integrityCheck(db));
        // The killed JVM's temporary files (FileInstall's work directory, the unpacked native libraries) are in the
        // home, not in /tmp, and the next start clears them.
        Set<String> leftBehind = tempFiles();
        assertTrue(leftBehind.stream().anyMatch(n -> n.contains("sqlitejdbc")), "sqlite-jdbc unpacks its library into data/tmp: " + leftBehind);
        assertTrue(leftBehind.stream().anyMatch(n -> n.startsWith("fileinstall")), "FileInstall works in data/tmp: " + leftBehind);

        dist.start();
        Set<String> afterRestart = tempFiles();
        assertFalse(afterRestart.isEmpty(), "the restarted platform uses data/tmp again");
        assertTrue(java.util.Collections.disjoint(leftBehind, afterRestart), "the restart removed what the killed JVM left: " + leftBehind + " / " + afterRestart);
        JsonNode interrupted = dist.get("/api/sync/runs/" + runId);
        assertEquals("failed", interrupted.path("status").asText(), interrupted.toString());
        assertFalse(interrupted.path("finished_at").isNull(), interrupted.toString());
        assertEquals(0, interrupted.path("stale").asLong());

        dist.awaitSource("demo-big", s -> s.path("present").asBoolean());
        Distribution.Result sync = dist.cli("sync", "demo-big");
        assertEquals(0, sync.exit(), sync.toString());
        assertTrue(sync.out().contains(" succeeded"), sync.toString());
        JsonNode runs = dist.get("/api/sync/runs?instance=demo-big");
        assertEquals(2, runs.path("count").asLong(), runs.toString());
        assertEquals("succeeded", runs.at("/results/0/status").asText(), runs.toString());
        assertEquals(0, runs.at("/results/0/stale").asLong());
        assertEquals(SIZE, dist.get("/api/devices?source_instance=demo-big&limit=1").path("count").asLong());
        assertEquals(SIZE, dist.get("/api/devices?source_instance=demo-big&status=active&limit=1").path("count").asLong());
        assertEquals(SIZE, dist.get("/api/sources/demo-big").path("active_devices").asLong());
        dist.stop();
        assertEquals(List.of("ok"), integrityCheck(db));
    }

    /** The names in the home's data/tmp (each start's are unique: random suffixes). */
    private Set<String> tempFiles() throws IOException {
        try (Stream<Path> files = Files.list(dist.home().resolve("data").resolve("tmp"))) {
            return files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    /** Every etc/*.cfg file as the properties it holds. */
    private static Map<String, Properties> configs(Path etc) throws IOException {
        Map<String, Properties> all = new TreeMap<>();
        try (Stream<Path> files = Files.list(etc)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".cfg")).toList()) {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                all.put(f.getFileName().toString(), p);
            }
        }
        assertTrue(all.containsKey("JakartarsServletWhiteboardRuntimeComponent.cfg"), all.keySet().toString());
        return all;
    }

    /** {@code PRAGMA integrity_check} rows; a healthy database answers a single "ok". */
    private static List<String> integrityCheck(Path db) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
