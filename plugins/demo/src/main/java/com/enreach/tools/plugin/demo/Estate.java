package com.enreach.tools.plugin.demo;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The one estate behind every view: each machine is derived from (seed, kind, index) alone, so a view streams any
 * size in constant memory and every view of the same seed and size describes the same machines. The deliberate
 * disagreements between sources (docs/sources/demo.md) are chosen here, by index, so that every view agrees on
 * which machines they concern.
 */
final class Estate {
    static final String[] SITES = {"ams", "fra", "lon", "dub"};
    static final String[] SITE_NAMES = {"Amsterdam", "Frankfurt", "London", "Dublin"};
    static final String[] ROLES = {"app", "db", "web", "cache", "mq", "ci", "mon", "log"};
    static final String[][] OS = {{"Ubuntu", "22.04"}, {"Ubuntu", "24.04"}, {"Debian", "12"}, {"RedHat", "9.4"}, {"Windows Server", "2022"}};
    private static final String[] GUEST_OS = {"Ubuntu Linux (64-bit)", "Ubuntu Linux (64-bit)", "Debian GNU/Linux 12 (64-bit)",
        "Red Hat Enterprise Linux 9 (64-bit)", "Microsoft Windows Server 2022 (64-bit)"};
    static final String[] VENDORS = {"Dell Inc.", "HPE", "Lenovo"};
    static final String[] MODELS = {"PowerEdge R750", "ProLiant DL380 Gen11", "ThinkSystem SR650 V3"};
    static final String[] NET_MODELS = {"Cisco Nexus 93180YC-FX", "Arista 7050SX3", "Juniper QFX5120"};
    static final String DOMAIN = "example.com";

    /** A physical server: an ESXi host or a bare-metal server. */
    record Server(int index, boolean hypervisor, String name, String fqdn, String site, String role, String vendor, String model,
                  String serial, String systemUuid, int cpus, long memoryBytes, String osName, String osVersion, String kernel,
                  String ip, String mac, String bmcMac, String rack) {
    }

    /**
     * A virtual machine as it really is. {@code vcenterName} differs from the guest's host name for renamed VMs,
     * {@code vcenterMemoryMb} from {@code guestMemoryMb} for VMs resized in vCenter whose guest has not reported yet.
     */
    record Vm(int index, String vcenterName, String shortName, String fqdn, String site, String role, String osName, String osVersion,
              String guestOs, int vcpu, int vcenterMemoryMb, int guestMemoryMb, boolean poweredOn, String systemUuid, String instanceUuid,
              String ip, String mac, int host, boolean toolsOld) {
    }

    record Switch(int index, String name, String site, String model, String serial, String mgmtIp, String mac, String firmware) {
    }

    record Array(int index, String name, String site, String vendor, String model, String serial, int capacityTb) {
    }

    private final DemoSettings s;
    private final long generation;
    final int clusters;
    final int hosts;
    final int switches;
    final int arrays;
    final int bareMetal;
    final int vms;

