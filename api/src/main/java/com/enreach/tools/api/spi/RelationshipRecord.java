package com.enreach.tools.api.spi;

import java.util.Objects;

/**
 * {@code from} has relationship {@code type} with {@code to}; both are source ids of devices of the same instance.
 * A relationship whose ends were not emitted in the run is reported as a warning and skipped.
 */
public record RelationshipRecord(String fromSourceId, String type, String toSourceId) {
    public RelationshipRecord {
        Objects.requireNonNull(fromSourceId, "fromSourceId is null");
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(toSourceId, "toSourceId is null");
    }
}
