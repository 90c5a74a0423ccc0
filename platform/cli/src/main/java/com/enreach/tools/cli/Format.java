package com.enreach.tools.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** Human renderings of API values: times, sizes, durations. */
final class Format {
    private Format() {
    }

    /** An ISO instant as {@code 2025-01-31 12:00:05Z}; blank stays blank, anything else is shown as is. */
    static String time(JsonNode n, String field) {
        String s = Json.text(n, field);
        if (s.isEmpty()) {
            return "";
        }
        try {
            return Instant.parse(s).truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ');
        } catch (DateTimeParseException e) {
            return s;
        }
    }

    /** Seconds between two ISO instants, or -1 when either is missing. */
    static long seconds(JsonNode n, String from, String to) {
        try {
            return Duration.between(Instant.parse(Json.text(n, from)), Instant.parse(Json.text(n, to))).toSeconds();
        } catch (DateTimeParseException e) {
            return -1;
        }
    }

    /** Bytes in binary units: {@code 1.5 TiB}. */
    static String bytes(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNumber() ? bytes(v.asDouble()) : "";
    }

    /** Bytes in binary units: {@code 1.5 TiB}. */
    static String bytes(double bytes) {
        double b = bytes;
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        int u = 0;
        while (b >= 1024 && u < units.length - 1) {
            b /= 1024;
            u++;
        }
        return u == 0 ? String.format(Locale.ROOT, "%.0f B", b) : String.format(Locale.ROOT, "%.1f %s", b, units[u]);
    }

    static String duration(long seconds) {
        if (seconds < 0) {
            return "";
        }
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + " min " + (seconds % 60) + " s";
        }
        if (seconds < 86_400) {
            return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
        }
        return (seconds / 86_400) + " d " + (seconds % 86_400 / 3600) + " h";
    }

    /** A content hash cut to 12 characters, like a short git hash: enough to tell versions apart. */
    static String hash(JsonNode n, String field) {
        String h = Json.text(n, field);
        return h.length() > 12 ? h.substring(0, 12) : h;
    }

    static String yesNo(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isBoolean() ? (v.asBoolean() ? "yes" : "no") : "";
    }
}
