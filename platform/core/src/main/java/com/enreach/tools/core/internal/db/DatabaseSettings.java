package com.enreach.tools.core.internal.db;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

import com.enreach.tools.api.plugin.ConfigFields;

/**
 * Where the master database is. Without {@code etc/com.enreach.tools.database.cfg} (or with {@code engine=sqlite}) it
 * is the SQLite file {@code data/enreach.db}; with {@code engine=postgresql} it is the PostgreSQL database at
 * {@code url} ({@code jdbc:postgresql://host:port/database}), as {@code user}, with the password given like every
 * other secret: {@code .password=...}, {@code password=ENC(...)} ({@code enreach secret encrypt}) or
 * {@code password.env=VARIABLE}. Read once at start: changing the engine is a restart (and a
 * {@code enreach db migrate-to-postgres} of the data), never a live switch.
 *
 * @param password null when the server needs none (trust or peer authentication)
 */
public record DatabaseSettings(String url, String user, String password) {
    /** The configuration file, in {@code etc/}. */
    public static final String FILE = "com.enreach.tools.database.cfg";

    public DatabaseSettings {
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("url: not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database): " + url);
        }
        if (url.contains("password=")) {
            throw new IllegalArgumentException("url: carries a password; give it as .password, password=ENC(...) or password.env instead");
        }
    }

    /** The PostgreSQL settings of this home, or empty when its master database is the SQLite file. */
    public static Optional<DatabaseSettings> read(Path home) {
        Path file = home.resolve("etc").resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> props = new HashMap<>();
        p.stringPropertyNames().forEach(k -> props.put(k, p.getProperty(k).trim()));
        return of(props, file.toString());
    }

    /** The settings in these properties ({@code where} names them in errors). */
    static Optional<DatabaseSettings> of(Map<String, String> props, String where) {
        ConfigFields f = new ConfigFields(props);
        String engine = f.string("engine", "sqlite").toLowerCase(java.util.Locale.ROOT);
        if (engine.equals("sqlite")) {
            return Optional.empty();
        }
        if (!engine.equals("postgresql")) {
            throw new IllegalArgumentException(where + ": engine: must be sqlite or postgresql, not " + engine);
        }
        String url = f.required("url");
        String user = f.string("user", null);
        String password = f.secret("password", false);
        if (!f.errors().isEmpty()) {
            throw new IllegalArgumentException(where + ": " + f.errors().stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        }
        try {
            return Optional.of(new DatabaseSettings(url, user, password));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + "]";
    }
}
