package com.enreach.tools.plugin.dorado;

import java.math.BigInteger;
import java.util.Map;

import com.enreach.tools.source.support.JsonValues;
import com.fasterxml.jackson.databind.JsonNode;

/** Reads DeviceManager values: everything arrives as a string, capacities in sectors, states as numeric codes. */
final class DoradoValues {
    /** The unit of every capacity field unless the system says otherwise. */
    static final long DEFAULT_SECTOR_SIZE = 512;

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private static final Map<String, String> HEALTH = Map.ofEntries(
            Map.entry("0", "unknown"), Map.entry("1", "normal"), Map.entry("2", "fault"), Map.entry("3", "pre-fail"),
            Map.entry("4", "partially broken"), Map.entry("5", "degraded"), Map.entry("6", "bad sectors found"),
            Map.entry("7", "bit errors found"), Map.entry("8", "consistent"), Map.entry("9", "inconsistent"),
            Map.entry("10", "busy"), Map.entry("11", "no input"), Map.entry("12", "low battery"),
            Map.entry("13", "single link fault"), Map.entry("14", "invalid"), Map.entry("15", "write protect"));

    private static final Map<String, String> RUNNING = Map.ofEntries(
            Map.entry("1", "normal"), Map.entry("2", "running"), Map.entry("3", "not running"),
            Map.entry("10", "link up"), Map.entry("11", "link down"), Map.entry("12", "powering on"),
            Map.entry("13", "powered off"), Map.entry("14", "pre-copy"), Map.entry("16", "reconstruction"),
            Map.entry("27", "online"), Map.entry("28", "offline"), Map.entry("32", "balancing"),
            Map.entry("53", "initializing"));

    /** Reports a value that could not be used, for the run's warnings. */
    interface Problems {
        void warn(String message);
    }

    private DoradoValues() {
    }

    /** A field as trimmed text; null when absent, empty or the array's "--" placeholder. */
    static String text(JsonNode node, String field) {
        String s = JsonValues.text(JsonValues.at(node, field));
        return "--".equals(s) ? null : s;
    }

    /** "true"/"false" (or a JSON boolean) as a Boolean; null otherwise (see {@link JsonValues#bool(JsonNode)}). */
    static Boolean bool(JsonNode node, String field) {
        return JsonValues.bool(JsonValues.at(node, field));
    }

    /** A whole number; null when absent, "--", fractional or beyond a long (see {@link JsonValues#whole(JsonNode)}). */
    static Long number(JsonNode node, String field) {
        return JsonValues.whole(JsonValues.at(node, field));
    }

    /**
     * A capacity in bytes from a sector count. BigInteger so that no sector count can overflow silently; a value
     * that does not fit a long or is not a number is reported and left out instead of failing the run.
     */
    static Long bytes(JsonNode node, String field, long sectorSize, Problems problems) {
        String s = text(node, field);
        if (s == null) {
            return null;
        }
        if (!s.matches("\\d+")) {
            problems.warn(field + " is not a sector count: '" + s + "'");
            return null;
        }
        BigInteger b = new BigInteger(s).multiply(BigInteger.valueOf(sectorSize));
        if (b.compareTo(LONG_MAX) > 0) {
            problems.warn(field + " of " + s + " sectors is beyond any real capacity; left out");
            return null;
        }
        return b.longValue();
    }

    /** The sector size the object states, or the fallback. */
    static long sectorSize(JsonNode node, long fallback) {
        Long v = number(node, "SECTORSIZE");
        return v == null || v <= 0 ? fallback : v;
    }

    /** ALLOCTYPE: "1" thin, "0" thick, anything else unknown. */
    static Boolean thin(JsonNode node) {
        String s = text(node, "ALLOCTYPE");
        if ("1".equals(s)) {
            return Boolean.TRUE;
        }
        return "0".equals(s) ? Boolean.FALSE : null;
    }

    static String health(JsonNode node) {
        return word(HEALTH, text(node, "HEALTHSTATUS"));
    }

    static String running(JsonNode node) {
        return word(RUNNING, text(node, "RUNNINGSTATUS"));
    }

    /** Known codes as words; unknown ones kept as "code n" so nothing is lost. */
    static String word(Map<String, String> words, String code) {
        if (code == null) {
            return null;
        }
        String w = words.get(code);
        return w == null ? "code " + code : w;
    }
}
