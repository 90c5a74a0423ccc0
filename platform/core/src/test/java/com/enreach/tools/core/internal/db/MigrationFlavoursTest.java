package com.enreach.tools.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Both flavours of the migrations keep one history: the PostgreSQL flavour starts with its baseline at V32 (the
 * SQLite schema of V32 in one script) and every later SQLite migration has a PostgreSQL twin with the same version and
 * description, and the other way round. A migration added for one engine only fails here, before any server runs.
 */
class MigrationFlavoursTest {
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");
    static final int POSTGRESQL_BASELINE = 32;

    private static Map<Integer, String> versions(String flavour) throws IOException {
        Map<Integer, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration", flavour))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = NAME.matcher(f.getFileName().toString());
                assertTrue(m.matches(), "not a versioned migration: " + f);
                out.put(Integer.parseInt(m.group(1)), m.group(2));
            }
        }
        return out;
    }

    @Test
    void everyMigrationAfterTheBaselineExistsForBothEngines() throws IOException {
        Map<Integer, String> sqlite = versions("sqlite");
        Map<Integer, String> postgresql = versions("postgresql");
        assertEquals("postgresql_baseline", postgresql.get(POSTGRESQL_BASELINE), "the PostgreSQL flavour starts with its baseline");
        assertTrue(sqlite.containsKey(POSTGRESQL_BASELINE), "the baseline stands for SQLite's V" + POSTGRESQL_BASELINE);
        Map<Integer, String> sqliteAfter = new TreeMap<>(sqlite);
        sqliteAfter.keySet().removeIf(v -> v <= POSTGRESQL_BASELINE);
        Map<Integer, String> postgresqlAfter = new TreeMap<>(postgresql);
        postgresqlAfter.keySet().removeIf(v -> v <= POSTGRESQL_BASELINE);
        assertEquals(sqliteAfter, postgresqlAfter, "migrations after V" + POSTGRESQL_BASELINE + " (version -> description) on SQLite and PostgreSQL");
        assertEquals(1, postgresql.size() - postgresqlAfter.size(), "the PostgreSQL flavour has nothing before its baseline");
    }
}
