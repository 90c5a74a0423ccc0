package com.enreach.tools.netbox.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NetBox's (Django REST framework's) error bodies turned into field → messages: a dict per object
 * ({@code {"name": ["This field is required."], "custom_fields": {"x": ["..."]}}}), a list of such dicts for a bulk
 * request (one per object, empty for the valid ones), or {@code {"detail": "..."}}.
 */
final class NetBoxErrors {
    private NetBoxErrors() {
    }

    /** The errors of one object's answer; {@code detail} with the fallback text when the body says nothing usable. */
    static Map<String, List<String>> of(Object body, String fallback) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (body instanceof Map<?, ?> m) {
            flatten("", m, out);
        } else if (body instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(o -> o instanceof String)) {
            out.put("non_field_errors", strings(l));
        } else if (body instanceof String s && !s.isBlank()) {
            out.put("detail", List.of(s));
        }
        if (out.isEmpty()) {
            out.put("detail", List.of(fallback));
        }
        return out;
    }

    /**
     * The per-object errors of a rejected bulk body: one entry per object when NetBox answered a list as long as the
     * request, else null (the whole request was refused for a reason that names no object).
     */
    static List<Map<String, List<String>>> perObject(Object body, int size) {
        if (!(body instanceof List<?> l) || l.size() != size || !l.stream().allMatch(o -> o instanceof Map)) {
            return null;
        }
        List<Map<String, List<String>>> out = new ArrayList<>(size);
        for (Object o : l) {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            flatten("", (Map<?, ?>) o, errors);
            out.add(errors);
        }
        return out;
    }

    private static void flatten(String prefix, Map<?, ?> m, Map<String, List<String>> out) {
        m.forEach((k, v) -> {
            String field = prefix + k;
            if (v instanceof Map<?, ?> nested) {
                flatten(field + ".", nested, out);
            } else if (v instanceof List<?> l) {
                List<String> msgs = new ArrayList<>();
                for (Object o : l) {
                    if (o instanceof Map<?, ?> nested) {
                        flatten(field + ".", nested, out);
                    } else if (o != null) {
                        msgs.add(o.toString());
                    }
                }
                if (!msgs.isEmpty()) {
                    out.merge(field, msgs, NetBoxErrors::concat);
                }
            } else if (v != null) {
                out.merge(field, List.of(v.toString()), NetBoxErrors::concat);
            }
        });
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> l = new ArrayList<>(a);
        l.addAll(b);
        return l;
    }

    private static List<String> strings(List<?> l) {
        List<String> out = new ArrayList<>();
        l.forEach(o -> out.add(String.valueOf(o)));
        return out;
    }

    /** A short one-line text of an error body for an exception message (the {@code detail}, or the fields). */
    static String summary(Object body) {
        if (body instanceof Map<?, ?> m && m.get("detail") instanceof String d) {
            return d;
        }
        if (body == null) {
            return "";
        }
        Map<String, List<String>> e = of(body, "");
        StringBuilder b = new StringBuilder();
        e.forEach((f, ms) -> b.append(b.length() == 0 ? "" : "; ").append(f).append(": ").append(String.join(" ", ms)));
        String s = b.toString().replaceAll("\\s+", " ").trim();
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
