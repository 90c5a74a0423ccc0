package com.enreach.tools.plugin.demo;

import java.util.List;

import com.enreach.tools.plugin.demo.TicketTemplate.Draft;
import com.enreach.tools.plugin.demo.TicketTemplate.Draw;

/** Tickets about the storage arrays (ONTAP, Dorado) and the Commvault backups. */
final class StorageBackupTickets {
    private StorageBackupTickets() {
    }

    static List<TicketTemplate> all() {
        return List.of(
                TicketTemplate.of("STOR", "Incident", 5, StorageBackupTickets::ontapVolumeFull).runbook(RunbookPages.VOLUME_FULL),
                TicketTemplate.of("STOR", "Incident", 3, StorageBackupTickets::doradoPool).runbook(RunbookPages.VOLUME_FULL),
                TicketTemplate.of("STOR", "Change", 3, StorageBackupTickets::expandVolume),
                TicketTemplate.withVms("OPS", "Incident", 9, StorageBackupTickets::backupFailed).runbook(RunbookPages.BACKUP),
                TicketTemplate.withVms("OPS", "Incident", 3, StorageBackupTickets::backupTooOld).runbook(RunbookPages.BACKUP),
                TicketTemplate.withVms("OPS", "Service Request", 4, StorageBackupTickets::restore),
                TicketTemplate.withVms("OPS", "Problem", 1, StorageBackupTickets::quiesceProblem));
    }

    static Draft ontapVolumeFull(Draw d) {
        Estate.Array a = d.s.netapp(d.r);
        int v = d.r.nextInt(StorageView.VOLUMES_PER_ARRAY);
        String vol = Subjects.volume(a, v);
        String svm = "svm_" + a.site();
        int pct = d.between(95, 100);
        String description = """
                Active IQ Unified Manager: "Volume Space Full" for %s on %s (SVM %s), %d%% used, snapshot reserve exhausted.
                The NFS datastore %s on it is read-only for new blocks; ESXi hosts log "No space left on device".

                volume show -vserver %s -volume %s -fields size,used,percent-used,snapshot-space-used
                """.formatted(vol, a.name(), svm, pct, Subjects.datastore(a, v), svm, vol);
        String cause = d.oneOf("snapshots of the hourly policy were kept 30 days instead of 3 after a policy change",
                "a database VM wrote a 900 GB dump to the datastore", "thin-provisioned VMDKs grew after a log storm",
                "autosize was off: its maximum had been reached months ago");
        String diagnosis = "Cause: " + cause + ". Aggregate aggr1_" + a.site() + " has " + d.between(8, 30) + " TB free.";
        String fix = """
                Grew the volume and turned autosize back on:
                  volume size -vserver %s -volume %s +%dTB
                  volume autosize -vserver %s -volume %s -mode grow -maximum-size %dTB
                  volume snapshot delete -vserver %s -volume %s -snapshot hourly.2* -force
                Now at %d%%.
                """.formatted(svm, vol, d.between(1, 4), svm, vol, d.between(8, 20), svm, vol, d.between(60, 78));
        return new Draft("ONTAP volume " + vol + " full on " + a.name(), d.priority(2, 6, 2, 0), description,
                List.of(diagnosis, fix, "Volume below 80%, alert cleared. Follow-up: review of the snapshot policies."), "Fixed",
                List.of("ontap", "netapp", "volume-full", a.site()), List.of("Storage"));
    }

