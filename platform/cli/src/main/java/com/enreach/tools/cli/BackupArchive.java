package com.enreach.tools.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import com.enreach.tools.launcher.HomeLock;
import com.enreach.tools.launcher.Release;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A backup of one home as one zip: {@code manifest.json} (when, which release and schema, the row count of every
 * table, the database's SHA-256), {@code enreach.db} (a consistent snapshot, {@code VACUUM INTO}, safe while the
 * platform runs) and {@code etc/} (configuration, rules, the admin token). Not in it: the vector index, which the
 * core rebuilds from the database when its marker does not match, and the secret key file, which lives outside the
 * home's data and configuration on purpose and is backed up separately (docs/operations.md).
 */
final class BackupArchive {
    static final int FORMAT = 1;
    static final String PREFIX = "enreach-backup-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** Backup names sort by time and stay apart for backups taken within one second. */
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private BackupArchive() {
    }

    /** What a backup wrote. */
    record Written(Path file, long bytes, String schemaVersion, Map<String, Long> counts, List<Path> removed) {
    }

    /** What a restore did. */
    record Restored(String schemaVersion, Map<String, Long> counts, Path previousDatabase, Path previousEtc, int etcFiles) {
    }

    static String stamp(Instant t) {
        return STAMP.format(t);
    }

    /**
     * Writes a backup of {@code home}: to {@code to} when it names a .zip file, else into the folder {@code to} (default
     * {@code <home>/backups}) as {@code enreach-backup-<UTC time to the millisecond>.zip}; {@code keep > 0} then deletes all but the newest
     * {@code keep} backups of that folder.
     */
    static Written write(Path home, Path to, boolean withEtc, int keep, Instant now) throws IOException {
        OfflineDb.refusePostgresqlHome(home);
        Path db = home.resolve("data").resolve("enreach.db");
        if (!Files.isRegularFile(db)) {
            throw new CliException(ExitCodes.NOT_FOUND, "no database at " + db + ": nothing to back up");
        }
        Path dir;
        Path file;
        if (to != null && to.getFileName() != null && to.getFileName().toString().endsWith(".zip")) {
            file = to.toAbsolutePath();
            dir = file.getParent();
        } else {
            dir = (to == null ? home.resolve("backups") : to).toAbsolutePath();
            file = dir.resolve(PREFIX + NAME.format(now) + ".zip");
        }
        createPrivateDirectories(dir);
        if (Files.exists(file)) {
            throw new CliException(ExitCodes.USAGE, file + " already exists: choose another --to");
        }
        Path snapshot = dir.resolve("." + file.getFileName() + ".db.part");
        Path part = dir.resolve("." + file.getFileName() + ".part");
        Files.deleteIfExists(snapshot);
        Files.deleteIfExists(part);
        try (OfflineDb odb = OfflineDb.of(home)) {
            odb.snapshot(db, snapshot);
            Map<String, Object> info = odb.info(snapshot);
            Map<String, Long> counts = odb.counts(snapshot);
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("format", FORMAT);
            manifest.put("created_at", now.toString());
            manifest.put("home", home.toString());
            manifest.put("release", Release.id(home));
            manifest.put("platform_version", new Enreach.Version().getVersion()[0]);
            manifest.put("schema_version", info.get("schema_version"));
            manifest.put("db_sha256", sha256(snapshot));
            manifest.put("db_bytes", Files.size(snapshot));
            manifest.put("includes_etc", withEtc);
            manifest.put("counts", counts);
            try (OutputStream fo = Files.newOutputStream(part); ZipOutputStream zip = new ZipOutputStream(fo)) {
                zip.setLevel(Deflater.BEST_SPEED);
                zip.putNextEntry(new ZipEntry("manifest.json"));
                zip.write(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("enreach.db"));
                Files.copy(snapshot, zip);
                zip.closeEntry();
                if (withEtc && Files.isDirectory(home.resolve("etc"))) {
                    Path etc = home.resolve("etc").toRealPath();
                    for (Path f : etcFiles(etc)) {
                        zip.putNextEntry(new ZipEntry("etc/" + etc.relativize(f).toString().replace('\\', '/')));
                        Files.copy(f, zip);
                        zip.closeEntry();
                    }
                }
            }
            ownerOnly(part);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            List<Path> removed = keep > 0 ? prune(dir, keep) : List.of();
            return new Written(file, Files.size(file), (String) info.get("schema_version"), counts, removed);
        } finally {
            Files.deleteIfExists(snapshot);
            Files.deleteIfExists(part);
        }
    }

