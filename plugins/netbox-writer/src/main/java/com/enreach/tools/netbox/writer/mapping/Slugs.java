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
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");
    private static final java.util.regex.Pattern NOT_SLUG = java.util.regex.Pattern.compile("[^a-z0-9_\\s-]");
    private static final java.util.regex.Pattern RUNS = java.util.regex.Pattern.compile("[\\s-]+");
    private static final java.util.regex.Pattern EDGES = java.util.regex.Pattern.compile("^-+|-+$");
    private static final java.util.regex.Pattern VALID = java.util.regex.Pattern.compile("[-a-zA-Z0-9_]{1,100}");

    private Slugs() {
    }

    public static String slugify(String name) {
        if (name == null) {
            return null;
        }
        String s = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        s = NOT_SLUG.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("").trim();
        s = EDGES.matcher(RUNS.matcher(s).replaceAll("-")).replaceAll("");
        if (s.length() > MAX_LENGTH) {
            s = EDGES.matcher(s.substring(0, MAX_LENGTH)).replaceAll("");
        }
        return s;
    }

    /** True when the slug is what NetBox accepts: 1..100 of {@code [a-z0-9_-]} (it also takes upper case). */
    public static boolean valid(String slug) {
        return slug != null && VALID.matcher(slug).matches();
    }
}
