package com.enreach.tools.api.inventory;

import java.util.List;

/**
 * An attribute of an entity on which sources disagree beyond the attribute's tolerance.
 *
 * @param chosen     the current golden value
 * @param candidates every source's value (the chosen one included)
 */
public record AttributeConflict(long entityId, String entityName, String entityType, String attribute,
                                GoldenValue chosen, List<GoldenValue.Alternative> candidates) {
    public AttributeConflict {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
