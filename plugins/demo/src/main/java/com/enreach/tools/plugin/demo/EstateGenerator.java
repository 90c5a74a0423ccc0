package com.enreach.tools.plugin.demo;

import java.time.Instant;
import java.util.SplittableRandom;

import com.enreach.tools.api.spi.ConfigRecord;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.InterfaceRecord;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.RelationshipRecord;
import com.enreach.tools.api.spi.RelationshipTypes;
import com.enreach.tools.api.spi.ServerFacts;
import com.enreach.tools.api.spi.SourceException;

/**
 * Generates the estate one device at a time from (seed, index), so any size streams in constant memory and the
 * same settings always give the same estate. Only devices picked by the churn share change between generations.
 */
final class EstateGenerator {
    private static final String[] SITES = {"ams", "fra", "lon", "dub"};
    private static final String[] ROLES = {"app", "db", "web", "cache", "mq", "ci", "mon", "log"};
    private static final String[][] OS = {{"Ubuntu", "22.04"}, {"Ubuntu", "24.04"}, {"Debian", "12"}, {"RedHat", "9.4"}, {"Windows Server", "2022"}};
    private static final String[] VENDORS = {"Dell Inc.", "HPE", "Lenovo"};
    private static final String[] MODELS = {"PowerEdge R750", "ProLiant DL380 Gen11", "ThinkSystem SR650 V3"};
    private static final String[] NET_MODELS = {"Cisco Nexus 93180YC-FX", "Arista 7050SX3", "Juniper QFX5120"};

    record Settings(int size, long seed, int churnPercent) {
    }

    /** Called after each device; returns false to stop early (cancel). */
    interface Progress {
        boolean onDevice(long count) throws SourceException;
    }

    private final Settings s;
    private final long generation;
    private final int clusters;
    private final int hosts;
    private final int switches;
    private final int arrays;
    private final int bareMetal;
    private final int vms;

    EstateGenerator(Settings settings, long generation) {
        this.s = settings;
        this.generation = generation;
        int n = settings.size();
        this.clusters = Math.max(1, n / 500);
        this.switches = Math.max(1, n * 3 / 100);
        this.arrays = Math.max(1, n / 200);
        this.hosts = Math.max(1, n * 8 / 100);
        this.bareMetal = Math.max(0, n * 5 / 100);
        this.vms = Math.max(0, n - clusters - switches - arrays - hosts - bareMetal);
    }

    void generate(RecordSink sink, Progress progress) throws SourceException {
        long count = 0;
        sink.phase("clusters");
        for (int i = 0; i < clusters; i++) {
            sink.device(DeviceRecord.of("cluster-" + i, "cl-" + site(i) + "-" + pad(i, 2), DeviceTypes.CLUSTER)
                    .put("site", site(i)).put("ha_enabled", true).put("drs_enabled", i % 3 != 0));
            if (!progress.onDevice(++count)) {
                return;
            }
        }
        sink.phase("network devices");
        for (int i = 0; i < switches; i++) {
            if (!emitSwitch(sink, i) || !progress.onDevice(++count)) {
                return;
            }
        }
        sink.phase("storage arrays");
        for (int i = 0; i < arrays; i++) {
            SplittableRandom r = rnd(3, i);
            sink.device(DeviceRecord.of("array-" + i, "st-" + site(i) + "-" + pad(i, 2), DeviceTypes.STORAGE)
                    .put("site", site(i)).put("vendor", i % 2 == 0 ? "Huawei" : "NetApp")
                    .put("model", i % 2 == 0 ? "OceanStor Dorado 5000 V6" : "AFF A400")
                    .put("capacity_tb", 100 + r.nextInt(900)).put("serial", serial(r)));
            if (!progress.onDevice(++count)) {
                return;
            }
        }
        sink.phase("hypervisors");
        for (int i = 0; i < hosts; i++) {
            emitServer(sink, "host-" + i, "esx-" + site(i) + "-" + pad(i, 4), i, true);
            sink.relationship(new RelationshipRecord("host-" + i, RelationshipTypes.MEMBER_OF, "cluster-" + (i % clusters)));
            sink.relationship(new RelationshipRecord("host-" + i, RelationshipTypes.CONNECTED_TO, "switch-" + (i % switches)));
            if (!progress.onDevice(++count)) {
                return;
            }
        }
        sink.phase("bare-metal servers");
        for (int i = 0; i < bareMetal; i++) {
            emitServer(sink, "server-" + i, "srv-" + site(i) + "-" + ROLES[i % ROLES.length] + "-" + pad(i, 4), i, false);
            sink.relationship(new RelationshipRecord("server-" + i, RelationshipTypes.CONNECTED_TO, "switch-" + (i % switches)));
            if (!progress.onDevice(++count)) {
                return;
            }
        }
        sink.phase("virtual machines");
        for (int i = 0; i < vms; i++) {
            emitVm(sink, i);
            sink.relationship(new RelationshipRecord("vm-" + i, RelationshipTypes.RUNS_ON, "host-" + (i % hosts)));
            if (!progress.onDevice(++count)) {
                return;
            }
        }
    }

