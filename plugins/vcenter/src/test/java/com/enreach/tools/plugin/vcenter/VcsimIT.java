package com.enreach.tools.plugin.vcenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.enreach.tools.api.plugin.CheckResult;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.InterfaceRecord;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RelationshipRecord;
import com.enreach.tools.api.spi.RelationshipTypes;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.TestContext;

/**
 * Against vcsim: 2 clusters of 5 hosts with 105 VMs per host (1,050 VMs), read 100 objects per page; the datacenter
 * sits in folder F0 and its hosts and VMs in sub-folders F0.
 *
 * <p>An integration test (failsafe, {@code mvn verify}): it builds and runs vcsim (Debian packages golang-go and
 * golang-github-vmware-govmomi-dev) and fails, never skips, without them, so {@code mvn test} runs without.
 */
class VcsimIT {
    private static final int CLUSTERS = 2;
    private static final int HOSTS = CLUSTERS * 5;
    private static final int VMS = HOSTS * 105;

    private static VcsimServer vcsim;
    private static CollectingSink sink;
    private static TestContext context;

    @BeforeAll
    static void fetchOnce() throws Exception {
        vcsim = VcsimServer.start(CLUSTERS, 5, 105);
        Map<String, Object> cfg = vcsim.config();
        cfg.put("page.size", "100");
        sink = new CollectingSink();
        context = new TestContext("vcenter-sim");
        new VcenterConnector(cfg).fetch(context, sink);
    }

    @AfterAll
    static void stop() {
        if (vcsim != null) {
            vcsim.close();
        }
    }

    private static VcenterConnector connector(Map<String, Object> overrides) {
        Map<String, Object> cfg = vcsim.config();
        cfg.putAll(overrides);
        return new VcenterConnector(cfg);
    }

    @Test
    void readsEveryObjectAcrossManyPages() {
        assertEquals(VMS, sink.devicesOfType(DeviceTypes.VM).size());
        assertEquals(HOSTS, sink.devicesOfType(DeviceTypes.HYPERVISOR).size());
        assertEquals(CLUSTERS, sink.devicesOfType(DeviceTypes.CLUSTER).size());
        // VM Network, the DV port group the VMs use, and the DV switch's uplink port group
        assertEquals(3, sink.devicesOfType(DeviceTypes.NETWORK).size());
        // 1,050 VMs at 100 per answer: RetrievePropertiesEx and ten ContinueRetrievePropertiesEx
        assertTrue(sink.phases.contains("virtual machines page 11"), sink.phases.toString());
        assertFalse(sink.phases.contains("virtual machines page 12"), sink.phases.toString());
        assertTrue(sink.warnings.isEmpty(), sink.warnings.toString());
        assertTrue(context.retried.isEmpty(), context.retried.toString());
    }

    @Test
    void everyVmRunsOnAnEmittedHostAndEveryHostIsInACluster() {
        Map<String, List<RelationshipRecord>> byType = sink.relationships.stream().collect(Collectors.groupingBy(RelationshipRecord::type));
        List<RelationshipRecord> runsOn = byType.get(RelationshipTypes.RUNS_ON);
        assertEquals(VMS, runsOn.size());
        runsOn.forEach(r -> assertEquals(DeviceTypes.HYPERVISOR, sink.devices.get(r.toSourceId()).type(), r.toString()));
        List<RelationshipRecord> memberOf = byType.get(RelationshipTypes.MEMBER_OF);
        assertEquals(HOSTS, memberOf.size());
        memberOf.forEach(r -> assertEquals(DeviceTypes.CLUSTER, sink.devices.get(r.toSourceId()).type(), r.toString()));
        List<RelationshipRecord> connected = byType.get(RelationshipTypes.CONNECTED_TO);
        assertEquals(VMS, connected.size());
        connected.forEach(r -> assertEquals("DC0_DVPG0", sink.devices.get(r.toSourceId()).name()));
        sink.relationships.forEach(r -> assertNotNull(sink.devices.get(r.fromSourceId()), r.toString()));
    }

