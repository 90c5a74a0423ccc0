package com.enreach.tools.api.inventory;

/**
 * Entity filters; null means any.
 *
 * @param q      search: words matched against name, identifiers (serial, UUID, FQDN, MAC, IP) of the observations
 * @param type   golden type
 * @param source source instance that has an observation of the entity
 * @param status {@code active} or {@code stale}
 * @param site   golden site (exact, case-insensitive)
 * @param sort   {@code name} (default), {@code -name}, {@code type}, {@code last_seen}, {@code -last_seen},
 *               {@code sources}, {@code -sources}; anything else is rejected with BAD_REQUEST
 * @param limit  1..{@link #MAX_LIMIT}
 */
public record EntityQuery(String q, String type, String source, String status, String site, String sort, int limit,
                          int offset) {
    public static final int MAX_LIMIT = 1000;
}
