package com.enreach.tools.netbox.writer.mapping;

import java.text.Normalizer;
import java.util.Locale;

/**
 * NetBox's slug rule (its {@code slugify} filter and the UI's slug field): accents dropped, lower case, anything but
 * letters, digits, underscores and hyphens removed, runs of spaces/hyphens turned into one hyphen, trimmed, at most
 * 100 characters.
 */
public final class Slugs {
    public static final int MAX_LENGTH = 100;

    private Slugs() {
    }

    public static String slugify(String name) {
        if (name == null) {
            return null;
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        s = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_\\s-]", "").trim();
        s = s.replaceAll("[\\s-]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return s;
    }

    /** True when the slug is what NetBox accepts: 1..100 of {@code [a-z0-9_-]} (it also takes upper case). */
    public static boolean valid(String slug) {
        return slug != null && slug.matches("[-a-zA-Z0-9_]{1,100}");
    }
}
