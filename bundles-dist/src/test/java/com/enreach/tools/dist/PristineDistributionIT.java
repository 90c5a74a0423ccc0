package com.enreach.tools.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README's order: {@code enreach demo} runs in bundles-dist/target/enreach and leaves a database, the admin token
 * and the demo's source configuration there; the tests and the tar.gz must not see any of it.
 */
class PristineDistributionIT {
    /** What a run of the platform writes into its home: none of it may ship or reach a test home. */
    private static final List<String> RUN_STATE = List.of("data/enreach.db", "data/enreach.db-wal", "etc/admin.token",
            "etc/source.demo-estate.cfg", "etc/source.demo-vcenter.cfg", "etc/source.demo-puppetdb.cfg", "etc/source.demo-foreman.cfg",
            "etc/source.demo-oxidized.cfg", "etc/source.demo-commvault.cfg", "etc/source.demo-storage.cfg", "etc/source.demo-wiki.cfg",
            "etc/source.demo-jira.cfg", "log/enreach.log");

    @Test
    void testHomesStartPristineWhateverRanInTheBuildOutput() throws IOException {
        Path runHome = Path.of(System.getProperty("enreach.run.home", "target/enreach")).toAbsolutePath();
        List<Path> planted = new ArrayList<>();
        try {
            // What a demo run leaves behind (only what is not there already; removed again afterwards).
            for (String f : RUN_STATE) {
                Path p = runHome.resolve(f);
                if (Files.notExists(p)) {
                    Files.createDirectories(p.getParent());
                    Files.writeString(p, "left by a demo run\n", StandardCharsets.UTF_8);
                    planted.add(p);
                }
            }
            Distribution dist = Distribution.copy("pristine");
            for (String f : RUN_STATE) {
                assertFalse(Files.exists(dist.home().resolve(f)), f + " of the run home reached the test home " + dist.home());
            }
            assertEquals(Set.of(), files(dist.home().resolve("data")), "data/ of a fresh test home");
            assertEquals(shippedConfig(), files(dist.home().resolve("etc")), "etc/ of a fresh test home: only the shipped defaults");
        } finally {
            for (Path p : planted) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void theTarballShipsNoStateOfARun() throws IOException, InterruptedException {
        Path archive = Distribution.archive();
        Process tar = new ProcessBuilder("tar", "-tzf", archive.toString()).redirectErrorStream(true).start();
        List<String> entries;
        try (Stream<String> lines = tar.inputReader(StandardCharsets.UTF_8).lines()) {
            entries = lines.map(e -> e.replaceFirst("^enreach/", "")).toList();
        }
        assertEquals(0, tar.waitFor(), "tar -tzf " + archive + ": " + entries);
        assertTrue(entries.contains("bin/enreach"), "bin/enreach in " + entries);
        for (String e : entries) {
            assertFalse(e.matches("data/.+|log/.+"), "the tar.gz ships run state: " + e);
        }
        Set<String> etc = entries.stream().filter(e -> e.matches("etc/[^/]+")).map(e -> e.substring(4)).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(shippedConfig(), etc, "etc/ in the tar.gz: only the shipped defaults (no admin.token, no source.*.cfg)");
    }

    /** The default configuration the build ships (config/etc of the source tree). */
    private static Set<String> shippedConfig() throws IOException {
        return files(Path.of(System.getProperty("enreach.shipped.etc", "../config/etc")).toAbsolutePath());
    }

    private static Set<String> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
