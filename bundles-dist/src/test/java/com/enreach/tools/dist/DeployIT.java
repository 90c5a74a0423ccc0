package com.enreach.tools.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * scripts/deploy_to_production.sh for real: the shipped tar.gz deployed to a local path and, over SSH, to this
 * machine (a throwaway sshd on a free port with a throwaway key), a second release over the first with data in the
 * database, and three failures injected into a later deployment — rsync fails, a migration fails half-way, the new
 * release never answers healthy — after each of which the previous release must answer again with the same rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployIT {
    private static final Duration DEPLOY = Duration.ofMinutes(6);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCRIPT = Path.of("..", "scripts", "deploy_to_production.sh").toAbsolutePath().normalize();
    private static final Path TARGET_SCRIPT = SCRIPT.resolveSibling("enreach-target.sh");

    private Path work;
    private Path localBase;
    private int localPort;
    private Path sshBase;
    private int sshPort;
    private Process sshd;
    private int sshdPort;
    private Path sshKey;

    @BeforeAll
    void setUp() throws IOException {
        Path root = Path.of(System.getProperty("enreach.test.work", "target/dist-homes")).toAbsolutePath();
        Files.createDirectories(root);
        work = Files.createTempDirectory(root, "deploy-");
        localBase = work.resolve("local-prod");
        sshBase = work.resolve("ssh-prod");
        localPort = Distribution.freePort();
        sshPort = Distribution.freePort();
    }

    @AfterAll
    void tearDown() throws Exception {
        for (Path base : List.of(localBase, sshBase)) {
            if (Files.isDirectory(base)) {
                run(List.of("bash", TARGET_SCRIPT.toString(), "stop", base.toString(), "enreach-test-no-such-unit"), Map.of());
            }
        }
        if (sshd != null) {
            sshd.destroy();
            sshd.waitFor(10, TimeUnit.SECONDS);
        }
        Distribution.pruneBinaries(work);
    }

    // ---------------------------------------------------------------- to a local path

    @Test
    @Order(1)
    void firstDeploymentToALocalPathRunsTheRelease() throws Exception {
        Result r = deploy(localBase, localPort, Distribution.archive(), List.of(), Map.of());
        assertEquals(0, r.exit, r.output);
        String id = currentId(localBase);
        assertTrue(r.output.contains("deployed " + id), r.output);
        assertEquals(id, health(localBase, localPort).path("release").asText(), "the new release answers /api/health");
        assertTrue(Files.isSymbolicLink(localBase.resolve("current")));
        assertTrue(Files.isRegularFile(localBase.resolve("shared/etc/admin.token")), "data and configuration live in shared/");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(localBase.resolve("shared/data"))));
    }

    @Test
    @Order(2)
    void aSecondReleaseKeepsTheDataAndTakesABackup() throws Exception {
        seed(localBase, localPort);
        Map<String, Long> before = counts(localBase);
        assertTrue(before.get("devices") > 0, "the seed sync wrote devices: " + before);
        String previous = currentId(localBase);

        Result r = deploy(localBase, localPort, Distribution.archive(), List.of("--keep-backups", "2"), Map.of());
        assertEquals(0, r.exit, r.output);
        String id = currentId(localBase);
        assertNotEquals(previous, id);
        assertEquals(id, health(localBase, localPort).path("release").asText());
        assertEquals(before, counts(localBase), "the same rows after the deployment");
        List<Path> backups = backups(localBase);
        assertEquals(1, backups.size(), "one backup, taken before the migration: " + backups);
        try (ZipFile zip = new ZipFile(backups.get(0).toFile())) {
            assertTrue(zip.getEntry("enreach.db") != null && zip.getEntry("etc/admin.token") != null, "database and etc/ are in the backup");
            JsonNode manifest = JSON.readTree(zip.getInputStream(zip.getEntry("manifest.json")));
            assertEquals(before.get("devices"), manifest.path("counts").path("devices").asLong());
            assertEquals(previous, manifest.path("release").asText(), "the backup names the release that wrote it");
        }
        assertTrue(Files.isDirectory(localBase.resolve("releases").resolve(previous)), "the previous release stays for a rollback");
    }

    @Test
    @Order(3)
    void whenRsyncFailsThePreviousReleaseRunsOn() throws Exception {
        String previous = currentId(localBase);
        Map<String, Long> before = counts(localBase);
        long pidBefore = servicePid(localBase);
        List<Path> releasesBefore = releases(localBase);
        // rsync on this PATH copies part of the release and fails the way a full disk makes it fail.
        Path bin = Files.createDirectories(work.resolve("failing-rsync"));
        Path fake = bin.resolve("rsync");
        Files.writeString(fake, "#!/bin/sh\nfor last; do :; done\nmkdir -p \"$last/lib\" && echo partial > \"$last/lib/partial.jar\"\n"
                + "echo 'rsync: write failed: No space left on device (28)' >&2\nexit 11\n");
        fake.toFile().setExecutable(true);
        Result r = deploy(localBase, localPort, Distribution.archive(), List.of(),
                Map.of("PATH", bin + ":" + System.getenv("PATH")));
        assertEquals(1, r.exit, r.output);
        assertTrue(r.output.contains("FAILED at step 2: rsync"), r.output);
        assertEquals(previous, currentId(localBase));
        assertEquals(previous, health(localBase, localPort).path("release").asText(), "the previous release answers");
        assertEquals(pidBefore, servicePid(localBase), "it was never stopped");
        assertEquals(releasesBefore, releases(localBase), "the partial copy is removed");
        assertEquals(before, counts(localBase));
        assertFalse(Files.exists(localBase.resolve(".deploying")), "the deployment lock is released");
    }

    @Test
    @Order(4)
    void whenAMigrationFailsTheDatabaseIsRestoredAndThePreviousReleaseRunsAgain() throws Exception {
        String previous = currentId(localBase);
        Map<String, Long> before = counts(localBase);
        String schemaBefore = schema(localBase);
        // A release whose first new migration succeeds and whose second fails: the first must not survive the rollback.
        Path broken = variant("broken-migration", release -> addToCoreJar(release, Map.of(
                "db/migration/sqlite/V900__deploy_test_table.sql", "CREATE TABLE deploy_test (x INTEGER);\nINSERT INTO deploy_test VALUES (1);\n",
                "db/migration/sqlite/V901__deploy_test_fails.sql", "INSERT INTO deploy_test_no_such_table VALUES (1);\n")));
        Result r = deploy(localBase, localPort, broken, List.of("--keep-backups", "2"), Map.of());
        assertEquals(1, r.exit, r.output);
        assertTrue(r.output.contains("FAILED at step 4: the migration failed"), r.output);
        assertTrue(r.output.contains("rolled back"), r.output);
        assertFalse(Files.exists(localBase.resolve("releases").resolve(releaseOf(r))), "the failed release's directory is removed");
        assertEquals(previous, currentId(localBase));
        assertEquals(previous, health(localBase, localPort).path("release").asText(), "the previous release answers again");
        Map<String, Long> after = counts(localBase);
        assertFalse(after.containsKey("deploy_test"), "the half-applied migration is gone with the restore: " + after.keySet());
        assertEquals(before, after, "the same rows as before the deployment");
        assertEquals(schemaBefore, schema(localBase));
        assertTrue(backups(localBase).size() <= 2, "backups are kept to --keep-backups: " + backups(localBase));
        try (Stream<Path> s = Files.list(localBase.resolve("shared/data"))) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().startsWith("enreach.db.before-restore-")),
                    "the failed database is kept aside, not deleted");
        }
    }

    @Test
    @Order(5)
    void whenTheNewReleaseNeverAnswersHealthyThePreviousReleaseRunsAgain() throws Exception {
        String previous = currentId(localBase);
        Map<String, Long> before = counts(localBase);
        // A release without its REST bundle: it starts, migrates, and never answers.
        Path broken = variant("no-rest", release -> {
            try (Stream<Path> s = Files.list(release.resolve("system"))) {
                for (Path p : s.filter(p -> p.getFileName().toString().startsWith("com.enreach.tools.rest-")).toList()) {
                    Files.delete(p);
                }
            }
        });
        Result r = deploy(localBase, localPort, broken, List.of("--health-timeout", "25"), Map.of());
        assertEquals(1, r.exit, r.output);
        assertTrue(r.output.contains("FAILED at step 6"), r.output);
        assertTrue(r.output.contains("rolled back"), r.output);
        assertEquals(previous, currentId(localBase));
        assertEquals(previous, health(localBase, localPort).path("release").asText(), "the previous release answers again");
        assertEquals(before, counts(localBase));

        // A good release given too little time: the rollback still waits as long as the previous release needs (found
        // by trying: with --health-timeout 2 the rollback gave up on the previous release while it was starting).
        Result impatient = deploy(localBase, localPort, Distribution.archive(), List.of("--health-timeout", "1"), Map.of());
        assertEquals(1, impatient.exit, impatient.output);
        assertTrue(impatient.output.contains("rolled back: release " + previous + " runs and answers healthy; database and etc/ from "), impatient.output);
        assertFalse(Files.exists(localBase.resolve("releases").resolve(releaseOf(impatient))), "the failed release's directory is removed");
        assertEquals(previous, health(localBase, localPort).path("release").asText());
        assertEquals(before, counts(localBase));
    }

    @Test
    @Order(6)
    void aRunInProgressIsDrainedBeforeTheStopOrCancelledCleanlyAfterTheDrainTimeout() throws Exception {
        // A slow source: 3,000 devices at 6 s per 1,000, on demand only.
        Files.writeString(localBase.resolve("shared/etc/source.demo-slow.cfg"),
                "view=all\nsize=3000\nseed=5\nchurn.percent=0\nschedule.minutes=0\npause.ms.per.1000=6000\n");
        long drained = startRun(localBase, localPort, "demo-slow");
        Result r = deploy(localBase, localPort, Distribution.archive(), List.of("--drain-timeout", "180"), Map.of());
        assertEquals(0, r.exit, r.output);
        assertTrue(r.output.contains("waiting up to 180s for sync runs in progress to end (run " + drained + ")"), r.output);
        JsonNode slow = source(localBase, localPort, "demo-slow");
        assertEquals("succeeded", slow.path("last_status").asText(), "the run ended before the stop: " + slow);
        assertEquals(3000, slow.path("active_devices").asInt());

        // The same run again, and no time to drain: the stop cancels it; what was there stays, nothing is marked stale.
        long cancelled = startRun(localBase, localPort, "demo-slow");
        Result c = deploy(localBase, localPort, Distribution.archive(), List.of("--drain-timeout", "0"), Map.of());
        assertEquals(0, c.exit, c.output);
        assertTrue(c.output.contains("(run " + cancelled + "): the stop cancels them"), c.output);
        slow = source(localBase, localPort, "demo-slow");
        assertEquals("cancelled", slow.path("last_status").asText(), "the run the stop interrupted: " + slow);
        assertEquals(3000, slow.path("active_devices").asInt(), "nothing was marked stale: " + slow);
        assertEquals(0, slow.path("stale_devices").asInt());
    }

    // ---------------------------------------------------------------- as a systemd service

    /**
     * The shipped unit (scripts/enreach.service, paths and port adjusted as its header says) under a stand-in for
     * systemctl that starts ExecStart as systemd does (fake-systemctl): the deployment stops and starts the service
     * through systemctl, and the platform the unit starts serves the new release. Also: systemd's own checker accepts
     * the unit.
     */
    @Test
    @Order(7)
    void asASystemdServiceTheDeploymentStopsAndStartsTheUnit() throws Exception {
        Path base = work.resolve("systemd-prod");
        int port = Distribution.freePort();
        Path systemd = Files.createDirectories(work.resolve("systemd"));
        Path bin = Files.createDirectories(work.resolve("systemd-bin"));
        Path systemctl = bin.resolve("systemctl");
        Files.copy(Path.of("src/test/resources/deploy/fake-systemctl"), systemctl);
        assertTrue(systemctl.toFile().setExecutable(true));
        String unit = Files.readString(SCRIPT.resolveSibling("enreach.service"))
                .replace("/opt/enreach", base.toString()).replace("ENREACH_PORT=8080", "ENREACH_PORT=" + port);
        Files.writeString(systemd.resolve("enreach.service"), unit);
        Map<String, String> env = Map.of("PATH", bin + ":" + System.getenv("PATH"), "FAKE_SYSTEMD_DIR", systemd.toString());
        Path calls = systemd.resolve("calls.log");
        try {
            Result first = deploy(base, port, Distribution.archive(), List.of("--service", "enreach"), env);
            assertEquals(0, first.exit, first.output + "\n--- journal\n" + journal(systemd));
            String firstId = currentId(base);
            assertEquals(firstId, health(base, port).path("release").asText());
            assertTrue(Files.readAllLines(calls).contains("start enreach"), "started through systemctl: " + Files.readAllLines(calls));
            assertFalse(Files.exists(base.resolve("shared/run/enreach.pid")), "no process of the script's own");
            seed(base, port);
            Map<String, Long> before = counts(base);
            Files.writeString(calls, "");

            Result second = deploy(base, port, Distribution.archive(), List.of("--service", "enreach"), env);
            assertEquals(0, second.exit, second.output + "\n--- journal\n" + journal(systemd));
            String id = currentId(base);
            assertNotEquals(firstId, id);
            assertEquals(id, health(base, port).path("release").asText(), "the unit's ExecStart (through current) runs the new release");
            List<String> verbs = Files.readAllLines(calls).stream().filter(l -> l.startsWith("stop ") || l.startsWith("start ")).toList();
            assertEquals(List.of("stop enreach", "start enreach"), verbs, "stopped for the backup and migration, then started");
            assertEquals(before, counts(base));
            assertEquals(1, backups(base).size(), "the backup taken while the unit was stopped");
        } finally {
            run(List.of(systemctl.toString(), "stop", "enreach"), env);
        }

        // systemd's own checker, on the unit as installed (it needs ExecStart to exist: the deployed release's)
        Result verify = run(List.of("systemd-analyze", "verify", systemd.resolve("enreach.service").toString()), Map.of());
        assertEquals(0, verify.exit, verify.output);
        assertEquals("", verify.output.strip(), "systemd-analyze has no complaint about the shipped unit");
    }

    /** The id of the release a deployment tried ("pre-checks passed: release ID, previous ..."). */
    private static String releaseOf(Result r) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("pre-checks passed: release (\\S+),").matcher(r.output);
        assertTrue(m.find(), r.output);
        return m.group(1);
    }

    private static String journal(Path systemd) throws IOException {
        Path j = systemd.resolve("enreach.journal");
        return Files.exists(j) ? Distribution.read(j) : "(empty)";
    }

    // ---------------------------------------------------------------- over SSH

    @Test
    @Order(10)
    void overSshToThisMachineTwiceWithData() throws Exception {
        startSshd();
        List<String> ssh = List.of("--ssh-opts", sshOptions());
        Result first = deploy(sshBase, sshPort, Distribution.archive(), ssh, Map.of(), "127.0.0.1");
        assertEquals(0, first.exit, first.output);
        String firstId = currentId(sshBase);
        assertEquals(firstId, health(sshBase, sshPort).path("release").asText());
        seed(sshBase, sshPort);
        Map<String, Long> before = counts(sshBase);

        Result second = deploy(sshBase, sshPort, Distribution.archive(), ssh, Map.of(), "127.0.0.1");
        assertEquals(0, second.exit, second.output);
        assertTrue(second.output.contains("migrations: "), "the migrations were validated against a copy fetched over SSH: " + second.output);
        String id = currentId(sshBase);
        assertNotEquals(firstId, id);
        assertEquals(id, health(sshBase, sshPort).path("release").asText());
        assertEquals(before, counts(sshBase));

        // The remote rsync is missing: nothing is stopped, the release runs on.
        Result broken = deploy(sshBase, sshPort, Distribution.archive(), List.of("--ssh-opts", sshOptions(), "--rsync-path", "/nonexistent/rsync"),
                Map.of(), "127.0.0.1");
        assertEquals(1, broken.exit, broken.output);
        assertTrue(broken.output.contains("FAILED at step 2: rsync to"), broken.output);
        assertEquals(id, health(sshBase, sshPort).path("release").asText());
        assertEquals(before, counts(sshBase));
    }

    // ---------------------------------------------------------------- helpers

    private record Result(int exit, String output) {
    }

    private Result deploy(Path base, int port, Path release, List<String> extra, Map<String, String> env) throws Exception {
        return deploy(base, port, release, extra, env, null);
    }

    private Result deploy(Path base, int port, Path release, List<String> extra, Map<String, String> env, String sshHost) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", SCRIPT.toString(), "--skip-tests", "--release", release.toString(),
                "--port", Integer.toString(port), "--health-timeout", "120", "--service", "enreach-test-no-such-unit"));
        cmd.addAll(extra);
        cmd.add(sshHost == null ? base.toString() : System.getProperty("user.name") + "@" + sshHost + ":" + base);
        return run(cmd, env);
    }

    private Result run(List<String> cmd, Map<String, String> env) throws Exception {
        Path out = Files.createTempFile(work, "run-", ".out");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().remove("ENREACH_TOKEN");
        pb.environment().remove("ENREACH_PORT");
        pb.environment().remove("ENREACH_HOME");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(DEPLOY.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            fail(cmd + " did not end within " + DEPLOY + ":\n" + Distribution.read(out));
        }
        return new Result(p.exitValue(), Distribution.read(out));
    }

    /** The release's own command line on the deployed home (through current). */
    private String cli(Path base, int port, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(base.resolve("current/bin/enreach").toString(), "--home", base.resolve("current").toString(),
                "--port", Integer.toString(port)));
        cmd.addAll(List.of(args));
        Result r = run(cmd, Map.of());
        if (r.exit != 0) {
            fail(String.join(" ", cmd) + " exited " + r.exit + ":\n" + r.output);
        }
        return r.output;
    }

    private JsonNode health(Path base, int port) throws Exception {
        return JSON.readTree(cli(base, port, "--json", "status")).path("health");
    }

    private Map<String, Long> counts(Path base) throws Exception {
        JsonNode n = JSON.readTree(cli(base, 8080, "--json", "db", "counts"));
        Map<String, Long> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asLong()));
        return out;
    }

    private String schema(Path base) throws Exception {
        return JSON.readTree(cli(base, 8080, "--json", "db", "info")).path("schema_version").asText();
    }

    private static String currentId(Path base) throws IOException {
        return Files.readSymbolicLink(base.resolve("current")).getFileName().toString();
    }

    private static long servicePid(Path base) throws IOException {
        return Long.parseLong(Files.readString(base.resolve("shared/run/enreach.pid")).trim());
    }

    private static List<Path> releases(Path base) throws IOException {
        try (Stream<Path> s = Files.list(base.resolve("releases"))) {
            return s.sorted().toList();
        }
    }

    private static List<Path> backups(Path base) throws IOException {
        try (Stream<Path> s = Files.list(base.resolve("backups"))) {
            return s.filter(p -> p.toString().endsWith(".zip")).sorted().toList();
        }
    }

    /** Starts a run of the instance (once it is present) and answers its id once it is running. */
    private long startRun(Path base, int port, String instance) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (source(base, port, instance).isMissingNode() || !source(base, port, instance).path("present").asBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(instance + " did not appear in the sources");
            }
            Thread.sleep(300);
        }
        JsonNode run = JSON.readTree(cli(base, port, "--json", "sync", instance, "--no-wait"));
        assertTrue(run.path("id").isNumber(), run.toString());
        return run.path("id").asLong();
    }

    private JsonNode source(Path base, int port, String instance) throws Exception {
        for (JsonNode s : JSON.readTree(cli(base, port, "--json", "status")).path("sources")) {
            if (instance.equals(s.path("instance").asText())) {
                return s;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** A small demo source that syncs once (its schedule is a day), then rows that a deployment must keep. */
    private void seed(Path base, int port) throws Exception {
        Files.writeString(base.resolve("shared/etc/source.demo-deploy.cfg"), "view=all\nsize=150\nseed=7\nchurn.percent=0\nschedule.minutes=1440\n");
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            JsonNode status = JSON.readTree(cli(base, port, "--json", "status"));
            for (JsonNode s : status.path("sources")) {
                if ("demo-deploy".equals(s.path("instance").asText()) && "succeeded".equals(s.path("last_status").asText())
                        && !s.path("running_run_id").isNumber()) {
                    cli(base, port, "token", "create", "--name", "deploy-test-reader", "--role", "viewer");
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                fail("the demo source did not sync within 2 minutes: " + status);
            }
            Thread.sleep(500);
        }
    }

    private interface ReleaseEdit {
        void apply(Path release) throws IOException;
    }

    /** The shipped tar.gz with one change: unpacked, edited, packed again. */
    private Path variant(String name, ReleaseEdit edit) throws Exception {
        Path dir = Files.createDirectories(work.resolve("variant-" + name));
        Result x = run(List.of("tar", "-xzf", Distribution.archive().toString(), "-C", dir.toString()), Map.of());
        assertEquals(0, x.exit, x.output);
        edit.apply(dir.resolve("enreach"));
        Path tgz = work.resolve("enreach-" + name + ".tar.gz");
        Result c = run(List.of("tar", "-I", "gzip -1", "-cf", tgz.toString(), "-C", dir.toString(), "enreach"), Map.of());
        assertEquals(0, c.exit, c.output);
        return tgz;
    }

    /** Adds files to the release's core bundle (where the migrations are). */
    private static void addToCoreJar(Path release, Map<String, String> files) throws IOException {
        Path jar;
        try (Stream<Path> s = Files.list(release.resolve("system"))) {
            jar = s.filter(p -> p.getFileName().toString().startsWith("com.enreach.tools.core-")).findFirst().orElseThrow();
        }
        Path edited = jar.resolveSibling(jar.getFileName() + ".new");
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream fo = Files.newOutputStream(edited); ZipOutputStream out = new ZipOutputStream(fo)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream is = in.getInputStream(e)) {
                    is.transferTo(out);
                }
                out.closeEntry();
            }
            for (Map.Entry<String, String> f : files.entrySet()) {
                out.putNextEntry(new ZipEntry(f.getKey()));
                out.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        Files.move(edited, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    // ---------------------------------------------------------------- a throwaway sshd

    private void startSshd() throws Exception {
        Path dir = Files.createDirectories(work.resolve("sshd"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Path hostKey = dir.resolve("host_ed25519");
        sshKey = dir.resolve("client_ed25519");
        for (Path k : List.of(hostKey, sshKey)) {
            Result r = run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", k.toString()), Map.of());
            assertEquals(0, r.exit, r.output);
        }
        Path authorized = dir.resolve("authorized_keys");
        Files.copy(sshKey.resolveSibling("client_ed25519.pub"), authorized);
        Files.setPosixFilePermissions(authorized, PosixFilePermissions.fromString("rw-------"));
        sshdPort = Distribution.freePort();
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "Port " + sshdPort,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                "AuthorizedKeysFile " + authorized,
                "PidFile " + dir.resolve("sshd.pid"),
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PubkeyAuthentication yes",
                "PermitRootLogin prohibit-password",
                "StrictModes no",
                "UsePAM no",
                "AcceptEnv LANG LC_*",
                "Subsystem sftp internal-sftp", ""));
        Files.createDirectories(Path.of("/run/sshd"));
        Path log = dir.resolve("sshd.log");
        sshd = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", config.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!sshd.isAlive()) {
                fail("sshd exited: " + Distribution.read(log));
            }
            Result r = run(List.of("ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=3", "-i", sshKey.toString(), "-p", Integer.toString(sshdPort),
                    "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                    System.getProperty("user.name") + "@127.0.0.1", "true"), Map.of());
            if (r.exit == 0) {
                return;
            }
            Thread.sleep(300);
        }
        fail("cannot log in to the test sshd: " + Distribution.read(log));
    }

    private String sshOptions() {
        return "-i " + sshKey + " -p " + sshdPort + " -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR";
    }
}
