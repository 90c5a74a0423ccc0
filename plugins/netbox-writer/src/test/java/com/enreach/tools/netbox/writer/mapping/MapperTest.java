package com.enreach.tools.netbox.writer.mapping;

import com.enreach.tools.api.inventory.EntityDetail;
import com.enreach.tools.api.netbox.NetBoxKinds;
import com.enreach.tools.netbox.writer.testing.Golden;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MapperTest {
    private static final MappingRules RULES = MappingFile.defaults();

    static EntityDetail server() {
        return Golden.entity(1, "server", "web01").attr("site", "AMS1").attr("vendor", "Dell Inc.")
                .attr("model", "PowerEdge R740").attr("serial", "SN1").attr("os", "Ubuntu 22.04")
                .attr("primary_ip", "10.0.0.5").iface("eth0", "aa-bb-cc-00-11-22").ip("10.0.0.5", 24, "eth0").build();
    }

    @Test
    void serverBecomesADeviceWithDerivedSupportingObjects() {
        DesiredState s = Mapper.map(List.of(server()), RULES, "4.2.2");
        DesiredObject d = s.get("dcim.device:entity:1");
        assertEquals("web01", d.fields().get("name"));
        assertEquals("SN1", d.fields().get("serial"));
        assertEquals("active", d.fields().get("status"));
        assertEquals("dcim.site:slug:ams1", ((Ref) d.fields().get("site")).ref());
        assertEquals("dcim.devicerole:slug:server", ((Ref) d.fields().get("role")).ref());
        assertEquals("dcim.platform:slug:ubuntu-2204", ((Ref) d.fields().get("platform")).ref());
        Ref type = (Ref) d.fields().get("device_type");
        assertEquals("dcim.devicetype:slug:dell/poweredge-r740", type.ref());
        assertEquals("Dell", s.get("dcim.manufacturer:slug:dell").createOnly().get("name"));
        assertEquals(Map.of(Marker.FIELD, 1L), d.createOnly().get("custom_fields"));
        assertEquals("serial", d.attributes().get("serial"));
        assertNotNull(s.get(Marker.TAG_REF));
        assertNotNull(s.get(Marker.FIELD_REF));
    }

    @Test
    void macsAreObjectsFrom42AndTheInterfaceFieldBefore() {
        DesiredState s42 = Mapper.map(List.of(server()), RULES, "4.2.2");
        DesiredObject mac = s42.get("dcim.macaddress:entity:1:AA:BB:CC:00:11:22");
        assertEquals("AA:BB:CC:00:11:22", mac.fields().get("mac_address"));
        assertEquals("dcim.interface", mac.fields().get("assigned_object_type"));
        assertEquals("dcim.interface:entity:1:eth0", ((Ref) mac.fields().get("assigned_object_id")).ref());
        assertNull(s42.get("dcim.interface:entity:1:eth0").fields().get("mac_address"));

        DesiredState s41 = Mapper.map(List.of(server()), RULES, "4.1.0");
        assertTrue(s41.ofKind(NetBoxKinds.MAC_ADDRESS).isEmpty());
        assertEquals("AA:BB:CC:00:11:22", s41.get("dcim.interface:entity:1:eth0").fields().get("mac_address"));
    }

    @Test
    void ipsAreAssignedAndThePrimaryIpIsASecondUpdate() {
        DesiredState s = Mapper.map(List.of(server()), RULES, "4.2.2");
        DesiredObject ip = s.get("ipam.ipaddress:entity:1:10.0.0.5");
        assertEquals("10.0.0.5/24", ip.fields().get("address"));
        assertEquals("dcim.interface", ip.fields().get("assigned_object_type"));
        DesiredObject primary = s.get("dcim.device:entity:1:primary_ip");
        assertTrue(primary.primaryIps());
        assertEquals("ipam.ipaddress:entity:1:10.0.0.5", ((Ref) primary.fields().get("primary_ip4")).ref());
        assertEquals("primary_ip", primary.attributes().get("primary_ip4"));
    }

    @Test
    void vmUnitsFollowTheNetBoxVersion() {
        EntityDetail cluster = Golden.entity(5, "cluster", "prod-cl").build();
        EntityDetail vm = Golden.entity(6, "vm", "app01").attr("cluster", "PROD-CL").attr("cpu_count", 4)
                .attr("memory_bytes", 8L * 1024 * 1024 * 1024).attr("disk_bytes", 100L * 1024 * 1024 * 1024)
                .attr("power_state", "poweredOff").build();
        DesiredObject v = Mapper.map(List.of(vm, cluster), RULES, "4.2.2").get("virtualization.virtualmachine:entity:6");
        assertEquals(8192L, v.fields().get("memory"));
        assertEquals(102400L, v.fields().get("disk")); // NetBox 4.x: Disk (MB)
        assertEquals(4, v.fields().get("vcpus"));
        assertEquals("offline", v.fields().get("status"));
        assertEquals("virtualization.cluster:entity:5", ((Ref) v.fields().get("cluster")).ref());
        DesiredObject old = Mapper.map(List.of(vm), RULES, "3.7.8").get("virtualization.virtualmachine:entity:6");
        assertEquals(100L, old.fields().get("disk")); // NetBox 3.x: GB
        Ref unknown = (Ref) old.fields().get("cluster");
        assertTrue(unknown.lookupOnly(), "a cluster no entity stands for is only looked up in NetBox");
    }

    @Test
    void networkInterfaceNamesAreStandardisedPerVendor() {
        EntityDetail sw = Golden.entity(7, "network_device", "sw1").attr("vendor", "Cisco").iface("Gi1/0/1", null)
                .iface("Te1/1/1", null).iface("Po10", null).build();
        EntityDetail ar = Golden.entity(8, "network_device", "ar1").attr("vendor", "Arista Networks").iface("Et1", null)
                .iface("Ma1", null).build();
        EntityDetail srv = Golden.entity(9, "server", "s1").iface("eth0", null).build();
        DesiredState s = Mapper.map(List.of(sw, ar, srv), RULES, "4.2.2");
        assertNotNull(s.get("dcim.interface:entity:7:GigabitEthernet1/0/1"));
        assertNotNull(s.get("dcim.interface:entity:7:TenGigabitEthernet1/1/1"));
        assertEquals("lag", s.get("dcim.interface:entity:7:Port-channel10").createOnly().get("type"));
        assertEquals("1000base-t", s.get("dcim.interface:entity:7:GigabitEthernet1/0/1").createOnly().get("type"));
        assertNotNull(s.get("dcim.interface:entity:8:Ethernet1"));
        assertNotNull(s.get("dcim.interface:entity:8:Management1"));
        assertNotNull(s.get("dcim.interface:entity:9:eth0"));
    }

    @Test
    void staleAndUnmappedEntitiesAreNotSent() {
        EntityDetail stale = Golden.entity(10, "server", "old").stale().build();
        EntityDetail pool = Golden.entity(11, "storage_pool", "pool1").build();
        DesiredState s = Mapper.map(List.of(stale, pool), RULES, "4.2.2");
        assertEquals(0, s.entities());
        assertFalse(s.objects().stream().anyMatch(DesiredObject::managed));
    }

    @Test
    void derivationRulesAndDefaults() {
        MappingRules r = MappingFile.parse("""
                {"object_types": {"server": "device"},
                 "derive": {"site": {"rules": [{"when": {"name": "^ams-"}, "value": "Amsterdam"},
                                               {"value": "${site}"}], "default": "Unassigned"},
                            "device_role": {"rules": [{"when": {"type": "server", "os": "(?i)windows"}, "value": "Windows ${type}"}],
                                            "default": "Server"}},
                 "descriptions": {"dcim.device": "${fqdn}"}}
                """, "test");
        DesiredObject a = Mapper.map(List.of(Golden.entity(1, "server", "ams-web").attr("os", "Windows 2022").attr("fqdn", "ams-web.x").build()), r, "4.2")
                .get("dcim.device:entity:1");
        assertEquals("Amsterdam", ((Ref) a.fields().get("site")).display());
        assertEquals("Windows server", ((Ref) a.fields().get("role")).display());
        assertEquals("ams-web.x", a.fields().get("description"));
        DesiredObject b = Mapper.map(List.of(Golden.entity(2, "server", "fra-web").build()), r, "4.2").get("dcim.device:entity:2");
        assertEquals("Unassigned", ((Ref) b.fields().get("site")).display());
        assertEquals("Server", ((Ref) b.fields().get("role")).display());
        assertEquals("", b.fields().get("description"));
    }

    @Test
    void anAddressIsWrittenWithThePrefixLengthOneOfItsSourcesGives() {
        // Foreman synced first and reports no prefix length; vCenter and PuppetDB do: NetBox gets 10.0.0.5/16
        EntityDetail d = Golden.entity(1, "vm", "vm01").attr("primary_ip", "10.0.0.5").iface("ens192", null)
                .ip("10.0.0.5", null, "ens192").ip("10.0.0.5", 16, "ens192").ip("10.0.0.7", null, "ens192").build();
        DesiredState s = Mapper.map(List.of(d), RULES, "4.2.2");
        assertEquals("10.0.0.5/16", s.get("ipam.ipaddress:entity:1:10.0.0.5").fields().get("address"));
        // an address no source gives a prefix length for stays as it is (and validation says so)
        assertEquals("10.0.0.7", s.get("ipam.ipaddress:entity:1:10.0.0.7").fields().get("address"));
        assertEquals(2, s.ofKind(NetBoxKinds.IP_ADDRESS).size());
    }
}
