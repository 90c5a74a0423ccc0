package com.enreach.tools.source.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Lenient readers of JSON values from source systems, with one semantics for every plugin. A value of the wrong
 * type reads as absent ({@code null}) instead of failing: sources send numbers as text, leave fields out and change
 * types between releases. The rules:
 * <ul>
 * <li><b>text</b>: any scalar (string, number, boolean) as trimmed text; null for missing, JSON null, objects,
 *     arrays and blank text.</li>
 * <li><b>whole numbers</b>: a JSON integer, or a JSON number or numeric text ("42", " -7 ", "1e3", "2.0") whose value
 *     is a whole number. A fractional value (1.9) is <em>rejected</em> (null), never cut or rounded, and so is a
 *     value beyond the range of a long. Integers keep every digit: sizes beyond 2^53 never pass through a double.</li>
 * <li><b>booleans</b>: JSON true/false, or the text "true"/"false" in any case (legacy facts, DeviceManager);
 *     anything else ("yes", 1) is null.</li>
 * </ul>
 * Paths are object keys, either as separate arguments ({@link #at(JsonNode, String...)}) or dotted
 * ({@link #path(JsonNode, String)}); a missing step gives a missing node, never an exception.
 *
 * @since 1.2
 */
public final class JsonValues {
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

    private JsonValues() {
    }

    /** The node under a sequence of object keys; a missing node when any step is absent or not an object. */
    public static JsonNode at(JsonNode node, String... keys) {
        JsonNode n = node == null ? MissingNode.getInstance() : node;
        for (String key : keys) {
            n = n.isObject() ? n.path(key) : MissingNode.getInstance();
        }
        return n;
    }

    /** The node at a dotted path ({@code space.snapshot.reserve_percent}); a missing node when absent. */
    public static JsonNode path(JsonNode node, String dotted) {
        return at(node, dotted.split("\\."));
    }

    /** Whether a node holds no usable value: null reference, missing, JSON null. */
    public static boolean absent(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull();
    }

    /** A scalar as trimmed text; null for missing, JSON null, objects, arrays and blank text. */
    public static String text(JsonNode n) {
        if (absent(n) || !n.isValueNode()) {
            return null;
        }
        String s = n.asText().trim();
        return s.isEmpty() ? null : s;
    }

    /** {@link #text(JsonNode)} of a member at a dotted path. */
    public static String text(JsonNode node, String dotted) {
        return text(path(node, dotted));
    }

    /**
     * A whole number from a JSON number or numeric text; null when absent, not a number, fractional or beyond the
     * range of a long.
     */
    public static Long whole(JsonNode n) {
        if (absent(n)) {
            return null;
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? n.longValue() : null;
        }
        BigDecimal d;
        if (n.isNumber()) {
            d = n.decimalValue();
        } else if (n.isTextual()) {
            d = decimal(n.asText().trim());
        } else {
            return null;
        }
        return exactLong(d);
    }

    /** {@link #whole(JsonNode)} of a member at a dotted path. */
    public static Long whole(JsonNode node, String dotted) {
        return whole(path(node, dotted));
    }

    /** A whole number that fits an int; null otherwise (see {@link #whole(JsonNode)}). */
    public static Integer integer(JsonNode n) {
        Long v = whole(n);
        return v == null || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : v.intValue();
    }

    /** {@link #integer(JsonNode)} of a member at a dotted path. */
    public static Integer integer(JsonNode node, String dotted) {
        return integer(path(node, dotted));
    }

    /** A boolean from JSON true/false or the text "true"/"false" in any case; null otherwise. */
    public static Boolean bool(JsonNode n) {
        if (absent(n)) {
            return null;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (!n.isTextual()) {
            return null;
        }
        String s = n.asText().trim();
        if (s.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        return s.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }

    /** {@link #bool(JsonNode)} of a member at a dotted path. */
    public static Boolean bool(JsonNode node, String dotted) {
        return bool(path(node, dotted));
    }

    /**
     * The texts of an array of scalars ({@code field} null), or of one member of an array of objects
     * ({@code clients[].match}); absent and blank entries are left out.
     */
    public static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return out;
        }
        for (JsonNode item : array) {
            String s = field == null ? text(item) : text(item, field);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** The first of the candidates that has text. */
    public static String firstText(JsonNode... candidates) {
        for (JsonNode c : candidates) {
            String s = text(c);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    private static BigDecimal decimal(String s) {
        // plain decimal or scientific notation only, with a bounded exponent: "1e999999999" must not cost a big number
        if (s.isEmpty() || s.length() > 60 || !s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?")) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long exactLong(BigDecimal d) {
        if (d == null || d.compareTo(LONG_MAX) > 0 || d.compareTo(LONG_MIN) < 0) {
            return null;
        }
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            return null; // a fractional value
        }
    }
}
