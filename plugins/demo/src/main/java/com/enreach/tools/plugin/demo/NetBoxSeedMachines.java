package com.enreach.tools.plugin.demo;

import static com.enreach.tools.plugin.demo.NetBoxSeed.body;

import java.util.Map;
import java.util.function.Consumer;

import com.enreach.tools.api.netbox.NetBoxKinds;
import com.enreach.tools.plugin.demo.NetBoxSeed.Item;
import com.enreach.tools.plugin.demo.NetBoxSeed.Ref;

/**
 * The machines of the demo NetBox, entered by hand: which of the estate's machines are there, which values drifted,
 * what no source knows and the bad data (chosen by index, like the estate's own disagreements; docs/demo.md).
 */
final class NetBoxSeedMachines {
    private final Estate e;
    private final Consumer<Item> out;

    NetBoxSeedMachines(Estate estate, Consumer<Item> out) {
        this.e = estate;
        this.out = out;
    }

    // --- Which machines are in NetBox, and how they drifted (by index) ---

    static boolean hostInNetBox(int i) {
        return i % 3 != 2;
    }

    static boolean bareMetalInNetBox(int i) {
        return i % 2 == 0;
    }

    static boolean switchInNetBox(int i) {
        return i % 4 != 3;
    }

    static boolean arrayInNetBox(int i) {
        return i % 2 == 0;
    }

    static boolean vmInNetBox(int i) {
        return i % 4 == 1;
    }

    /** Hosts still "planned" in NetBox though they run. */
    static boolean hostStatusDrift(int i) {
        return i % 10 == 4;
    }

    /** Hosts entered without their serial number: only the name tells they are the same machine. */
    static boolean hostWithoutSerial(int i) {
        return i % 10 == 6;
    }

    /** Hosts entered under their FQDN: only the serial tells they are the same machine. */
    static boolean hostNamedByFqdn(int i) {
        return i % 15 == 1;
    }

    /** Bare-metal servers with the platform they had before a reinstall. */
    static boolean serverPlatformDrift(int i) {
        return i % 6 == 2;
    }

    /** Bare-metal servers marked offline that still run. */
    static boolean serverStatusDrift(int i) {
        return i % 8 == 4;
    }

    /** VMs with the memory they had before a resize (half of it). */
    static boolean vmMemoryDrift(int i) {
        return i % 8 == 5;
    }

    /** VMs with another operating system's platform. */
    static boolean vmPlatformDrift(int i) {
        return i % 12 == 9;
    }

    /** VMs marked offline that run. */
    static boolean vmStatusDrift(int i) {
        return i % 20 == 13;
    }

    /**
     * Bare-metal servers in NetBox that also hold the address of an ESXi host NetBox does not have yet (a typo: 10.10
     * for 10.20): creating that host's address finds it taken. NetBox itself refuses a second copy of an address in
     * the global table, so the seed holds no duplicate; the pipeline finds the clash when it proposes the address.
     */
    static boolean serverWithHostIp(int i) {
        return i % 10 == 0;
    }

    /** The ESXi host (not in NetBox) whose address bare-metal server {@code i} holds as well. */
    static int hostIpHeldBy(int server) {
        return 3 * (server / 10) + 2;
    }

    /** How many objects no source knows: decommissioned servers and test VMs someone forgot. */
    int unknownServers() {
        return Math.max(2, e.hosts / 40);
    }

    int unknownVms() {
        return Math.max(3, e.vms / 200);
    }

    // --- The objects ---

    void servers() {
        for (int i = 0; i < e.hosts; i++) {
            if (!hostInNetBox(i)) {
                continue;
            }
            Estate.Server s = e.host(i);
            String key = "host:" + i;
            Map<String, Object> b = device(hostNamedByFqdn(i) ? s.fqdn() : s.name(), s.site(), "hypervisor", s.model(),
                    hostStatusDrift(i) ? "planned" : "active");
            b.put("serial", hostWithoutSerial(i) ? "" : s.serial());
            b.put("platform", new Ref("platform:VMware ESXi 8.0.2"));
            out.accept(new Item(key, NetBoxKinds.DEVICE, b));
            ip(key, interfaceOf(key, "vmnic0", "10gbase-t"), s.ip() + "/24", "dcim.interface");
        }
        for (int i = 0; i < e.bareMetal; i++) {
            if (!bareMetalInNetBox(i)) {
                continue;
            }
            Estate.Server s = e.bareMetal(i);
            String key = "server:" + i;
            Map<String, Object> b = device(s.name(), s.site(), s.role(), s.model(), serverStatusDrift(i) ? "offline" : "active");
            b.put("serial", s.serial());
            b.put("platform", new Ref("platform:" + (serverPlatformDrift(i) ? otherOs(s.osName() + " " + s.osVersion()) : s.osName() + " " + s.osVersion())));
            out.accept(new Item(key, NetBoxKinds.DEVICE, b));
            String nic = interfaceOf(key, "eno1", "10gbase-t");
            ip(key, nic, s.ip() + "/24", "dcim.interface");
            if (serverWithHostIp(i) && hostIpHeldBy(i) < e.hosts) {
                ip(key + ":typo", nic, e.host(hostIpHeldBy(i)).ip() + "/24", "dcim.interface");
            }
        }
    }