    static Draft doradoPool(Draw d) {
        Estate.Array a = d.s.dorado(d.r);
        int v = d.r.nextInt(StorageView.VOLUMES_PER_ARRAY);
        String lun = Subjects.volume(a, v);
        String description = """
                DeviceManager alarm on %s (%s, serial %s): "The used capacity of storage pool StoragePool001 exceeds the threshold" (%d%%).
                Largest consumer: LUN %s (thin), mapped to the ESXi hosts of %s.
                """.formatted(a.name(), a.model(), a.serial(), d.between(86, 96), lun, d.s.clusterOf(d.s.esx(d.r)));
        String fix = d.oneOf("Reclaimed space with UNMAP from the hosts (esxcli storage vmfs unmap -l " + lun + "); the pool went down by "
                        + d.between(5, 15) + " points.",
                "Deleted expired HyperSnap snapshots of " + lun + " (retention job had failed since the firmware upgrade).",
                "Ordered two SSD enclosures; moved " + lun + " to st-" + a.site() + " pool 2 meanwhile with SmartMigration.");
        return new Draft("Storage pool usage above threshold on " + a.name(), d.priority(0, 4, 5, 1), description,
                List.of("Checked in DeviceManager: reduction ratio " + d.between(2, 4) + ".1:1, no failed disks.", fix,
                        "Pool usage under the threshold again."), "Fixed",
                List.of("dorado", "huawei", "capacity"), List.of("Storage"));
    }

    static Draft expandVolume(Draw d) {
        Estate.Array a = d.s.array(d.r);
        int v = d.r.nextInt(StorageView.VOLUMES_PER_ARRAY);
        String vol = Subjects.volume(a, v);
        int tb = d.between(2, 8);
        String description = """
                Expand %s on %s by %d TB for the %s platform growth (forecast: full in %d weeks).

                Steps:
                1. check the pool/aggregate has room
                2. resize the %s
                3. rescan on the ESXi hosts and grow the datastore
                Rollback: none needed (growing is online).
                """.formatted(vol, a.name(), tb, Estate.ROLES[v % Estate.ROLES.length], d.between(3, 10),
                a.vendor().equals("Huawei") ? "LUN in DeviceManager" : "volume (volume size ... +" + tb + "TB)");
        return new Draft("Expand " + vol + " on " + a.name() + " by " + tb + " TB", d.priority(0, 1, 7, 2), description,
                List.of("Approved.", "Resized " + vol + "; datastore grown on all hosts.", "Done, new size visible in the inventory."),
                "Done", List.of("capacity", "change"), List.of("Storage"));
    }

    static Draft backupFailed(Draw d) {
        Estate.Vm vm = d.s.failedBackupVm(d.r);
        Estate.Server esx = d.s.esxOf(vm);
        long job = 5_000_000L + vm.index() * 2L;
        String[][] errors = {
            {"Error Code: [91:75] Description: Failed to quiesce the virtual machine. VSS writer \"SqlServerWriter\" timed out.",
                "The guest's VSS writers were stuck in a failed state (vssadmin list writers); restarted the SQL Writer service and the VMware "
                    + "Snapshot Provider, re-ran the job.", "VSS"},
            {"Error Code: [91:15] Description: Unable to open the disk [" + esx.name() + "] " + vm.vcenterName() + "/" + vm.vcenterName()
                + ".vmdk. The disk may be locked by another process.", "A previous job left the disk hot-added to the VSA proxy; removed it from "
                + "the proxy VM and consolidated the snapshots of " + vm.vcenterName() + ".", "disk-lock"},
            {"Error Code: [91:303] Description: Changed Block Tracking information is not valid for the disk. A full backup is required.",
                "Reset CBT on the VM (power off, ctkEnabled=false, delete the -ctk.vmdk files, enable again) and ran a full backup.", "cbt"},
            {"Error Code: [19:1131] Description: Unable to connect to the MediaAgent " + d.s.mediaAgent().name() + ". Network timeout.",
                "The MediaAgent " + d.s.mediaAgent().fqdn() + " had its index cache disk full; cleaned the cache, restarted Commvault services.",
                "mediaagent"},
            {"Error Code: [91:97] Description: Snapshot creation failed: the VM has snapshots that need consolidation.",
                "Consolidated the VM's disks in vCenter, then the job completed.", "snapshot"}};
        String[] err = errors[d.r.nextInt(errors.length)];
        String description = """
                Commvault job %d (VSA backup, subclient default of %s) failed for VM %s.
                Guest: %s, %s, IP %s. ESXi host: %s.

                %s

                Last successful backup: the night before. The VM is in the daily SLA.
                """.formatted(job, vm.site().toUpperCase(java.util.Locale.ROOT) + "-VMs", vm.vcenterName(), vm.fqdn(), vm.guestOs(), vm.ip(),
                esx.name(), err[0]);
        return new Draft("Backup of " + vm.vcenterName() + " failed (Commvault job " + job + ")", d.priority(0, 2, 7, 1), description,
                List.of("Checked the job's log in the CommCell console (vsbkp.log on the proxy). " + err[0], err[1],
                        "Backup of " + vm.vcenterName() + " completed (job " + (job + 1) + ", synthetic full). Closing."),
                "Fixed", List.of("backup", "commvault", err[2]), List.of("Backup"));
    }

