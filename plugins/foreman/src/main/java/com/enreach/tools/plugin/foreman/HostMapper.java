package com.enreach.tools.plugin.foreman;

import com.enreach.tools.source.support.JsonValues;
import com.enreach.tools.source.support.RubyTimes;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.IdentityKeys;
import com.enreach.tools.api.spi.InterfaceRecord;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Maps a Foreman host (the answer of GET /api/hosts/:id)
 * to a device with its interfaces and addresses.
 */
final class HostMapper {
    /** Hardware models that DMI reports for hypervisor guests (VMware, KVM/QEMU, Xen, Hyper-V, VirtualBox, clouds). */
    private static final Pattern VIRTUAL_MODEL = Pattern.compile(
            "(?i).*(virtual|vmware|kvm|qemu|standard pc|bochs|hvm domu|xen|virtualbox|openstack|google compute engine|amazon ec2|droplet).*");

    private HostMapper() {
    }

    /** The host's id as text, or null when the entry has none. */
    static String id(JsonNode host) {
        return JsonValues.text(JsonValues.at(host, "id"));
    }

    /**
     * @param host     host JSON object with at least id and name (checked by the caller)
     */
    static DeviceRecord device(JsonNode host) {
        return device(host, null);
    }

    /**
     * @param ids the host's serial and system UUID from its facts, or null
     */
    static DeviceRecord device(JsonNode host, IdentityFacts.Ids ids) {
        String name = text(host, "name");
        String model = text(host, "model_name");
        String computeResource = text(host, "compute_resource_name");
        boolean virtual = computeResource != null || (model != null && VIRTUAL_MODEL.matcher(model).matches());
        DeviceRecord d = DeviceRecord.of(id(host), name, virtual ? DeviceTypes.VM : DeviceTypes.SERVER).hostname(name);
        Long numericId = JsonValues.whole(JsonValues.at(host, "id"));
        d.put("foreman_id", numericId != null ? (Object) numericId : id(host))
                .put("os", text(host, "operatingsystem_name"))
                .put("hostgroup", firstText(host, "hostgroup_title", "hostgroup_name"))
                .put("environment", text(host, "environment_name"))
                .put("location", text(host, "location_name"))
                .put("organization", text(host, "organization_name"))
                .put("build_status", text(host, "build_status_label"))
                .put("build_pending", bool(host, "build"))
                // moves with every Puppet/Ansible report (every 30 minutes) while the host stays the same
                .putVolatile("last_report", iso(text(host, "last_report")))
                .put("global_status", text(host, "global_status_label"))
                .put("model", model)
                .put("domain", text(host, "domain_name"))
                .put("architecture", text(host, "architecture_name"))
                .put("certname", text(host, "certname"))
                .put("uuid", text(host, "uuid"))
                .put("compute_resource", computeResource)
                .put("managed", bool(host, "managed"))
                .put("enabled", bool(host, "enabled"))
                .put("owner", text(host, "owner_name"))
                .put("comment", text(host, "comment"));
        Set<String> addresses = new LinkedHashSet<>();
        JsonNode ifaces = host.get("interfaces");
        if (ifaces != null && ifaces.isArray()) {
            for (JsonNode nic : ifaces) {
                addInterface(d, nic, addresses);
            }
        }
        // Index entries and hosts without interface rows still carry the primary addresses.
        addIp(d, text(host, "ip"), null, name, addresses);
        addIp(d, text(host, "ip6"), null, name, addresses);
        identityKeys(host, name, ids, d);
        return d;
    }

    /** The host's name is its FQDN in Foreman; the host's mac is its primary interface's. */
    private static void identityKeys(JsonNode host, String name, IdentityFacts.Ids ids, DeviceRecord d) {
        if (name.indexOf('.') > 0 && !name.endsWith(".")) {
            d.put(IdentityKeys.FQDN, name);
        }
        String mac = text(host, "mac");
        JsonNode ifaces = host.get("interfaces");
        if (mac == null && ifaces != null && ifaces.isArray()) {
            for (JsonNode nic : ifaces) {
                if (Boolean.TRUE.equals(bool(nic, "primary"))) {
                    mac = text(nic, "mac");
                }
            }
        }
        d.put(IdentityKeys.PRIMARY_MAC, mac);
        if (ids != null) {
            d.put(IdentityKeys.SERIAL, ids.serial()).put(IdentityKeys.SYSTEM_UUID, ids.systemUuid());
        }
    }

    private static void addInterface(DeviceRecord d, JsonNode nic, Set<String> addresses) {
        if (!nic.isObject()) {
            return;
        }
        // identifier is the OS name (eth0); name is the interface's DNS name and is all some rows have.
        String ifName = firstText(nic, "identifier", "name");
        if (ifName == null) {
            ifName = "interface " + text(nic, "id");
        }
        Integer mtu = JsonValues.integer(JsonValues.at(nic, "mtu"));
        if (mtu != null && mtu <= 0) {
            mtu = null;
        }
        d.addInterface(new InterfaceRecord(ifName, text(nic, "mac"), type(nic), null, mtu, firstText(nic, "subnet_name", "subnet6_name")));
        if (Boolean.TRUE.equals(bool(nic, "primary"))) {
            d.put("primary_interface", ifName);
        }
        if (Boolean.TRUE.equals(bool(nic, "provision"))) {
            d.put("provision_interface", ifName);
        }
        String fqdn = text(nic, "fqdn");
        addIp(d, text(nic, "ip"), ifName, fqdn, addresses);
        addIp(d, text(nic, "ip6"), ifName, fqdn, addresses);
    }

    /** Foreman's NIC classes (interface/bond/bridge/bmc) in the vocabulary of the master model. */
    static String type(JsonNode nic) {
        String t = text(nic, "type");
        if (t == null || t.equalsIgnoreCase("interface")) {
            if (Boolean.TRUE.equals(bool(nic, "virtual"))) {
                return text(nic, "tag") != null ? "vlan" : "virtual";
            }
            return t == null ? null : "physical";
        }
        return t.toLowerCase(java.util.Locale.ROOT);
    }

    // Foreman knows no prefix length per address, so addresses go in bare.
    private static void addIp(DeviceRecord d, String ip, String ifName, String dns, Set<String> seen) {
        if (ip != null && seen.add(ip)) {
            d.addIpAddress(new IpAddressRecord(ip, ifName, dns));
        }
    }

    private static String iso(String s) {
        return s == null ? null : RubyTimes.iso(s);
    }

    /** A member as text, read with the shared lenient rules ({@link JsonValues}). */
    static String text(JsonNode n, String field) {
        return JsonValues.text(JsonValues.at(n, field));
    }

    private static String firstText(JsonNode n, String a, String b) {
        return JsonValues.firstText(JsonValues.at(n, a), JsonValues.at(n, b));
    }

    private static Boolean bool(JsonNode n, String field) {
        return JsonValues.bool(JsonValues.at(n, field));
    }
}
