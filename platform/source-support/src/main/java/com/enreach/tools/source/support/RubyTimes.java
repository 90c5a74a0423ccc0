package com.enreach.tools.source.support;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the time notations Ruby-based APIs (Foreman, oxidized-web) answer with: "2024-05-01 10:00:00 UTC" (or "+0200") and ISO 8601. */
public final class RubyTimes {
    private static final Pattern RUBY = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)\\s*(UTC|Z|[+-]\\d{2}:?\\d{2})?");

    private RubyTimes() {
    }

    /** The instant, or null when absent or not a time we know. */
    public static Instant parse(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = RUBY.matcher(s.trim());
        if (!m.matches()) {
            return null;
        }
        String zone = m.group(3);
        if (zone == null || zone.equals("UTC") || zone.equals("Z")) {
            zone = "Z";
        } else if (zone.indexOf(':') < 0) {
            zone = zone.substring(0, 3) + ":" + zone.substring(3);
        }
        try {
            return OffsetDateTime.parse(m.group(1) + "T" + m.group(2) + zone).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** ISO 8601 text of such a time; the raw text when it cannot be read, so nothing is lost. */
    public static String iso(String s) {
        Instant i = parse(s);
        return i != null ? i.toString() : s;
    }
}
