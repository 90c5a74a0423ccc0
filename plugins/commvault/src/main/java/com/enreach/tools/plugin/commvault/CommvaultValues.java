package com.enreach.tools.plugin.commvault;

import java.time.Instant;

import com.enreach.tools.source.support.JsonValues;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads Commvault JSON values, which arrive as numbers or strings depending on the release, with the shared
 * {@link JsonValues} semantics; epoch times and ids are Commvault's own.
 */
final class CommvaultValues {
    private CommvaultValues() {
    }

    /** A field as trimmed text; null when absent or empty (see {@link JsonValues#text(JsonNode)}). */
    static String text(JsonNode node, String field) {
        return JsonValues.text(JsonValues.at(node, field));
    }

    /** A whole number from a number or numeric text; null otherwise (see {@link JsonValues#whole(JsonNode)}). */
    static Long number(JsonNode node, String field) {
        return JsonValues.whole(JsonValues.at(node, field));
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
