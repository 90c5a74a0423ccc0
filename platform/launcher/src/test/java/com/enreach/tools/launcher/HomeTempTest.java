package com.enreach.tools.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeTempTest {
    @TempDir
    Path home;
    @TempDir
    Path elsewhere;

    private String djl;

    @BeforeEach
    void remember() {
        djl = System.getProperty("DJL_CACHE_DIR");
    }

    @AfterEach
    void restore() {
        if (djl == null) {
            System.clearProperty("DJL_CACHE_DIR");
        } else {
            System.setProperty("DJL_CACHE_DIR", djl);
        }
    }

    @Test
    void aKilledRunsLeftoversAreRemovedAndTheCacheStays() throws IOException {
        Path leftover = home.resolve("data/tmp/fileinstall-123/bundle.jar");
        Files.createDirectories(leftover.getParent());
        Files.writeString(leftover, "left by a killed JVM");
        Path native1 = Files.writeString(home.resolve("data/tmp/sqlite-3.53-libsqlitejdbc.so"), "x");
        // a link out of the home is removed, never followed
        Path outside = Files.writeString(elsewhere.resolve("keep.txt"), "not the platform's");
        Files.createSymbolicLink(home.resolve("data/tmp/link"), elsewhere);
        Path cache = Files.writeString(Files.createDirectories(home.resolve("data/cache/djl")).resolve("tokenizers.so"), "cached");

        Path tmp = HomeTemp.prepare(home);

        assertEquals(home.resolve("data/tmp"), tmp);
        assertTrue(Files.isDirectory(tmp));
        assertFalse(Files.exists(leftover.getParent()), "a killed run's work directory is gone");
        assertFalse(Files.exists(native1));
        assertFalse(Files.exists(tmp.resolve("link"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(outside), "what a link pointed at is untouched");
        assertTrue(Files.exists(cache), "the DJL cache is a cache, not a temporary file");
        if (System.getenv("DJL_CACHE_DIR") == null && djl == null) {
            assertEquals(home.resolve("data/cache/djl").toString(), System.getProperty("DJL_CACHE_DIR"));
        }
    }
}
