package com.enreach.tools.netbox.sandbox;

/**
 * Thrown by {@link NetBoxDouble#handle} when a test made the double crash: the HTTP adapters close the connection
 * without an answer, as a NetBox that died (or a network that broke) mid-request would.
 */
public class ConnectionDropped extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean applied;

    public ConnectionDropped(String message, boolean applied) {
        super(message);
        this.applied = applied;
    }

    /** Whether the request was applied before the connection dropped (the answer was lost, not the write). */
    public boolean applied() {
        return applied;
    }
}
