package com.enreach.tools.plugin.demo;

import java.util.List;

import com.enreach.tools.plugin.demo.TicketTemplate.Draft;
import com.enreach.tools.plugin.demo.TicketTemplate.Draw;

/** Tickets about servers and their services: Puppet, disks, mainboards, certificates, full filesystems, patching. */
final class ServerTickets {
    private ServerTickets() {
    }

    static List<TicketTemplate> all() {
        return List.of(
                TicketTemplate.of("OPS", "Incident", 6, ServerTickets::puppetNotReporting).runbook(RunbookPages.PUPPET),
                TicketTemplate.of("OPS", "Incident", 2, ServerTickets::puppetDbBacklog),
                TicketTemplate.of("OPS", "Incident", 4, ServerTickets::diskFailure).runbook(RunbookPages.DISK),
                TicketTemplate.of("OPS", "Task", 2, ServerTickets::boardReplaced),
                TicketTemplate.withVms("OPS", "Incident", 5, ServerTickets::certificateExpiry).runbook(RunbookPages.CERTIFICATES),
                TicketTemplate.withVms("OPS", "Incident", 6, ServerTickets::filesystemFull).runbook(RunbookPages.FILESYSTEM),
                TicketTemplate.withVms("OPS", "Incident", 7, ServiceTickets::serviceIncident),
                TicketTemplate.of("OPS", "Change", 3, ServerTickets::kernelPatching),
                TicketTemplate.of("OPS", "Problem", 1, ServerTickets::puppetCaProblem),
                TicketTemplate.withVms("OPS", "Problem", 1, ServerTickets::nfsProblem));
    }

    static Draft puppetNotReporting(Draw d) {
        Subjects.Node node = d.s.stalePuppetNode(d.r);
        Subjects.Node puppet = d.s.puppetServer();
        int days = d.between(20, 49);
        String description = """
                %s (%s) has not sent a Puppet report for %d days. PuppetDB still serves its last facts (facts_timestamp %d days old)
                and Foreman shows the host with status Warning ("Out of sync").
                """.formatted(node.name(), node.fqdn(), days, days);
        String[][] causes = {
            {"The agent was disabled during a maintenance and never enabled again:\n  puppet agent --disable \"DB migration, do not touch\"",
                "puppet agent --enable && puppet agent -t"},
            {"The agent's certificate was revoked when the CA was rotated:\n  Error: certificate verify failed [certificate revoked for CN=" + node.fqdn() + "]",
                "On " + puppet.fqdn() + ": puppetserver ca clean --certname " + node.fqdn() + "\nOn the node: rm -rf /etc/puppetlabs/puppet/ssl && puppet agent -t --waitforcert 60\nthen signed the new request."},
            {"Clock skew of 7 minutes made the TLS handshake fail (chrony was not running).", "systemctl enable --now chrony; puppet agent -t"},
            {"The puppet service was masked by an image build step.", "systemctl unmask puppet && systemctl enable --now puppet"}};
        String[] c = causes[d.r.nextInt(causes.length)];
        return new Draft("Puppet agent on " + node.name() + " not reporting for " + days + " days", d.priority(0, 1, 6, 3), description,
                List.of("Logged in to " + node.fqdn() + " (" + node.ip() + "). " + c[0], "Fixed:\n" + c[1],
                        "Report received by " + puppet.name() + "; facts in PuppetDB are current, Foreman status OK."),
                "Fixed", List.of("puppet", "puppetdb", "stale-facts"), List.of("Puppet"));
    }

    static Draft puppetDbBacklog(Draw d) {
        Subjects.Node pdb = d.s.puppetDb();
        int queue = d.between(4000, 60000);
        String description = """
                PuppetDB on %s (%s) has a command queue of %d and growing; Puppet runs on all nodes take minutes at
                "Storing facts" and Foreman reports are late.
                  curl -s http://localhost:8080/metrics/v2/read/puppetlabs.puppetdb.mq:name=global.depth
                """.formatted(pdb.name(), pdb.fqdn(), queue);
        String[][] causes = {
            {"autovacuum had not run on the catalogs table for days (dead tuples: 40 million)",
                "Ran VACUUM (ANALYZE) on the PuppetDB database and raised command-processing threads to 8."},
            {"a module added a 2 MB structured fact to every node, so replace_facts commands became huge",
                "Removed the oversized fact (blocklisted in puppetdb.conf: facts-blocklist) and restarted PuppetDB."},
            {"the PostgreSQL disk was at 96% and the checkpoints slowed everything down", "Grew the PostgreSQL volume by 200 GB and restarted PuppetDB."}};
        String[] c = causes[d.r.nextInt(causes.length)];
        return new Draft("PuppetDB command queue backlog on " + pdb.name(), d.priority(1, 5, 2, 0), description,
                List.of("Cause: " + c[0] + ".", c[1],
                        "Queue drained in " + d.between(10, 80) + " minutes; Puppet runs back to normal."),
                "Fixed", List.of("puppetdb", "postgresql", "performance"), List.of("Puppet"));
    }

