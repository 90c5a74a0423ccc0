package com.enreach.tools.core.internal.golden;

import static com.enreach.tools.api.inventory.Attributes.*;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.enreach.tools.core.internal.sync.Normalize;

/**
 * What one observation says about each attribute, normalised so sources compare: memory and disks in bytes (metadata
 * {@code *_mb}, {@code *_gb}, {@code *_tb} are binary units), OS as "name release", MACs as {@code aa:bb:..}, IPs
 * without prefix, UUIDs and FQDNs in lower case. Reads the metadata keys the source plugins write and the core's
 * server facts, interfaces, addresses and relationships.
 */
final class Extract {
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;
    private static final long TIB = 1L << 40;
    /** Values some BIOSes and tools report where there is no serial number. */
    private static final Set<String> NO_SERIAL = Set.of("0", "none", "n/a", "na", "unknown", "not specified", "not available",
            "to be filled by o.e.m.", "default string", "system serial number", "0123456789");

    private Extract() {
    }

    /** The observation's (normalised) value of the attribute, or null when it has none. */
    static Object value(Observation o, String attribute) {
        Map<String, Object> m = o.metadata;
        Observation.Facts f = o.facts;
        switch (attribute) {
            case NAME:
                return blankToNull(o.name);
            case TYPE:
                return "server".equals(o.type) && f != null && Boolean.TRUE.equals(f.virtual()) ? "vm" : blankToNull(o.type);
            case SERIAL:
                return serial(first(text(m, "serial"), f == null ? null : f.serial()));
            case SYSTEM_UUID:
                return lower(first(text(m, "system_uuid"), text(m, "bios_uuid")));
            case FQDN:
                return fqdn(o);
            case VENDOR:
                return first(text(m, "vendor"), text(m, "manufacturer"), f == null ? null : blankToNull(f.manufacturer()));
            case MODEL:
                // Oxidized's "model" names the driver that fetches the configuration (ios, junos), not hardware.
                return oxidized(o) ? null : first(text(m, "model"), f == null ? null : blankToNull(f.product()));
            case OS:
                return first(factsOs(f), text(m, "os"), text(m, "guest_os"), "hypervisor".equals(o.type) ? text(m, "product") : null);
            case CPU_COUNT:
                return firstNumber(f == null ? null : f.cpuCount(), bytes(m, "cpu_count", 1), bytes(m, "vcpu", 1), bytes(m, "cpu_cores", 1));
            case MEMORY_BYTES:
                return firstNumber(f == null ? null : f.memoryBytes(), bytes(m, "memory_bytes", 1), bytes(m, "memory_mb", MIB),
                        bytes(m, "memory_gb", GIB));
            case DISK_BYTES:
                return firstNumber(f == null ? null : f.diskBytes(), bytes(m, "disk_bytes", 1), bytes(m, "disk_gb", GIB),
                        bytes(m, "capacity_bytes", 1), bytes(m, "capacity_tb", TIB));
            case SITE:
                // Not vCenter's datacenter: its names ("DC-AMS1") are not site names and would conflict with every site.
                return first(text(m, "site"), text(m, "location"));
            case RACK:
                return text(m, "rack");
            case ROLE:
                return first(text(m, "role"), text(m, "hostgroup"));
            case CLUSTER:
                return first(text(m, "cluster"), blankToNull(o.memberOf));
            case HOST:
                return first(blankToNull(o.runsOn), text(m, "host"));
            case PRIMARY_IP:
                return primaryIp(o);
            case PRIMARY_MAC:
                return primaryMac(o);
            case POWER_STATE:
                return text(m, "power_state");
            default:
                return null;
        }
    }

    private static boolean oxidized(Observation o) {
        return o.sourceSystem.toLowerCase(Locale.ROOT).contains("oxidized") || o.sourceInstance.toLowerCase(Locale.ROOT).contains("oxidized");
    }

    private static String factsOs(Observation.Facts f) {
        if (f == null || f.osName() == null || f.osName().isBlank()) {
            return null;
        }
        String name = f.osName().trim();
        String release = blankToNull(f.osRelease());
        return release == null || name.contains(release) ? name : name + " " + release;
    }

    private static String fqdn(Observation o) {
        String explicit = text(o.metadata, "fqdn");
        if (explicit != null) {
            return dnsName(explicit);
        }
        String guest = text(o.metadata, "guest_hostname");
        if (guest != null && isDnsName(guest)) {
            return dnsName(guest);
        }
        if (o.name != null && isDnsName(o.name)) {
            return dnsName(o.name);
        }
        String domain = text(o.metadata, "domain");
        String shortName = guest != null ? guest : o.name;
        if (domain != null && shortName != null && !shortName.isBlank() && shortName.indexOf('.') < 0 && !shortName.contains(" ")) {
            return dnsName(shortName + "." + domain);
        }
        return null;
    }

    /** A name with a dot that is not an IP address and has no spaces. */
    private static boolean isDnsName(String s) {
        String t = s.trim();
        return t.indexOf('.') > 0 && !t.contains(" ") && !t.contains(":") && t.chars().anyMatch(Character::isLetter);
    }

    private static String dnsName(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    private static String primaryIp(Observation o) {
        for (String key : new String[] {"primary_ip", "mgmt_ip", "ip"}) {
            String ip = ip(text(o.metadata, key));
            if (ip != null) {
                return ip;
            }
        }
        String any = null;
        for (Observation.Address a : o.addresses) {
            if (a.family() == 4) {
                return a.address();
            }
            any = any == null ? a.address() : any;
        }
        return any;
    }

    private static String primaryMac(Observation o) {
        String explicit = Normalize.mac(text(o.metadata, "primary_mac"));
        if (explicit != null) {
            return explicit;
        }
        String iface = text(o.metadata, "primary_interface");
        if (iface == null) {
            String ip = primaryIp(o);
            for (Observation.Address a : o.addresses) {
                if (a.address().equals(ip)) {
                    iface = a.interfaceName();
                }
            }
        }
        String only = null;
        int withMac = 0;
        for (Observation.Nic n : o.nics) {
            String mac = Normalize.mac(n.mac());
            if (mac != null && n.name().equals(iface)) {
                return mac;
            }
            if (mac != null && !mac.equals(only)) {
                only = mac;
                withMac++;
            }
        }
        // Without a named primary interface only an unambiguous MAC counts (the first of several is arbitrary).
        return withMac == 1 ? only : null;
    }

    private static String ip(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return Normalize.ip(raw).address();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String serial(String s) {
        return s == null || NO_SERIAL.contains(s.toLowerCase(Locale.ROOT)) ? null : s;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v instanceof String s) {
            return blankToNull(s);
        }
        return v instanceof Number || v instanceof Boolean ? v.toString() : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A metadata number (or numeric text) times the unit, rounded to a whole number; null when absent or not a number. */
    static Long bytes(Map<String, Object> m, String key, long unit) {
        Object v = m.get(key);
        BigDecimal n;
        try {
            if (v instanceof Number num) {
                n = new BigDecimal(num.toString());
            } else if (v instanceof String s && !s.isBlank()) {
                n = new BigDecimal(s.trim());
            } else {
                return null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        if (n.signum() < 0) {
            return null;
        }
        return n.multiply(BigDecimal.valueOf(unit)).setScale(0, java.math.RoundingMode.HALF_UP).longValue();
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static Long firstNumber(Long... values) {
        return first(values);
    }
}
