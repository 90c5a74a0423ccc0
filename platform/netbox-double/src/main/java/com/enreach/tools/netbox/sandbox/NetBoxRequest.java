package com.enreach.tools.netbox.sandbox;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request to the double.
 *
 * @param method  GET, POST, PUT, PATCH or DELETE
 * @param baseUrl where the double is served, without trailing slash (e.g. {@code http://127.0.0.1:8123} or
 *                {@code http://host:8080/demo-netbox}); absolute URLs in answers start with it
 * @param path    the path below the base, e.g. {@code /api/dcim/devices/}
 * @param query   the raw query string without '?', or null
 * @param headers request headers (names matched case-insensitively)
 * @param body    the request body, or null
 */
public record NetBoxRequest(String method, String baseUrl, String path, String query, Map<String, String> headers, String body) {
    public NetBoxRequest {
        method = method.toUpperCase(Locale.ROOT);
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            h.putAll(headers);
        }
        headers = java.util.Collections.unmodifiableMap(h);
    }

    /** A header, case-insensitively, or null. */
    public String header(String name) {
        return headers.get(name);
    }

    /** Whether this request may write (everything but GET, HEAD and OPTIONS). */
    public boolean isWrite() {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }
}
