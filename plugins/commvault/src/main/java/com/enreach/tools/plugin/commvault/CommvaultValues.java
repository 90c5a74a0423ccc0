package com.enreach.tools.plugin.commvault;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads Commvault JSON values, which arrive as numbers or strings depending on the release. */
final class CommvaultValues {
    private CommvaultValues() {
    }

    /** A field as trimmed text; null when absent or empty. */
    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }

    /** A whole number; null when absent or not a number. */
    static Long number(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        String s = v.asText().trim();
        return s.matches("-?\\d{1,18}") ? Long.valueOf(s) : null;
    }

    /** Epoch seconds as an Instant; 0 and negative values mean "not set". */
    static Instant epoch(JsonNode node, String field) {
        Long v = number(node, field);
        return v == null || v <= 0 ? null : Instant.ofEpochSecond(v);
    }

    /** A job id: positive number or non-empty text. */
    static String id(JsonNode node, String field) {
        Long n = number(node, field);
        if (n != null) {
            return n > 0 ? Long.toString(n) : null;
        }
        return text(node, field);
    }
}
