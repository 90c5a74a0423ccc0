package com.enreach.tools.netbox.source;

import static com.enreach.tools.netbox.source.TinyNetBox.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.enreach.tools.api.plugin.CheckResult;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.InterfaceRecord;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RelationshipRecord;
import com.enreach.tools.api.spi.RelationshipTypes;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.FixtureServer;
import com.enreach.tools.testkit.TestContext;

/** The source against a small scripted NetBox: what a sync makes of it, and how it fails. */
class NetBoxConnectorTest {
    private TinyNetBox netbox;

    @BeforeEach
    void seed() {
        netbox = new TinyNetBox();
        netbox.add("dcim/manufacturers", ref("id", 1, "name", "Dell", "slug", "dell"))
                .add("dcim/device-types", ref("id", 5, "model", "PowerEdge R650", "slug", "r650",
                        "manufacturer", ref("id", 1, "name", "Dell", "slug", "dell")))
                .add("virtualization/clusters", ref("id", 2, "name", "prod-cl", "type", ref("id", 1, "name", "VMware"),
                        "scope_type", "dcim.site", "scope", ref("id", 4, "name", "AMS1"), "tags", List.of(),
                        "custom_fields", ref("enreach_entity_id", null)))
                .add("dcim/devices", ref("id", 10, "name", "esx01.example.com", "serial", "SN123",
                        // the nested device type without its manufacturer: the lookup fills it in
                        "device_type", ref("id", 5, "model", "PowerEdge R650", "slug", "r650"),
                        "role", ref("id", 3, "name", "Hypervisor", "slug", "hypervisor"),
                        "platform", ref("id", 6, "name", "VMware ESXi 8.0"), "site", ref("id", 4, "name", "AMS1"),
                        "rack", ref("id", 8, "name", "R12"), "status", ref("value", "active", "label", "Active"),
                        "cluster", ref("id", 2, "name", "prod-cl"), "primary_ip", ref("id", 30, "address", "10.0.0.10/24"),
                        "tags", List.of(ref("id", 1, "name", "Managed by Enreach Tools", "slug", "enreach")),
                        "custom_fields", ref("enreach_entity_id", 42, "owner", null)))
                .add("dcim/devices", ref("id", 11, "name", "sw-core-1", "role", ref("id", 9, "name", "Core Switch", "slug", "core-switch"),
                        "site", ref("id", 4, "name", "AMS1"), "device_type", ref("id", 5)))
                .add("dcim/interfaces", ref("id", 100, "device", ref("id", 10, "name", "esx01.example.com"), "name", "vmnic0",
                        "type", ref("value", "10gbase-x-sfpp"), "enabled", true, "mtu", 9000, "mac_address", null,
                        "primary_mac_address", null))
                .add("dcim/mac-addresses", ref("id", 200, "mac_address", "AA:BB:CC:00:00:01",
                        "assigned_object_type", "dcim.interface", "assigned_object_id", 100))
                .add("ipam/ip-addresses", ref("id", 30, "address", "10.0.0.10/24", "dns_name", "esx01.example.com",
                        "assigned_object_type", "dcim.interface", "assigned_object_id", 100))
                .add("virtualization/virtual-machines", ref("id", 20, "name", "app01", "cluster", ref("id", 2, "name", "prod-cl"),
                        "device", ref("id", 10, "name", "esx01.example.com"), "vcpus", 4.0, "memory", 8192, "disk", 102400,
                        "platform", ref("id", 7, "name", "Ubuntu 22.04"), "primary_ip", ref("id", 31, "address", "10.0.1.5/24"),
                        "status", ref("value", "active")))
                .add("virtualization/interfaces", ref("id", 300, "virtual_machine", ref("id", 20), "name", "eth0",
                        "primary_mac_address", ref("id", 201, "mac_address", "52:54:00:12:34:56")))
                .add("ipam/ip-addresses", ref("id", 31, "address", "10.0.1.5/24",
                        "assigned_object_type", "virtualization.vminterface", "assigned_object_id", 300));
    }

    @AfterEach
    void close() {
        netbox.close();
    }

    private Map<String, Object> config() {
        Map<String, Object> p = new HashMap<>();
        p.put("url", netbox.url() + "/api");
        p.put(".password", TinyNetBox.TOKEN);
        p.put("page.size", "1");
        return p;
    }