    void switchesAndArrays() {
        for (int i = 0; i < e.switches; i++) {
            if (!switchInNetBox(i)) {
                continue;
            }
            Estate.Switch sw = e.networkDevice(i);
            String key = "switch:" + i;
            Map<String, Object> b = device(sw.name(), sw.site(), "network", sw.model(), "active");
            b.put("serial", sw.serial());
            out.accept(new Item(key, NetBoxKinds.DEVICE, b));
            // Cisco ports entered as the CLI abbreviates them (Gi1/0/1), not as NetBox names them (GigabitEthernet1/0/1)
            boolean cisco = "Cisco".equals(NetBoxSeed.networkVendor(sw.model()));
            for (int p = 1; p <= 4; p++) {
                interfaceOf(key, cisco ? "Gi1/0/" + p : "Ethernet1/" + p, cisco ? "1000base-t" : "10gbase-x-sfpp");
            }
            ip(key, interfaceOf(key, "mgmt0", "1000base-t"), sw.mgmtIp() + "/24", "dcim.interface");
        }
        for (int i = 0; i < e.arrays; i++) {
            if (!arrayInNetBox(i)) {
                continue;
            }
            Estate.Array a = e.array(i);
            Map<String, Object> b = device(a.name(), a.site(), "storage", a.model(), "active");
            b.put("serial", a.serial());
            out.accept(new Item("array:" + i, NetBoxKinds.DEVICE, b));
        }
    }

    void vms() {
        for (int i = 0; i < e.vms; i++) {
            if (!vmInNetBox(i)) {
                continue;
            }
            Estate.Vm vm = e.vm(i);
            String os = vm.osName() + " " + vm.osVersion();
            String status = !vm.poweredOn() || vmStatusDrift(i) ? "offline" : "active";
            int memory = vmMemoryDrift(i) ? Math.max(512, vm.guestMemoryMb() / 2) : vm.guestMemoryMb();
            String key = "vm:" + i;
            out.accept(new Item(key, NetBoxKinds.VIRTUAL_MACHINE, body("name", vm.vcenterName(), "status", status,
                    "site", new Ref("site:" + vm.site()), "cluster", new Ref("cluster:" + vm.host() % e.clusters),
                    "role", new Ref("role:" + vm.role()), "platform", new Ref("platform:" + (vmPlatformDrift(i) ? otherOs(os) : os)),
                    "vcpus", vm.vcpu(), "memory", memory)));
            String nic = key + ":eth0";
            out.accept(new Item(nic, NetBoxKinds.VM_INTERFACE, body("virtual_machine", new Ref(key), "name", "eth0")));
            ip(key, nic, vm.ip() + "/16", "virtualization.vminterface");
        }
    }

    void unknownToSources() {
        for (int n = 0; n < unknownServers(); n++) {
            String key = "unknown-server:" + n;
            Map<String, Object> b = device("srv-" + Estate.site(n) + "-old-" + Estate.pad(n, 2), Estate.site(n), "app",
                    Estate.MODELS[n % Estate.MODELS.length], "decommissioning");
            b.put("serial", "OLD" + Estate.pad(n, 5));
            b.put("comments", "Waiting for pickup by the recycler");
            out.accept(new Item(key, NetBoxKinds.DEVICE, b));
        }
        for (int n = 0; n < unknownVms(); n++) {
            String key = "unknown-vm:" + n;
            out.accept(new Item(key, NetBoxKinds.VIRTUAL_MACHINE, body("name", "tmp-" + Estate.site(n) + "-test-" + Estate.pad(n, 2),
                    "status", "offline", "site", new Ref("site:" + Estate.site(n)), "cluster", new Ref("cluster:" + n % e.clusters),
                    "vcpus", 2, "memory", 4096, "comments", "Test VM, remove after the migration")));
        }
    }

    /**
     * Bad data: each forgotten test VM still holds the address of a real VM that is not in NetBox yet (so creating
     * that VM's address finds it taken); see also {@link #serverWithHostIp}.
     */
    void badData() {
        for (int n = 0; n < unknownVms(); n++) {
            int victim = 2 + 4 * n;
            if (victim >= e.vms) {
                break;
            }
            if (Estate.duplicateIp(victim)) {
                continue; // a clone of the VM before it, whose address NetBox already holds
            }
            String key = "unknown-vm:" + n;
            String nic = key + ":eth0";
            out.accept(new Item(nic, NetBoxKinds.VM_INTERFACE, body("virtual_machine", new Ref(key), "name", "eth0")));
            ip(key, nic, e.vm(victim).ip() + "/16", "virtualization.vminterface");
        }
    }

    private Map<String, Object> device(String name, String site, String role, String model, String status) {
        return body("name", name, "device_type", new Ref("device-type:" + model), "role", new Ref("role:" + role),
                "site", new Ref("site:" + site), "status", status);
    }

    private String interfaceOf(String device, String name, String type) {
        String key = device + ":" + name;
        out.accept(new Item(key, NetBoxKinds.INTERFACE, body("device", new Ref(device), "name", name, "type", type)));
        return key;
    }

    private void ip(String owner, String iface, String address, String objectType) {
        out.accept(new Item(owner + ":ip:" + address, NetBoxKinds.IP_ADDRESS, body("address", address, "status", "active",
                "assigned_object_type", objectType, "assigned_object_id", new Ref(iface))));
    }

    /** The next of the estate's operating systems: what the machine ran before. */
    private static String otherOs(String os) {
        for (int k = 0; k < Estate.OS.length; k++) {
            if ((Estate.OS[k][0] + " " + Estate.OS[k][1]).equals(os)) {
                String[] next = Estate.OS[(k + 1) % Estate.OS.length];
                return next[0] + " " + next[1];
            }
        }
        return Estate.OS[0][0] + " " + Estate.OS[0][1];
    }
}
