package com.enreach.tools.netbox.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.netbox.sandbox.NetBoxDouble;
import com.enreach.tools.netbox.sandbox.NetBoxDoubleServer;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.TestContext;

/** A sync of a NetBox double seeded with a managed hypervisor, a hand-made switch, a cluster and a VM. */
class NetBoxSourceDoubleTest {
    private NetBoxDoubleServer server;
    private long vmId;

    @BeforeEach
    void seed() throws IOException {
        server = new NetBoxDoubleServer();
        NetBoxDouble nb = server.netbox();
        nb.seed("extras.tag", Map.of("name", "Managed by Enreach Tools", "slug", "enreach"));
        nb.seed("extras.customfield", Map.of("name", "enreach_entity_id", "type", "integer",
                "object_types", List.of("dcim.device", "virtualization.virtualmachine")));
        long site = nb.seed("dcim.site", Map.of("name", "FRA2", "slug", "fra2", "status", "active"));
        long hpe = nb.seed("dcim.manufacturer", Map.of("name", "HPE", "slug", "hpe"));
        long dl = nb.seed("dcim.devicetype", Map.of("manufacturer", hpe, "model", "ProLiant DL380 Gen10", "slug", "dl380"));
        long hv = nb.seed("dcim.devicerole", Map.of("name", "Hypervisor", "slug", "hypervisor"));
        long sw = nb.seed("dcim.devicerole", Map.of("name", "Access Switch", "slug", "access-switch"));
        long ct = nb.seed("virtualization.clustertype", Map.of("name", "KVM", "slug", "kvm"));
        long cl = nb.seed("virtualization.cluster", Map.of("name", "fra-kvm", "type", ct, "scope_type", "dcim.site", "scope_id", site));
        long host = nb.seed("dcim.device", Map.of("name", "kvm01", "device_type", dl, "role", hv, "site", site, "cluster", cl,
                "serial", "CZ1234", "status", "active", "tags", List.of(Map.of("slug", "enreach")),
                "custom_fields", Map.of("enreach_entity_id", 77)));
        nb.seed("dcim.device", Map.of("name", "sw01", "device_type", dl, "role", sw, "site", site, "status", "active"));
        long nic = nb.seed("dcim.interface", Map.of("device", host, "name", "eno1", "type", "1000base-t"));
        nb.seed("dcim.macaddress", Map.of("mac_address", "00:11:22:33:44:55", "assigned_object_type", "dcim.interface",
                "assigned_object_id", nic));
        nb.seed("ipam.ipaddress", Map.of("address", "192.0.2.10/24", "assigned_object_type", "dcim.interface", "assigned_object_id", nic,
                "dns_name", "kvm01.fra2.example.com"));
        vmId = nb.seed("virtualization.virtualmachine", Map.of("name", "db01", "cluster", cl, "vcpus", 2.5, "memory", 4096,
                "disk", 20480, "status", "active"));
        long vnic = nb.seed("virtualization.vminterface", Map.of("virtual_machine", vmId, "name", "ens3"));
        long vip = nb.seed("ipam.ipaddress", Map.of("address", "192.0.2.50/24", "assigned_object_type", "virtualization.vminterface",
                "assigned_object_id", vnic));
        nb.handEdit(NetBoxDouble.ADMIN, "virtualization.virtualmachine", vmId, Map.of("primary_ip4", vip));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private NetBoxConnector connector() {
        Map<String, Object> p = new HashMap<>();
        p.put("url", server.url());
        p.put(".password", server.token());
        p.put("page.size", "2");
        return new NetBoxConnector(p);
    }

    @Test
    void aSyncReadsTheSeededNetBox() throws SourceException {
        CollectingSink sink = new CollectingSink();
        connector().fetch(new TestContext("netbox-t"), sink);

        assertEquals(4, sink.devices.size(), sink.devices.keySet().toString());
        DeviceRecord kvm = sink.devices.values().stream().filter(d -> d.name().equals("kvm01")).findFirst().orElseThrow();
        assertEquals("hypervisor", kvm.type());
        assertEquals("CZ1234", kvm.metadata().get("serial"));
        assertEquals("HPE", kvm.metadata().get("vendor"));
        assertEquals("ProLiant DL380 Gen10", kvm.metadata().get("model"));
        assertEquals("FRA2", kvm.metadata().get("site"));
        assertEquals("fra-kvm", kvm.metadata().get("cluster"));
        assertEquals(77L, kvm.metadata().get("enreach_entity_id"));
        assertEquals(true, kvm.metadata().get("managed"));
        assertEquals("00:11:22:33:44:55", kvm.interfaces().get(0).mac().toLowerCase());
        assertEquals("192.0.2.10/24", kvm.ipAddresses().get(0).address());

        DeviceRecord sw = sink.devices.values().stream().filter(d -> d.name().equals("sw01")).findFirst().orElseThrow();
        assertEquals("network_device", sw.type());
        assertEquals(false, sw.metadata().get("managed"));

        DeviceRecord db = sink.devices.get("vm/" + vmId);
        assertEquals("vm", db.type());
        assertEquals(2.5, db.metadata().get("cpu_count"));
        assertEquals(4096L << 20, db.metadata().get("memory_bytes"));
        assertEquals(20480L << 20, db.metadata().get("disk_bytes"));
        assertEquals("192.0.2.50", db.metadata().get("primary_ip"));
        assertEquals("ens3", db.interfaces().get(0).name());

        DeviceRecord cluster = sink.devices.values().stream().filter(d -> d.type().equals("cluster")).findFirst().orElseThrow();
        assertEquals("FRA2", cluster.metadata().get("site"));
    }

    @Test
    void aThrottledNetBoxIsRetriedByTheCorePolicyAndTheRunCompletes() throws SourceException {
        server.netbox().throttleNext(1, 0);
        CollectingSink sink = new CollectingSink();
        TestContext context = new TestContext("netbox-t", null, 3);
        connector().fetch(context, sink);
        assertEquals(4, sink.devices.size());
        assertEquals(1, context.retried.size(), context.retried.toString());
    }

    @Test
    void aNetBoxThatKeepsFailingFailsTheRunAsRetryable() {
        server.netbox().failNext(10, 502, 0);
        CollectingSink sink = new CollectingSink();
        assertThrows(RetryableSourceException.class, () -> connector().fetch(new TestContext("netbox-t", null, 2), sink));
        assertTrue(sink.devices.isEmpty());
    }
}
