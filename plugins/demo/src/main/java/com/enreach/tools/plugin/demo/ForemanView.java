package com.enreach.tools.plugin.demo;

import java.time.Duration;
import java.time.Instant;

import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.IdentityKeys;
import com.enreach.tools.api.spi.InterfaceRecord;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceException;

/**
 * The estate as Foreman sees it, in the shapes of the foreman plugin: provisioned hosts (ESXi hosts, bare-metal
 * servers, VMs through a vCenter compute resource) keyed by their numeric Foreman id, named by FQDN, with host group,
 * location and environment. Serial numbers only for bare-metal servers (from their reported facts); a server whose
 * mainboard was replaced still has the old serial and MAC here.
 */
final class ForemanView implements View {
    private final Estate e;
    private final Instant now;

    ForemanView(Estate estate, Instant now) {
        this.e = estate;
        this.now = now;
    }

    @Override
    public void emit(RecordSink sink, Progress progress) throws SourceException {
        long count = 0;
        long id = 1;
        sink.phase("hosts: hypervisors");
        for (int i = 0; i < e.hosts; i++, id++) {
            Estate.Server h = e.host(i);
            sink.device(host(id, h.fqdn(), DeviceTypes.SERVER, h.index(), "Base/ESXi", h.osName() + " " + h.osVersion(), h.model(), null)
                    .put(IdentityKeys.PRIMARY_MAC, h.mac()).put("primary_interface", "vmnic0")
                    .addInterface(new InterfaceRecord("vmnic0", h.mac(), "physical", null, 9000, "esx-" + h.site()))
                    .addIpAddress(new IpAddressRecord(h.ip(), "vmnic0", h.fqdn())));
            if (!progress.onRecord(++count)) {
                return;
            }
        }
        sink.phase("hosts: bare-metal servers");
        for (int i = 0; i < e.bareMetal; i++, id++) {
            sink.device(server(id, e.bareMetal(i)));
            if (!progress.onRecord(++count)) {
                return;
            }
        }
        sink.phase("hosts: virtual machines");
        for (int i = 0; i < e.vms; i++, id++) {
            if (!Estate.vmOnlyInVcenter(i)) {
                Estate.Vm vm = e.vm(i);
                String nic = vm.osName().startsWith("Windows") ? "Ethernet0" : "ens192";
                sink.device(host(id, vm.fqdn(), DeviceTypes.VM, i, "Base/" + vm.role(), vm.osName() + " " + vm.osVersion(),
                        "VMware Virtual Platform", "vcenter-" + vm.site())
                        .put(IdentityKeys.PRIMARY_MAC, vm.mac()).put("primary_interface", nic)
                        .addInterface(new InterfaceRecord(nic, vm.mac(), "physical", null, null, "vm-" + vm.site()))
                        .addIpAddress(new IpAddressRecord(vm.ip(), nic, vm.fqdn())));
                if (!progress.onRecord(++count)) {
                    return;
                }
            }
        }
    }

    private DeviceRecord server(long id, Estate.Server s) {
        boolean replaced = Estate.boardReplaced(s.index());
        String serial = replaced ? e.oldSerial(s) : s.serial();
        String mac = replaced ? e.oldMac(s) : s.mac();
        DeviceRecord d = host(id, s.fqdn(), DeviceTypes.SERVER, s.index(), "Base/" + s.role(), s.osName() + " " + s.osVersion(), s.model(), null)
                .put(IdentityKeys.SERIAL, serial).put(IdentityKeys.PRIMARY_MAC, mac).put("primary_interface", "eno1")
                .addInterface(new InterfaceRecord("eno1", mac, "physical", null, 9000, "prod-" + s.site()))
                .addInterface(new InterfaceRecord("idrac", s.bmcMac(), "bmc", null, null, "oob-" + s.site()))
                .addIpAddress(new IpAddressRecord(s.ip(), "eno1", s.fqdn()));
        if (!replaced) {
            d.put(IdentityKeys.SYSTEM_UUID, s.systemUuid());
        }
        return d;
    }

    private DeviceRecord host(long id, String fqdn, String type, int index, String hostgroup, String os, String model, String computeResource) {
        boolean dev = fqdn.contains(".dev.");
        return DeviceRecord.of(Long.toString(id), fqdn, type).hostname(fqdn)
                .put("foreman_id", id).put(IdentityKeys.FQDN, fqdn).put("os", os).put("hostgroup", hostgroup)
                .put("environment", dev ? "development" : "production").put("location", Estate.siteName(index))
                .put("organization", "Enreach").put("build_status", "Installed").put("model", model)
                .put("domain", fqdn.substring(fqdn.indexOf('.') + 1)).put("architecture", "x86_64")
                .put("certname", fqdn).put("compute_resource", computeResource).put("managed", true).put("enabled", true)
                .putVolatile("last_report", lastReport(index).toString())
                .put("global_status", Estate.staleFacts(index) ? "Warning" : "OK")
                .put("site", Estate.site(index));
    }

    private Instant lastReport(int index) {
        return now.minus(Estate.staleFacts(index) ? Duration.ofDays(20 + index % 30) : Duration.ofMinutes(index % 30));
    }
}
