package com.enreach.tools.plugin.puppetdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.IdentityKeys;
import com.enreach.tools.api.spi.InterfaceRecord;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.api.spi.ServerFacts;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.FixtureServer;
import com.enreach.tools.testkit.TestContext;

/** How an inventory page (fixture written after PuppetDB's documented inventory shape) becomes devices. */
class InventoryMappingTest {
    private FixtureServer server;
    private CollectingSink sink;

    @BeforeEach
    void fetchFixturePage() throws Exception {
        server = new FixtureServer().json(PuppetDbClient.INVENTORY, FixtureServer.resource(getClass(), "inventory-page.json"));
        sink = new CollectingSink();
        new PuppetDbConnector(Map.of("url", server.uri().toString(), "report.status", "false"))
                .fetch(new TestContext("puppetdb-test"), sink);
    }

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void everyNodeIsAServerKeyedByCertname() {
        assertEquals(List.of("db01.example.com", "app-07.example.com", "legacy.example.com", "bare.example.com"),
                List.copyOf(sink.devices.keySet()));
        sink.devices.values().forEach(d -> {
            assertEquals(DeviceTypes.SERVER, d.type());
            assertEquals(d.sourceId(), d.name());
        });
    }

    @Test
    void structuredFactsOfAPhysicalServer() {
        DeviceRecord d = sink.devices.get("db01.example.com");
        assertEquals("db01.example.com", d.hostname());
        ServerFacts f = d.facts();
        assertEquals("Debian", f.osName());
        assertEquals("12.5", f.osRelease());
        assertEquals("6.1.0-21-amd64", f.kernel());
        assertEquals("Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz", f.cpuModel());
        assertEquals(32, f.cpuCount());
        assertEquals(270087294976L, f.memoryBytes());
        assertEquals(3583245L, f.uptimeSeconds());
        assertEquals(Boolean.FALSE, f.virtual());
        assertEquals("physical", f.virtualType());
        assertEquals("Dell Inc.", f.manufacturer());
        assertEquals("PowerEdge R750", f.product());
        assertEquals("7XK2P93", f.serialNumber());
        assertEquals(List.of(new ServerFacts.Disk("sda", 479559942144L, "PERC H755 Front"),
                new ServerFacts.Disk("nvme0n1", 3840755982336L, "Dell Ent NVMe CM6 RI 3.84TB")), f.disks());

        Map<String, Object> m = d.metadata();
        assertEquals("production", m.get("environment"));
        assertEquals("2024-05-01T10:00:02.511Z", m.get("facts_timestamp"));
        assertEquals("7.30.0", m.get("puppet_version"));
        assertEquals("4.7.0", m.get("facter_version"));
        assertEquals("Debian", m.get("os_family"));
        assertEquals("amd64", m.get("architecture"));
        assertEquals("example.com", m.get("domain"));
        assertEquals("10.20.0.11", m.get("primary_ip"));
        assertEquals(Map.of("pp_role", "postgres", "pp_datacenter", "ams1"), m.get("trusted_extensions"));
    }

    @Test
    void interfacesAndAddressesWithPrefixesWithoutLoopbackOrLinkLocal() {
        DeviceRecord d = sink.devices.get("db01.example.com");
        assertEquals(List.of(new InterfaceRecord("lo", null, "loopback", null, 65536, null),
                new InterfaceRecord("bond0", "b4:96:91:aa:10:01", null, true, 9000, null),
                new InterfaceRecord("eno2", "b4:96:91:aa:10:02", null, false, 1500, null)), d.interfaces());
        assertEquals(List.of(new IpAddressRecord("10.20.0.11/24", "bond0", "db01.example.com"),
                new IpAddressRecord("10.20.0.50/32", "bond0", null),
                new IpAddressRecord("2001:db8:20::11/64", "bond0", null)), d.ipAddresses());
        assertTrue(sink.warnings.stream().noneMatch(w -> w.startsWith("db01")), sink.warnings.toString());
    }

    @Test
    void oddValuesAreReadLenientlyAndABadNetmaskIsAWarningNotAFailure() {
        DeviceRecord d = sink.devices.get("app-07.example.com");
        ServerFacts f = d.facts();
        assertEquals(Boolean.TRUE, f.virtual());
        assertEquals("kvm", f.virtualType());
        assertEquals(4, f.cpuCount());
        assertNull(f.cpuModel());
        assertEquals(8589934592L, f.memoryBytes());
        assertNull(f.uptimeSeconds());
        assertEquals("Standard PC (Q35 + ICH9, 2009) – Gerät™ 日本", f.product());
        assertEquals(List.of(new ServerFacts.Disk("vda", 42949672960L, null)), f.disks());
        assertFalse(d.metadata().containsKey("trusted_extensions"));
        assertEquals(List.of(new IpAddressRecord("192.0.2.7", "ens3", "app-07.example.com"),
                new IpAddressRecord("198.51.100.4/25", "ens4", null),
                new IpAddressRecord("2001:db8::4/64", "ens4", null)), d.ipAddresses());
        assertEquals(1500, d.interfaces().get(0).mtu());
        assertEquals(List.of("ens3", "ens4", "docker0"), d.interfaces().stream().map(InterfaceRecord::name).toList());
        assertEquals(1, sink.warnings.size(), sink.warnings.toString());
        assertTrue(sink.warnings.get(0).startsWith("app-07.example.com: netmask '255.0.255.0' of 192.0.2.7 on ens3"), sink.warnings.get(0));
    }