    Estate(DemoSettings settings, long generation) {
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

    long generation() {
        return generation;
    }

    String clusterName(int i) {
        return "cl-" + site(i) + "-" + pad(i, 2);
    }

    Server host(int i) {
        return server(i, true);
    }

    Server bareMetal(int i) {
        return server(i, false);
    }

    private Server server(int i, boolean hypervisor) {
        SplittableRandom r = rnd(hypervisor ? 4 : 5, i);
        String name = hypervisor ? "esx-" + site(i) + "-" + pad(i, 4) : "srv-" + site(i) + "-" + ROLES[i % ROLES.length] + "-" + pad(i, 4);
        int cpus = hypervisor ? 32 + 16 * r.nextInt(5) : 8 + 8 * r.nextInt(6);
        long mem = (hypervisor ? 256L + 128L * r.nextInt(6) : 32L + 32L * r.nextInt(8)) << 30;
        int v = r.nextInt(VENDORS.length);
        String serial = serial(r);
        String[] os = hypervisor ? new String[] {"VMware ESXi", "8.0.2"} : OS[r.nextInt(OS.length)];
        String kernel = hypervisor ? "VMkernel 8.0.2" : "6.1.0-" + (10 + r.nextInt(20)) + "-amd64";
        String uuid = uuid(r, v == 0 ? 0x4c4c4544 : r.nextInt()); // Dell's SMBIOS UUIDs start with "LLED"
        String ip = "10." + (hypervisor ? 10 : 20) + "." + (i / 250) % 256 + "." + (i % 250 + 1);
        int kind = hypervisor ? 4 : 5;
        return new Server(i, hypervisor, name, name + "." + DOMAIN, site(i), hypervisor ? "hypervisor" : ROLES[i % ROLES.length],
                VENDORS[v], MODELS[v], serial, uuid, cpus, mem, os[0], os[1], kernel, ip, mac(kind, i, 1), mac(kind, i, 2),
                site(i).toUpperCase(Locale.ROOT) + "-R" + pad(i % 40, 2));
    }

    Vm vm(int i) {
        SplittableRandom r = rnd(6, i);
        String role = ROLES[r.nextInt(ROLES.length)];
        int osIndex = r.nextInt(OS.length);
        int vcpu = 1 << r.nextInt(4);
        boolean on = r.nextInt(20) != 0;
        int memoryMb = 1024 * (1 << r.nextInt(5));
        String instanceUuid = uuid(r, r.nextInt());
        String systemUuid = uuid(r, 0x4200_0000 | r.nextInt(1 << 24)); // VMware BIOS UUIDs start with 42
        String shortName;
        String domain;
        if (sharedShortName(i) != null) {
            shortName = sharedShortName(i);
            domain = (i % 1000 == 10 ? "prod." : "dev.") + DOMAIN;
        } else {
            shortName = "vm-" + site(i) + "-" + role + "-" + pad(i, 5);
            domain = DOMAIN;
        }
        String vcenterName = renamedInVcenter(i) ? "old-" + role + "-" + pad(i, 5) : shortName;
        int vcenterMemory = resizedInVcenter(i) ? memoryMb * 2 : memoryMb;
        int ipIndex = duplicateIp(i) ? i - 1 : i;
        String ip = "10." + (100 + (ipIndex / 62500) % 100) + "." + (ipIndex / 250) % 250 + "." + (ipIndex % 250 + 1);
        String mac = String.format("00:50:56:%02x:%02x:%02x", (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff);
        return new Vm(i, vcenterName, shortName, shortName + "." + domain, site(i), role, OS[osIndex][0], OS[osIndex][1],
                GUEST_OS[osIndex], vcpu, vcenterMemory, memoryMb, on, systemUuid, instanceUuid, ip, mac, hostOf(i),
                churned(i) && generation % 2 == 0);
    }

    /** The ESXi host a VM runs on: one of its own site when there are hosts in every site. */
    private int hostOf(int vm) {
        return hosts < SITES.length ? vm % hosts : ((vm / SITES.length) % (hosts / SITES.length)) * SITES.length + vm % SITES.length;
    }

    Switch networkDevice(int i) {
        SplittableRandom r = rnd(2, i);
        String name = "sw-" + site(i) + "-" + (i % 4 == 0 ? "core" : "tor") + "-" + pad(i, 3);
        String model = NET_MODELS[r.nextInt(NET_MODELS.length)];
        String mgmt = "10.255." + (i / 250) % 256 + "." + (i % 250 + 1);
        String firmware = churned(i) ? "10." + (generation % 7) + ".1" : "10.0.1";
        return new Switch(i, name, site(i), model, serial(r), mgmt, mac(2, i, 0), firmware);
    }

    Array array(int i) {
        SplittableRandom r = rnd(3, i);
        boolean huawei = i % 2 == 0;
        int capacityTb = 100 + r.nextInt(900);
        return new Array(i, "st-" + site(i) + "-" + pad(i, 2), site(i), huawei ? "Huawei" : "NetApp",
                huawei ? "OceanStor Dorado 5000 V6" : "AFF A400", serial(r), capacityTb);
    }

    /** The switch configuration text Oxidized would hold (and the "all" view has always emitted). */
    String switchConfig(Switch sw) {
        StringBuilder cfg = new StringBuilder();
        cfg.append("hostname ").append(sw.name()).append('\n');
        cfg.append("! firmware ").append(sw.firmware()).append('\n');
        for (int p = 1; p <= 8; p++) {
            cfg.append("interface Ethernet1/").append(p).append('\n');
            cfg.append("  description ").append(p % 2 == 0 ? "uplink" : "server").append('\n');
            cfg.append("  switchport access vlan ").append(100 + (sw.index() + p) % 20).append('\n');
        }
        cfg.append("ntp server 10.0.0.1\n");
        return cfg.toString();
    }

    // --- The disagreements between sources, by index (documented in docs/sources/demo.md) ---

    /** web01.prod / web01.dev (web02... in larger estates): two VMs, one short name, two domains. */
    static String sharedShortName(int vm) {
        return vm % 1000 == 10 || vm % 1000 == 11 ? "web" + pad(vm / 1000, 2) : null;
    }

    /** Renamed in vCenter: the display name is not the guest's host name (same UUIDs). */
    static boolean renamedInVcenter(int vm) {
        return vm % 50 == 7;
    }

    /** Memory changed in vCenter, the guest's facts still report the old size: a real conflict. */
    static boolean resizedInVcenter(int vm) {
        return vm % 40 == 11;
    }

    /** Claims the IP address of the VM before it (a clone brought up with the same address). */
    static boolean duplicateIp(int vm) {
        return vm % 100 == 42;
    }

    /** VMs without a Puppet agent that Foreman still knows (Foreman host without PuppetDB facts). */
    static boolean vmWithoutPuppet(int vm) {
        return vm % 20 == 3;
    }

    /** Appliances: only vCenter (and the backups) know them. */
    static boolean vmOnlyInVcenter(int vm) {
        return vm % 25 == 9;
    }

    /** Guests whose (older) SMBIOS shows the system UUID byte-swapped against vCenter's BIOS order. */
    static boolean swappedUuid(int vm) {
        return vm % 3 == 1;
    }

    /** Nodes whose Puppet agent stopped reporting weeks ago. */
    static boolean staleFacts(int i) {
        return i % 30 == 13;
    }

    /** Bare-metal servers in Foreman without a Puppet node. */
    static boolean serverWithoutPuppet(int server) {
        return server % 25 == 8;
    }

    /** Mainboard replaced: Foreman still has the old serial and MAC under the same host name (an identity conflict). */
    static boolean boardReplaced(int server) {
        return server % 50 == 17;
    }

    /** The serial and MAC the server had before its board was replaced. */
    String oldSerial(Server server) {
        return serial(rnd(7, server.index()));
    }

    String oldMac(Server server) {
        return mac(7, server.index(), 1);
    }

    /** Switches Oxidized does not back up. */
    static boolean notInOxidized(int sw) {
        return sw % 10 == 9;
    }

    boolean churned(int i) {
        if (s.churnPercent() <= 0) {
            return false;
        }
        long h = mix(s.seed() * 1_000_003L + i * 7919L + generation);
        return Math.floorMod(h, 100) < s.churnPercent();
    }

    /** An id of this estate that a source instance would have (vCenter's instance UUID...). */
    String estateUuid(int kind) {
        return uuid(rnd(100 + kind, 0), rnd(100 + kind, 1).nextInt());
    }

    SplittableRandom rnd(int kind, int i) {
        return new SplittableRandom(mix(s.seed() * 31 + kind * 1_000_000_007L + i));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static String site(int i) {
        return SITES[i % SITES.length];
    }

    static String siteName(int i) {
        return SITE_NAMES[i % SITE_NAMES.length];
    }

    static String pad(int i, int width) {
        String v = Integer.toString(i + 1);
        return v.length() >= width ? v : "0".repeat(width - v.length()) + v;
    }

    private static String serial(SplittableRandom r) {
        return Long.toString(Math.abs(r.nextLong()) % 2_176_782_336L, 36).toUpperCase(Locale.ROOT);
    }

    /** A UUID whose first 32 bits are {@code high} (vendor-typical prefixes), the rest random. */
    private static String uuid(SplittableRandom r, int high) {
        long msb = ((long) high << 32) | (r.nextLong() & 0xffff_ffffL);
        return new java.util.UUID(msb, r.nextLong()).toString();
    }

    static String mac(int kind, int i, int port) {
        return String.format("02:%02x:%02x:%02x:%02x:%02x", kind, port, (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff);
    }

    /** The SMBIOS rendering of a BIOS-order UUID with its first three fields byte-swapped, as older dmidecode prints it. */
    static String byteSwapped(String uuid) {
        String[] p = uuid.split("-");
        return swap(p[0]) + "-" + swap(p[1]) + "-" + swap(p[2]) + "-" + p[3] + "-" + p[4];
    }

    private static String swap(String hex) {
        StringBuilder b = new StringBuilder(hex.length());
        for (int i = hex.length() - 2; i >= 0; i -= 2) {
            b.append(hex, i, i + 2);
        }
        return b.toString();
    }

    /** VMware's VM serial number: "VMware-" and the BIOS UUID's bytes. */
    static String vmwareSerial(String uuid) {
        String hex = uuid.replace("-", "");
        StringBuilder b = new StringBuilder("VMware-");
        for (int i = 0; i < 32; i += 2) {
            b.append(hex, i, i + 2).append(i == 14 ? "-" : i == 30 ? "" : " ");
        }
        return b.toString();
    }
}
