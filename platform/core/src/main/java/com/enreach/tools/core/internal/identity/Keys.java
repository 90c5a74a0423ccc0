package com.enreach.tools.core.internal.identity;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.enreach.tools.core.internal.sync.Normalize;

/**
 * Normalised identifiers: the values stored in {@code identity_keys}, spelled the same whichever source gave them.
 * Every normaliser returns null for a value that identifies nothing (empty, a vendor placeholder, all zeros).
 */
public final class Keys {
    public static final String SYSTEM_UUID = "system_uuid";
    public static final String SERIAL = "serial";
    public static final String MAC = "mac";
    public static final String FQDN = "fqdn";
    public static final String HOSTNAME = "hostname";
    public static final String IP = "ip";
    public static final String INSTANCE_UUID = "instance_uuid";
    /** Identifiers that link on their own, strongest first. */
    public static final List<String> STRONG = List.of(SYSTEM_UUID, SERIAL, MAC, FQDN);
    /** Weak evidence, stronger first: links only one unique candidate with nothing contradicting it. */
    public static final List<String> WEAK = List.of(HOSTNAME, IP);

    /** Serial numbers firmware and tools print when there is none; shared by many machines, so no identity. */
    private static final Set<String> JUNK_SERIALS = Set.of("", "0", "NONE", "NULL", "N/A", "NA", "UNKNOWN", "NOT SPECIFIED",
            "NOT APPLICABLE", "NOT AVAILABLE", "TO BE FILLED BY O.E.M.", "DEFAULT STRING", "SYSTEM SERIAL NUMBER",
            "CHASSIS SERIAL NUMBER", "SERIAL NUMBER", "0123456789", "123456789", "1234567890", "XXXXXXXXXX", "INVALID", "EMPTY");
    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "localhost.localdomain", "localdomain");

    private Keys() {
    }

    /** Confidence of a link made by a rule. */
    public static double confidence(String rule) {
        return switch (rule) {
            case "manual", "source-id" -> 1.0;
            case SYSTEM_UUID -> 0.99;
            case SERIAL -> 0.95;
            case MAC -> 0.9;
            case FQDN -> 0.85;
            case HOSTNAME -> 0.6;
            case IP -> 0.4;
            default -> 0.5;
        };
    }

    /** A lower-case UUID (braces, "urn:uuid:" and spaces accepted), or null; see {@link Normalize#uuid(String)}. */
    public static String uuid(Object raw) {
        return raw == null ? null : Normalize.uuid(raw.toString());
    }

    /** A system UUID in the form both byte orders share; see {@link Normalize#systemUuid(String)}. */
    public static String systemUuid(Object raw) {
        return raw == null ? null : Normalize.systemUuid(raw.toString());
    }

    /**
     * A serial number in upper case with single spaces, or null for the placeholders firmware prints when there is
     * none and for values of one repeated character ("0000000", "XXXXXXX"). VMware's "VMware-42 1a ..." serials are
     * kept: they are derived from the VM's UUID, so they are unique.
     */
    public static String serial(Object raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.toString().trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        if (JUNK_SERIALS.contains(s) || s.length() < 3 || s.chars().distinct().count() == 1) {
            return null;
        }
        return s;
    }

    /** {@code aa:bb:cc:dd:ee:ff}, or null for an unparsable, all-zero, broadcast or multicast address. */
    public static String mac(Object raw) {
        String m = raw == null ? null : Normalize.mac(raw.toString());
        if (m == null || m.equals("00:00:00:00:00:00") || m.equals("ff:ff:ff:ff:ff:ff")) {
            return null;
        }
        int first = Integer.parseInt(m.substring(0, 2), 16);
        return (first & 1) != 0 ? null : m; // the group bit: multicast
    }

    /** A lower-case FQDN without trailing dot, or null when the value has no domain part or is an IP literal. */
    public static String fqdn(Object raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.toString().trim().toLowerCase(Locale.ROOT);
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        int dot = s.indexOf('.');
        if (dot <= 0 || s.contains(" ") || s.contains(":") || s.contains("/") || isIpLiteral(s) || LOCAL_NAMES.contains(s)) {
            return null;
        }
        return s;
    }

    /** The lower-case short host name (before the first dot), or null for IP literals, blanks and "localhost". */
    public static String hostname(Object raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.toString().trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || isIpLiteral(s) || s.contains(":")) {
            return null;
        }
        int dot = s.indexOf('.');
        String shortName = dot > 0 ? s.substring(0, dot) : s;
        return shortName.isEmpty() || LOCAL_NAMES.contains(shortName) ? null : shortName;
    }

    /** A normalised IP address that can say something about identity: not loopback, link-local or unspecified. */
    public static String ip(Object raw) {
        if (raw == null) {
            return null;
        }
        Normalize.Ip ip;
        try {
            ip = Normalize.ip(raw.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
        String a = ip.address();
        if (a.startsWith("127.") || a.startsWith("169.254.") || a.equals("0.0.0.0") || a.equals("::1") || a.equals("::")
                || a.toLowerCase(Locale.ROOT).startsWith("fe80:")) {
            return null;
        }
        return a;
    }

    private static boolean isIpLiteral(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return true;
    }
}
