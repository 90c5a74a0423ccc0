package com.enreach.tools.api;

/** What a token may do. Each role includes the ones before it. */
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
}
