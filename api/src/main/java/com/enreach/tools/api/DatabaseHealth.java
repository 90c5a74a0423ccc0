package com.enreach.tools.api;

/**
 * The master database as the health check reports it.
 *
 * @param engine            {@code sqlite}
 * @param schemaVersion     the last migration applied (Flyway version), null when none is
 * @param migrationsApplied migrations recorded as applied
 * @param migrationsPending migrations the platform ships that are not applied (0 once the core is up)
 * @param sizeBytes         the database file's size
 * @param walBytes          the write-ahead log's size (0 when there is none)
 * @param ok                a read answered
 * @param problem           what failed when not {@code ok}, else null
 */
public record DatabaseHealth(String engine, String schemaVersion, int migrationsApplied, int migrationsPending, long sizeBytes,
                             long walBytes, boolean ok, String problem) {
}
