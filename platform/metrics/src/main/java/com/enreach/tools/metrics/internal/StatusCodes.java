package com.enreach.tools.metrics.internal;

/** HTTP status codes as label values, made once (no string per request). */
final class StatusCodes {
    private static final String[] CODES = new String[600];

    static {
        for (int i = 100; i < CODES.length; i++) {
            CODES[i] = Integer.toString(i).intern();
        }
    }

    private StatusCodes() {
    }

    static String of(int status) {
        return status >= 100 && status < CODES.length ? CODES[status] : "other";
    }
}
