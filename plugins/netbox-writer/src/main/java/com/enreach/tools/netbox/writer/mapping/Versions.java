package com.enreach.tools.netbox.writer.mapping;

/** NetBox version checks ({@code 4.2.2}, {@code v4.1-beta}, ...); an unknown version counts as current. */
public final class Versions {
    private static final java.util.regex.Pattern NUMBERS = java.util.regex.Pattern.compile("(\\d+)\\.(\\d+)");

    private Versions() {
    }

    /** True when {@code version} is known and older than major.minor. */
    public static boolean before(String version, int major, int minor) {
        if (version == null) {
            return false;
        }
        java.util.regex.Matcher m = NUMBERS.matcher(version);
        if (!m.find()) {
            return false;
        }
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        return a < major || (a == major && b < minor);
    }
}