    @Test
    void legacyFlatFactsFillTheGaps() {
        DeviceRecord d = sink.devices.get("legacy.example.com");
        assertEquals("legacy.example.com", d.hostname());
        ServerFacts f = d.facts();
        assertEquals("CentOS", f.osName());
        assertEquals("6.10", f.osRelease());
        assertEquals("Intel(R) Xeon(R) CPU E5-2680 v2 @ 2.80GHz", f.cpuModel());
        assertEquals(2, f.cpuCount());
        assertEquals(4143521464L, f.memoryBytes()); // 3951.57 MB, to the byte
        assertEquals(86400L, f.uptimeSeconds());
        assertEquals(Boolean.FALSE, f.virtual());
        assertEquals("HP", f.manufacturer());
        assertEquals("ProLiant DL360p Gen8", f.product());
        assertEquals("CZJ3120ABC", f.serialNumber());
        assertEquals("3.8.7", d.metadata().get("puppet_version"));
        assertTrue(d.interfaces().isEmpty());
    }

    @Test
    void aNodeWithNoFactsAtAllStillCounts() {
        DeviceRecord d = sink.devices.get("bare.example.com");
        assertEquals("bare.example.com", d.hostname());
        assertEquals(Map.of("facts_timestamp", "2024-05-01T11:00:00.000Z"), d.metadata());
        assertNull(d.facts().osName());
        assertNull(d.facts().virtual());
        assertTrue(d.facts().disks().isEmpty());
        assertTrue(d.ipAddresses().isEmpty());
    }

    @Test
    void asksForTheProjectionInCertnameOrder() {
        FixtureServer.Request r = server.requestsTo(PuppetDbClient.INVENTORY).get(0);
        assertEquals("0", r.param("offset"));
        assertEquals("500", r.param("limit"));
        assertEquals("[{\"field\":\"certname\",\"order\":\"asc\"}]", r.param("order_by"));
        assertTrue(r.param("query").startsWith("[\"extract\",[\"certname\",\"environment\",\"timestamp\",\"trusted.extensions\",\"facts.fqdn\""),
                r.param("query"));
    }

    @Test
    void identityKeysFromStructuredAndLegacyFacts() {
        Map<String, Object> db01 = sink.devices.get("db01.example.com").metadata();
        assertEquals("4c4c4544-0058-4b10-8032-b7c04f503933", db01.get(IdentityKeys.SYSTEM_UUID), "dmi.product.uuid");
        assertEquals("7XK2P93", db01.get(IdentityKeys.SERIAL), "dmi.product.serial_number");
        assertEquals("db01.example.com", db01.get(IdentityKeys.FQDN));
        assertEquals("b4:96:91:aa:10:01", db01.get(IdentityKeys.PRIMARY_MAC), "networking.mac");

        Map<String, Object> legacy = sink.devices.get("legacy.example.com").metadata();
        assertEquals("34313236-3435-5A43-4A33-313230414243", legacy.get(IdentityKeys.SYSTEM_UUID), "the legacy uuid fact");
        assertEquals("CZJ3120ABC", legacy.get(IdentityKeys.SERIAL), "the legacy serialnumber fact");
        assertEquals("9C:8E:99:0A:BC:01", legacy.get(IdentityKeys.PRIMARY_MAC), "the legacy macaddress fact");
        assertFalse(legacy.containsKey(IdentityKeys.FQDN), "no fqdn fact: the certname is not taken for one");

        Map<String, Object> vm = sink.devices.get("app-07.example.com").metadata();
        assertEquals("app-07.example.com", vm.get(IdentityKeys.FQDN));
        assertFalse(vm.containsKey(IdentityKeys.SYSTEM_UUID));
        assertFalse(vm.containsKey(IdentityKeys.SERIAL));
        assertFalse(vm.containsKey(IdentityKeys.PRIMARY_MAC));
        assertTrue(IdentityKeys.ALL.stream().noneMatch(sink.devices.get("bare.example.com").metadata()::containsKey), "nothing known, nothing put");
    }
}