    @Test
    void aSyncReadsNetBoxIntoDevicesWithTheirChildren() throws SourceException {
        CollectingSink sink = new CollectingSink();
        new NetBoxConnector(config()).fetch(new TestContext("netbox-x"), sink);

        assertEquals(4, sink.devices.size());
        DeviceRecord esx = sink.devices.get("device/10");
        assertEquals(DeviceTypes.HYPERVISOR, esx.type());
        Map<String, Object> m = esx.metadata();
        assertEquals("SN123", m.get("serial"));
        assertEquals("Dell", m.get("vendor"));
        assertEquals("PowerEdge R650", m.get("model"));
        assertEquals("AMS1", m.get("site"));
        assertEquals("R12", m.get("rack"));
        assertEquals("Hypervisor", m.get("role"));
        assertEquals("VMware ESXi 8.0", m.get("os"));
        assertEquals("10.0.0.10", m.get("primary_ip"));
        assertEquals("AA:BB:CC:00:00:01", m.get("primary_mac"));
        assertEquals("esx01.example.com", m.get("fqdn"));
        assertEquals(42L, m.get("enreach_entity_id"));
        assertEquals(true, m.get("managed"));
        assertEquals(List.of("enreach"), m.get("tags"));
        assertEquals(Map.of("enreach_entity_id", 42), m.get("custom_fields"));
        assertEquals(List.of(new InterfaceRecord("vmnic0", "AA:BB:CC:00:00:01", "10gbase-x-sfpp", true, 9000, null)), esx.interfaces());
        assertEquals(List.of(new IpAddressRecord("10.0.0.10/24", "vmnic0", "esx01.example.com")), esx.ipAddresses());

        assertEquals(DeviceTypes.NETWORK_DEVICE, sink.devices.get("device/11").type());
        assertEquals("Dell", sink.devices.get("device/11").metadata().get("vendor"));
        assertEquals(false, sink.devices.get("device/11").metadata().get("managed"));

        DeviceRecord vm = sink.devices.get("vm/20");
        assertEquals(DeviceTypes.VM, vm.type());
        assertEquals(4L, vm.metadata().get("cpu_count"));
        assertEquals(8192L * 1024 * 1024, vm.metadata().get("memory_bytes"));
        assertEquals(102400L * 1024 * 1024, vm.metadata().get("disk_bytes"));
        assertEquals("prod-cl", vm.metadata().get("cluster"));
        assertEquals("52:54:00:12:34:56", vm.metadata().get("primary_mac"));
        assertEquals("eth0", vm.interfaces().get(0).name());
        assertEquals("10.0.1.5/24", vm.ipAddresses().get(0).address());

        DeviceRecord cluster = sink.devices.get("cluster/2");
        assertEquals(DeviceTypes.CLUSTER, cluster.type());
        assertEquals("AMS1", cluster.metadata().get("site"));
        assertNull(cluster.metadata().get("enreach_entity_id"));

        assertTrue(sink.relationships.contains(new RelationshipRecord("vm/20", RelationshipTypes.RUNS_ON, "device/10")));
        assertTrue(sink.relationships.contains(new RelationshipRecord("vm/20", RelationshipTypes.MEMBER_OF, "cluster/2")));
        assertTrue(sink.relationships.contains(new RelationshipRecord("device/10", RelationshipTypes.MEMBER_OF, "cluster/2")));
        // page.size=1: every list went page by page
        assertEquals(2, netbox.server.requestsTo("/api/dcim/devices/").size());
    }

    @Test
    void aMalformedAnswerFailsTheRunBeforeAnyDeviceIsEmitted() {
        netbox.server.once("GET", "/api/dcim/devices/", FixtureServer.Response.text(200, "application/json", "{\"count\": 2, \"results\": [{\"id\""));
        CollectingSink sink = new CollectingSink();
        SourceException e = assertThrows(SourceException.class,
                () -> new NetBoxConnector(config()).fetch(new TestContext("netbox-x"), sink));
        assertFalse(e.retryable());
        assertEquals("malformed", e.code());
        assertTrue(e.userMessage().contains("/api/dcim/devices/"), e.userMessage());
        assertTrue(sink.devices.keySet().stream().noneMatch(k -> k.startsWith("device/")));
    }

    @Test
    void aRefusedTokenFailsTheCheckWithoutShowingIt() {
        Map<String, Object> p = config();
        p.put(".password", "wrongtoken0000");
        CheckResult r = new NetBoxConnector(p).checkConnection(new TestContext("netbox-x"));
        assertFalse(r.ok());
        String text = r.toString();
        assertTrue(text.contains("refused the token"), text);
        assertFalse(text.contains("wrongtoken0000"), text);
    }

    @Test
    void theCheckNamesTheNetBoxVersion() {
        CheckResult r = new NetBoxConnector(config()).checkConnection(new TestContext("netbox-x"));
        assertTrue(r.ok(), r.toString());
        assertTrue(r.toString().contains("NetBox 4.2.2"), r.toString());
    }

    @Test
    void theTokenComesFromPasswordOrAnEnvironmentVariableNeverAPlainKey() {
        Map<String, Object> p = config();
        p.remove(".password");
        p.put("token", "visible");
        assertEquals("token", new NetBoxConnector(p).validate().get(0).field());

        p.remove("token");
        assertEquals("password", new NetBoxConnector(p).validate().get(0).field());

        p.put("token.env", "NB_TOKEN");
        assertTrue(new NetBoxConnector(p, Map.of("NB_TOKEN", TinyNetBox.TOKEN)::get).validate().isEmpty());
        assertTrue(new NetBoxConnector(p, Map.of("NB_TOKEN", TinyNetBox.TOKEN)::get).checkConnection(new TestContext("netbox-x")).ok());
        assertEquals("token.env", new NetBoxConnector(p, k -> null).validate().get(0).field());

        p.remove("token.env");
        p.put("token_env", "NB_TOKEN");
        assertTrue(new NetBoxConnector(p, Map.of("NB_TOKEN", TinyNetBox.TOKEN)::get).validate().isEmpty());

        p.put("page.size", "5000");
        assertEquals("page.size", new NetBoxConnector(p, Map.of("NB_TOKEN", "x")::get).validate().get(0).field());
    }

    @Test
    void linksPointAtNetBoxPages() {
        NetBoxConnector c = new NetBoxConnector(config());
        assertEquals(netbox.url() + "/dcim/devices/10/", c.objectUrl("hypervisor", "device/10", Map.of()));
        assertEquals(netbox.url() + "/virtualization/virtual-machines/20/", c.objectUrl("vm", "vm/20", Map.of()));
        assertNull(c.objectUrl("vm", "vm/x", Map.of()));
    }

    @Test
    void aConfigurationErrorStopsTheRunWithoutARequest() {
        Map<String, Object> p = config();
        p.put("url", "not a url");
        assertThrows(PermanentSourceException.class, () -> new NetBoxConnector(p).fetch(new TestContext("netbox-x"), new CollectingSink()));
        assertTrue(netbox.server.requests.isEmpty());
    }
}
