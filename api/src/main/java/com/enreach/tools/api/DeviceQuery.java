package com.enreach.tools.api;

/**
 * Device filters; null means any. {@code q} matches name, source id and key metadata (case-insensitive substring).
 */
public record DeviceQuery(String sourceSystem, String sourceInstance, String type, String status, String q,
                          int limit, int offset) {
    public static final int MAX_LIMIT = 1000;
}
