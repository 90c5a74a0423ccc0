package com.enreach.tools.plugin.demo;

import java.util.ArrayList;
import java.util.List;

import com.enreach.tools.plugin.demo.WikiPage.Ctx;

/** The how-tos and on-call pages of the OPS space. */
final class HowtoPages {
    private HowtoPages() {
    }

    static List<WikiPage> howtos(long parent) {
        List<WikiPage> pages = new ArrayList<>();
        long id = parent;
        pages.add(new WikiPage(++id, "OPS", "How to put an ESXi host into maintenance mode", parent, List.of("how-to", "esxi"), HowtoPages::maintenance));
        pages.add(new WikiPage(++id, "OPS", "How to restore files from a Commvault VM backup", parent, List.of("how-to", "backup", "restore"), HowtoPages::restore));
        pages.add(new WikiPage(++id, "OPS", "How to add a new node to Puppet and Foreman", parent, List.of("how-to", "puppet", "foreman"), HowtoPages::newNode));
        pages.add(new WikiPage(++id, "OPS", "How to grow an NFS datastore", parent, List.of("how-to", "storage", "nfs"), HowtoPages::growDatastore));
        pages.add(new WikiPage(++id, "OPS", "How to look up a machine in the inventory", parent, List.of("how-to", "inventory"), HowtoPages::lookup));
        pages.add(new WikiPage(++id, "OPS", "How to replace a switch", parent, List.of("how-to", "network"), HowtoPages::replaceSwitch));
        return pages;
    }

    static List<WikiPage> oncall(long parent) {
        return List.of(new WikiPage(parent + 1, "OPS", "On-call handbook", parent, List.of("on-call"), HowtoPages::handbook),
                new WikiPage(parent + 2, "OPS", "Escalation matrix", parent, List.of("on-call", "escalation"), HowtoPages::escalation));
    }

    static String maintenance(Ctx c) {
        Estate.Server esx = c.s().esx(c.r());
        return new Html().h(1, "Put an ESXi host into maintenance mode")
                .ol(List.of("Check the cluster has room: the remaining hosts must carry the load (HA admission control)",
                        "Enter maintenance mode from vCenter; DRS evacuates the VMs (large VMs may take minutes each)",
                        "VMs pinned by a must-run rule block the evacuation: move them by hand or relax the rule",
                        "Do the work, exit maintenance mode, check the NFS datastores are mounted"))
                .code("powershell", """
                        Connect-VIServer vcsa-%s.%s
                        Get-VMHost %s | Set-VMHost -State Maintenance -Evacuate
                        Get-VMHost %s | Set-VMHost -State Connected
                        """.formatted(esx.site(), Estate.DOMAIN, esx.fqdn(), esx.fqdn()))
                .p("Example: " + esx.name() + " in " + c.s().clusterOf(esx) + ".")
                .toString();
    }

    static String restore(Ctx c) {
        Html h = new Html().h(1, "Restore files from a Commvault VM backup")
                .ol(List.of("CommCell console > Client Computers > the vCenter client > Virtual Server > the VM", "Browse and Restore > Guest Files and Folders",
                        "Pick the point in time, select the files", "Restore in place (overwrite) or to another destination path"))
                .note("File-level restore from Linux guests needs the File Recovery Enabler on the MediaAgent " + c.s().mediaAgent().fqdn() + ".");
        if (c.s().hasVms()) {
            Estate.Vm vm = c.s().linuxVm(c.r());
            h.p("Example: /etc/nginx of " + vm.fqdn() + " restored from the VM backup of " + vm.vcenterName() + ".");
        }
        return h.toString();
    }

    static String newNode(Ctx c) {
        Subjects.Node ps = c.s().puppetServer();
        return new Html().h(1, "Add a new node to Puppet and Foreman")
                .ol(List.of("Create the host in Foreman with its host group (Base/<role>) and location", "Provision (PXE or from the vCenter template)",
                        "The first agent run sends a CSR; Foreman's autosign covers managed hosts", "Check facts in PuppetDB and the host's status in Foreman"))
                .code("bash", """
                        puppet config set server %s --section main
                        puppet agent -t --waitforcert 60
                        # on %s if autosign is off
                        puppetserver ca sign --certname <fqdn>
                        """.formatted(ps.fqdn(), ps.name()))
                .toString();
    }

