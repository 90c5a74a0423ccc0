package com.enreach.tools.plugin.demo;

import java.util.List;

import com.enreach.tools.plugin.demo.TicketTemplate.Draft;
import com.enreach.tools.plugin.demo.TicketTemplate.Draw;

/** Tickets about the VMware estate: NFS datastores, hosts, VM memory, snapshots, Tools, patching. */
final class VmwareTickets {
    private VmwareTickets() {
    }

    static List<TicketTemplate> all() {
        return List.of(
                TicketTemplate.withVms("OPS", "Incident", 7, VmwareTickets::nfsStaleHandle).runbook(RunbookPages.NFS),
                TicketTemplate.of("OPS", "Incident", 5, VmwareTickets::hostNotResponding).runbook(RunbookPages.HOST_NOT_RESPONDING),
                TicketTemplate.withVms("OPS", "Incident", 5, VmwareTickets::ballooning).runbook(RunbookPages.BALLOONING),
                TicketTemplate.withVms("OPS", "Service Request", 3, VmwareTickets::resized),
                TicketTemplate.withVms("OPS", "Incident", 4, VmwareTickets::snapshotConsolidation),
                TicketTemplate.withVms("OPS", "Task", 2, VmwareTickets::toolsOutdated),
                TicketTemplate.of("OPS", "Change", 4, VmwareTickets::esxiPatching),
                TicketTemplate.of("OPS", "Incident", 2, VmwareTickets::psod));
    }

    static Draft nfsStaleHandle(Draw d) {
        Estate.Vm vm = d.s.vm(d.r);
        Estate.Server esx = d.s.esxOf(vm);
        Estate.Array a = d.s.netapp(d.r);
        int v = d.r.nextInt(StorageView.VOLUMES_PER_ARRAY);
        String ds = Subjects.datastore(a, v);
        String vol = Subjects.volume(a, v);
        String cause = d.oneOf(
                "the volume " + vol + " was moved to another aggregate on " + a.name() + " (vol move cutover) and its file handles changed",
                "an SVM failover on " + a.name() + " during the ONTAP upgrade left the NFSv3 mount with old file handles",
                "the export policy of " + vol + " was re-created by automation, so ESXi's mount was answered with NFS3ERR_STALE",
                "the volume " + vol + " was restored from a snapshot (volume snapshot restore), which invalidates every open file handle");
        String description = """
                vCenter alarm "Cannot connect to storage" on %s (%s) since %02d:%02d.
                Datastore %s shows as inaccessible on this host only; other hosts of %s still see it.

                VMs on the datastore hang on I/O, among them %s (%s, IP %s).

                From /var/log/vmkernel.log on %s:
                  NFS: 4837: Failed to get attributes (Stale file handle)
                  NFSLock: 2218: failed to get lock on file .lck-2c0100000000 on %s (%s): Stale file handle
                  WARNING: NFS: 1227: Lost connection to the server %s mount point /%s, mounted as %s

                Impact: %s
                """.formatted(esx.name(), esx.fqdn(), d.between(0, 23), d.between(0, 59), ds, d.s.clusterOf(esx),
                vm.shortName(), vm.fqdn(), vm.ip(), esx.name(), ds, a.name(), a.name(), vol, ds,
                d.oneOf("customer-facing application slow, VM console frozen", "database writes timing out", "backups of the VMs on it failing"));
        String diagnosis = """
                Checked on %s:
                  esxcli storage nfs list
                shows %s as "Accessible: false, Mounted: true". vmkping -I vmk1 to the LIF answers, so it is not the network.
                On %s the event log shows that %s.
                """.formatted(esx.name(), ds, a.name(), cause);
        String fix = """
                Moved the running VMs off with vMotion where they still responded, then remounted the datastore on %s:
                  esxcli storage nfs remove -v %s
                  esxcli storage nfs add -H %s-nfs.%s -s /%s -v %s
                VMs on the datastore resumed I/O; %s answers again and its services are up.
                """.formatted(esx.name(), ds, a.name(), Estate.DOMAIN, vol, ds, vm.shortName());
        String resolution = "NFS datastore " + ds + " remounted on " + esx.name() + "; root cause: " + cause
                + ". Runbook \"NFS stale file handle on ESXi\" updated with the remount steps.";
        return new Draft("NFS datastore " + ds + " inaccessible on " + esx.name() + " (stale file handle)", d.priority(2, 6, 2, 0),
                description, List.of(diagnosis, fix, resolution), "Fixed",
                List.of("nfs", "esxi", "stale-file-handle", "netapp", vm.site()), List.of("VMware", "Storage"));
    }

