package com.enreach.tools.plugin.netbox.api.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One read request, servlet-free: the path below {@code /netbox} (e.g. {@code /api/dcim/devices/}), the query
 * parameters in their order (a name may repeat: {@code device_id=1&device_id=2} means either), and the absolute base
 * URL the links are built on (e.g. {@code http://host:8080/netbox}).
 */
record Request(String method, String path, Map<String, List<String>> params, String base) {
    /** Parameters that are not filters. */
    static final Set<String> CONTROL = Set.of("limit", "offset", "brief", "exclude", "ordering", "format", "fields", "omit", "include");

    Request {
        params = params == null ? Map.of() : params;
    }

    /** Parses {@code a=1&b=2&a=3} (URL-decoded). */
    static Map<String, List<String>> parse(String query) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return out;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** The values of a filter, blanks left out (empty when absent). */
    List<String> values(String name) {
        List<String> out = new ArrayList<>();
        for (String v : params.getOrDefault(name, List.of())) {
            if (!v.isBlank()) {
                out.add(v.trim());
            }
        }
        return out;
    }

    String first(String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    boolean flag(String name) {
        String v = first(name);
        return v != null && Set.of("true", "1", "yes", "on").contains(v.trim().toLowerCase(Locale.ROOT));
    }

    /** The same request's URL with limit and offset replaced (the other parameters kept in order). */
    String pageUrl(int limit, int offset) {
        StringBuilder q = new StringBuilder();
        params.forEach((k, vs) -> {
            if (!k.equals("limit") && !k.equals("offset")) {
                vs.forEach(v -> q.append('&').append(encode(k)).append('=').append(encode(v)));
            }
        });
        q.append("&limit=").append(limit).append("&offset=").append(offset);
        return base + path + "?" + q.substring(1);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