    static String growDatastore(Ctx c) {
        Estate.Array a = c.s().netapp(c.r());
        String vol = Subjects.volume(a, 1);
        return new Html().h(1, "Grow an NFS datastore")
                .p("NFS datastores grow online: resize the volume on the array, vSphere sees the new size at the next refresh.")
                .code("bash", """
                        volume size -vserver svm_%s -volume %s +2TB
                        # ESXi: refresh
                        esxcli storage filesystem rescan
                        """.formatted(a.site(), vol))
                .p("Datastore of this example: " + Subjects.datastore(a, 1) + " on " + a.name() + ".")
                .toString();
    }

    static String lookup(Ctx c) {
        Subjects.Node n = c.s().hasVms() ? Subjects.Node.of(c.s().vm(c.r())) : Subjects.Node.of(c.s().server(c.r()));
        return new Html().h(1, "Look up a machine in the inventory")
                .p("The master database unifies what vCenter, Foreman, PuppetDB, Oxidized, Commvault and the arrays know about a machine.")
                .code("bash", """
                        bin/enreach entities show %s
                        bin/enreach entities list --q %s
                        bin/enreach search "backup failure %s"
                        """.formatted(n.name(), n.ip(), n.name()))
                .p("The entity page lists the tickets and runbooks that mention the machine by name, FQDN (" + n.fqdn() + ") or address.")
                .toString();
    }

    static String replaceSwitch(Ctx c) {
        Estate.Switch sw = c.s().sw(c.r());
        return new Html().h(1, "Replace a switch")
                .ol(List.of("Get the last configuration from Oxidized (Git history of " + sw.name() + ")", "RMA the unit with the serial " + sw.serial(),
                        "Rack the new unit, console in, paste the base configuration, restore the rest", "Update the serial in the inventory source",
                        "Check Oxidized fetches the configuration of the new unit"))
                .table(List.of("Switch", "Model", "Management address", "Firmware"), List.of(List.of(sw.name(), sw.model(), sw.mgmtIp(), sw.firmware())))
                .toString();
    }

    static String handbook(Ctx c) {
        return new Html().h(1, "On-call handbook")
                .h(2, "Before your week").ul(List.of("VPN and jump host access work", "You can log in to vCenter, the CommCell console and the arrays",
                        "You have the escalation matrix at hand"))
                .h(2, "When paged").ol(List.of("Acknowledge in the paging tool within 15 minutes", "Open or update the incident in Jira (project OPS)",
                        "Find the runbook: search the wiki for the alert's name or the host", "Escalate when the runbook does not help within 30 minutes"))
                .h(2, "Key systems").table(List.of("System", "Host"), List.of(
                        List.of("CommServe", c.s().commServe().fqdn()), List.of("PuppetDB", c.s().puppetDb().fqdn()),
                        List.of("Puppet server", c.s().puppetServer().fqdn()), List.of("Oxidized", c.s().oxidized().fqdn()),
                        List.of("Monitoring", c.s().monitoring().fqdn())))
                .toString();
    }

    static String escalation(Ctx c) {
        return new Html().h(1, "Escalation matrix")
                .table(List.of("Area", "First line", "Second line", "Vendor"), List.of(
                        List.of("VMware", "OPS on-call", People.OPS[0], "VMware support (contract VS-4711)"),
                        List.of("Storage", "OPS on-call", People.STOR[0], "NetApp / Huawei support"),
                        List.of("Network", "NET on-call", People.NET[0], "TAC per vendor"),
                        List.of("Backup", "OPS on-call", People.OPS[2], "Commvault support"),
                        List.of("Puppet / Foreman", "OPS on-call", People.OPS[1], "-")))
                .p("Priority Highest: call the second line at once, day or night. Vendor remote sessions go through the jump host "
                        + c.s().service(3).fqdn() + ".")
                .toString();
    }
}
