package com.enreach.tools.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where the API token comes from: {@code ENREACH_TOKEN}, else {@code <home>/etc/admin.token}. Read lazily, at the
 * first request, because {@code start} creates the file only once the platform is up. Never printed.
 */
final class TokenSource {
    static final String ENV = "ENREACH_TOKEN";

    private final Function<String, String> env;
    private final Path file;
    private String secret;
    private boolean loaded;

    TokenSource(Function<String, String> env, Path home) {
        this.env = env;
        this.file = home.resolve("etc").resolve("admin.token");
    }

    /** The token, or null when there is none (the API then answers 401 to all but the health check). */
    synchronized String secret() {
        if (!loaded) {
            loaded = true;
            secret = lookup();
        }
        return secret;
    }

    private String lookup() {
        String fromEnv = env.apply(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).trim();
            return s.isEmpty() ? null : s;
        } catch (IOException e) {
            return null;
        }
    }

    /** Tells a person where the token came from, without showing it. */
    String hint() {
        String fromEnv = env.apply(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return "The token comes from " + ENV + "; check that it is current and has the role this command needs.";
        }
        if (secret() != null) {
            return "The token comes from " + file + "; check that it is current (or set " + ENV + ").";
        }
        return "No token: set " + ENV + ", or run where " + file + " is readable (--home / ENREACH_HOME).";
    }
}
