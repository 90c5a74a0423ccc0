package com.enreach.tools.core.internal.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.inventory.Attributes;
import com.enreach.tools.core.internal.db.Json;

/** What one observation says, read from the metadata keys and facts the source plugins write. */
class ExtractTest {

    private static Observation obs(String system, String instance, String name, String type, String metadata) {
        return new Observation(1, 1, name, type, system, instance, true, "2026-11-01T10:00:00.000Z", Json.readMap(metadata));
    }

    @Test
    void memoryDiskAndCpuAreNormalisedFromEveryUnitThePluginsUse() {
        assertEquals(16L << 30, Extract.value(obs("vcenter", "vc", "a", "vm", "{\"memory_mb\": 16384}"), Attributes.MEMORY_BYTES));
        assertEquals(16L << 30, Extract.value(obs("demo", "d", "a", "server", "{\"memory_gb\": 16}"), Attributes.MEMORY_BYTES));
        assertEquals(512L << 20, Extract.value(obs("demo", "d", "a", "server", "{\"memory_gb\": 0.5}"), Attributes.MEMORY_BYTES));
        assertEquals(1024L, Extract.value(obs("x", "x", "a", "server", "{\"memory_bytes\": \"1024\"}"), Attributes.MEMORY_BYTES));
        assertNull(Extract.value(obs("x", "x", "a", "server", "{\"memory_mb\": \"lots\"}"), Attributes.MEMORY_BYTES));
        assertEquals(100L << 40, Extract.value(obs("demo", "demo-storage", "arr", "storage", "{\"capacity_tb\": 100}"), Attributes.DISK_BYTES));
        assertEquals(4L, Extract.value(obs("vcenter", "vc", "a", "vm", "{\"vcpu\": 4}"), Attributes.CPU_COUNT));
        assertEquals(32L, Extract.value(obs("vcenter", "vc", "esx", "hypervisor", "{\"cpu_cores\": 32}"), Attributes.CPU_COUNT));

        Observation withFacts = obs("puppetdb", "pdb", "a", "server", "{\"memory_mb\": 1}");
        withFacts.facts = new Observation.Facts("Debian", "12", 8L, 32L << 30, 480_000_000_000L, true, "ABC123", "Dell Inc.", "PowerEdge R650");
        assertEquals(32L << 30, Extract.value(withFacts, Attributes.MEMORY_BYTES), "facts first");
        assertEquals(480_000_000_000L, Extract.value(withFacts, Attributes.DISK_BYTES));
        assertEquals(8L, Extract.value(withFacts, Attributes.CPU_COUNT));
        assertEquals("Debian 12", Extract.value(withFacts, Attributes.OS));
        assertEquals("vm", Extract.value(withFacts, Attributes.TYPE), "a server whose facts say virtual");
        assertEquals("Dell Inc.", Extract.value(withFacts, Attributes.VENDOR));
        assertEquals("PowerEdge R650", Extract.value(withFacts, Attributes.MODEL));
        assertEquals("ABC123", Extract.value(withFacts, Attributes.SERIAL));
    }

    @Test
    void textAttributesReadThePluginsKeys() {
        assertEquals("VMware ESXi 8.0.2", Extract.value(obs("vcenter", "vc", "esx01", "hypervisor", "{\"product\": \"VMware ESXi 8.0.2\"}"),
                Attributes.OS), "a hypervisor's product is its OS");
        assertNull(Extract.value(obs("vcenter", "vc", "vm1", "vm", "{\"product\": \"x\"}"), Attributes.OS));
        assertNull(Extract.value(obs("oxidized", "ox", "sw1", "network_device", "{\"model\": \"junos\"}"), Attributes.MODEL),
                "Oxidized's model is its driver");
        assertEquals("QFX5120", Extract.value(obs("netbox", "nb", "sw1", "network_device", "{\"model\": \"QFX5120\"}"), Attributes.MODEL));
        assertNull(Extract.value(obs("x", "x", "a", "server", "{\"serial\": \"To be filled by O.E.M.\"}"), Attributes.SERIAL));
        assertEquals("web01.prod.example.com", Extract.value(obs("foreman", "fm", "web01", "server", "{\"domain\": \"prod.example.com\"}"),
                Attributes.FQDN));
        assertEquals("web01.example.com", Extract.value(obs("pdb", "p", "WEB01.Example.com.", "server", "{}"), Attributes.FQDN));
        assertNull(Extract.value(obs("ox", "ox", "10.0.0.1", "network_device", "{}"), Attributes.FQDN), "an IP is no DNS name");
        assertEquals("4231a6f2-aaaa-bbbb-cccc-0123456789ab", Extract.value(obs("vcenter", "vc", "a", "vm",
                "{\"bios_uuid\": \"4231A6F2-AAAA-BBBB-CCCC-0123456789AB\"}"), Attributes.SYSTEM_UUID));
        assertEquals("Amsterdam", Extract.value(obs("foreman", "fm", "a", "server", "{\"location\": \"Amsterdam\"}"), Attributes.SITE));
        assertNull(Extract.value(obs("vcenter", "vc", "a", "vm", "{\"datacenter\": \"DC-AMS1\"}"), Attributes.SITE));
        assertEquals("Base/web", Extract.value(obs("foreman", "fm", "a", "server", "{\"hostgroup\": \"Base/web\"}"), Attributes.ROLE));
        assertEquals("10.1.2.3", Extract.value(obs("oxidized", "ox", "sw1", "network_device", "{\"ip\": \"10.1.2.3\"}"), Attributes.PRIMARY_IP));
        assertEquals("00:14:4f:19:0c:01", Extract.value(obs("pdb", "p", "a", "server", "{\"primary_mac\": \"0014.4f19.0c01\"}"),
                Attributes.PRIMARY_MAC));
    }
}
