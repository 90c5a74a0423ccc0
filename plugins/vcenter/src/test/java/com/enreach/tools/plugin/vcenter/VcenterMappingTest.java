package com.enreach.tools.plugin.vcenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.IdentityKeys;
import com.enreach.tools.api.spi.InterfaceRecord;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.api.spi.RelationshipRecord;
import com.enreach.tools.api.spi.RelationshipTypes;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.TestContext;

/** How the vim25 shapes in the fixtures (real vCenter 8 answers, awkward cases included) map to master records. */
class VcenterMappingTest {
    private static final String VCENTER_UUID = "0f6a4a2c-7d0b-4c39-9e43-2a1e3e0a9b10";
    private static SoapDouble vc;
    private static CollectingSink sink;

    @BeforeAll
    static void fetch() throws Exception {
        vc = new SoapDouble();
        sink = new CollectingSink();
        new VcenterConnector(vc.config()).fetch(new TestContext("vcenter-test"), sink);
    }

    @AfterAll
    static void close() {
        vc.close();
    }

    @Test
    void speaksTheProtocolInOrderAndCleansUp() {
        assertEquals(List.of("RetrieveServiceContent", "Login", "CreateContainerView", "RetrievePropertiesEx Datacenter",
                "RetrievePropertiesEx Folder", "RetrievePropertiesEx ComputeResource", "RetrievePropertiesEx ClusterComputeResource",
                "RetrievePropertiesEx Network", "RetrievePropertiesEx HostSystem", "RetrievePropertiesEx VirtualMachine",
                "ContinueRetrievePropertiesEx", "DestroyView", "Logout"), vc.calls);
        assertEquals("\"urn:vim25/8.0.2.0\"", vc.server.requests.get(1).header("SOAPAction"), "the server's API version once known");
        assertEquals("text/xml; charset=utf-8", vc.server.requests.get(1).header("Content-Type"));
        String login = vc.server.requests.get(1).body();
        assertTrue(login.contains("<password>s3cret&amp;&lt;pw&gt;</password>"), "password escaped in the Login body");
        assertTrue(vc.server.requests.get(6).body().contains("<maxObjects>2</maxObjects>"));
        String view = vc.server.requests.get(2).body();
        for (String type : List.of("Datacenter", "Folder", "ComputeResource", "HostSystem", "VirtualMachine")) {
            assertTrue(view.contains("<type>" + type + "</type>"), type + " in the view: " + view);
        }
        assertEquals(List.of("login", "datacenters", "folders", "compute resources", "clusters", "networks", "hosts", "virtual machines",
                "virtual machines page 2"), sink.phases);
    }

    @Test
    void clustersAndNetworks() {
        DeviceRecord cluster = sink.devices.get("domain-c7");
        assertEquals(DeviceTypes.CLUSTER, cluster.type());
        assertEquals("Prod Clüster Zürich", cluster.name());
        assertEquals("AMS-DC1", cluster.metadata().get("datacenter"));
        assertEquals("/Europe/AMS-DC1/host", cluster.metadata().get("folder"));
        assertEquals("standard", sink.devices.get("network-11").metadata().get("network_type"));
        DeviceRecord dvpg = sink.devices.get("dvportgroup-21");
        assertEquals("dvpg-web & db", dvpg.name());
        assertEquals("distributed_portgroup", dvpg.metadata().get("network_type"));
        assertEquals("opaque", sink.devices.get("network-o31").metadata().get("network_type"));
        assertEquals(3, sink.devicesOfType(DeviceTypes.NETWORK).size());
    }

    @Test
    void hostWithSerialTagIsAHypervisorInItsCluster() {
        DeviceRecord h = sink.devices.get("host-14");
        assertEquals(DeviceTypes.HYPERVISOR, h.type());
        assertEquals("esx01.example.com", h.hostname());
        assertEquals("CN7016349K00XY", h.metadata().get("serial"), "SerialNumberTag wins over ServiceTag");
        assertEquals("Dell Inc.", h.metadata().get("vendor"));
        assertEquals("PowerEdge R750", h.metadata().get("model"));
        assertEquals("4c4c4544-0042-3510-8052-b4c04f4e4d32", h.metadata().get("uuid"));
        assertEquals(64, h.metadata().get("cpu_cores"));
        assertEquals(524032L, h.metadata().get("memory_mb"));
        assertEquals(true, h.metadata().get("maintenance_mode"));
        assertEquals("VMware ESXi 8.0.2 build-22380479", h.metadata().get("product"));
        assertEquals("Prod Clüster Zürich", h.metadata().get("cluster"));
        assertEquals("AMS-DC1", h.metadata().get("datacenter"));
        assertEquals("/Europe/AMS-DC1/host", h.metadata().get("folder"), "the folder of its cluster");
        assertEquals("connected", h.metadata().get("connection_state"));
        assertEquals(VCENTER_UUID, h.metadata().get("vcenter_uuid"));
        assertEquals("urn:vmomi:HostSystem:host-14:" + VCENTER_UUID, h.metadata().get("vcenter_urn"));
        assertEquals("Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz", h.facts().cpuModel());
        assertEquals(64, h.facts().cpuCount());
        assertEquals(549487419392L, h.facts().memoryBytes());
        assertEquals("CN7016349K00XY", h.facts().serialNumber());
        assertEquals("8.0.2", h.facts().osRelease());
        assertTrue(sink.relationships.contains(new RelationshipRecord("host-14", RelationshipTypes.MEMBER_OF, "domain-c7")));
    }

