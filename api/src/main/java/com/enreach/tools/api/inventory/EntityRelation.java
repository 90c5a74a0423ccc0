package com.enreach.tools.api.inventory;

/**
 * A relationship between two entities, lifted from a relationship between their observations.
 *
 * @param type      {@link com.enreach.tools.api.spi.RelationshipTypes} value, e.g. {@code runs_on}, {@code member_of}
 * @param direction {@code out} when this entity is the relationship's {@code from} side, else {@code in}
 */
public record EntityRelation(String type, String direction, long entityId, String entityName, String entityType,
                             String sourceInstance) {
}
