package com.enreach.tools.api.inventory;

import com.enreach.tools.api.plugin.FieldError;
import java.time.Instant;
import java.util.List;

/**
 * The golden-record rules in force.
 *
 * @param file     the rules file read ({@code etc/inventory-rules.json}), or the shipped defaults
 * @param loadedAt when the rules in force were loaded
 * @param errors   problems of the file on disk; when there are any, the previous valid rules stay in force
 */
public record ResolutionRules(String file, Instant loadedAt, List<AttributeRule> attributes, List<FieldError> errors) {
    public ResolutionRules {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
