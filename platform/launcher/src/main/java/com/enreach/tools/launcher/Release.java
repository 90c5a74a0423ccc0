package com.enreach.tools.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The release a home runs: {@code RELEASE} in the home (written by scripts/deploy_to_production.sh into each release
 * directory, {@code id=<version>-<UTC time>}), so that a deployment can tell from {@code /api/health} that the new
 * release is the one answering. A home without the file (a build's own copy, an unpacked tar.gz) has no release id.
 */
public final class Release {
    private Release() {
    }

    /** The home's release id, or null. */
    public static String id(Path home) {
        Path f = home.resolve("RELEASE");
        if (!Files.isRegularFile(f)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        String id = p.getProperty("id");
        return id == null || id.isBlank() ? null : id.trim();
    }
}