    static Draft hostNotResponding(Draw d) {
        Estate.Server esx = d.s.esx(d.r);
        String cause = d.oneOf("hostd had run out of memory (hostd.log: \"Memory usage exceeds hard limit\")",
                "the /var/log ramdisk was full, so hostd could not write its log and stopped answering",
                "a hung vpxa after the vCenter certificate was renewed",
                "the management vmk0 lost its uplink: vmnic0 went down on " + d.s.switchOf(esx).name());
        String description = """
                %s (%s, %s) shows "Not Responding" in vCenter, cluster %s. VMs keep running (HA did not fail them over), but
                they cannot be managed, vMotioned or backed up while the host is disconnected.
                Pings to the management address answer; SSH to the host works.
                """.formatted(esx.name(), esx.fqdn(), esx.ip(), d.s.clusterOf(esx));
        String diagnosis = "Found that " + cause + ".\nChecked with: vdf -h, tail /var/log/hostd.log, /etc/init.d/vpxa status.";
        String fix = """
                Restarted the management agents on %s (VMs are not affected):
                  /etc/init.d/hostd restart
                  /etc/init.d/vpxa restart
                The host reconnected to vCenter after about %d minutes.
                """.formatted(esx.name(), d.between(1, 6));
        return new Draft(esx.name() + " not responding in vCenter", d.priority(1, 5, 3, 0), description,
                List.of(diagnosis, fix, "Host connected again, alarms cleared. Cause: " + cause + "."), "Fixed",
                List.of("esxi", "vcenter", "hostd", esx.site()), List.of("VMware"));
    }

    static Draft ballooning(Draw d) {
        Estate.Vm vm = d.s.vm(d.r);
        Estate.Server esx = d.s.esxOf(vm);
        int balloon = d.between(2, 12);
        String description = """
                Grafana alert "VM memory ballooned > 1 GB" for %s (%s) on %s.
                Balloon driver holds %d GB; the guest is swapping and %s latency tripled.
                Host %s (%d GB RAM) is at %d%% memory with %d%% consumed by overhead and active memory.
                """.formatted(vm.shortName(), vm.fqdn(), esx.name(), balloon, vm.role(), esx.name(), esx.memoryBytes() >> 30,
                d.between(93, 99), d.between(60, 85));
        String[][] causes = {
            {"the cluster is in partially automated mode since the last maintenance",
                "vMotioned three large VMs to other hosts of " + d.s.clusterOf(esx) + " and set DRS back to fully automated."},
            {"an affinity rule pins the VMs of this application to " + esx.name(),
                "Removed the stale affinity rule and let DRS rebalance; ballooning on " + vm.shortName() + " dropped to 0."},
            {"two other hosts of " + d.s.clusterOf(esx) + " are in maintenance mode",
                "Brought one host back from maintenance, set a memory reservation of " + Math.max(1, vm.guestMemoryMb() / 1024) + " GB on "
                    + vm.shortName() + " and vMotioned two test VMs away."}};
        String[] c = causes[d.r.nextInt(causes.length)];
        String diagnosis = """
                esxtop on %s (m): MEMCTL/MB high for several VMs, state "soft". DRS cannot move load: %s.
                """.formatted(esx.name(), c[0]);
        String fix = c[1];
        return new Draft("Memory ballooning on " + vm.shortName() + " (" + esx.name() + " overcommitted)", d.priority(0, 3, 6, 2),
                description, List.of(diagnosis, fix, "Balloon at 0 for 24 h, swap-in rate normal. Closing."), "Fixed",
                List.of("memory", "ballooning", "drs", vm.site()), List.of("VMware"));
    }

    static Draft resized(Draw d) {
        Estate.Vm vm = d.s.resizedVm(d.r);
        int oldGb = vm.guestMemoryMb() / 1024;
        String description = """
                Please increase the memory of %s (%s%s) from %d GB to %d GB; the %s workload is paging.
                Change window: any evening this week, a reboot is fine.
                """.formatted(vm.shortName(), vm.fqdn(), vm.vcenterName().equals(vm.shortName()) ? "" : ", vCenter name " + vm.vcenterName(),
                Math.max(1, oldGb), Math.max(2, oldGb * 2), vm.role());
        String work = """
                Memory set to %d GB in vCenter. Memory hot-add is not enabled on this VM, so the guest only sees the new size after
                a reboot: PuppetDB and Foreman still report %d GB, which the inventory shows as a memory conflict for %s.
                """.formatted(Math.max(2, oldGb * 2), Math.max(1, oldGb), vm.fqdn());
        return new Draft("Increase memory of " + vm.shortName() + " to " + Math.max(2, oldGb * 2) + " GB", d.priority(0, 1, 5, 4),
                description, List.of("Scheduled for tonight.", work, "Waiting for the application owner to reboot " + vm.shortName()
                        + "; the conflict clears once the guest reports the new size."),
                d.chance(70) ? "Done" : "Won't Do", List.of("memory", "resize", "vm"), List.of("VMware"));
    }

