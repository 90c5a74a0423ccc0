package com.enreach.tools.plugin.puppetdb;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns Facter's dotted (IPv4) or colon (IPv6) netmasks into prefix lengths. */
final class Netmasks {
    private Netmasks() {
    }

    /**
     * @return the prefix length, or -1 when the mask is not a literal address or its one-bits are not contiguous
     */
    static int prefixLength(String netmask) {
        if (netmask == null || !(netmask.matches("\\d{1,3}(\\.\\d{1,3}){3}") || netmask.matches("[0-9a-fA-F:]*:[0-9a-fA-F:]*"))) {
            return -1; // literals only, so InetAddress never looks a name up in DNS
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(netmask).getAddress();
        } catch (UnknownHostException e) {
            return -1;
        }
        int prefix = 0;
        boolean zeroSeen = false;
        for (byte b : bytes) {
            for (int bit = 7; bit >= 0; bit--) {
                boolean one = ((b >> bit) & 1) == 1;
                if (one && zeroSeen) {
                    return -1;
                }
                if (one) {
                    prefix++;
                } else {
                    zeroSeen = true;
                }
            }
        }
        return prefix;
    }

    /** Loopback and IPv6 link-local addresses say nothing about the estate's addressing. */
    static boolean isNoise(String address) {
        String a = address.toLowerCase(java.util.Locale.ROOT);
        return a.startsWith("127.") || a.equals("::1") || a.startsWith("fe8") || a.startsWith("fe9")
                || a.startsWith("fea") || a.startsWith("feb");
    }
}
