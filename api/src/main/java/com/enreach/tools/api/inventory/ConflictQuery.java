package com.enreach.tools.api.inventory;

/**
 * Attribute conflict filters; null means any.
 *
 * @param source     a source instance among the disagreeing ones
 * @param entityType golden type of the entity
 */
public record ConflictQuery(String attribute, String source, String entityType, Long entityId, int limit, int offset) {
    public static final int MAX_LIMIT = 1000;
}