    private boolean emitSwitch(RecordSink sink, int i) {
        SplittableRandom r = rnd(2, i);
        String name = "sw-" + site(i) + "-" + (i % 4 == 0 ? "core" : "tor") + "-" + pad(i, 3);
        String model = NET_MODELS[r.nextInt(NET_MODELS.length)];
        String mgmt = "10.255." + (i / 250) % 256 + "." + (i % 250 + 1);
        sink.device(DeviceRecord.of("switch-" + i, name, DeviceTypes.NETWORK_DEVICE)
                .put("site", site(i)).put("model", model).put("serial", serial(r)).put("mgmt_ip", mgmt)
                .put("firmware", churned(i) ? "10." + (generation % 7) + ".1" : "10.0.1")
                .addInterface(new InterfaceRecord("mgmt0", mac(2, i, 0), "physical", true, 1500, "oob"))
                .addIpAddress(new IpAddressRecord(mgmt + "/24", "mgmt0", name + ".net.example.com")));
        StringBuilder cfg = new StringBuilder();
        cfg.append("hostname ").append(name).append('\n');
        cfg.append("! firmware ").append(churned(i) ? "10." + (generation % 7) + ".1" : "10.0.1").append('\n');
        for (int p = 1; p <= 8; p++) {
            cfg.append("interface Ethernet1/").append(p).append('\n');
            cfg.append("  description ").append(p % 2 == 0 ? "uplink" : "server").append('\n');
            cfg.append("  switchport access vlan ").append(100 + (i + p) % 20).append('\n');
        }
        cfg.append("ntp server 10.0.0.1\n");
        sink.config(new ConfigRecord("switch-" + i, cfg.toString(), Instant.EPOCH.plusSeconds(1_700_000_000L + generation * 3600)));
        return true;
    }

