package com.enreach.tools.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code enreach backup} and {@code enreach restore} in the shipped distribution: backups taken while a sync writes are
 * each a consistent database (integrity, row counts that add up); a restore refuses a running platform and a damaged
 * backup, keeps what it replaces, and the platform then serves exactly the backup's rows.
 */
class BackupRestoreIT {

    @Test
    void onlineBackupsWhileASyncWritesAndARestoreOfOne() throws Exception {
        try (Distribution d = Distribution.copy("backup")) {
            d.start();
            d.writeConfig("source.demo-backup.cfg", "view=all\nsize=2000\nseed=11\nchurn.percent=30\nschedule.minutes=1440\n");
            d.syncAll("demo-backup");
            Path dir = d.home().resolve("backups");

            // Backups while the next run writes: each is consistent whatever the run was doing.
            assertEquals(202, d.post("/api/sources/demo-backup/sync").statusCode());
            List<Path> taken = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Distribution.Result r = d.cli("--json", "backup");
                assertEquals(0, r.exit(), r.toString());
                Path to = Path.of(Distribution.parse(r.out()).path("file").asText());
                assertEquals(dir, to.getParent(), "by default into <home>/backups");
                taken.add(to);
            }
            d.await("the second run ended", Duration.ofMinutes(5), () -> d.get("/api/sources/demo-backup"),
                    s -> s.path("running_run_id").isNull());
            for (Path b : taken) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(b)), "a backup holds the admin token: private");
                JsonNode manifest = manifest(b);
                assertTrue(manifest.path("counts").path("devices").asLong() >= 2000, manifest.toString());
                assertTrue(manifest.path("counts").path("entity_links").asLong() > 0, "the resolved entities are in it: " + manifest);
                assertFalse(manifest.path("schema_version").asText().isEmpty(), "the schema the backup has: " + manifest);
            }

            // Now a known state, backed up with --keep: the older backups of the folder beyond 2 go.
            Distribution.Result keep = d.cli("--json", "backup", "--keep", "2");
            assertEquals(0, keep.exit(), keep.toString());
            JsonNode written = Distribution.parse(keep.out());
            Path backup = Path.of(written.path("file").asText());
            assertEquals(2, written.path("removed").size(), "kept 2 of 4: " + written);
            long devices = written.path("counts").path("devices").asLong();
            long runs = written.path("counts").path("sync_history").asLong();

            // Changes after the backup, which the restore must take back.
            d.syncAll("demo-backup");
            Distribution.Result token = d.cli("token", "create", "--name", "after-backup", "--role", "viewer");
            assertEquals(0, token.exit(), token.toString());
            d.writeConfig("source.demo-later.cfg", "view=all\nsize=10\nseed=3\nschedule.minutes=1440\n");

            // Refused while it runs: nothing changes under a live database.
            Distribution.Result refused = d.cli("restore", backup.toString());
            assertEquals(1, refused.exit(), refused.toString());
            assertTrue(refused.err().contains("refusing to restore into the database of a running Enreach Tools (pid "), refused.toString());

            d.stop();
            // A damaged backup is refused before anything changes.
            Path damaged = damage(backup, d.home().resolve("damaged.zip"));
            Distribution.Result bad = d.cli("restore", damaged.toString());
            assertEquals(1, bad.exit(), bad.toString());
            assertTrue(bad.err().contains("does not match its checksum"), bad.toString());
            Distribution.Result notZip = d.cli("restore", d.home().resolve("etc/admin.token").toString());
            assertEquals(2, notZip.exit(), notZip.toString());
            assertTrue(notZip.err().contains("is not a readable zip"), notZip.toString());

            Distribution.Result restored = d.cli("restore", backup.toString());
            assertEquals(0, restored.exit(), restored.toString());
            assertTrue(restored.out().contains("The database it replaced is kept as "), restored.toString());
            assertTrue(Files.exists(d.home().resolve("etc.before-restore-" + stamp(restored.out())).resolve("source.demo-later.cfg")),
                    "a configuration file added after the backup is moved aside, not deleted: " + restored);
            assertFalse(Files.exists(d.home().resolve("etc/source.demo-later.cfg")));

            d.start();
            JsonNode counts = Distribution.parse(d.cli("--json", "db", "counts").out());
            assertEquals(devices, counts.path("devices").asLong(), "the backup's devices");
            assertEquals(runs, counts.path("sync_history").asLong(), "the run after the backup is gone with it");
            JsonNode tokens = Distribution.parse(d.cli("--json", "token", "list").out());
            for (JsonNode t : tokens) {
                assertNotEquals("after-backup", t.path("name").asText(), "the token made after the backup is gone");
            }
            assertEquals("succeeded", d.get("/api/sources/demo-backup").path("last_status").asText());
        }
    }

    private static JsonNode manifest(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile()); InputStream in = z.getInputStream(z.getEntry("manifest.json"))) {
            return Distribution.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The same backup with one byte of its database changed. */
    private static Path damage(Path zip, Path to) throws IOException {
        try (ZipFile in = new ZipFile(zip.toFile()); OutputStream fo = Files.newOutputStream(to); ZipOutputStream out = new ZipOutputStream(fo)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                byte[] bytes;
                try (InputStream is = in.getInputStream(e)) {
                    bytes = is.readAllBytes();
                }
                if (e.getName().equals("enreach.db")) {
                    bytes[bytes.length / 2] ^= 0x5a;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return to;
    }

    private static String stamp(String restoreOutput) {
        int i = restoreOutput.indexOf("before-restore-");
        return restoreOutput.substring(i + "before-restore-".length(), i + "before-restore-".length() + 16);
    }
}
