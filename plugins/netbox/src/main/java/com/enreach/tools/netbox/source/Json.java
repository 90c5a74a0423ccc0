package com.enreach.tools.netbox.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lenient reads of NetBox's JSON maps: a missing or oddly typed value is absent (null), never an exception. */
final class Json {
    private Json() {
    }

    /** The value under a path of keys ({@code site, name}), or null. */
    static Object at(Map<String, Object> m, String... keys) {
        Object o = m;
        for (String k : keys) {
            if (!(o instanceof Map<?, ?> map)) {
                return null;
            }
            o = map.get(k);
        }
        return o;
    }

    /** A scalar as trimmed text, or null. */
    static String text(Map<String, Object> m, String... keys) {
        Object o = at(m, keys);
        if (o instanceof String || o instanceof Number || o instanceof Boolean) {
            String s = o.toString().trim();
            return s.isEmpty() ? null : s;
        }
        return null;
    }

    /** A whole number, or null (fractions and text are absent). */
    static Long whole(Map<String, Object> m, String... keys) {
        Object o = at(m, keys);
        if (o instanceof Integer || o instanceof Long) {
            return ((Number) o).longValue();
        }
        if (o instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !Double.isInfinite(n.doubleValue())) {
            return n.longValue();
        }
        return null;
    }

    static Boolean bool(Map<String, Object> m, String... keys) {
        return at(m, keys) instanceof Boolean b ? b : null;
    }

    /** A nested object's name ({@code name}, else {@code display}, else {@code slug}), or null. */
    static String name(Map<String, Object> m, String key) {
        String n = text(m, key, "name");
        if (n == null) {
            n = text(m, key, "display");
        }
        return n == null ? text(m, key, "slug") : n;
    }

    /** The id of a nested object ({@code site: {id: 3}}) or of a bare id ({@code site: 3}), or null. */
    static Long id(Map<String, Object> m, String key) {
        Object o = m.get(key);
        if (o instanceof Number) {
            return whole(m, key);
        }
        return whole(m, key, "id");
    }

    /** The slugs (else names) of the {@code tags}. */
    static List<String> tags(Map<String, Object> m) {
        List<String> out = new ArrayList<>();
        if (m.get("tags") instanceof List<?> l) {
            for (Object t : l) {
                if (t instanceof Map<?, ?> tm) {
                    Object s = tm.get("slug") != null ? tm.get("slug") : tm.get("name");
                    if (s != null) {
                        out.add(s.toString());
                    }
                }
            }
        }
        return out;
    }

    /** The custom fields that have a value (NetBox lists every defined field, null when unset). */
    static Map<String, Object> customFields(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (m.get("custom_fields") instanceof Map<?, ?> cf) {
            cf.forEach((k, v) -> {
                if (v != null && !(v instanceof String s && s.isBlank())) {
                    out.put(k.toString(), v);
                }
            });
        }
        return out;
    }

    /** An address without its prefix length ({@code 10.0.0.5/24} → {@code 10.0.0.5}). */
    static String hostAddress(String address) {
        if (address == null) {
            return null;
        }
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }
}
