package com.enreach.tools.netbox.writer.mapping;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/** MAC and IP address checks and NetBox's spelling of them. Never resolves names. */
public final class Addresses {
    private Addresses() {
    }

    /** NetBox's MAC spelling ({@code AA:BB:CC:DD:EE:FF}) from any common one, or null when not a MAC. */
    public static String mac(String mac) {
        if (mac == null) {
            return null;
        }
        String s = mac.trim();
        if (!s.matches("(?i)([0-9a-f]{2}[:-]){5}[0-9a-f]{2}|([0-9a-f]{4}\\.){2}[0-9a-f]{4}|[0-9a-f]{12}")) {
            return null;
        }
        String hex = s.replaceAll("[^0-9A-Fa-f]", "").toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                out.append(':');
            }
            out.append(hex, i, i + 2);
        }
        return out.toString();
    }

    /** The host part of an address with or without a prefix length, canonical (IPv6 compressed lower case), or null. */
    public static String host(String address) {
        if (address == null) {
            return null;
        }
        String a = address.trim();
        int slash = a.indexOf('/');
        String h = slash < 0 ? a : a.substring(0, slash);
        InetAddress ip = parse(h);
        if (ip == null) {
            return null;
        }
        if (ip instanceof java.net.Inet6Address) {
            return compress(ip.getHostAddress());
        }
        return ip.getHostAddress();
    }

    /** Whether {@code address} is an IP address with a valid prefix length ({@code 10.0.0.1/24}). */
    public static boolean validWithPrefix(String address) {
        return problem(address) == null;
    }

    /** What is wrong with an address for NetBox, or null when it is fine. */
    public static String problem(String address) {
        if (address == null || address.isBlank()) {
            return "no address";
        }
        int slash = address.indexOf('/');
        if (slash < 0) {
            return "'" + address + "' has no prefix length (NetBox needs e.g. /24)";
        }
        InetAddress ip = parse(address.substring(0, slash));
        if (ip == null) {
            return "'" + address + "' is not an IP address";
        }
        String p = address.substring(slash + 1);
        int max = ip instanceof java.net.Inet6Address ? 128 : 32;
        if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > max || (ip instanceof java.net.Inet4Address && Integer.parseInt(p) == 0)) {
            return "'" + address + "' has an invalid prefix length (0-" + max + ")";
        }
        return null;
    }

    /** 4 or 6, 0 when not an address. */
    public static int family(String address) {
        String h = host(address);
        return h == null ? 0 : h.contains(":") ? 6 : 4;
    }

    private static InetAddress parse(String h) {
        boolean v4 = h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = h.contains(":") && h.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            return null; // never let InetAddress resolve a name
        }
        if (v4) {
            for (String part : h.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return null;
                }
            }
        }
        try {
            return InetAddress.getByName(h);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String compress(String full) {
        // Java prints 2001:db8:0:0:0:0:0:1; NetBox (netaddr) prints 2001:db8::1
        String s = full.toLowerCase(Locale.ROOT).replaceAll("%.*$", "");
        String best = null;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(^|:)(0(:0)+)(:|$)").matcher(s);
        while (m.find()) {
            if (best == null || m.group(2).length() > best.length()) {
                best = m.group(2);
            }
        }
        if (best == null) {
            return s;
        }
        m = java.util.regex.Pattern.compile("(^|:)" + java.util.regex.Pattern.quote(best) + "(:|$)").matcher(s);
        return m.find() ? s.substring(0, m.start()) + "::" + s.substring(m.end()) : s;
    }
}