    @Test
    void standaloneHostAddedByAddressHasNoClusterAndNoHostName() {
        DeviceRecord h = sink.devices.get("host-15");
        assertEquals("10.0.0.15", h.name());
        assertNull(h.hostname(), "an address is not a host name");
        assertEquals("10.0.0.15", h.ipAddresses().get(0).address());
        assertEquals("notResponding", h.metadata().get("connection_state"));
        assertNull(h.metadata().get("cluster"));
        assertNull(h.metadata().get("serial"));
        assertEquals("/Europe/AMS-DC1/host/Standalone", h.metadata().get("folder"), "the folder of its compute resource");
        assertEquals("AMS-DC1", h.metadata().get("datacenter"));
        assertTrue(sink.relationships.stream().noneMatch(r -> r.fromSourceId().equals("host-15")));
    }

    @Test
    void vmWithToolsHasInterfacesAddressesAndRelationships() {
        DeviceRecord vm = sink.devices.get("50218a4e-2d6f-4b1c-8c3e-7f1a2b3c4d01");
        assertEquals("web01 & cache – Zürich 東京", vm.name());
        assertEquals("web01.example.com", vm.hostname());
        assertEquals("web01.example.com", vm.metadata().get("guest_hostname"), "what VMware Tools report, shown as such");
        assertEquals("vm-101", vm.metadata().get("moref"));
        assertEquals(VCENTER_UUID, vm.metadata().get("vcenter_uuid"), "about.instanceUuid of the service content");
        assertEquals("urn:vmomi:VirtualMachine:vm-101:" + VCENTER_UUID, vm.metadata().get("vcenter_urn"));
        assertEquals("AMS-DC1", vm.metadata().get("datacenter"));
        assertEquals("/Europe/AMS-DC1/vm/Prod & Web", vm.metadata().get("folder"));
        assertEquals("connected", vm.metadata().get("connection_state"));
        assertEquals("4221a1b2-c3d4-e5f6-0718-293a4b5c6d01", vm.metadata().get("bios_uuid"));
        assertEquals(4, vm.metadata().get("vcpu"));
        assertEquals(8192, vm.metadata().get("memory_mb"));
        assertEquals("Ubuntu Linux (64-bit)", vm.metadata().get("guest_os"));
        assertEquals("toolsOk", vm.metadata().get("tools_status"));
        assertEquals("esx01.example.com", vm.metadata().get("host"));
        assertEquals("Prod Clüster Zürich", vm.metadata().get("cluster"));
        assertNull(vm.metadata().get("template"));
        assertEquals(List.of(
                new InterfaceRecord("Network adapter 1", "00:50:56:a1:00:01", "vmxnet3", true, null, "VM Network"),
                new InterfaceRecord("Network adapter 2", "00:50:56:a1:00:02", "e1000e", false, null, "dvpg-web & db"),
                new InterfaceRecord("nic1", "02:42:ac:11:00:01", null, true, null, null)), vm.interfaces());
        assertEquals(List.of(
                new IpAddressRecord("10.1.2.3/24", "Network adapter 1", null),
                new IpAddressRecord("2001:db8:1::3/64", "Network adapter 1", null),
                new IpAddressRecord("172.17.0.1", "nic1", null)), vm.ipAddresses());
        String id = vm.sourceId();
        assertTrue(sink.relationships.contains(new RelationshipRecord(id, RelationshipTypes.RUNS_ON, "host-14")));
        assertTrue(sink.relationships.contains(new RelationshipRecord(id, RelationshipTypes.CONNECTED_TO, "network-11")));
        assertTrue(sink.relationships.contains(new RelationshipRecord(id, RelationshipTypes.CONNECTED_TO, "dvportgroup-21")));
    }

