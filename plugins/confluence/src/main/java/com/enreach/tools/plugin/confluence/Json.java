package com.enreach.tools.plugin.confluence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.fasterxml.jackson.databind.JsonNode;

/** Reading Confluence's JSON: what must be there fails the run as malformed, naming the request. */
final class Json {
    private Json() {
    }

    /** The {@code results} array of a listing. */
    static JsonNode results(JsonNode body, String where) throws PermanentSourceException {
        JsonNode r = body.path("results");
        if (!r.isArray()) {
            throw PermanentSourceException.malformed(ConfluenceClient.SYSTEM + " GET " + where, "no results array", null);
        }
        return r;
    }

    /** A text or number field that must be present. */
    static String required(JsonNode n, String field, String where) throws PermanentSourceException {
        String v = text(n, field);
        if (v == null) {
            throw PermanentSourceException.malformed(ConfluenceClient.SYSTEM + " GET " + where, "an object without " + field, null);
        }
        return v;
    }

    /** A text or number field; null when absent, null or blank. */
    static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (!(v.isTextual() || v.isNumber())) {
            return null;
        }
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }

    /** An ISO-8601 timestamp with offset; null when absent or unreadable (not worth failing a run for). */
    static Instant instant(JsonNode n, String field) {
        String s = text(n, field);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                // Data Center writes offsets without a colon: 2026-11-30T09:15:00.000+0100
                return OffsetDateTime.parse(s, java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
