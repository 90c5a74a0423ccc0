package com.enreach.tools.core.internal.sync;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Normalises identifiers that sources spell in many ways: host names, MAC addresses, IP addresses, UUIDs. */
public final class Normalize {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+(%[\\w.]+)?");
    private static final Pattern HEX12 = Pattern.compile("[0-9a-f]{12}");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Set<String> JUNK_UUIDS = Set.of("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
            // the SMBIOS default some boards ship with (Supermicro, Gigabyte): shared by thousands of machines
            "03000200-0400-0500-0006-000700080009");

    private Normalize() {
    }

    /**
     * The key that matches the same machine across sources: the lower-case short host name (before the first dot),
     * or the whole address when the name is an IP address.
     */
    public static String hostKey(String hostOrFqdn) {
        if (hostOrFqdn == null) {
            return null;
        }
        String s = hostOrFqdn.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            return null;
        }
        if (s.indexOf(':') >= 0 || looksLikeIpv4(s)) {
            return s;
        }
        int dot = s.indexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }

    /** Digits and dots only: an IPv4 literal, not a host name (cheap: this runs for every device). */
    private static boolean looksLikeIpv4(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return IPV4.matcher(s).matches();
    }

    /**
     * MAC as {@code aa:bb:cc:dd:ee:ff}, or null when it is not a 48-bit MAC in a known notation: six groups of one
     * or two hex digits with one separator ({@code :}, {@code -} or space; Solaris and AIX print {@code 0:14:4f:19:c:1}),
     * Cisco's three dotted groups of four ({@code 0014.4f19.0c01}), or twelve bare hex digits.
     */
    public static String mac(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.trim().toLowerCase(Locale.ROOT);
        if (s.length() == 12) {
            return HEX12.matcher(s).matches() ? colons(s) : null;
        }
        if (s.length() == 14 && s.charAt(4) == '.' && s.charAt(9) == '.') {
            String hex = s.substring(0, 4) + s.substring(5, 9) + s.substring(10);
            return HEX12.matcher(hex).matches() ? colons(hex) : null;
        }
        return sixGroups(s);
    }

    /** {@code 0:14:4f:19:c:1}, {@code 00-14-...}: each group padded to two digits; one separator throughout. */
    private static String sixGroups(String s) {
        char sep = 0;
        StringBuilder hex = new StringBuilder(12);
        int groups = 0;
        int digits = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : 0;
            if (Character.digit(c, 16) >= 0 && i < s.length()) {
                if (++digits > 2) {
                    return null;
                }
                continue;
            }
            if (i < s.length()) {
                if (c != ':' && c != '-' && c != ' ' || sep != 0 && c != sep) {
                    return null;
                }
                sep = c;
            }
            if (digits == 0 || ++groups > 6) {
                return null;
            }
            if (digits == 1) {
                hex.append('0');
            }
            hex.append(s, i - digits, i);
            digits = 0;
        }
        return groups == 6 ? colons(hex.toString()) : null;
    }

    private static String colons(String hex12) {
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(hex12, i, i + 2);
        }
        return sb.toString();
    }

    /** A validated IP address. */
    public record Ip(String address, Integer prefixLength, int family) {
    }

    /**
     * Parses {@code address[/prefix]} without any DNS lookup.
     *
     * @throws IllegalArgumentException with a message saying what is wrong
     */
    public static Ip ip(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("empty IP address");
        }
        String s = raw.trim();
        Integer prefix = null;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + raw + "' has an invalid prefix length");
            }
            s = s.substring(0, slash);
        }
        InetAddress a;
        if (IPV4.matcher(s).matches()) {
            for (String part : s.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    throw new IllegalArgumentException("'" + raw + "' is not a valid IPv4 address");
                }
            }
        } else if (!s.contains(":") || !IPV6_CHARS.matcher(s).matches()) {
            throw new IllegalArgumentException("'" + raw + "' is not an IP address");
        }
        try {
            // A literal (checked above) is parsed without DNS.
            a = InetAddress.getByName(s.contains("%") ? s.substring(0, s.indexOf('%')) : s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + raw + "' is not a valid IP address");
        }
        int family = a instanceof Inet4Address ? 4 : 6;
        int max = family == 4 ? 32 : 128;
        if (prefix != null && (prefix < 0 || prefix > max)) {
            throw new IllegalArgumentException("'" + raw + "' has prefix length " + prefix + ", outside 0.." + max);
        }
        String text = a instanceof Inet6Address ? compressV6(a.getHostAddress()) : a.getHostAddress();
        return new Ip(text, prefix, family);
    }

    /** RFC 5952 short form of the JDK's full IPv6 text. */
    private static String compressV6(String full) {
        String[] parts = full.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < parts.length; ) {
            if (parts[i].equals("0")) {
                int j = i;
                while (j < parts.length && parts[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(parts[i]);
        }
        return sb.toString();
    }

    /** A lower-case UUID (braces, "urn:uuid:" and spaces accepted), or null. */
    public static String uuid(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("urn:uuid:")) {
            s = s.substring(9);
        }
        if (s.startsWith("{") && s.endsWith("}")) {
            s = s.substring(1, s.length() - 1);
        }
        // VMware prints "42 1a 2b 3c ... -..." in its serial numbers and some tools drop the dashes
        String hex = s.replace("-", "").replace(" ", "");
        if (hex.length() != 32) {
            return null;
        }
        String u = hex.substring(0, 8) + '-' + hex.substring(8, 12) + '-' + hex.substring(12, 16) + '-' + hex.substring(16, 20) + '-' + hex.substring(20);
        return UUID.matcher(u).matches() && !JUNK_UUIDS.contains(u) ? u : null;
    }

    /**
     * A system UUID in a form both byte orders share. SMBIOS stores the first three groups little-endian; VMware's
     * BIOS UUID and some tools print them big-endian, so one machine shows up as {@code 4237a1b2-c3d4-e5f6-...} in
     * one source and {@code b2a13742-d4c3-f6e5-...} in another. The smaller of the two spellings is the key.
     */
    public static String systemUuid(String raw) {
        String u = uuid(raw);
        if (u == null) {
            return null;
        }
        String swapped = swapped(u);
        return JUNK_UUIDS.contains(swapped) ? null : u.compareTo(swapped) <= 0 ? u : swapped;
    }

    /** The other byte order of the first three groups. */
    private static String swapped(String u) {
        return reverseBytes(u.substring(0, 8)) + '-' + reverseBytes(u.substring(9, 13)) + '-' + reverseBytes(u.substring(14, 18)) + u.substring(18);
    }

    private static String reverseBytes(String hex) {
        StringBuilder sb = new StringBuilder(hex.length());
        for (int i = hex.length() - 2; i >= 0; i -= 2) {
            sb.append(hex, i, i + 2);
        }
        return sb.toString();
    }
}
