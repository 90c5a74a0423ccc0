package com.enreach.tools.plugin.ontap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Null-tolerant reads of ONTAP records: optional fields are simply absent from ONTAP answers. */
final class Json {
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

    private Json() {
    }

    /** The node at a dotted path ({@code space.snapshot.reserve_percent}); a missing node when absent. */
    static JsonNode at(JsonNode node, String dotted) {
        JsonNode n = node;
        for (String part : dotted.split("\\.")) {
            n = n.path(part);
        }
        return n;
    }

    /** A scalar as text; null when absent, null or empty. */
    static String text(JsonNode node, String dotted) {
        JsonNode v = at(node, dotted);
        if (!v.isValueNode() || v.isNull()) {
            return null;
        }
        String s = v.asText();
        return s.isEmpty() ? null : s;
    }

    /**
     * A whole number, kept exact: sizes of petabyte volumes exceed 2^53 and must not pass through a double.
     * Null when absent, not a number, or beyond the range of a long.
     */
    static Long longValue(JsonNode node, String dotted) {
        JsonNode v = at(node, dotted);
        try {
            if (v.isIntegralNumber()) {
                return v.canConvertToLong() ? v.longValue() : null;
            }
            BigDecimal d;
            if (v.isNumber()) {
                d = v.decimalValue();
            } else if (v.isTextual() && v.asText().trim().matches("-?\\d+")) {
                d = new BigDecimal(v.asText().trim());
            } else {
                return null;
            }
            if (d.compareTo(LONG_MAX) > 0 || d.compareTo(LONG_MIN) < 0) {
                return null;
            }
            return d.longValue();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    static Integer intValue(JsonNode node, String dotted) {
        Long l = longValue(node, dotted);
        return l == null || l > Integer.MAX_VALUE || l < Integer.MIN_VALUE ? null : l.intValue();
    }

    static Boolean bool(JsonNode node, String dotted) {
        JsonNode v = at(node, dotted);
        return v.isBoolean() ? v.booleanValue() : null;
    }

    /** The texts of an array of scalars, or of one field of an array of objects ({@code clients[].match}). */
    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : array) {
            String s = field == null ? (item.isValueNode() ? item.asText() : null) : text(item, field);
            if (s != null && !s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
