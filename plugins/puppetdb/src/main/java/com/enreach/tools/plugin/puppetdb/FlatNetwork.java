package com.enreach.tools.plugin.puppetdb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.InterfaceRecord;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.source.support.JsonValues;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Interfaces and addresses of nodes without the structured {@code networking} fact: Facter 2 (and agents that send
 * legacy facts only) name the interfaces in {@code interfaces} ("eth0,lo") and give one flat fact per interface and
 * property ({@code ipaddress_eth0}, {@code macaddress_eth0}, {@code netmask_eth0}, {@code ipaddress6_eth0},
 * {@code mtu_eth0}); network devices managed with {@code puppet device} often report only {@code ipaddress}.
 *
 * <p>The per-interface fact names depend on the interfaces, so the inventory's extract cannot name them: they are
 * read in one facts query per page ({@link #FACT_NAME_PATTERN}) for the nodes that need them.
 */
final class FlatNetwork {
    /** Regular expression (PuppetDB's {@code ~}) matching every per-interface fact this class reads. */
    static final String FACT_NAME_PATTERN = "^(ipaddress6?|macaddress|netmask6?|mtu)_.";

    /**
     * What a node without structured networking said at top level, kept until its per-interface facts are read.
     *
     * @param interfaces names listed in the {@code interfaces} fact; empty when there is none
     */
    record Pending(List<String> interfaces, String fqdn, String ip, String netmask, String ip6, String netmask6) {
        boolean needsInterfaceFacts() {
            return !interfaces.isEmpty();
        }
    }

    private FlatNetwork() {
    }

    /** The top-level legacy network facts of an inventory row, or null when the row has nothing of the kind. */
    static Pending pending(JsonNode interfacesFact, String fqdn, JsonNode ip, JsonNode netmask, JsonNode ip6, JsonNode netmask6) {
        List<String> names = new ArrayList<>();
        String list = JsonValues.text(interfacesFact);
        if (list != null) {
            for (String n : list.split(",")) {
                if (!n.isBlank() && !names.contains(n.strip())) {
                    names.add(n.strip());
                }
            }
        }
        Pending p = new Pending(List.copyOf(names), fqdn, JsonValues.text(ip), JsonValues.text(netmask), JsonValues.text(ip6), JsonValues.text(netmask6));
        return names.isEmpty() && p.ip() == null && p.ip6() == null ? null : p;
    }

    /**
     * Adds the interfaces and addresses to the device.
     *
     * @param flat the node's per-interface facts by fact name (empty when they could not be read)
     */
    static void apply(Pending p, Map<String, JsonNode> flat, DeviceRecord d, List<String> warnings) {
        Set<String> seen = new HashSet<>();
        for (String name : p.interfaces()) {
            String suffix = factSuffix(name);
            boolean loopback = name.equals("lo") || name.startsWith("lo0");
            d.addInterface(new InterfaceRecord(name, JsonValues.text(flat.get("macaddress_" + suffix)), loopback ? "loopback" : null,
                    null, JsonValues.integer(flat.get("mtu_" + suffix)), null));
            address(name, JsonValues.text(flat.get("ipaddress_" + suffix)), JsonValues.text(flat.get("netmask_" + suffix)), p, seen, d, warnings);
            address(name, JsonValues.text(flat.get("ipaddress6_" + suffix)), JsonValues.text(flat.get("netmask6_" + suffix)), p, seen, d, warnings);
        }
        // the node's main addresses, when no interface carried them (or there are no interfaces at all)
        address(null, p.ip(), p.netmask(), p, seen, d, warnings);
        address(null, p.ip6(), p.netmask6(), p, seen, d, warnings);
    }

    /** Facter 2 turns every character but letters, digits and '_' into '_' in fact names: eth0.100 → eth0_100. */
    static String factSuffix(String interfaceName) {
        return interfaceName.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static void address(String iface, String address, String netmask, Pending p, Set<String> seen, DeviceRecord d,
                                List<String> warnings) {
        if (address == null || Netmasks.isNoise(address) || !seen.add(address)) {
            return;
        }
        String cidr = address;
        if (netmask != null) {
            int prefix = Netmasks.prefixLength(netmask);
            if (prefix < 0) {
                warnings.add("netmask '" + netmask + "' of " + address + (iface == null ? "" : " on " + iface)
                        + " is not a valid mask; address kept without prefix");
            } else {
                cidr = address + "/" + prefix;
            }
        }
        d.addIpAddress(new IpAddressRecord(cidr, iface, address.equals(p.ip()) ? p.fqdn() : null));
    }
}
