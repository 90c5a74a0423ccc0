package com.enreach.tools.api;

import java.util.Locale;

/**
 * What a token may do. Written as {@link #id()} everywhere (store, JSON). Every role includes {@link #VIEWER};
 * {@link #ADMIN} includes all; {@link #OPERATOR} and {@link #APPROVER} are separate (an operator previews NetBox
 * change sets, an approver approves and applies them; neither can do the other's part).
 */
public enum Role {
    /** Read everything but tokens. */
    VIEWER,
    /** Also trigger, confirm and cancel sync runs, check connections, build NetBox change sets. */
    OPERATOR,
    /**
     * Read everything like a viewer, and approve, reject and apply NetBox change sets. Not an operator.
     *
     * @since 1.4
     */
    APPROVER,
    /** Everything: also manage tokens and configuration. */
    ADMIN;

    /** True when a holder of this role may do what {@code other} may. */
    public boolean includes(Role other) {
        return this == other || this == ADMIN || other == VIEWER;
    }

    /**
     * The canonical form: lower case ({@code viewer}, {@code operator}, {@code approver}, {@code admin}).
     *
     * @since 1.1
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The role named in any letter case, surrounding blanks ignored.
     *
     * @throws IllegalArgumentException naming the accepted values when there is no such role
     * @since 1.1
     */
    public static Role of(String name) {
        if (name != null) {
            String n = name.trim();
            for (Role r : values()) {
                if (r.name().equalsIgnoreCase(n)) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("role must be one of viewer, operator, approver, admin, got '" + name + "'");
    }

    @Override
    public String toString() {
        return id();
    }
}