    @Test
    void vmsCarryTheirConfigurationAndHostAndCluster() {
        DeviceRecord vm = sink.devicesOfType(DeviceTypes.VM).stream().filter(d -> d.name().equals("DC0_C0_RP0_VM1")).findFirst().orElseThrow();
        Map<String, Object> m = vm.metadata();
        assertEquals(vm.sourceId(), m.get("instance_uuid"), "source id is the instance UUID");
        assertTrue(((String) m.get("moref")).startsWith("vm-"));
        assertNotNull(m.get("bios_uuid"));
        assertEquals(1, m.get("vcpu"));
        assertEquals(32, m.get("memory_mb"));
        assertEquals("otherGuest", m.get("guest_os"));
        assertEquals("poweredOn", m.get("power_state"));
        assertEquals("toolsNotRunning", m.get("tools_status"));
        assertTrue(((String) m.get("host")).startsWith("DC0_C0_H"), m.toString());
        assertEquals("DC0_C0", m.get("cluster"));
        assertNull(vm.hostname(), "no guest host name without Tools");
        assertFalse(m.containsKey("guest_hostname"));
        assertEquals("connected", m.get("connection_state"));
        assertEquals("DC0", m.get("datacenter"));
        assertEquals("/F0/DC0/vm/F0", m.get("folder"));
        String uuid = (String) m.get("vcenter_uuid");
        assertTrue(uuid.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "about.instanceUuid: " + uuid);
        assertEquals("urn:vmomi:VirtualMachine:" + m.get("moref") + ":" + uuid, m.get("vcenter_urn"));
        sink.devices.values().forEach(d -> assertEquals(uuid, d.metadata().get("vcenter_uuid"), d.name()));
        assertTrue(vm.ipAddresses().isEmpty());
        InterfaceRecord nic = vm.interfaces().get(0);
        assertEquals(1, vm.interfaces().size());
        assertEquals("ethernet-0", nic.name());
        assertEquals("e1000", nic.type());
        assertTrue(nic.mac().matches("00:0c:29(:[0-9a-f]{2}){3}"), nic.mac());
        assertEquals("DC0_DVPG0", nic.network());
        long poweredOff = sink.devicesOfType(DeviceTypes.VM).stream().filter(d -> "poweredOff".equals(d.metadata().get("power_state"))).count();
        assertEquals(VMS / 10, poweredOff);
    }

    @Test
    void guestHostNamesAndAddressesWithPrefixesComeFromTools() {
        List<DeviceRecord> withGuest = sink.devicesOfType(DeviceTypes.VM).stream().filter(d -> d.hostname() != null).toList();
        assertEquals(VMS / 2, withGuest.size());
        for (DeviceRecord vm : withGuest) {
            assertEquals("toolsOk", vm.metadata().get("tools_status"));
            assertEquals(vm.hostname(), vm.metadata().get("guest_hostname"));
            List<String> ips = vm.ipAddresses().stream().map(IpAddressRecord::address).toList();
            assertEquals(2, ips.size(), "IPv4 and IPv6, link-local left out: " + ips);
            assertTrue(ips.get(0).matches("10\\.\\d+\\.\\d+\\.\\d+/24"), ips.toString());
            assertTrue(ips.get(1).matches("2001:db8::[0-9a-f]+/64"), ips.toString());
            assertEquals("ethernet-0", vm.ipAddresses().get(0).interfaceName());
        }
        DeviceRecord unicode = sink.devicesOfType(DeviceTypes.VM).stream().filter(d -> d.name().equals(VcsimServer.UNICODE_VM)).findFirst().orElseThrow();
        assertEquals("grüße-数据库-ø1.lab.example", unicode.hostname());
        Set<String> all = sink.devicesOfType(DeviceTypes.VM).stream().flatMap(d -> d.ipAddresses().stream()).map(IpAddressRecord::address).collect(Collectors.toSet());
        assertEquals(VMS, all.size(), "addresses are unique per VM");
    }

