package com.enreach.tools.netbox.writer.mapping;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** MAC and IP address checks and NetBox's spelling of them. Never resolves names. */
public final class Addresses {
    private static final Pattern MAC = Pattern.compile("(?i)([0-9a-f]{2}[:-]){5}[0-9a-f]{2}|([0-9a-f]{4}\\.){2}[0-9a-f]{4}|[0-9a-f]{12}");
    private static final Pattern V4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern PREFIX = Pattern.compile("\\d{1,3}");
    private static final Pattern ZERO_RUN = Pattern.compile("(^|:)(0(:0)+)(:|$)");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Addresses() {
    }

    /** NetBox's MAC spelling ({@code AA:BB:CC:DD:EE:FF}) from any common one, or null when not a MAC. */
    public static String mac(String mac) {
        if (mac == null) {
            return null;
        }
        String s = mac.trim();
        if (!MAC.matcher(s).matches()) {
            return null;
        }
        StringBuilder out = new StringBuilder(17);
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d >= 0) {
                if (digits > 0 && digits % 2 == 0) {
                    out.append(':');
                }
                out.append(HEX[d]);
                digits++;
            }
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
        String v4 = v4(h);
        if (v4 != null) {
            return v4;
        }
        InetAddress ip = v6(h);
        return ip == null ? null : compress(ip.getHostAddress());
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
        String h = address.substring(0, slash);
        boolean v4 = v4(h) != null;
        if (!v4 && v6(h) == null) {
            return "'" + address + "' is not an IP address";
        }
        String p = address.substring(slash + 1);
        int max = v4 ? 32 : 128;
        if (!PREFIX.matcher(p).matches() || Integer.parseInt(p) > max || (v4 && Integer.parseInt(p) == 0)) {
            return "'" + address + "' has an invalid prefix length (1-" + max + ")";
        }
        return null;
    }

    /** 4 or 6, 0 when not an address. */
    public static int family(String address) {
        String h = host(address);
        return h == null ? 0 : h.contains(":") ? 6 : 4;
    }

    private static String v4(String h) {
        Matcher m = V4.matcher(h);
        if (!m.matches()) {
            return null;
        }
        StringBuilder out = new StringBuilder(15);
        for (int i = 1; i <= 4; i++) {
            int part = Integer.parseInt(m.group(i));
            if (part > 255) {
                return null;
            }
            out.append(i > 1 ? "." : "").append(part);
        }
        return out.toString();
    }

    private static InetAddress v6(String h) {
        if (!h.contains(":") || !V6.matcher(h).matches()) {
            return null; // never let InetAddress resolve a name
        }
        try {
            InetAddress ip = InetAddress.getByName(h);
            return ip instanceof Inet6Address ? ip : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static String compress(String full) {
        // Java prints 2001:db8:0:0:0:0:0:1; NetBox (netaddr) prints 2001:db8::1
        String s = full.toLowerCase(Locale.ROOT).replaceAll("%.*$", "");
        String best = null;
        Matcher m = ZERO_RUN.matcher(s);
        while (m.find()) {
            if (best == null || m.group(2).length() > best.length()) {
                best = m.group(2);
            }
        }
        if (best == null) {
            return s;
        }
        m = Pattern.compile("(^|:)" + Pattern.quote(best) + "(:|$)").matcher(s);
        return m.find() ? s.substring(0, m.start()) + "::" + s.substring(m.end()) : s;
    }
}