    static Draft diskFailure(Draw d) {
        Estate.Server s = d.s.server(d.r);
        String slot = "0:1:" + d.between(0, 7);
        String ctl = s.vendor().startsWith("Dell") ? "PERC H755" : s.vendor().equals("HPE") ? "Smart Array P408i-a" : "ThinkSystem RAID 940-8i";
        String bmc = s.vendor().startsWith("Dell") ? "iDRAC" : s.vendor().equals("HPE") ? "iLO" : "XClarity Controller";
        String description = """
                %s reports a predictive failure on physical disk %s of %s (%s, %s %s, serial %s), controller %s.
                The virtual disk is degraded/rebuild-ready; RAID 10, no data loss.
                """.formatted(bmc, slot, s.name(), s.fqdn(), s.vendor(), s.model(), s.serial(), ctl);
        return new Draft("Predictive disk failure " + slot + " on " + s.name(), d.priority(0, 6, 4, 0), description,
                List.of("Opened a case with " + s.vendor() + " for serial " + s.serial() + "; replacement disk arrives next business day.",
                        "Disk " + slot + " hot-swapped by remote hands; rebuild started (" + d.between(2, 9) + " h).",
                        "Rebuild finished, virtual disk optimal."),
                "Fixed", List.of("hardware", "disk", "raid", s.site()), List.of("Hardware"));
    }

    static Draft boardReplaced(Draw d) {
        Estate.Server s = d.s.replacedBoard(d.r);
        String description = """
                After the mainboard replacement of %s (%s) the inventory shows an identity conflict: Foreman still has the old
                serial %s and MAC %s, while PuppetDB reports serial %s and MAC %s for the same host name.
                """.formatted(s.name(), s.fqdn(), d.s.e.oldSerial(s), d.s.e.oldMac(s), s.serial(), s.mac());
        return new Draft("Update Foreman after mainboard replacement of " + s.name(), d.priority(0, 0, 5, 5), description,
                List.of("Confirmed with the vendor's service report: new board, new serial " + s.serial() + ".",
                        "hammer host update --name " + s.fqdn() + " --mac " + s.mac() + "; serial comes from facts after the next run.",
                        d.chance(60) ? "Foreman and PuppetDB agree; the conflict is gone." : "Waiting for the next Foreman fact import."),
                "Done", List.of("foreman", "hardware", "identity"), List.of("Hardware", "Puppet"));
    }

    static Draft certificateExpiry(Draw d) {
        Estate.Vm vm = d.s.vmOfRole(d.r, "web");
        int days = d.between(3, 21);
        boolean expired = d.chance(30);
        String description = (expired ? """
                https://%s is down for browsers: NET::ERR_CERT_DATE_INVALID. The certificate expired this morning.
                """ : """
                Monitoring: TLS certificate of %s expires in %d days.
                """).formatted(vm.fqdn(), days) + """
                  echo | openssl s_client -connect %s:443 -servername %s 2>/dev/null | openssl x509 -noout -subject -enddate
                  subject=CN = %s
                  notAfter=... GMT
                """.formatted(vm.ip(), vm.fqdn(), vm.fqdn());
        String[][] causes = {
            {"the certbot timer failed since the HTTP-01 challenge was blocked by a new WAF rule",
                "Allowed /.well-known/acme-challenge/ in the WAF and renewed: certbot renew --cert-name " + vm.fqdn() + "; nginx -t && systemctl reload nginx."},
            {"it was issued by the internal CA by hand two years ago and was not in the renewal automation",
                "Issued a new certificate from the internal CA (1 year), put it in hiera and deployed it with Puppet; nginx reloaded."},
            {"the renewed certificate was written but nginx was never reloaded",
                "nginx -t && systemctl reload nginx; added a deploy hook to certbot that reloads nginx."}};
        String[] cc = causes[d.r.nextInt(causes.length)];
        String cause = cc[0];
        return new Draft(expired ? "Certificate expired on " + vm.fqdn() : "Certificate of " + vm.fqdn() + " expires in " + days + " days", expired ? "Highest" : d.priority(0, 4, 5, 1), description,
                List.of("Cause: " + cause + ".", cc[1],
                        "New certificate valid; added " + vm.fqdn() + " to the expiry monitoring."),
                "Fixed", List.of("certificate", "tls", expired ? "outage" : "expiry"), List.of("PKI"));
    }