    @Test
    void hostsCarryHardwareFactsAndSerials() {
        List<DeviceRecord> hosts = sink.devicesOfType(DeviceTypes.HYPERVISOR);
        DeviceRecord h0 = hosts.stream().filter(h -> h.name().equals("DC0_C0_H0")).findFirst().orElseThrow();
        assertEquals("SN-0000", h0.metadata().get("serial"), "hardware.systemInfo.serialNumber");
        DeviceRecord h1 = hosts.stream().filter(h -> h.name().equals("DC0_C0_H1")).findFirst().orElseThrow();
        assertTrue(((String) h1.metadata().get("serial")).startsWith("VMware-56 4d"), "service tag when there is no serialNumber");
        assertEquals("DC0_C0", h0.metadata().get("cluster"));
        assertEquals("DC0", h0.metadata().get("datacenter"));
        assertEquals("/F0/DC0/host/F0", h0.metadata().get("folder"));
        assertEquals("urn:vmomi:HostSystem:" + h0.metadata().get("moref") + ":" + h0.metadata().get("vcenter_uuid"), h0.metadata().get("vcenter_urn"));
        sink.devicesOfType(DeviceTypes.CLUSTER).forEach(c -> assertEquals("/F0/DC0/host/F0", c.metadata().get("folder"), c.name()));
        assertEquals("DC0_C0_H0", h0.hostname());
        assertEquals("VMware, Inc.", h0.facts().manufacturer());
        assertEquals("VMware Virtual Platform", h0.facts().product());
        assertEquals("SN-0000", h0.facts().serialNumber());
        assertEquals(2, h0.facts().cpuCount());
        assertTrue(h0.facts().cpuModel().startsWith("Intel"));
        assertTrue(h0.facts().memoryBytes() > 1L << 30);
        assertEquals("VMware ESXi", h0.facts().osName());
        assertEquals("connected", h0.metadata().get("connection_state"));
        assertEquals(false, h0.metadata().get("maintenance_mode"));
    }

    @Test
    void checkConnectionNamesTheServer() {
        CheckResult r = connector(Map.of()).checkConnection(new TestContext("vcenter-sim"));
        assertTrue(r.ok(), r.toString());
        assertTrue(r.detail().startsWith("VMware vCenter Server"), r.detail());
    }

    @Test
    void badPasswordFailsAtOnceAsAuthWithoutShowingIt() {
        String secret = "Wr0ng&Secret";
        VcenterConnector c = connector(Map.of(".password", secret));
        TestContext ctx = new TestContext("vcenter-sim");
        PermanentSourceException e = assertThrows(PermanentSourceException.class, () -> c.fetch(ctx, new CollectingSink()));
        assertEquals("auth", e.code());
        assertEquals("username", e.field());
        assertTrue(ctx.retried.isEmpty(), ctx.retried.toString());
        assertFalse(e.getMessage().contains(secret) || e.userMessage().contains(secret));
        CheckResult r = c.checkConnection(new TestContext("vcenter-sim"));
        assertFalse(r.ok());
        assertEquals("auth", r.errors().get(0).code());
        assertFalse(r.errors().get(0).message().contains(secret));
    }

    @Test
    void wrongUrlPathIsReportedOnUrl() {
        CheckResult r = connector(Map.of("url", vcsim.url() + "/vcenter")).checkConnection(new TestContext("vcenter-sim"));
        assertFalse(r.ok());
        assertEquals("not_found", r.errors().get(0).code());
        assertEquals("url", r.errors().get(0).field());
    }

    @Test
    void urlMayEndInSdk() {
        assertTrue(connector(Map.of("url", vcsim.sdkUrl())).checkConnection(new TestContext("vcenter-sim")).ok());
    }

    @Test
    void certificatesAreVerifiedUnlessTrustedOrInsecure() throws Exception {
        VcenterConnector verifying = connector(Map.of("insecure", "false"));
        CheckResult r = verifying.checkConnection(new TestContext("vcenter-sim"));
        assertFalse(r.ok());
        assertEquals("tls", r.errors().get(0).code());
        assertEquals("url", r.errors().get(0).field());
        PermanentSourceException e = assertThrows(PermanentSourceException.class,
                () -> verifying.fetch(new TestContext("vcenter-sim"), new CollectingSink()));
        assertEquals("tls", e.code());

        CheckResult trusted = connector(Map.of("insecure", "false", "ca.file", vcsim.certificate().toString())).checkConnection(new TestContext("vcenter-sim"));
        assertTrue(trusted.ok(), trusted.toString());
        assertTrue(connector(Map.of("insecure", "true")).checkConnection(new TestContext("vcenter-sim")).ok());
    }
}