    /** Deletes all but the newest {@code keep} backups in {@code dir} (names sort by time). */
    static List<Path> prune(Path dir, int keep) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.list(dir)) {
            all = s.filter(p -> p.getFileName().toString().startsWith(PREFIX) && p.getFileName().toString().endsWith(".zip")).sorted().toList();
        }
        List<Path> removed = new ArrayList<>();
        for (int i = 0; i < all.size() - keep; i++) {
            Files.delete(all.get(i));
            removed.add(all.get(i));
        }
        return removed;
    }

    /**
     * Restores a backup into a stopped home. Checks first (manifest, checksum, integrity, schema not newer than this
     * release), then moves the current database (with its WAL) and the configuration files it changes aside with a time stamp, so that
     * nothing is lost, and puts the backup's in place.
     */
    static Restored restore(Path home, Path archive, boolean withEtc, Instant now) throws IOException {
        OfflineDb.refusePostgresqlHome(home);
        refuseRunning(home, "restore into");
        if (!Files.isRegularFile(archive)) {
            throw new CliException(ExitCodes.NOT_FOUND, "no backup at " + archive);
        }
        Path data = home.resolve("data");
        Files.createDirectories(data);
        String stamp = stamp(now);
        Path incoming = data.resolve("enreach.db.restoring-" + stamp);
        try (ZipFile zip = open(archive)) {
            ZipEntry me = zip.getEntry("manifest.json");
            ZipEntry de = zip.getEntry("enreach.db");
            if (me == null || de == null) {
                throw new CliException(ExitCodes.USAGE, archive + " is not an Enreach Tools backup (it has no " + (me == null ? "manifest.json" : "enreach.db") + ")");
            }
            JsonNode manifest;
            try (InputStream in = zip.getInputStream(me)) {
                manifest = Json.MAPPER.readTree(in);
            } catch (IOException e) {
                throw new CliException(ExitCodes.USAGE, archive + ": manifest.json is not valid JSON: " + e.getMessage());
            }
            if (manifest.path("format").asInt() != FORMAT) {
                throw new CliException(ExitCodes.USAGE, archive + ": backup format " + manifest.path("format") + " is not one this release reads (" + FORMAT + ")");
            }
            try (InputStream in = zip.getInputStream(de)) {
                Files.copy(in, incoming);
            }
            ownerOnly(incoming);
            String sum = sha256(incoming);
            if (!sum.equals(manifest.path("db_sha256").asText())) {
                throw new CliException(ExitCodes.FAILED, archive + ": the database in it does not match its checksum (damaged or altered backup); nothing was changed");
            }
            Map<String, Object> info;
            Map<String, Long> counts;
            try (OfflineDb odb = OfflineDb.of(home)) {
                String integrity = odb.integrity(incoming);
                if (!"ok".equals(integrity)) {
                    throw new CliException(ExitCodes.FAILED, archive + ": the database fails SQLite's integrity check (" + integrity + "); nothing was changed");
                }
                info = odb.info(incoming);
                if (!((List<?>) info.get("future")).isEmpty()) {
                    throw new CliException(ExitCodes.FAILED, archive + " was written by a newer release (schema " + info.get("schema_version")
                            + "; this release does not ship " + info.get("future") + "): restore it with that release; nothing was changed");
                }
                counts = odb.counts(incoming);
            }
            boolean restoreEtc = withEtc && manifest.path("includes_etc").asBoolean();
            Map<Path, ZipEntry> etcEntries = restoreEtc ? etcEntries(zip, home.resolve("etc")) : Map.of();
            Path db = data.resolve("enreach.db");
            Path previous = null;
            if (Files.exists(db)) {
                previous = data.resolve("enreach.db.before-restore-" + stamp);
                // The WAL and shared memory go with their database file, under its new name (SQLite's naming).
                for (String suffix : List.of("-wal", "-shm")) {
                    Path side = data.resolve("enreach.db" + suffix);
                    if (Files.exists(side)) {
                        Files.move(side, data.resolve(previous.getFileName() + suffix));
                    }
                }
                Files.move(db, previous);
            }
            Files.move(incoming, db, StandardCopyOption.ATOMIC_MOVE);
            Path previousEtc = null;
            int etcCount = 0;
            if (restoreEtc) {
                Path aside = home.resolve("etc.before-restore-" + stamp);
                etcCount = restoreEtc(zip, etcEntries, home.resolve("etc").toRealPath(), aside);
                previousEtc = Files.isDirectory(aside) ? aside : null;
            }
            return new Restored((String) info.get("schema_version"), counts, previous, previousEtc, etcCount);
        } finally {
            Files.deleteIfExists(incoming);
        }
    }

    /**
     * Makes etc/ the backup's: a current file that the backup lacks or has with other content is moved aside first (the
     * folder itself stays: a deployment links it). Answers how many files were written; {@code aside} is created only
     * when something had to be moved.
     */
    private static int restoreEtc(ZipFile zip, Map<Path, ZipEntry> entries, Path real, Path aside) throws IOException {
        int written = 0;
        for (Path f : etcFiles(real)) {
            ZipEntry e = entries.get(f);
            if (e != null && same(zip, e, f)) {
                entries.remove(f);
                continue;
            }
            createPrivateDirectories(aside);
            Path to = aside.resolve(real.relativize(f).toString());
            Files.createDirectories(to.getParent());
            Files.move(f, to);
        }
        for (Map.Entry<Path, ZipEntry> e : entries.entrySet()) {
            Files.createDirectories(e.getKey().getParent());
            try (InputStream in = zip.getInputStream(e.getValue())) {
                Files.copy(in, e.getKey(), StandardCopyOption.REPLACE_EXISTING);
            }
            ownerOnly(e.getKey());
            written++;
        }
        return written;
    }

    /** The backup's etc/ entries by their place in this home's etc/ (created if missing); one that would land outside is refused. */
    private static Map<Path, ZipEntry> etcEntries(ZipFile zip, Path etc) throws IOException {
        Files.createDirectories(etc);
        Path real = etc.toRealPath();
        Map<Path, ZipEntry> entries = new LinkedHashMap<>();
        for (ZipEntry e : java.util.Collections.list(zip.entries())) {
            if (e.getName().startsWith("etc/") && !e.isDirectory()) {
                Path target = real.resolve(e.getName().substring(4)).normalize();
                if (!target.startsWith(real) || target.equals(real)) {
                    throw new CliException(ExitCodes.USAGE, "the backup's entry " + e.getName() + " points outside etc/: refused; nothing was changed");
                }
                entries.put(target, e);
            }
        }
        return new LinkedHashMap<>(entries);
    }

    private static boolean same(ZipFile zip, ZipEntry e, Path f) throws IOException {
        if (e.getSize() >= 0 && e.getSize() != Files.size(f)) {
            return false;
        }
        try (InputStream in = zip.getInputStream(e)) {
            return java.util.Arrays.equals(in.readAllBytes(), Files.readAllBytes(f));
        }
    }

    /** Refuses when a platform runs on this home: its database must not change under it. */
    static void refuseRunning(Path home, String what) throws IOException {
        var holder = HomeLock.holder(home);
        if (holder.isPresent()) {
            throw new CliException(ExitCodes.FAILED, "refusing to " + what + " the database of a running Enreach Tools (" + holder.get() + " in " + home
                    + "): stop it first (systemctl stop enreach, or Ctrl-C on 'enreach start')");
        }
    }

    private static ZipFile open(Path archive) {
        try {
            return new ZipFile(archive.toFile());
        } catch (IOException e) {
            throw new CliException(ExitCodes.USAGE, archive + " is not a readable zip: " + e.getMessage());
        }
    }

    private static List<Path> etcFiles(Path etc) throws IOException {
        if (!Files.isDirectory(etc)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(etc.toRealPath())) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static String sha256(Path f) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void createPrivateDirectories(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            ownerOnly(dir);
        }
    }

    private static void ownerOnly(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwx------" : "rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }
}
