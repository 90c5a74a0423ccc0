package com.enreach.tools.api.netbox;

/**
 * What one validation rule found about one object.
 *
 * @param rule       the rule id ({@code required-fields}, {@code name-valid}, {@code name-unique}, {@code ip-valid},
 *                   {@code ip-unique}, {@code known-site-role}, {@code interface-name}, {@code mac-valid}, ...)
 * @param severity   {@code error} (blocking: the object stays out of change sets), {@code warning} or {@code info}
 * @param objectType the NetBox kind the object maps to ({@link NetBoxKinds})
 * @param entityId   the golden entity, null for objects that are not entities (an IP of a NetBox-only object, ...)
 * @param object     the object's display name
 * @param field      the NetBox field concerned, or null
 * @param message    what is wrong and what to do, for a person
 */
public record ValidationFinding(String rule, String severity, String objectType, Long entityId, String object,
                                String field, String message) {
    public static final String ERROR = "error";
    public static final String WARNING = "warning";
    public static final String INFO = "info";

    /** True for findings that keep the object out of a change set. */
    public boolean blocking() {
        return ERROR.equals(severity);
    }
}
