package com.enreach.tools.core.internal.db;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps are stored as ISO-8601 UTC text with millisecond precision, so they sort as text. */
public final class Times {
    private Times() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static String format(Instant t) {
        if (t == null) {
            return null;
        }
        String s = t.truncatedTo(ChronoUnit.MILLIS).toString();
        // Instant.toString drops ".000"; keep a fixed width so text order is time order.
        return s.length() == 20 ? s.substring(0, 19) + ".000Z" : s;
    }

    public static Instant parse(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
