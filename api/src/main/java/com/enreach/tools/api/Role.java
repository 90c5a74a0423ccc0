package com.enreach.tools.api;

import java.util.Locale;

/** What a token may do. Each role includes the ones before it. Written as {@link #id()} everywhere (store, JSON). */
public enum Role {
    /** Read everything but tokens. */
    VIEWER,
    /** Also trigger, confirm and cancel sync runs, check connections. */
    OPERATOR,
    /** Also manage tokens and configuration. */
    ADMIN;

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    /**
     * The canonical form: lower case ({@code viewer}, {@code operator}, {@code admin}).
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
        throw new IllegalArgumentException("role must be one of viewer, operator, admin, got '" + name + "'");
    }

    @Override
    public String toString() {
        return id();
    }
}
