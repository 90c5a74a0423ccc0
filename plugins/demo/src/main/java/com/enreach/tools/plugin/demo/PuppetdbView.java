package com.enreach.tools.plugin.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.IdentityKeys;
import com.enreach.tools.api.spi.InterfaceRecord;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.ServerFacts;
import com.enreach.tools.api.spi.SourceException;

/**
 * The estate as PuppetDB sees it, in the shapes of the puppetdb plugin: one "server" per node (bare-metal servers
 * and the guests of VMs that run an agent), keyed by certname, with Facter's facts: memory in bytes, the SMBIOS
 * system UUID (upper case; byte-swapped against vCenter for some guests), and a volatile facts timestamp.
 */
final class PuppetdbView implements View {
    private final Estate e;
    private final Instant now;

    PuppetdbView(Estate estate, Instant now) {
        this.e = estate;
        this.now = now;
    }

    @Override
    public void emit(RecordSink sink, Progress progress) throws SourceException {
        long count = 0;
        sink.phase("nodes: bare-metal servers");
        for (int i = 0; i < e.bareMetal; i++) {
            if (!Estate.serverWithoutPuppet(i)) {
                server(sink, e.bareMetal(i));
                if (!progress.onRecord(++count)) {
                    return;
                }
            }
        }
        sink.phase("nodes: virtual machines");
        for (int i = 0; i < e.vms; i++) {
            if (!Estate.vmWithoutPuppet(i) && !Estate.vmOnlyInVcenter(i)) {
                guest(sink, e.vm(i));
                if (!progress.onRecord(++count)) {
                    return;
                }
            }
        }
    }

    private void server(RecordSink sink, Estate.Server s) {
        String uuid = s.systemUuid().toUpperCase(Locale.ROOT);
        DeviceRecord d = node(s.fqdn(), s.index(), s.osName()).put("patch_level", patchLevel(s.index()))
                .put(IdentityKeys.SYSTEM_UUID, uuid).put(IdentityKeys.SERIAL, s.serial()).put(IdentityKeys.PRIMARY_MAC, s.mac())
                .put("primary_ip", s.ip())
                .addInterface(new InterfaceRecord("eno1", s.mac(), null, true, 9000, null))
                .addIpAddress(new IpAddressRecord(s.ip() + "/24", "eno1", s.fqdn()))
                .facts(ServerFactsOf.server(s, uptime(s.index())));
        sink.device(d);
    }

    private void guest(RecordSink sink, Estate.Vm vm) {
        String uuid = Estate.swappedUuid(vm.index()) ? Estate.byteSwapped(vm.systemUuid()) : vm.systemUuid();
        boolean windows = vm.osName().startsWith("Windows");
        String nic = windows ? "Ethernet0" : "ens192";
        // Facter on Windows reports MACs in upper case: the same address, another spelling
        String mac = windows ? vm.mac().toUpperCase(Locale.ROOT) : vm.mac();
        ServerFacts facts = ServerFactsOf.guest(vm, Estate.vmwareSerial(vm.systemUuid()), uptime(vm.index()));
        DeviceRecord d = node(vm.fqdn(), vm.index(), vm.osName()).put("patch_level", patchLevel(vm.index()))
                .put(IdentityKeys.SYSTEM_UUID, uuid.toUpperCase(Locale.ROOT)).put(IdentityKeys.SERIAL, facts.serialNumber())
                .put(IdentityKeys.PRIMARY_MAC, mac).put("primary_ip", vm.ip())
                .addInterface(new InterfaceRecord(nic, mac, null, true, 1500, null))
                .addIpAddress(new IpAddressRecord(vm.ip() + "/16", nic, vm.fqdn()))
                .facts(facts);
        sink.device(d);
    }

    private DeviceRecord node(String fqdn, int index, String osName) {
        int dot = fqdn.indexOf('.');
        boolean dev = fqdn.contains(".dev.");
        return DeviceRecord.of(fqdn, fqdn, DeviceTypes.SERVER).hostname(fqdn)
                .put(IdentityKeys.FQDN, fqdn).put("domain", fqdn.substring(dot + 1))
                .put("environment", dev ? "development" : "production")
                .putVolatile("facts_timestamp", factsTimestamp(index).toString())
                .put("puppet_version", "7.30.0").put("facter_version", "4.7.0")
                .put("os_family", osName.startsWith("Windows") ? "windows" : osName.equals("RedHat") ? "RedHat" : "Debian")
                .put("architecture", "amd64");
    }

    /** Churned nodes were patched since the last run: their facts really change. */
    private String patchLevel(int index) {
        return e.churned(index) ? "g" + e.generation() : "baseline";
    }

    /** Agents report every 30 minutes; stale nodes stopped weeks ago. */
    Instant factsTimestamp(int index) {
        Duration age = Estate.staleFacts(index) ? Duration.ofDays(20 + index % 30) : Duration.ofMinutes(index % 30);
        return now.minus(age);
    }

    private long uptime(int index) {
        return 86_400L * (1 + index % 90);
    }
}
