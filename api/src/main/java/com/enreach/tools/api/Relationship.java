package com.enreach.tools.api;

/** A relationship between two devices, as the source instance that reported it sees it. */
public record Relationship(long id, String type, long fromId, String fromName, long toId, String toName,
                           String sourceInstance) {
}
