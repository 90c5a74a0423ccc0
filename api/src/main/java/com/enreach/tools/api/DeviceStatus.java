package com.enreach.tools.api;

/** Device status values. */
public final class DeviceStatus {
    /** Seen in the last successful run of its source instance. */
    public static final String ACTIVE = "active";
    /** Not seen by the last successful run; kept, never deleted automatically. */
    public static final String STALE = "stale";
    /** Held back by an operator; the sync engine never changes it. */
    public static final String QUARANTINED = "quarantined";

    private DeviceStatus() {
    }

    public static boolean isValid(String s) {
        return ACTIVE.equals(s) || STALE.equals(s) || QUARANTINED.equals(s);
    }
}