    private void emitServer(RecordSink sink, String id, String name, int i, boolean hypervisor) {
        SplittableRandom r = rnd(hypervisor ? 4 : 5, i);
        String fqdn = name + ".example.com";
        int cpus = hypervisor ? 32 + 16 * r.nextInt(5) : 8 + 8 * r.nextInt(6);
        long mem = (hypervisor ? 256L + 128L * r.nextInt(6) : 32L + 32L * r.nextInt(8)) << 30;
        int v = r.nextInt(VENDORS.length);
        String serial = serial(r);
        String[] os = hypervisor ? new String[] {"VMware ESXi", "8.0.2"} : OS[r.nextInt(OS.length)];
        String ip = "10." + (hypervisor ? 10 : 20) + "." + (i / 250) % 256 + "." + (i % 250 + 1);
        DeviceRecord d = DeviceRecord.of(id, name, DeviceTypes.SERVER).hostname(fqdn)
                .put("site", site(i)).put("role", hypervisor ? "hypervisor" : ROLES[i % ROLES.length])
                .put("vendor", VENDORS[v]).put("model", MODELS[v]).put("serial", serial)
                .put("cpu_count", cpus).put("memory_gb", mem >> 30).put("os", os[0] + " " + os[1])
                .put("rack", site(i).toUpperCase() + "-R" + pad(i % 40, 2))
                // uptime moves on every read without the server changing: volatile, so it never makes an update by itself
                .putVolatile("uptime_days", churned(i) ? generation % 400 : 30)
                .put("patch_level", churned(i) ? "g" + generation : "baseline")
                .addInterface(new InterfaceRecord("eno1", mac(hypervisor ? 4 : 5, i, 1), "physical", true, 9000, "prod"))
                .addInterface(new InterfaceRecord("idrac", mac(hypervisor ? 4 : 5, i, 2), "physical", true, 1500, "oob"))
                .addIpAddress(new IpAddressRecord(ip + "/24", "eno1", fqdn));
        d.facts(new ServerFacts().os(os[0], os[1]).kernel(hypervisor ? "VMkernel 8.0.2" : "6.1.0-" + (10 + r.nextInt(20)) + "-amd64")
                .cpu("Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz", cpus).memoryBytes(mem)
                .uptimeSeconds(churned(i) ? generation * 3600 : 2_592_000L).virtual(false, "physical")
                .hardware(VENDORS[v], MODELS[v], serial)
                .addDisk(new ServerFacts.Disk("sda", 480L * 1_000_000_000L, "SSDSC2KG480G8"))
                .addDisk(new ServerFacts.Disk("sdb", 3_840L * 1_000_000_000L, "MZ7LH3T8HMLT")));
        sink.device(d);
    }

    private void emitVm(RecordSink sink, int i) {
        SplittableRandom r = rnd(6, i);
        String role = ROLES[r.nextInt(ROLES.length)];
        String name = "vm-" + site(i) + "-" + role + "-" + pad(i, 5);
        String fqdn = name + ".example.com";
        String[] os = OS[r.nextInt(OS.length)];
        String ip = "10." + (100 + (i / 62500) % 100) + "." + (i / 250) % 250 + "." + (i % 250 + 1);
        int vcpu = 1 << r.nextInt(4);
        DeviceRecord d = DeviceRecord.of("vm-" + i, name, DeviceTypes.VM).hostname(fqdn)
                .put("site", site(i)).put("role", role).put("power_state", r.nextInt(20) == 0 ? "poweredOff" : "poweredOn")
                .put("vcpu", vcpu).put("memory_mb", 1024 * (1 << r.nextInt(5))).put("guest_os", os[0] + " " + os[1])
                .put("tools_status", churned(i) && generation % 2 == 0 ? "toolsOld" : "toolsOk")
                .put("instance_uuid", uuid(r))
                .addInterface(new InterfaceRecord("Network adapter 1", mac(6, i, 1), "vmxnet3", true, 1500, "VM Network " + (100 + i % 20)))
                .addIpAddress(new IpAddressRecord(ip + "/16", "Network adapter 1", fqdn));
        sink.device(d);
    }

    private boolean churned(int i) {
        if (s.churnPercent() <= 0) {
            return false;
        }
        long h = mix(s.seed() * 1_000_003L + i * 7919L + generation);
        return Math.floorMod(h, 100) < s.churnPercent();
    }

    private SplittableRandom rnd(int kind, int i) {
        return new SplittableRandom(mix(s.seed() * 31 + kind * 1_000_000_007L + i));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static String site(int i) {
        return SITES[i % SITES.length];
    }

    private static String pad(int i, int width) {
        String v = Integer.toString(i + 1);
        return v.length() >= width ? v : "0".repeat(width - v.length()) + v;
    }

    private static String serial(SplittableRandom r) {
        return Long.toString(Math.abs(r.nextLong()) % 2_176_782_336L, 36).toUpperCase();
    }

    private static String uuid(SplittableRandom r) {
        return new java.util.UUID(r.nextLong(), r.nextLong()).toString();
    }

    private static String mac(int kind, int i, int port) {
        return String.format("02:%02x:%02x:%02x:%02x:%02x", kind, port, (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff);
    }
}
