package com.enreach.tools.plugin.netbox.api.internal;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/** NetBox's slugs (Django's {@code slugify}) and the stable ids of objects derived from golden values. */
final class Slugs {
    private static final Pattern NOT_WORD = Pattern.compile("[^\\w\\s-]");
    private static final Pattern DASHES = Pattern.compile("[-\\s]+");
    static final int MAX_LENGTH = 100;

    private Slugs() {
    }

    /** {@code "DC West 1"} → {@code "dc-west-1"}: ASCII folded, lower case, word characters and dashes only. */
    static String slugify(String value) {
        if (value == null) {
            return null;
        }
        String ascii = Normalizer.normalize(value, Normalizer.Form.NFKD).replaceAll("[^\\p{ASCII}]", "");
        String s = NOT_WORD.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("");
        s = DASHES.matcher(s.trim()).replaceAll("-");
        s = s.replaceAll("^[-_]+|[-_]+$", "");
        return s.length() > MAX_LENGTH ? s.substring(0, MAX_LENGTH) : s;
    }

    /**
     * The id of an object that exists only as a value (a site, role, platform...): a 31-bit hash of its kind and
     * slug, so it is the same on every request and after a restart without storing anything.
     */
    static long id(String kind, String slug) {
        CRC32 crc = new CRC32();
        crc.update((kind + ':' + slug).getBytes(StandardCharsets.UTF_8));
        return 1 + (crc.getValue() & 0x7ffffffeL);
    }
}
