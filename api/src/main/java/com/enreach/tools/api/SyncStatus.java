package com.enreach.tools.api;

/** Sync run status values. */
public final class SyncStatus {
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    /** Stopped before marking stale because it would exceed the delete budget; re-run with confirmation. */
    public static final String NEEDS_CONFIRMATION = "needs_confirmation";
    public static final String CANCELLED = "cancelled";

    private SyncStatus() {
    }
}
