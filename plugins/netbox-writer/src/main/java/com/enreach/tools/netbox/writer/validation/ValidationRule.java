package com.enreach.tools.netbox.writer.validation;

/**
 * One validation rule. Rules see the whole desired state (uniqueness needs every object) and what NetBox holds,
 * and report findings per object. Add a rule by registering it in a {@link ValidationRegistry}.
 */
public interface ValidationRule {
    /** Stable id, lower-case with hyphens ({@code ip-unique}); shown in reports and used as a filter. */
    String id();

    /** One line for people. */
    String description();

    /** {@code error} (blocks the object out of change sets), {@code warning} or {@code info}. */
    String defaultSeverity();

    /** Checks and reports through {@code sink}. */
    void check(ValidationContext context, FindingSink sink);
}
