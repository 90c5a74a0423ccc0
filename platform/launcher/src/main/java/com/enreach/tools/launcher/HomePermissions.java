package com.enreach.tools.launcher;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Makes the parts of a home that hold data and secrets private to the service user: {@code data/}, {@code etc/} and
 * {@code log/} become 0700, and every file and folder under {@code data/} and {@code etc/} (database, WAL, admin
 * token, configuration with passwords, Felix's persisted configuration) loses all group and other permissions.
 *
 * <p>bin/enreach also sets {@code umask 077}, so files created later are private from the start; this repairs homes
 * unpacked or created before that (a tar.gz keeps 0644). Only on file systems with POSIX permissions.
 */
final class HomePermissions {
    private static final List<String> PRIVATE_TREES = List.of("data", "etc");
    private static final Set<PosixFilePermission> OWNER = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE);

    private HomePermissions() {
    }

    static void restrict(Path home) throws IOException {
        if (!Files.getFileStore(home).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        for (String tree : PRIVATE_TREES) {
            Path link = home.resolve(tree);
            // A deployed release links data/ and etc/ to the shared folders: restrict those (walking never follows links).
            Path root = Files.isDirectory(link) ? link.toRealPath() : link;
            if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                        ownerOnly(dir);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        if (attrs.isRegularFile() || attrs.isDirectory()) {
                            ownerOnly(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            }
        }
        for (String dir : List.of("data", "etc", "log")) {
            Path d = home.resolve(dir);
            if (Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
                set(d, OWNER);
            }
        }
    }

    /** Drops group and other permissions, keeping the owner's as they are (an extracted native library stays executable). */
    private static void ownerOnly(Path p) throws IOException {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
        if (perms.retainAll(OWNER)) {
            set(p, perms);
        }
    }

    private static void set(Path p, Set<PosixFilePermission> perms) throws IOException {
        try {
            Files.setPosixFilePermissions(p, perms);
        } catch (IOException e) {
            throw new IOException("cannot make " + p + " private to the service user (" + e + "); is it owned by another user?", e);
        }
    }
}
