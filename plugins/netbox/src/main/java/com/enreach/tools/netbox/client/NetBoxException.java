package com.enreach.tools.netbox.client;

/**
 * A NetBox request that failed as a whole. The message names the method, the endpoint and NetBox's answer, never the
 * token.
 */
public class NetBoxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final boolean retryable;
    private final long retryAfterSeconds;

    public NetBoxException(String message, int status, boolean retryable, long retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryable = retryable;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** HTTP status, or 0 when there was no answer (connection, timeout). */
    public int status() {
        return status;
    }

    public boolean retryable() {
        return retryable;
    }

    /** Retry-After of a 429/503 in seconds, or -1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
