package com.enreach.tools.rest.internal;

/** A route whose service is missing (its plugin is not installed) or cannot reach what it needs: a 503 with this code. */
final class ServiceUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    ServiceUnavailable(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
