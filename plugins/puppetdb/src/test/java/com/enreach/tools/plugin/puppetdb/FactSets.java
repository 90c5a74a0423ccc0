package com.enreach.tools.plugin.puppetdb;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Fact sets of the test estate, in the shape Puppet agents send them (replace_facts v5). Node i is, by i % 10:
 * 0 legacy flat facts only (i % 20 == 0: Facter 2 with per-interface facts for eth0 and lo; i % 20 == 10: a
 * network device's lone ipaddress), 1 almost nothing, else a full Facter 4 set; every third full node is a KVM guest;
 * i % 100 == 42 has a non-ASCII certname and i % 13 == 0 a non-ASCII product name; node 7 has a broken netmask.
 */
final class FactSets {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private FactSets() {
    }

    static String certname(int i) {
        return i % 100 == 42 ? String.format("nœud-ü-%04d.example.com", i) : String.format("node-%04d.example.com", i);
    }

    static String environment(int i) {
        return i % 5 == 0 ? "staging" : "production";
    }

    /** The replace_facts v5 command body for node i. */
    static ObjectNode command(int i) {
        return command(i, certname(i));
    }

    /** Node i's facts under another certname (and FQDN), so tests can name nodes after machines other sources know. */
    static ObjectNode command(int i, String certname) {
        ObjectNode cmd = MAPPER.createObjectNode().put("certname", certname).put("environment", environment(i))
                .put("producer_timestamp", "2024-05-01T10:00:00.000Z").put("producer", "puppet.example.com");
        ObjectNode v = cmd.putObject("values");
        v.put("fqdn", certname);
        switch (i % 10) {
            case 0 -> {
                v.put("operatingsystem", "CentOS").put("operatingsystemrelease", "7.9.2009").put("processorcount", "2")
                    .put("processor0", "QEMU Virtual CPU version 2.5+").put("memorysize_mb", "3790.00")
                    .put("serialnumber", String.format("LEG%04d", i)).put("is_virtual", "true").put("virtual", "kvm")
                    .put("uptime_seconds", "86400").put("puppetversion", "3.8.7");
                legacyNetwork(i, v);
            }
            case 1 -> v.putObject("os").put("name", "Debian");
            default -> full(i, certname, v);
        }
        return cmd;
    }

    /** The legacy node's address: "10.50.x.y"; with per-interface Facter 2 facts when i % 20 == 0. */
    static String legacyIp(int i) {
        return "10.50." + (i / 250) + "." + (i % 250);
    }

    private static void legacyNetwork(int i, ObjectNode v) {
        v.put("ipaddress", legacyIp(i)).put("netmask", "255.255.255.0");
        if (i % 20 == 0) {
            v.put("interfaces", "eth0,lo").put("ipaddress_eth0", legacyIp(i)).put("netmask_eth0", "255.255.255.0")
                    .put("macaddress_eth0", String.format("0:16:3e:0:%x:%x", i / 256, i % 256)).put("mtu_eth0", "1500")
                    .put("ipaddress6_eth0", "2001:db8:50::" + Integer.toHexString(i))
                    .put("ipaddress_lo", "127.0.0.1").put("netmask_lo", "255.0.0.0").put("mtu_lo", "65536");
        }
    }

    private static void full(int i, String certname, ObjectNode v) {
        boolean vm = i % 3 == 0;
        v.put("puppetversion", "7.30.0").put("facterversion", "4.7.0").put("kernelrelease", "6.1.0-" + (i % 30) + "-amd64")
                .put("is_virtual", vm).put("virtual", vm ? "kvm" : "physical");
        ObjectNode os = v.putObject("os").put("name", "Debian").put("family", "Debian").put("architecture", "amd64");
        os.putObject("release").put("full", "12." + (i % 8)).put("major", "12");
        ObjectNode cpu = v.putObject("processors").put("count", 2 * (1 + i % 16));
        cpu.putArray("models").add("Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz").add("Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz");
        v.putObject("memory").putObject("system").put("total_bytes", (long) (1 + i % 64) << 30).put("total", (1 + i % 64) + " GiB");
        v.putObject("system_uptime").put("seconds", 3600L * i).put("days", i / 24);
        ObjectNode dmi = v.putObject("dmi").put("manufacturer", vm ? "QEMU" : "Dell Inc.");
        dmi.putObject("product").put("name", i % 13 == 0 ? "Gerät™ 日本 " + i : vm ? "Standard PC (Q35 + ICH9, 2009)" : "PowerEdge R650")
                .put("serial_number", String.format("SN%05d", i));
        ObjectNode disks = v.putObject("disks");
        disks.putObject(vm ? "vda" : "sda").put("size_bytes", 100L * 1_000_000_000L).put("model", vm ? null : "PERC H755");
        v.putObject("trusted").put("certname", certname).put("authenticated", "remote")
                .putObject("extensions").put("pp_role", i % 2 == 0 ? "web" : "db");
        String ip = "10." + (i / 250) + "." + (i % 250) + ".10";
        ObjectNode net = v.putObject("networking").put("fqdn", certname).put("ip", ip).put("domain", "example.com");
        ObjectNode ifaces = net.putObject("interfaces");
        ObjectNode lo = ifaces.putObject("lo").put("mtu", 65536);
        lo.putArray("bindings").addObject().put("address", "127.0.0.1").put("netmask", "255.0.0.0");
        ObjectNode eth = ifaces.putObject("eth0").put("mac", String.format("52:54:00:00:%02x:%02x", i / 256, i % 256))
                .put("mtu", 1500).put("operational_state", "up");
        eth.putArray("bindings").addObject().put("address", ip).put("netmask", i == 7 ? "255.0.255.0" : "255.255.255.0");
        eth.putArray("bindings6").add(MAPPER.createObjectNode().put("address", "2001:db8::" + Integer.toHexString(i))
                .put("netmask", "ffff:ffff:ffff:ffff::")).add(MAPPER.createObjectNode().put("address", "fe80::1:" + Integer.toHexString(i))
                .put("netmask", "ffff:ffff:ffff:ffff::"));
    }
}
