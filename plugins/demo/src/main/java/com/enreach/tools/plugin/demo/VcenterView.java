package com.enreach.tools.plugin.demo;

import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.IdentityKeys;
import com.enreach.tools.api.spi.InterfaceRecord;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.RelationshipRecord;
import com.enreach.tools.api.spi.RelationshipTypes;
import com.enreach.tools.api.spi.ServerFacts;
import com.enreach.tools.api.spi.SourceException;

/**
 * The estate as vCenter sees it, in the shapes of the vcenter plugin: clusters, ESXi hosts (hypervisors) and VMs,
 * keyed by moref (VMs by instance UUID), with the VMware identifiers and memory in MiB.
 */
final class VcenterView implements View {
    private final Estate e;
    private final String vcenterUuid;

    VcenterView(Estate estate) {
        this.e = estate;
        this.vcenterUuid = estate.estateUuid(1);
    }

    static String clusterMoref(int i) {
        return "domain-c" + (i + 1);
    }

    static String hostMoref(int i) {
        return "host-" + (i + 1);
    }

    @Override
    public void emit(RecordSink sink, Progress progress) throws SourceException {
        long count = 0;
        sink.phase("clusters");
        for (int i = 0; i < e.clusters; i++) {
            sink.device(link(DeviceRecord.of(clusterMoref(i), e.clusterName(i), DeviceTypes.CLUSTER), "ClusterComputeResource", clusterMoref(i))
                    .put("datacenter", datacenter(i)).put("ha_enabled", true).put("drs_enabled", i % 3 != 0));
            if (!progress.onRecord(++count)) {
                return;
            }
        }
        sink.phase("hosts");
        for (int i = 0; i < e.hosts; i++) {
            host(sink, e.host(i));
            if (!progress.onRecord(++count)) {
                return;
            }
        }
        sink.phase("virtual machines");
        for (int i = 0; i < e.vms; i++) {
            vm(sink, e.vm(i));
            if (!progress.onRecord(++count)) {
                return;
            }
        }
    }

    private void host(RecordSink sink, Estate.Server h) {
        String moref = hostMoref(h.index());
        int cluster = h.index() % e.clusters;
        DeviceRecord d = link(DeviceRecord.of(moref, h.name(), DeviceTypes.HYPERVISOR), "HostSystem", moref).hostname(h.fqdn())
                .put("datacenter", datacenter(h.index())).put("cluster", e.clusterName(cluster))
                .put("vendor", h.vendor()).put("model", h.model())
                .put(IdentityKeys.SERIAL, h.serial()).put(IdentityKeys.SYSTEM_UUID, h.systemUuid()).put("uuid", h.systemUuid())
                .put(IdentityKeys.FQDN, h.fqdn())
                .put("cpu_cores", h.cpus()).put("memory_mb", h.memoryBytes() >> 20)
                .put("product", "VMware ESXi 8.0.2 build-22380479").put("connection_state", "connected")
                .put("power_state", "poweredOn").put("maintenance_mode", h.index() % 97 == 5)
                .facts(new ServerFacts().cpu("Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz", h.cpus()).memoryBytes(h.memoryBytes())
                        .hardware(h.vendor(), h.model(), h.serial()).os(h.osName(), h.osVersion()));
        sink.device(d);
        sink.relationship(new RelationshipRecord(moref, RelationshipTypes.MEMBER_OF, clusterMoref(cluster)));
    }

    private void vm(RecordSink sink, Estate.Vm vm) {
        String moref = "vm-" + (vm.index() + 1);
        String host = hostMoref(vm.host());
        DeviceRecord d = link(DeviceRecord.of(vm.instanceUuid(), vm.vcenterName(), DeviceTypes.VM), "VirtualMachine", moref)
                .hostname(vm.fqdn())
                .put("datacenter", datacenter(vm.index())).put("folder", "/" + datacenter(vm.index()) + "/vm/" + vm.role())
                .put(IdentityKeys.INSTANCE_UUID, vm.instanceUuid()).put(IdentityKeys.SYSTEM_UUID, vm.systemUuid())
                .put(IdentityKeys.BIOS_UUID_ALIAS, vm.systemUuid())
                .put(IdentityKeys.FQDN, vm.fqdn()).put(IdentityKeys.PRIMARY_MAC, vm.mac())
                .put("guest_hostname", vm.fqdn())
                .put("power_state", vm.poweredOn() ? "poweredOn" : "poweredOff").put("connection_state", "connected")
                .put("vcpu", vm.vcpu()).put("memory_mb", vm.vcenterMemoryMb()).put("guest_os", vm.guestOs())
                .put("tools_status", vm.toolsOld() ? "toolsOld" : "toolsOk")
                .put("host", e.host(vm.host()).name()).put("cluster", e.clusterName(vm.host() % e.clusters))
                .addInterface(new InterfaceRecord("Network adapter 1", vm.mac(), "vmxnet3", true, null, "VM Network " + (100 + vm.index() % 20)))
                .addIpAddress(new IpAddressRecord(vm.ip() + "/16", "Network adapter 1", null));
        sink.device(d);
        sink.relationship(new RelationshipRecord(vm.instanceUuid(), RelationshipTypes.RUNS_ON, host));
    }

    private static String datacenter(int i) {
        return "DC-" + Estate.site(i).toUpperCase(java.util.Locale.ROOT);
    }

    /** The link to the object in vCenter, as the vcenter plugin gives it. */
    private DeviceRecord link(DeviceRecord d, String type, String moref) {
        return d.put("moref", moref).put("vcenter_uuid", vcenterUuid).put("vcenter_urn", "urn:vmomi:" + type + ":" + moref + ":" + vcenterUuid);
    }
}