    static Draft backupTooOld(Draw d) {
        Estate.Vm vm = d.s.oldBackupVm(d.r);
        int days = 15 + vm.index() % 20;
        String description = """
                Report "VMs without a successful backup in 7 days" lists %s (%s): last successful backup %d days ago.
                No failed jobs are shown: the VM is not being backed up at all.
                """.formatted(vm.vcenterName(), vm.fqdn(), days);
        String cause = d.oneOf("the VM was moved to another folder, which the subclient's content rule did not cover",
                "its schedule policy was disabled during a storage migration and never enabled again",
                "the VM was renamed in vCenter (" + vm.vcenterName() + ") and the subclient still filtered on the old name");
        return new Draft("No backup of " + vm.vcenterName() + " for " + days + " days", d.priority(0, 3, 6, 1), description,
                List.of("Cause: " + cause + ".", "Fixed the subclient content (rule by tag 'backup:daily' instead of folder) and started a full backup.",
                        "Backup completed; the VM has left the report."),
                "Fixed", List.of("backup", "commvault", "sla"), List.of("Backup"));
    }

    static Draft restore(Draw d) {
        Estate.Vm vm = d.s.linuxVm(d.r);
        String path = d.oneOf("/etc/nginx/sites-available", "/var/lib/app/uploads/2024", "/opt/app/config/application.yml",
                "/home/deploy/.ssh/authorized_keys", "/etc/systemd/system/app.service");
        String description = """
                Please restore %s on %s (%s) as of %s; it was overwritten by a deployment.
                Restore in place, overwrite: yes.
                """.formatted(path, vm.shortName(), vm.fqdn(), d.oneOf("yesterday 18:00", "last Friday", "two days ago"));
        return new Draft("Restore " + path + " on " + vm.shortName(), d.priority(0, 1, 5, 4), description,
                List.of("Browsing the backups of " + vm.vcenterName() + " (file-level restore from the VSA backup).",
                        "Restored " + path + " from job " + (5_000_000L + vm.index() * 2L + 1) + " to the original location.",
                        "Requester confirmed the files are back."), "Done", List.of("restore", "commvault"), List.of("Backup"));
    }

    static Draft quiesceProblem(Draw d) {
        Estate.Vm a = d.s.windowsVm(d.r);
        Estate.Vm b = d.s.windowsVm(d.r);
        String description = """
                Recurring backup failures with "Failed to quiesce the virtual machine" on Windows Server 2022 guests,
                among them %s (%s) and %s (%s): %d failed jobs in the last 30 days.

                Known so far:
                - only VMs with SQL Server; the failures start after the monthly Windows update
                - the VSS writers are in state "Failed / Retryable error" after the failure
                """.formatted(a.vcenterName(), a.fqdn(), b.vcenterName(), b.fqdn(), d.between(8, 30));
        return new Draft("Problem: recurring VSS quiesce failures on Windows SQL VMs", "High", description,
                List.of("Root cause analysis: the VMware Snapshot Provider competes with the SQL writer's own timeout (60 s).",
                        "Workaround rolled out through Group Policy: application-consistent backups via the Commvault SQL agent, crash-consistent VM snapshots.",
                        "No quiesce failures for 30 days after the change. Known error documented in the backup runbook."),
                "Fixed", List.of("problem", "vss", "backup", "windows"), List.of("Backup", "Windows"));
    }
}