    @Test
    void templateWithoutInstanceUuidIsKeyedByMoref() {
        DeviceRecord vm = sink.devices.get("vm-102");
        assertEquals("tpl-win2022", vm.name());
        assertEquals(true, vm.metadata().get("template"));
        assertEquals("poweredOff", vm.metadata().get("power_state"));
        assertEquals("10.0.0.15", vm.metadata().get("host"));
        assertEquals("/Europe/AMS-DC1/vm/Templates", vm.metadata().get("folder"));
        assertFalse(vm.metadata().containsKey("guest_hostname"));
        assertFalse(vm.metadata().containsKey("cluster"));
        assertFalse(vm.metadata().containsKey("instance_uuid"));
        assertNull(vm.hostname());
        assertTrue(vm.interfaces().isEmpty());
        assertTrue(vm.ipAddresses().isEmpty());
    }

    @Test
    void olderToolsAndAMissingDeviceListStillGiveAddressesAndAWarning() {
        DeviceRecord vm = sink.devices.get("50218a4e-2d6f-4b1c-8c3e-7f1a2b3c4d03");
        assertEquals("guestToolsRunning", vm.metadata().get("tools_status"));
        assertEquals("legacy-db", vm.hostname());
        assertEquals("orphaned", vm.metadata().get("connection_state"));
        assertFalse(vm.metadata().containsKey("folder"), "its folder was not returned (no permission): no half path");
        assertFalse(vm.metadata().containsKey("datacenter"));
        assertEquals(List.of(new InterfaceRecord("nic0", "00:50:56:a1:00:03", null, true, null, "VM Network")), vm.interfaces());
        assertEquals(List.of(new IpAddressRecord("192.168.50.10", "nic0", null)), vm.ipAddresses(), "no prefix without ipConfig, APIPA left out");
        assertEquals(1, sink.warnings.size());
        assertTrue(sink.warnings.get(0).startsWith(vm.sourceId() + ": "), sink.warnings.toString());
        assertTrue(sink.warnings.get(0).contains("config.hardware.device (NoPermission)"), sink.warnings.toString());
    }

    @Test
    void identityKeysForResolution() {
        DeviceRecord host = sink.devices.get("host-14");
        assertEquals("4c4c4544-0042-3510-8052-b4c04f4e4d32", host.metadata().get(IdentityKeys.SYSTEM_UUID), "hardware.systemInfo.uuid");
        assertEquals("CN7016349K00XY", host.metadata().get(IdentityKeys.SERIAL));
        assertEquals("esx01.example.com", host.metadata().get(IdentityKeys.FQDN));
        DeviceRecord byAddress = sink.devices.get("host-15");
        assertFalse(byAddress.metadata().containsKey(IdentityKeys.FQDN), "an address is no FQDN");
        assertFalse(byAddress.metadata().containsKey(IdentityKeys.SYSTEM_UUID));

        DeviceRecord vm = sink.devices.get("50218a4e-2d6f-4b1c-8c3e-7f1a2b3c4d01");
        assertEquals("4221a1b2-c3d4-e5f6-0718-293a4b5c6d01", vm.metadata().get(IdentityKeys.SYSTEM_UUID), "config.uuid");
        assertEquals("4221a1b2-c3d4-e5f6-0718-293a4b5c6d01", vm.metadata().get(IdentityKeys.BIOS_UUID_ALIAS), "kept for earlier readers");
        assertEquals("50218a4e-2d6f-4b1c-8c3e-7f1a2b3c4d01", vm.metadata().get(IdentityKeys.INSTANCE_UUID));
        assertEquals("web01.example.com", vm.metadata().get(IdentityKeys.FQDN), "guest.hostName, dotted");
        assertEquals("00:50:56:a1:00:01", vm.metadata().get(IdentityKeys.PRIMARY_MAC), "Network adapter 1, not the disconnected second NIC or docker0");

        DeviceRecord legacy = sink.devices.get("50218a4e-2d6f-4b1c-8c3e-7f1a2b3c4d03");
        assertFalse(legacy.metadata().containsKey(IdentityKeys.FQDN), "a short guest host name is no FQDN");
        assertEquals("00:50:56:a1:00:03", legacy.metadata().get(IdentityKeys.PRIMARY_MAC), "the guest's NIC when the configuration was not readable");

        DeviceRecord template = sink.devices.get("vm-102");
        assertFalse(template.metadata().containsKey(IdentityKeys.PRIMARY_MAC));
        assertFalse(template.metadata().containsKey(IdentityKeys.SYSTEM_UUID));
    }
}
