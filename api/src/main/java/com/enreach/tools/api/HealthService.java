package com.enreach.tools.api;

/**
 * What the core knows of its own health, for {@code GET /api/health} (details) and {@code GET /api/health/ready}.
 * Registered by the core once its database is migrated: its presence is the core's readiness.
 */
public interface HealthService {
    /** The database, checked now (a cheap read and the files' sizes). */
    DatabaseHealth database();
}