    static Draft filesystemFull(Draw d) {
        Estate.Vm vm = d.s.linuxVm(d.r);
        String[][] cases = {
            {"/var", "journald kept 40 GB of logs: journalctl --vacuum-size=2G, SystemMaxUse=2G in journald.conf",
                "du: /var/log/journal holds 40 GB; journald had no size limit."},
            {"/var/lib/postgresql", "WAL files piled up behind an inactive replication slot; dropped the slot (SELECT pg_drop_replication_slot('standby_old'))",
                "du: pg_wal holds 180 GB; pg_replication_slots shows the slot standby_old inactive since the standby was rebuilt."},
            {"/var/lib/docker", "old images and build cache: docker system prune -af --filter until=168h",
                "du: /var/lib/docker/overlay2 holds 70 GB of old images and build cache."},
            {"/", "a core dump of 30 GB in /var/crash; removed it and capped systemd-coredump",
                "du: /var/crash holds a 30 GB core dump of the application from last week's crash."},
            {"/var/log", "logrotate had failed since a typo in /etc/logrotate.d/app; fixed and forced a rotation (logrotate -f)",
                "du: /var/log/app holds 25 GB of unrotated logs; logrotate -d shows a syntax error in /etc/logrotate.d/app."}};
        String[] c = cases[d.r.nextInt(cases.length)];
        int pct = d.between(95, 100);
        String description = """
                %s on %s (%s, %s) is %d%% full; the %s service %s.
                  df -h %s
                  du -xh --max-depth=1 %s | sort -h | tail
                """.formatted(c[0], vm.shortName(), vm.fqdn(), vm.ip(), pct, vm.role(), pct == 100 ? "stopped" : "logs write errors", c[0], c[0]);
        return new Draft("Filesystem " + c[0] + " " + pct + "% full on " + vm.shortName(), d.priority(1, 4, 4, 1), description,
                List.of(c[2], "Fixed: " + c[1] + ".", c[0] + " at " + d.between(30, 65) + "% now."),
                "Fixed", List.of("disk-space", "linux"), List.of("Linux"));
    }

    static Draft kernelPatching(Draw d) {
        Estate.Server s = d.s.server(d.r);
        String description = """
                Monthly patching of the %s servers, wave %d: %s (%s) and the rest of its role group.
                Kernel %s -> the current security update; reboot required.
                Order: drain from the load balancer, apt/dnf upgrade via the patch job, reboot, health check, re-enable.
                """.formatted(s.role(), d.between(1, 3), s.name(), s.fqdn(), s.kernel());
        return new Draft("Patch wave for " + s.role() + " servers (" + s.name() + ")", d.priority(0, 1, 8, 1), description,
                List.of("Scheduled for Wednesday 21:00.", "Patched and rebooted " + s.name() + " and " + d.between(2, 12) + " others; all health checks green.",
                        "Wave complete; patch_level updated in PuppetDB."),
                "Done", List.of("patching", "kernel", "change"), List.of("Linux"));
    }

    static Draft puppetCaProblem(Draw d) {
        Subjects.Node ps = d.s.puppetServer();
        Subjects.Node a = d.s.stalePuppetNode(d.r);
        Subjects.Node b = Subjects.Node.of(d.s.server(d.r));
        String description = """
                Since the Puppet CA on %s was rotated, agents keep dropping out one by one: %d nodes have not reported for more than a day,
                among them %s (%s) and %s (%s). Each one is fixed by hand (clean the certificate, run the agent), and more follow.
                """.formatted(ps.fqdn(), d.between(12, 60), a.name(), a.fqdn(), b.name(), b.fqdn());
        return new Draft("Problem: Puppet agents stop reporting after the CA rotation", "High", description,
                List.of("Root cause: agents whose cached CRL predates the rotation reject the new CA's chain at their next certificate renewal.",
                        "Rolled out the new CA bundle and CRL with a one-off Bolt task (bolt task run puppet_ca_bundle -t all) before the renewals.",
                        "No new dropouts for 30 days; the runbook \"Puppet agent not reporting\" covers the remaining cases."),
                "Fixed", List.of("problem", "puppet", "ca"), List.of("Puppet"));
    }

    static Draft nfsProblem(Draw d) {
        Estate.Array a = d.s.netapp(d.r);
        Estate.Vm vm = d.s.vm(d.r);
        Estate.Server esx = d.s.esxOf(vm);
        String description = """
                Stale NFS file handles on ESXi hosts keep coming back after volume moves on %s: %d incidents in the last quarter,
                the last one on %s (%s), where %s hung for %d minutes.
                Every time the fix is a remount (see the runbook "NFS stale file handle on ESXi"); we want it not to happen.
                """.formatted(a.name(), d.between(3, 9), esx.name(), esx.fqdn(), vm.shortName(), d.between(15, 95));
        return new Draft("Problem: recurring NFS stale file handles after ONTAP volume moves", "High", description,
                List.of("Root cause: the volumes are mounted by junction paths that the automation re-creates after a vol move; the file handle "
                        + "ESXi cached belongs to the old junction.",
                        "Changed the move procedure: junction paths are kept (volume move start ... -cutover-action wait), and the ESXi hosts of "
                                + d.s.clusterOf(esx) + " mount the LIF by name.",
                        "Two volume moves since, no stale handles. Known error closed."),
                "Fixed", List.of("problem", "nfs", "netapp", "stale-file-handle"), List.of("Storage", "VMware"));
    }
}
