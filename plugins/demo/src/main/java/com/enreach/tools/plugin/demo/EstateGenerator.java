package com.enreach.tools.plugin.demo;

import java.time.Instant;

import com.enreach.tools.api.spi.ConfigRecord;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.IdentityKeys;
import com.enreach.tools.api.spi.InterfaceRecord;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.RelationshipRecord;
import com.enreach.tools.api.spi.RelationshipTypes;
import com.enreach.tools.api.spi.SourceException;

/**
 * The "all" view: the whole estate as one source that knows everything (the demo's original behaviour). Only
 * devices picked by the churn share change between generations.
 */
final class EstateGenerator implements View {
    private final Estate e;

    EstateGenerator(Estate estate) {
        this.e = estate;
    }

    @Override
    public void emit(RecordSink sink, Progress progress) throws SourceException {
        long count = 0;
        sink.phase("clusters");
        for (int i = 0; i < e.clusters; i++) {
            sink.device(DeviceRecord.of("cluster-" + i, e.clusterName(i), DeviceTypes.CLUSTER)
                    .put("site", Estate.site(i)).put("ha_enabled", true).put("drs_enabled", i % 3 != 0));
            if (!progress.onRecord(++count)) {
                return;
            }
        }
        sink.phase("network devices");
        for (int i = 0; i < e.switches; i++) {
            emitSwitch(sink, e.networkDevice(i));
            if (!progress.onRecord(++count)) {
                return;
            }
        }
        sink.phase("storage arrays");
        for (int i = 0; i < e.arrays; i++) {
            Estate.Array a = e.array(i);
            sink.device(DeviceRecord.of("array-" + i, a.name(), DeviceTypes.STORAGE)
                    .put("site", a.site()).put("vendor", a.vendor()).put("model", a.model())
                    .put("capacity_tb", a.capacityTb()).put(IdentityKeys.SERIAL, a.serial()));
            if (!progress.onRecord(++count)) {
                return;
            }
        }
        sink.phase("hypervisors");
        for (int i = 0; i < e.hosts; i++) {
            emitServer(sink, "host-" + i, e.host(i));
            sink.relationship(new RelationshipRecord("host-" + i, RelationshipTypes.MEMBER_OF, "cluster-" + (i % e.clusters)));
            sink.relationship(new RelationshipRecord("host-" + i, RelationshipTypes.CONNECTED_TO, "switch-" + (i % e.switches)));
            if (!progress.onRecord(++count)) {
                return;
            }
        }
        sink.phase("bare-metal servers");
        for (int i = 0; i < e.bareMetal; i++) {
            emitServer(sink, "server-" + i, e.bareMetal(i));
            sink.relationship(new RelationshipRecord("server-" + i, RelationshipTypes.CONNECTED_TO, "switch-" + (i % e.switches)));
            if (!progress.onRecord(++count)) {
                return;
            }
        }
        sink.phase("virtual machines");
        for (int i = 0; i < e.vms; i++) {
            Estate.Vm vm = e.vm(i);
            emitVm(sink, vm);
            sink.relationship(new RelationshipRecord("vm-" + i, RelationshipTypes.RUNS_ON, "host-" + vm.host()));
            if (!progress.onRecord(++count)) {
                return;
            }
        }
    }

    private void emitSwitch(RecordSink sink, Estate.Switch sw) {
        String id = "switch-" + sw.index();
        sink.device(DeviceRecord.of(id, sw.name(), DeviceTypes.NETWORK_DEVICE)
                .put("site", sw.site()).put("model", sw.model()).put(IdentityKeys.SERIAL, sw.serial()).put("mgmt_ip", sw.mgmtIp())
                .put("firmware", sw.firmware())
                .addInterface(new InterfaceRecord("mgmt0", sw.mac(), "physical", true, 1500, "oob"))
                .addIpAddress(new IpAddressRecord(sw.mgmtIp() + "/24", "mgmt0", sw.name() + ".net.example.com")));
        sink.config(new ConfigRecord(id, e.switchConfig(sw), Instant.EPOCH.plusSeconds(1_700_000_000L + e.generation() * 3600)));
    }

    private void emitServer(RecordSink sink, String id, Estate.Server s) {
        boolean churned = e.churned(s.index());
        DeviceRecord d = DeviceRecord.of(id, s.name(), DeviceTypes.SERVER).hostname(s.fqdn())
                .put("site", s.site()).put("role", s.role())
                .put("vendor", s.vendor()).put("model", s.model()).put(IdentityKeys.SERIAL, s.serial())
                .put(IdentityKeys.SYSTEM_UUID, s.systemUuid()).put(IdentityKeys.FQDN, s.fqdn()).put(IdentityKeys.PRIMARY_MAC, s.mac())
                .put("cpu_count", s.cpus()).put("memory_gb", s.memoryBytes() >> 30).put("os", s.osName() + " " + s.osVersion())
                .put("rack", s.rack())
                // uptime moves on every read without the server changing: volatile, so it never makes an update by itself
                .putVolatile("uptime_days", churned ? e.generation() % 400 : 30)
                .put("patch_level", churned ? "g" + e.generation() : "baseline")
                .addInterface(new InterfaceRecord("eno1", s.mac(), "physical", true, 9000, "prod"))
                .addInterface(new InterfaceRecord("idrac", s.bmcMac(), "physical", true, 1500, "oob"))
                .addIpAddress(new IpAddressRecord(s.ip() + "/24", "eno1", s.fqdn()));
        d.facts(ServerFactsOf.server(s, churned ? e.generation() * 3600 : 2_592_000L));
        sink.device(d);
    }

    private void emitVm(RecordSink sink, Estate.Vm vm) {
        DeviceRecord d = DeviceRecord.of("vm-" + vm.index(), vm.shortName(), DeviceTypes.VM).hostname(vm.fqdn())
                .put("site", vm.site()).put("role", vm.role()).put("power_state", vm.poweredOn() ? "poweredOn" : "poweredOff")
                .put("vcpu", vm.vcpu()).put("memory_mb", vm.guestMemoryMb()).put("guest_os", vm.osName() + " " + vm.osVersion())
                .put("tools_status", vm.toolsOld() ? "toolsOld" : "toolsOk")
                .put(IdentityKeys.INSTANCE_UUID, vm.instanceUuid()).put(IdentityKeys.SYSTEM_UUID, vm.systemUuid())
                .put(IdentityKeys.FQDN, vm.fqdn()).put(IdentityKeys.PRIMARY_MAC, vm.mac())
                .addInterface(new InterfaceRecord("Network adapter 1", vm.mac(), "vmxnet3", true, 1500, "VM Network " + (100 + vm.index() % 20)))
                .addIpAddress(new IpAddressRecord(vm.ip() + "/16", "Network adapter 1", vm.fqdn()));
        sink.device(d);
    }
}
