package com.enreach.tools.plugin.puppetdb;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Lenient readers for fact values: facts come from many Facter versions and custom fact code, so a value of the
 * wrong type is treated as absent instead of failing the node (legacy facts are strings: "4", "true").
 */
final class Json {
    private Json() {
    }

    /** The node at a path of object keys, or null when any step is missing or not an object. */
    static JsonNode at(JsonNode node, String... path) {
        JsonNode n = node;
        for (String key : path) {
            if (n == null || !n.isObject()) {
                return null;
            }
            n = n.get(key);
        }
        return n == null || n.isNull() || n.isMissingNode() ? null : n;
    }

    /** A scalar as text; null for missing, blank, objects and arrays. */
    static String text(JsonNode n) {
        if (n == null || !n.isValueNode() || n.isNull()) {
            return null;
        }
        String s = n.asText().trim();
        return s.isEmpty() ? null : s;
    }

    /** A whole number from a JSON number or numeric text; null otherwise or when out of range. */
    static Long whole(JsonNode n) {
        if (n == null) {
            return null;
        }
        try {
            if (n.isIntegralNumber() && n.canConvertToLong()) {
                return n.asLong();
            }
            if (n.isNumber()) {
                return n.decimalValue().setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
            }
            String s = text(n);
            return s == null ? null : new BigDecimal(s).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    static Integer integer(JsonNode n) {
        Long v = whole(n);
        return v == null || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : v.intValue();
    }

    /** A boolean from a JSON boolean or the text true/false. */
    static Boolean bool(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        String s = text(n);
        if ("true".equalsIgnoreCase(s)) {
            return Boolean.TRUE;
        }
        return "false".equalsIgnoreCase(s) ? Boolean.FALSE : null;
    }

    static String firstText(JsonNode... candidates) {
        for (JsonNode c : candidates) {
            String s = text(c);
            if (s != null) {
                return s;
            }
        }
        return null;
    }
}
