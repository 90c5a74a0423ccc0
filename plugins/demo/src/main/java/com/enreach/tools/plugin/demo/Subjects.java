package com.enreach.tools.plugin.demo;

import java.util.SplittableRandom;

/**
 * Which machines of the estate the knowledge base writes about. Every pick is a machine the estate really has (the
 * same seed and size), and the anomalies the source views show on purpose (failed backups, stale Puppet facts,
 * switches Oxidized cannot reach, resized VMs, duplicated IPs, replaced mainboards) are picked by the same rules, so
 * the tickets tell the story behind them.
 */
final class Subjects {
    /** A machine as a text names it: short name, FQDN and address. */
    record Node(String name, String fqdn, String ip) {
        static Node of(Estate.Server s) {
            return new Node(s.name(), s.fqdn(), s.ip());
        }

        static Node of(Estate.Vm vm) {
            return new Node(vm.shortName(), vm.fqdn(), vm.ip());
        }

        static Node of(Estate.Switch sw) {
            return new Node(sw.name(), sw.name() + ".net." + Estate.DOMAIN, sw.mgmtIp());
        }
    }

    final Estate e;

    Subjects(Estate estate) {
        this.e = estate;
    }

    boolean hasVms() {
        return e.vms > 0;
    }

    boolean hasBareMetal() {
        return e.bareMetal > 0;
    }

    Estate.Vm vm(SplittableRandom r) {
        return e.vm(r.nextInt(e.vms));
    }

    Estate.Server esx(SplittableRandom r) {
        return e.host(r.nextInt(e.hosts));
    }

    /** A bare-metal server (an ESXi host in estates too small to have any). */
    Estate.Server server(SplittableRandom r) {
        return e.bareMetal > 0 ? e.bareMetal(r.nextInt(e.bareMetal)) : esx(r);
    }

    Estate.Switch sw(SplittableRandom r) {
        return e.networkDevice(r.nextInt(e.switches));
    }

    Estate.Array array(SplittableRandom r) {
        return e.array(r.nextInt(e.arrays));
    }

    /** A NetApp array (odd indexes), or any array when the estate has only one. */
    Estate.Array netapp(SplittableRandom r) {
        return e.arrays < 2 ? e.array(0) : e.array(1 + 2 * r.nextInt(e.arrays / 2));
    }

    /** A Huawei Dorado array (even indexes). */
    Estate.Array dorado(SplittableRandom r) {
        return e.array(2 * r.nextInt((e.arrays + 1) / 2));
    }

    /** The i-th VM of an arithmetic rule {@code i % mod == rest}, or any VM when the estate has none that fit. */
    private Estate.Vm vmWhere(SplittableRandom r, int mod, int rest) {
        int n = (e.vms - rest + mod - 1) / mod;
        return n <= 0 ? vm(r) : e.vm(rest + mod * r.nextInt(n));
    }

    /** A VM whose last Commvault job failed (see CommvaultView). */
    Estate.Vm failedBackupVm(SplittableRandom r) {
        return vmWhere(r, 15, 4);
    }

    /** A VM whose last successful backup is weeks old. */
    Estate.Vm oldBackupVm(SplittableRandom r) {
        Estate.Vm vm = vmWhere(r, 12, 6);
        return CommvaultView.vmNotBackedUp(vm.index()) ? vmWhere(r, 12, 6) : vm;
    }

    Estate.Vm resizedVm(SplittableRandom r) {
        return vmWhere(r, 40, 11);
    }

    /** A VM that claims the address of the VM before it. */
    Estate.Vm duplicateIpVm(SplittableRandom r) {
        return vmWhere(r, 100, 42);
    }

    Estate.Vm windowsVm(SplittableRandom r) {
        for (int tries = 0; tries < 40; tries++) {
            Estate.Vm vm = vm(r);
            if (vm.osName().startsWith("Windows")) {
                return vm;
            }
        }
        return vm(r);
    }

    Estate.Vm linuxVm(SplittableRandom r) {
        for (int tries = 0; tries < 40; tries++) {
            Estate.Vm vm = vm(r);
            if (!vm.osName().startsWith("Windows")) {
                return vm;
            }
        }
        return vm(r);
    }

    /** A VM of one role (app, db, web, ...), or any VM when none is found quickly. */
    Estate.Vm vmOfRole(SplittableRandom r, String role) {
        for (int tries = 0; tries < 60; tries++) {
            Estate.Vm vm = vm(r);
            if (vm.role().equals(role) && !vm.osName().startsWith("Windows")) {
                return vm;
            }
        }
        return linuxVm(r);
    }

    /** A Puppet node whose agent stopped reporting weeks ago (a bare-metal server or a VM guest). */
    Node stalePuppetNode(SplittableRandom r) {
        int servers = (e.bareMetal + 16) / 30;
        if (servers > 0 && r.nextInt(4) == 0) {
            return Node.of(e.bareMetal(13 + 30 * r.nextInt(servers)));
        }
        // every other stale VM (13 + 60k) has a Puppet node; the others are Foreman-only
        return e.vms > 13 ? Node.of(vmWhere(r, 60, 13)) : Node.of(server(r));
    }

    /** A switch Oxidized has never backed up. */
    Estate.Switch unreachableSwitch(SplittableRandom r) {
        int n = e.switches / 10;
        return n <= 0 ? sw(r) : e.networkDevice(9 + 10 * r.nextInt(n));
    }

    /** A bare-metal server whose mainboard was replaced. */
    Estate.Server replacedBoard(SplittableRandom r) {
        int n = (e.bareMetal + 32) / 50;
        return n <= 0 ? server(r) : e.bareMetal(17 + 50 * r.nextInt(n));
    }

    Estate.Server esxOf(Estate.Vm vm) {
        return e.host(vm.host());
    }

    /** The top-of-rack switch a server is cabled to (the "connected_to" relationship of the all view). */
    Estate.Switch switchOf(Estate.Server s) {
        return e.networkDevice(s.index() % e.switches);
    }

    /** The server port on that switch: one of the odd ("server") ports of the switch's configuration. */
    static String portOf(Estate.Server s, int switches) {
        return "Ethernet1/" + (1 + 2 * ((s.index() / switches) % 4));
    }

    String portOf(Estate.Server s) {
        return portOf(s, e.switches);
    }

    String clusterOf(Estate.Server host) {
        return e.clusterName(host.index() % e.clusters);
    }

    /** A volume of an array, by name (lun_... on Dorado, vol_... on NetApp). */
    static String volume(Estate.Array a, int v) {
        return StorageView.volumeName(a.vendor().equals("Huawei"), v);
    }

    /** The NFS datastore ESXi mounts from a NetApp volume. */
    static String datastore(Estate.Array a, int v) {
        return "ds_" + a.name().replace("-", "_") + "_" + volume(a, v).substring(4);
    }

    /** The estate's service machines the runbooks name: bare-metal servers by index (ESXi hosts in tiny estates). */
    Node service(int index) {
        return Node.of(e.bareMetal > 0 ? e.bareMetal(index % e.bareMetal) : e.host(index % e.hosts));
    }

    Node commServe() {
        return service(0);
    }

    Node puppetDb() {
        return service(1);
    }

    Node puppetServer() {
        return service(5);
    }

    Node oxidized() {
        return service(6);
    }

    Node mediaAgent() {
        return service(8);
    }

    Node monitoring() {
        return service(14);
    }
}
