package com.enreach.tools.core.internal.golden;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.enreach.tools.core.internal.sync.Normalize;

/**
 * How far two values of an attribute may differ without a conflict: {@code exact}, {@code case} (text compared
 * case-insensitively), {@code hostname} ({@code case}, and a short name agrees with a longer name that begins with it
 * and a dot: {@code web01} and {@code web01.example.com}), {@code os} (the same operating system family and, when
 * both name one, the same major version: vCenter's {@code Ubuntu Linux (64-bit)} agrees with Facter's
 * {@code Ubuntu 22.04}, {@code Ubuntu 22.04} does not agree with {@code Ubuntu 24.04}) or {@code N%} (numbers within
 * N percent of the larger).
 */
record Tolerance(String text, Kind kind, double percent) {
    enum Kind { EXACT, CASE, HOSTNAME, OS, PERCENT }

    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3})?)\\s*%");
    /** A generic {@code server} agrees with a more specific kind of server. */
    private static final Set<String> SERVER_KINDS = Set.of("vm", "hypervisor");

    static final Tolerance EXACT_MATCH = new Tolerance("exact", Kind.EXACT, 0);
    static final Tolerance CASE_INSENSITIVE = new Tolerance("case", Kind.CASE, 0);
    static final Tolerance HOSTNAME = new Tolerance("hostname", Kind.HOSTNAME, 0);
    static final Tolerance OPERATING_SYSTEM = new Tolerance("os", Kind.OS, 0);
    /** Words that name an OS family, in the spellings vCenter, Facter and Foreman use. */
    private static final String[][] OS_FAMILIES = {{"windows", "windows"}, {"red hat", "rhel"}, {"redhat", "rhel"}, {"rhel", "rhel"},
        {"centos", "centos"}, {"rocky", "rocky"}, {"alma", "alma"}, {"oracle", "oracle"}, {"ubuntu", "ubuntu"}, {"debian", "debian"},
        {"suse", "suse"}, {"sles", "suse"}, {"esxi", "esxi"}, {"aix", "aix"}, {"solaris", "solaris"}, {"freebsd", "freebsd"}};
    private static final Pattern BITS = Pattern.compile("\\(?(32|64)[- ]?bit\\)?");
    private static final Pattern VERSION = Pattern.compile("(\\d+)");

    static Tolerance percent(double p) {
        return new Tolerance(format(p) + "%", Kind.PERCENT, p);
    }

    /** Parses a tolerance; null when the text is none of the forms. */
    static Tolerance parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "exact":
                return EXACT_MATCH;
            case "case":
                return CASE_INSENSITIVE;
            case "hostname":
                return HOSTNAME;
            case "os":
                return OPERATING_SYSTEM;
            default:
                Matcher m = PERCENT.matcher(t);
                if (m.matches()) {
                    double p = Double.parseDouble(m.group(1));
                    return p <= 100 ? percent(p) : null;
                }
                return null;
        }
    }

    private static String format(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }

    /** True when the two (normalised, non-null) values agree within this tolerance. */
    boolean agrees(String attribute, Object a, Object b) {
        if (Objects.equals(a, b)) {
            return true;
        }
        if (a instanceof Number x && b instanceof Number y) {
            double dx = x.doubleValue();
            double dy = y.doubleValue();
            if (kind != Kind.PERCENT) {
                return dx == dy;
            }
            double max = Math.max(Math.abs(dx), Math.abs(dy));
            return Math.abs(dx - dy) <= max * percent / 100.0;
        }
        String sa = String.valueOf(a);
        String sb = String.valueOf(b);
        if (kind == Kind.EXACT) {
            return false;
        }
        if (sa.equalsIgnoreCase(sb)) {
            return true;
        }
        if ("type".equals(attribute)) {
            return genericServer(sa, sb) || genericServer(sb, sa);
        }
        if ("system_uuid".equals(attribute)) {
            String ka = Normalize.systemUuid(sa);
            return ka != null && ka.equals(Normalize.systemUuid(sb)); // the same UUID in the other byte order
        }
        if (kind == Kind.HOSTNAME) {
            return startsWithLabels(sa, sb) || startsWithLabels(sb, sa);
        }
        if (kind == Kind.OS) {
            return sameOs(sa, sb);
        }
        return false;
    }

    private static boolean sameOs(String a, String b) {
        String la = BITS.matcher(a.toLowerCase(Locale.ROOT)).replaceAll(" ");
        String lb = BITS.matcher(b.toLowerCase(Locale.ROOT)).replaceAll(" ");
        String fa = osFamily(la);
        if (fa == null || !fa.equals(osFamily(lb))) {
            return false;
        }
        Matcher va = VERSION.matcher(la);
        Matcher vb = VERSION.matcher(lb);
        return !va.find() || !vb.find() || va.group(1).equals(vb.group(1));
    }

    private static String osFamily(String lower) {
        for (String[] f : OS_FAMILIES) {
            if (lower.contains(f[0])) {
                return f[1];
            }
        }
        return null;
    }

    private static boolean genericServer(String generic, String specific) {
        return "server".equalsIgnoreCase(generic) && SERVER_KINDS.contains(specific.toLowerCase(Locale.ROOT));
    }

    private static boolean startsWithLabels(String longer, String shorter) {
        return longer.length() > shorter.length() && longer.charAt(shorter.length()) == '.'
                && longer.regionMatches(true, 0, shorter, 0, shorter.length());
    }
}