    static Draft snapshotConsolidation(Draw d) {
        Estate.Vm vm = d.s.vm(d.r);
        Estate.Server esx = d.s.esxOf(vm);
        int days = d.between(8, 60);
        String description = """
                %s (%s) on %s: "Virtual machine disks consolidation is needed."
                The VM has a snapshot chain of %d delta disks, the oldest %d days old (created by the backup proxy), and the
                datastore is at %d%%.
                """.formatted(vm.shortName(), vm.fqdn(), esx.name(), d.between(2, 9), days, d.between(85, 97));
        String diagnosis = "The Commvault VSA proxy did not remove its snapshot after a failed job: the disk was still hot-added to the proxy. "
                + "Removed the disk from the proxy VM (without deleting it).";
        String fix = "Ran Snapshots > Consolidate on " + vm.shortName() + "; took " + d.between(10, 90)
                + " minutes with a short stun at the end. The chain is gone; datastore usage back to " + d.between(55, 75) + "%.";
        return new Draft("Snapshot consolidation needed on " + vm.shortName(), d.priority(0, 3, 5, 2), description,
                List.of(diagnosis, fix, "Added a check for snapshots older than 3 days to the monitoring. Closing."), "Fixed",
                List.of("snapshot", "consolidation", "commvault"), List.of("VMware", "Backup"));
    }

    static Draft toolsOutdated(Draw d) {
        Estate.Vm vm = d.s.vm(d.r);
        String description = """
                VMware Tools on %s (%s) reports toolsOld after the ESXi upgrade of %s. Please upgrade at the next reboot.
                """.formatted(vm.shortName(), vm.fqdn(), d.s.esxOf(vm).name());
        return new Draft("Upgrade VMware Tools on " + vm.shortName(), d.priority(0, 0, 3, 7), description,
                List.of("Set \"Check and upgrade Tools during power cycling\" on the VM.",
                        vm.osName().startsWith("Windows") ? "Upgraded Tools interactively (12.3.5), reboot done in the maintenance window."
                                : "Linux guest: open-vm-tools comes from the distribution; ran the package upgrade through Puppet.",
                        "Tools status is toolsOk again."), "Done", List.of("vmware-tools"), List.of("VMware"));
    }

    static Draft esxiPatching(Draw d) {
        Estate.Server esx = d.s.esx(d.r);
        String cluster = d.s.clusterOf(esx);
        String description = """
                Patch the ESXi hosts of %s to ESXi 8.0.2 build-22380479 (security fixes VMSA-2024-0006).

                Plan:
                - one host at a time: enter maintenance mode (DRS evacuates), remediate with vLCM, reboot, exit maintenance mode
                - start with %s (%s), then the rest of the cluster
                - check afterwards: HA agent running, NFS datastores mounted, vmnic link speeds

                Rollback: boot the previous image (Shift+R at boot).
                Risk: low; the cluster has N+1 capacity.
                """.formatted(cluster, esx.name(), esx.fqdn());
        String work = "Remediated " + esx.name() + " and " + d.between(2, 9) + " further hosts of " + cluster + ". "
                + d.oneOf("One host needed a second reboot because the HA agent did not start.", "No issues.",
                "vMotion of a large database VM took 20 minutes; planned it last.");
        return new Draft("Patch ESXi hosts of " + cluster + " (" + esx.name() + " first)", d.priority(0, 2, 7, 1), description,
                List.of("Approved by CAB; window Tuesday 20:00-23:00.", work, "All hosts of " + cluster + " on build 22380479."),
                "Done", List.of("patching", "esxi", "change"), List.of("VMware"));
    }

    static Draft psod(Draw d) {
        Estate.Server esx = d.s.esx(d.r);
        String dimm = d.oneOf("A1", "A4", "B2", "B6");
        String description = """
                %s (%s) crashed with a purple screen: "#PF Exception 14 in world 2098453:vmm0" / "MCE: Uncorrected memory error".
                HA restarted its VMs on the other hosts of %s.
                Hardware: %s %s, serial %s.
                """.formatted(esx.name(), esx.fqdn(), d.s.clusterOf(esx), esx.vendor(), esx.model(), esx.serial());
        String diagnosis = "The management controller's event log shows uncorrectable ECC errors on DIMM " + dimm
                + ". Core dump collected from the dump partition (esxcli system coredump file list).";
        String fix = "Vendor case opened with " + esx.vendor() + " (serial " + esx.serial() + "); DIMM " + dimm
                + " replaced on site. Memory test passed; host back in the cluster.";
        return new Draft("PSOD on " + esx.name() + ": uncorrectable memory error", "Highest", description,
                List.of(diagnosis, fix, "No further errors after 7 days. Closing."), "Fixed",
                List.of("psod", "hardware", "memory", esx.site()), List.of("VMware", "Hardware"));
    }
}
