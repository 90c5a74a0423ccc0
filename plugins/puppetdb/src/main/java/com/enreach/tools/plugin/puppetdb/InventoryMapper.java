package com.enreach.tools.plugin.puppetdb;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.IdentityKeys;
import com.enreach.tools.api.spi.InterfaceRecord;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.ServerFacts;
import com.enreach.tools.source.support.JsonValues;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Maps one row of the inventory projection ({@link #FIELDS}) to a device. Every node is a "server": Puppet sees the
 * operating system, not where it runs, so the virtual flag and hypervisor kind go into the facts and the hypervisor
 * source (vCenter...) owns the "vm" device of the same host name.
 */
final class InventoryMapper {

    /** Facts read from each node; the rest of a factset (mountpoints, partitions, ec2 metadata...) is never fetched. */
    static final List<String> FACTS = List.of("fqdn", "hostname", "domain", "networking", "os", "kernelrelease",
            "processors", "memory", "disks", "system_uptime", "is_virtual", "virtual", "dmi", "puppetversion",
            "facterversion",
            // legacy flat facts (Facter 2, or nodes reporting legacy facts only)
            "operatingsystem", "operatingsystemrelease", "processorcount", "processor0", "memorysize_mb",
            "uptime_seconds", "serialnumber", "manufacturer", "productname", "uuid", "macaddress",
            // legacy network facts: the interface list and the main addresses (see FlatNetwork)
            "interfaces", "ipaddress", "netmask", "ipaddress6", "netmask6");

    /** The inventory fields requested (extract list). */
    static final List<String> FIELDS;

    static {
        List<String> f = new ArrayList<>(List.of("certname", "environment", "timestamp", "trusted.extensions"));
        FACTS.forEach(name -> f.add("facts." + name));
        FIELDS = List.copyOf(f);
    }

    /**
     * A mapped node plus the problems found in its facts, reported once the page is accepted.
     *
     * @param flat legacy network facts still to be completed with the per-interface facts (see {@link FlatNetwork}),
     *             or null when there is nothing left to do
     */
    record Mapped(String certname, DeviceRecord device, List<String> warnings, FlatNetwork.Pending flat) {
    }

    private InventoryMapper() {
    }

    static Mapped map(JsonNode row, String where) throws PermanentSourceException {
        String certname = row != null && row.isObject() ? JsonValues.text(row.get("certname")) : null;
        if (certname == null) {
            throw PermanentSourceException.malformed(where, "an inventory entry has no certname", null);
        }
        List<String> warnings = new ArrayList<>();
        JsonNode net = fact(row, "networking");
        String fqdn = JsonValues.firstText(fact(row, "fqdn"), JsonValues.at(net, "fqdn"));
        DeviceRecord d = DeviceRecord.of(certname, certname, DeviceTypes.SERVER)
                .hostname(fqdn != null ? fqdn : certname)
                .put("environment", JsonValues.text(row.get("environment")))
                // every agent run sends the facts again with a new timestamp
                .putVolatile("facts_timestamp", JsonValues.text(row.get("timestamp")))
                .put("puppet_version", JsonValues.text(fact(row, "puppetversion")))
                .put("facter_version", JsonValues.text(fact(row, "facterversion")))
                .put("os_family", JsonValues.text(JsonValues.at(fact(row, "os"), "family")))
                .put("architecture", JsonValues.text(JsonValues.at(fact(row, "os"), "architecture")))
                .put("domain", JsonValues.firstText(JsonValues.at(net, "domain"), fact(row, "domain")))
                .put("primary_ip", JsonValues.firstText(JsonValues.at(net, "ip"), fact(row, "ipaddress")))
                .put("trusted_extensions", scalars(row.get("trusted.extensions")))
                .facts(facts(row));
        identityKeys(row, net, fqdn, d);
        FlatNetwork.Pending flat = null;
        if (!interfaces(net, fqdn, d, warnings)) {
            flat = FlatNetwork.pending(fact(row, "interfaces"), fqdn != null ? fqdn : certname, fact(row, "ipaddress"),
                    fact(row, "netmask"), fact(row, "ipaddress6"), fact(row, "netmask6"));
            if (flat != null && !flat.needsInterfaceFacts()) {
                FlatNetwork.apply(flat, Map.of(), d, warnings); // only the node's address (network devices)
                flat = null;
            }
        }
        return new Mapped(certname, d, warnings, flat);
    }

    /**
     * The identifiers identity resolution links nodes by: Facter's SMBIOS UUID and serial (structured dmi facts, or
     * the legacy flat ones), the FQDN when it has a domain, and the MAC of the primary interface.
     */
    private static void identityKeys(JsonNode row, JsonNode net, String fqdn, DeviceRecord d) {
        d.put(IdentityKeys.SYSTEM_UUID, JsonValues.firstText(JsonValues.at(fact(row, "dmi"), "product", "uuid"), fact(row, "uuid")))
                .put(IdentityKeys.SERIAL, d.facts().serialNumber())
                .put(IdentityKeys.FQDN, fqdn != null && fqdn.indexOf('.') > 0 ? fqdn : null)
                .put(IdentityKeys.PRIMARY_MAC, JsonValues.firstText(JsonValues.at(net, "mac"), fact(row, "macaddress")));
    }

    private static JsonNode fact(JsonNode row, String name) {
        JsonNode n = row.get("facts." + name);
        return n == null || n.isNull() ? null : n;
    }

    private static ServerFacts facts(JsonNode row) {
        JsonNode os = fact(row, "os");
        JsonNode cpu = fact(row, "processors");
        JsonNode dmi = fact(row, "dmi");
        JsonNode models = JsonValues.at(cpu, "models");
        Long memory = JsonValues.whole(JsonValues.at(fact(row, "memory"), "system", "total_bytes"));
        if (memory == null) {
            memory = megabytesAsBytes(JsonValues.text(fact(row, "memorysize_mb")));
        }
        Long uptime = JsonValues.whole(JsonValues.at(fact(row, "system_uptime"), "seconds"));
        ServerFacts f = new ServerFacts()
                .os(JsonValues.firstText(JsonValues.at(os, "name"), fact(row, "operatingsystem")),
                        JsonValues.firstText(JsonValues.at(os, "release", "full"), fact(row, "operatingsystemrelease")))
                .kernel(JsonValues.text(fact(row, "kernelrelease")))
                .cpu(JsonValues.firstText(models != null && models.isArray() ? models.get(0) : null, fact(row, "processor0")),
                        JsonValues.integer(JsonValues.at(cpu, "count")) != null ? JsonValues.integer(JsonValues.at(cpu, "count")) : JsonValues.integer(fact(row, "processorcount")))
                .memoryBytes(memory)
                .uptimeSeconds(uptime != null ? uptime : JsonValues.whole(fact(row, "uptime_seconds")))
                .virtual(JsonValues.bool(fact(row, "is_virtual")), JsonValues.text(fact(row, "virtual")))
                .hardware(JsonValues.firstText(JsonValues.at(dmi, "manufacturer"), fact(row, "manufacturer")),
                        JsonValues.firstText(JsonValues.at(dmi, "product", "name"), fact(row, "productname")),
                        JsonValues.firstText(JsonValues.at(dmi, "product", "serial_number"), fact(row, "serialnumber")));
        JsonNode disks = fact(row, "disks");
        if (disks != null && disks.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = disks.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                f.addDisk(new ServerFacts.Disk(e.getKey(), JsonValues.whole(JsonValues.at(e.getValue(), "size_bytes")),
                        JsonValues.text(JsonValues.at(e.getValue(), "model"))));
            }
        }
        return f;
    }

    /**
     * Facter 2's memorysize_mb is a measurement with two decimals ("3951.57"), not a count: converted to bytes and
     * rounded to the byte. Null when absent or not a plain non-negative number.
     */
    static Long megabytesAsBytes(String mb) {
        if (mb == null || !mb.matches("\\d{1,12}(\\.\\d{1,6})?")) {
            return null;
        }
        return new java.math.BigDecimal(mb).multiply(java.math.BigDecimal.valueOf(1024L * 1024))
                .setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    /** @return whether the node has structured interfaces (networking.interfaces) */
    private static boolean interfaces(JsonNode net, String fqdn, DeviceRecord d, List<String> warnings) {
        JsonNode ifaces = JsonValues.at(net, "interfaces");
        if (ifaces == null || !ifaces.isObject()) {
            return false;
        }
        String primaryIp = JsonValues.text(JsonValues.at(net, "ip"));
        for (Iterator<Map.Entry<String, JsonNode>> it = ifaces.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode i = e.getValue();
            boolean loopback = name.equals("lo") || name.startsWith("lo0") || hasFlag(i, "LOOPBACK");
            d.addInterface(new InterfaceRecord(name, JsonValues.text(JsonValues.at(i, "mac")), loopback ? "loopback" : null,
                    enabled(JsonValues.text(JsonValues.at(i, "operational_state"))), JsonValues.integer(JsonValues.at(i, "mtu")), null));
            addresses(name, i, "bindings", "ip", "netmask", primaryIp, fqdn, d, warnings);
            addresses(name, i, "bindings6", "ip6", "netmask6", primaryIp, fqdn, d, warnings);
        }
        return true;
    }

    /**
     * Facter's operational_state (IF-MIB ifOperStatus names): up is enabled; down, lowerlayerdown and notpresent
     * are not; unknown, testing and dormant say nothing either way, so the value stays unset.
     */
    static Boolean enabled(String operationalState) {
        if (operationalState == null) {
            return null;
        }
        return switch (operationalState.toLowerCase(java.util.Locale.ROOT)) {
            case "up" -> Boolean.TRUE;
            case "down", "lowerlayerdown", "notpresent" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** Facter 3+ lists every address in bindings; older agents give only the first as ip/netmask. */
    private static void addresses(String iface, JsonNode i, String bindingsKey, String ipKey, String maskKey,
                                  String primaryIp, String fqdn, DeviceRecord d, List<String> warnings) {
        JsonNode bindings = JsonValues.at(i, bindingsKey);
        List<String[]> pairs = new ArrayList<>();
        if (bindings != null && bindings.isArray()) {
            for (JsonNode b : bindings) {
                pairs.add(new String[] {JsonValues.text(JsonValues.at(b, "address")), JsonValues.text(JsonValues.at(b, "netmask"))});
            }
        } else {
            pairs.add(new String[] {JsonValues.text(JsonValues.at(i, ipKey)), JsonValues.text(JsonValues.at(i, maskKey))});
        }
        for (String[] p : pairs) {
            String address = p[0];
            if (address == null || Netmasks.isNoise(address)) {
                continue;
            }
            String cidr = address;
            if (p[1] != null) {
                int prefix = Netmasks.prefixLength(p[1]);
                if (prefix < 0) {
                    warnings.add("netmask '" + p[1] + "' of " + address + " on " + iface + " is not a valid mask; address kept without prefix");
                } else {
                    cidr = address + "/" + prefix;
                }
            }
            d.addIpAddress(new IpAddressRecord(cidr, iface, address.equals(primaryIp) ? fqdn : null));
        }
    }

    private static boolean hasFlag(JsonNode iface, String flag) {
        JsonNode flags = JsonValues.at(iface, "flags");
        if (flags != null && flags.isArray()) {
            for (JsonNode f : flags) {
                if (flag.equalsIgnoreCase(f.asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Trusted certificate extensions (pp_role, pp_datacenter...) as a flat map of their text values. */
    private static Map<String, Object> scalars(JsonNode obj) {
        if (obj == null || !obj.isObject() || obj.isEmpty()) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        obj.fields().forEachRemaining(e -> {
            String v = JsonValues.text(e.getValue());
            if (v != null) {
                m.put(e.getKey(), v);
            }
        });
        return m.isEmpty() ? null : m;
    }
}
