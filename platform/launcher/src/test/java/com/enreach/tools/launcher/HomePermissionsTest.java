package com.enreach.tools.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomePermissionsTest {
    @TempDir
    Path home;

    @Test
    void dataEtcAndLogBecomeOwnerOnlyWithEverythingUnderDataAndEtc() throws IOException {
        Path db = file("data/enreach.db", "rw-r--r--");
        Path wal = file("data/enreach.db-wal", "rw-rw-rw-");
        Path cached = file("data/felix-cache/bundle3/version0.0/bundle.jar", "rw-r--r--");
        Path nativeLib = file("data/felix-cache/bundle3/version0.0/libsqlitejdbc.so", "rwxr-xr-x");
        Path token = file("etc/admin.token", "rw-r-----");
        Path cfg = file("etc/source.vcenter-prod.cfg", "rw-r--r--");
        Path log = file("log/enreach.log", "rw-r--r--");
        Path plugin = file("deploy/plugin.jar", "rw-r--r--");
        mode(home.resolve("data/felix-cache"), "rwxr-xr-x");

        HomePermissions.restrict(home);

        for (String dir : new String[] {"data", "etc", "log"}) {
            assertEquals("rwx------", mode(home.resolve(dir)), dir);
        }
        assertEquals("rw-------", mode(db));
        assertEquals("rw-------", mode(wal));
        assertEquals("rwx------", mode(home.resolve("data/felix-cache")));
        assertEquals("rw-------", mode(cached));
        assertEquals("rwx------", mode(nativeLib), "the owner's bits stay as they were");
        assertEquals("rw-------", mode(token));
        assertEquals("rw-------", mode(cfg));
        assertEquals("rw-r--r--", mode(log), "log/ itself is closed; its files are left alone");
        assertEquals("rw-r--r--", mode(plugin), "deploy/ holds no secrets");
        assertEquals("rwx------", mode(home.resolve("log")));
    }

    @Test
    void missingDirectoriesAreNoError() throws IOException {
        HomePermissions.restrict(home);
        assertEquals(false, Files.exists(home.resolve("data")));
    }

    private Path file(String relative, String mode) throws IOException {
        Path p = home.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, relative);
        mode(p, mode);
        return p;
    }

    private static void mode(Path p, String mode) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
