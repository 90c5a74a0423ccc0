package com.enreach.tools.plugin.demo;

import java.util.ArrayList;
import java.util.List;

import com.enreach.tools.plugin.demo.WikiPage.Ctx;

/** The runbooks of the OPS space: symptoms, diagnosis, fix, with the estate's machines as worked examples. */
final class RunbookPages {
    static final String NFS = "Runbook: NFS stale file handle on ESXi";
    static final String BACKUP = "Runbook: Commvault VM backup failures";
    static final String PUPPET = "Runbook: Puppet agent not reporting";
    static final String OXIDIZED = "Runbook: Oxidized configuration backup failures";
    static final String VOLUME_FULL = "Runbook: ONTAP volume or Dorado pool full";
    static final String PORT_FLAP = "Runbook: Switch port flapping";
    static final String HOST_NOT_RESPONDING = "Runbook: ESXi host not responding";
    static final String BALLOONING = "Runbook: VM memory ballooning";
    static final String CERTIFICATES = "Runbook: Certificate expiry and renewal";
    static final String NTP = "Runbook: NTP drift";
    static final String DISK = "Runbook: Disk failure on a physical server";
    static final String FILESYSTEM = "Runbook: Filesystem full on a Linux VM";
    static final String DUPLICATE_IP = "Runbook: Duplicate IP address";
    private RunbookPages() {
    }

    static List<WikiPage> all(long parent) {
        List<WikiPage> pages = new ArrayList<>();
        long id = parent;
        pages.add(page(++id, parent, NFS, List.of("runbook", "nfs", "esxi", "netapp"), RunbookPages::nfs));
        pages.add(page(++id, parent, BACKUP, List.of("runbook", "backup", "commvault"), RunbookPages::backup));
        pages.add(page(++id, parent, PUPPET, List.of("runbook", "puppet", "puppetdb"), RunbookPages::puppet));
        pages.add(page(++id, parent, OXIDIZED, List.of("runbook", "oxidized", "network"), RunbookPages::oxidized));
        pages.add(page(++id, parent, VOLUME_FULL, List.of("runbook", "storage", "capacity"), RunbookPages::volumeFull));
        pages.add(page(++id, parent, PORT_FLAP, List.of("runbook", "network", "port-flap"), RunbookPages::portFlap));
        pages.add(page(++id, parent, HOST_NOT_RESPONDING, List.of("runbook", "esxi", "vcenter"), RunbookPages::hostNotResponding));
        pages.add(page(++id, parent, BALLOONING, List.of("runbook", "vmware", "memory"), RunbookPages::ballooning));
        pages.add(page(++id, parent, CERTIFICATES, List.of("runbook", "pki", "tls"), RunbookPages::certificates));
        pages.add(page(++id, parent, NTP, List.of("runbook", "ntp"), RunbookPages::ntp));
        pages.add(page(++id, parent, DISK, List.of("runbook", "hardware", "raid"), RunbookPages::disk));
        pages.add(page(++id, parent, FILESYSTEM, List.of("runbook", "linux", "disk-space"), RunbookPages::filesystem));
        pages.add(page(++id, parent, DUPLICATE_IP, List.of("runbook", "network", "ip-conflict"), RunbookPages::duplicateIp));
        return pages;
    }

    private static WikiPage page(long id, long parent, String title, List<String> labels, java.util.function.Function<Ctx, String> body) {
        return new WikiPage(id, "OPS", title, parent, labels, body);
    }

    private static List<List<String>> examples(Ctx c, List<Subjects.Node> nodes, List<String> notes) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Subjects.Node n = nodes.get(i);
            rows.add(List.of(n.name(), n.fqdn(), n.ip(), notes.get(i % notes.size())));
        }
        return rows;
    }

    private static final List<String> EXAMPLE_HEADERS = List.of("Host", "FQDN", "Address", "What happened");

    static String nfs(Ctx c) {
        Estate.Vm vm = c.s().hasVms() ? c.s().vm(c.r()) : null;
        Estate.Server esx = vm != null ? c.s().esxOf(vm) : c.s().esx(c.r());
        Estate.Array a = c.s().netapp(c.r());
        String ds = Subjects.datastore(a, 2);
        Html h = new Html().h(1, "NFS stale file handle on ESXi")
                .p("An ESXi host keeps an NFSv3 datastore mounted after the volume behind it changed on the NetApp (volume move, SVM failover, "
                        + "snapshot restore, re-created export policy). The host then gets NFS3ERR_STALE for every file handle: the datastore shows "
                        + "as inaccessible on that host and its VMs hang on I/O.")
                .h(2, "Symptoms")
                .ul(List.of("vCenter alarm \"Cannot connect to storage\" or the datastore greyed out on one or a few hosts",
                        "VM consoles frozen, guests log I/O timeouts (blk_update_request: I/O error)",
                        "vmkernel.log: \"NFS: Failed to get attributes (Stale file handle)\""))
                .h(2, "Diagnosis")
                .code("bash", """
                        # on the ESXi host (SSH)
                        esxcli storage nfs list
                        grep -i stale /var/log/vmkernel.log | tail
                        vmkping -I vmk1 <LIF address>
                        """)
                .p("If other hosts still see the datastore and vmkping answers, it is the stale handle, not the network. On the array, check "
                        + "for a volume move or restore at the time the errors started (event log show -time >1h).")
                .h(2, "Fix")
                .ol(List.of("vMotion the VMs that still respond to another host",
                        "Remove and re-add the datastore on the affected host (the VMs on it stay registered)",
                        "Rescan and check the VMs resume I/O; reboot guests that stay hung"))
                .code("bash", """
                        esxcli storage nfs remove -v %s
                        esxcli storage nfs add -H %s-nfs.%s -s /%s -v %s
                        """.formatted(ds, a.name(), Estate.DOMAIN, Subjects.volume(a, 2), ds))
                .note("Do not unmount from vCenter for all hosts at once: that powers off nothing but makes every VM on the datastore inaccessible.");
        List<Subjects.Node> seen = new ArrayList<>(List.of(Subjects.Node.of(esx)));
        seen.add(Subjects.Node.of(c.s().esx(c.r())));
        if (vm != null) {
            seen.add(Subjects.Node.of(vm));
        }
        h.h(2, "Seen in our estate").table(EXAMPLE_HEADERS, examples(c, seen,
                List.of("lost " + ds + " after a vol move on " + a.name(), "remounted after the ONTAP upgrade", "VM hung until the remount")));
        return h.toString();
    }

    static String backup(Ctx c) {
        Subjects.Node cs = c.s().commServe();
        Html h = new Html().h(1, "Commvault VM backup failures")
                .p("Our VMs are backed up nightly by the Commvault Virtual Server Agent (VSA) through the CommServe " + cs.fqdn()
                        + " and the MediaAgent " + c.s().mediaAgent().fqdn() + ". A failed job leaves an alert in the CommCell console and the VM in "
                        + "the report of VMs without a successful backup.")
                .h(2, "Common errors")
                .table(List.of("Error", "Meaning", "Fix"), List.of(
                        List.of("[91:75] Failed to quiesce the virtual machine", "VSS or the VMware Tools sync driver timed out in the guest",
                                "restart the VSS writers / Tools, retry; for SQL VMs see the known error below"),
                        List.of("[91:15] Unable to open the disk", "a previous job left the disk hot-added to the proxy",
                                "remove the disk from the proxy VM (do not delete), consolidate the VM"),
                        List.of("[91:303] Changed Block Tracking invalid", "CBT reset needed", "reset CBT, run a full backup"),
                        List.of("[19:1131] Unable to connect to the MediaAgent", "MediaAgent down or its index cache full", "clean the cache, restart services"),
                        List.of("[91:97] VM needs consolidation", "orphaned snapshots", "consolidate in vCenter, retry")))
                .h(2, "Diagnosis")
                .code("bash", """
                        # on the VSA proxy: the job's log
                        grep <job id> /opt/commvault/Log_Files/vsbkp.log
                        # in the guest (Windows)
                        vssadmin list writers
                        """)
                .h(2, "Resetting CBT")
                .ol(List.of("Power off the VM (or use the PowerCLI script for a stun-only reset)", "Set ctkEnabled = FALSE in the VM's advanced settings",
                        "Delete the *-ctk.vmdk files from the VM's folder", "Enable CBT again and power on", "Run a full backup"));
        if (c.s().hasVms()) {
            Estate.Vm f = c.s().failedBackupVm(c.r());
            Estate.Vm o = c.s().oldBackupVm(c.r());
            h.h(2, "Seen in our estate").table(EXAMPLE_HEADERS, examples(c, List.of(Subjects.Node.of(f), Subjects.Node.of(o)),
                    List.of("quiesce failure, job " + (5_000_000L + f.index() * 2L), "no backup for weeks: subclient content rule missed the VM")));
        }
        return h.toString();
    }

    static String puppet(Ctx c) {
        Subjects.Node ps = c.s().puppetServer();
        Subjects.Node pdb = c.s().puppetDb();
        Subjects.Node stale = c.s().stalePuppetNode(c.r());
        return new Html().h(1, "Puppet agent not reporting")
                .p("Agents run every 30 minutes against " + ps.fqdn() + " and store facts and reports in PuppetDB on " + pdb.fqdn()
                        + ". A node whose facts are older than a day shows up in Foreman as \"Out of sync\" and in the inventory's stale facts report.")
                .h(2, "Diagnosis")
                .code("bash", """
                        # on the node
                        puppet agent -t --noop
                        cat /opt/puppetlabs/puppet/cache/state/agent_disabled.lock
                        systemctl status puppet
                        # in PuppetDB
                        curl -s 'http://localhost:8080/pdb/query/v4/nodes/%s' | jq .facts_timestamp
                        """.formatted(stale.fqdn()))
                .h(2, "Causes and fixes")
                .table(List.of("Cause", "Fix"), List.of(
                        List.of("agent disabled and forgotten", "puppet agent --enable"),
                        List.of("certificate revoked or CA rotated", "puppetserver ca clean --certname <fqdn> on the server, remove the node's ssl dir, run the agent"),
                        List.of("clock skew", "fix chrony, then run the agent"),
                        List.of("service masked by the image build", "systemctl unmask puppet && systemctl enable --now puppet")))
                .h(2, "Seen in our estate").table(EXAMPLE_HEADERS, examples(c, List.of(stale, c.s().stalePuppetNode(c.r())),
                        List.of("agent disabled during a DB migration", "certificate revoked after the CA rotation")))
                .toString();
    }

    static String oxidized(Ctx c) {
        Subjects.Node ox = c.s().oxidized();
        Estate.Switch sw = c.s().unreachableSwitch(c.r());
        return new Html().h(1, "Oxidized configuration backup failures")
                .p("Oxidized on " + ox.fqdn() + " fetches the running configuration of every switch every hour and commits changes to Git. "
                        + "A device with last status no_connection has no current backup.")
                .h(2, "Diagnosis")
                .code("bash", """
                        curl -s http://localhost:8888/nodes.json | jq '.[] | select(.status != "success") | {name, ip, status}'
                        ssh -v oxidized@%s
                        """.formatted(sw.mgmtIp()))
                .ul(List.of("authentication refused: check the TACACS+ group of the device and the local fallback user",
                        "no matching host key type: the device offers only ssh-rsa; generate an ecdsa key",
                        "timeout: management ACL or VRF does not allow " + ox.ip(),
                        "wrong model in the node source: nxos / eos / junos"))
                .h(2, "Force a run")
                .code("bash", "curl -s http://localhost:8888/node/next/" + sw.name())
                .h(2, "Seen in our estate").table(EXAMPLE_HEADERS, examples(c, List.of(Subjects.Node.of(sw)), List.of("never backed up: TACACS+ rejects the oxidized user")))
                .toString();
    }

    static String volumeFull(Ctx c) {
        Estate.Array n = c.s().netapp(c.r());
        Estate.Array h = c.s().dorado(c.r());
        return new Html().h(1, "ONTAP volume or Dorado storage pool full")
                .h(2, "NetApp ONTAP")
                .code("bash", """
                        volume show -vserver svm_%s -fields size,used,percent-used,autosize-mode,snapshot-space-used
                        volume size -vserver svm_%s -volume %s +2TB
                        volume autosize -vserver svm_%s -volume %s -mode grow -maximum-size 20TB
                        volume snapshot show -vserver svm_%s -volume %s
                        """.formatted(n.site(), n.site(), Subjects.volume(n, 3), n.site(), Subjects.volume(n, 3), n.site(), Subjects.volume(n, 3)))
                .p("Check the aggregate first (storage aggregate show-space). Deleting snapshots frees space only when no SnapMirror relationship needs them.")
                .h(2, "Huawei OceanStor Dorado")
                .ol(List.of("DeviceManager > Provisioning > Storage Pools: used capacity and the threshold (80% warning, 90% major)",
                        "Reclaim from the hosts: esxcli storage vmfs unmap -l <datastore>",
                        "Delete expired HyperSnap snapshots", "Plan expansion when the pool stays above 80% after reclaiming"))
                .h(2, "Arrays").table(List.of("Array", "Model", "Serial", "Capacity (TB)"), List.of(
                        List.of(n.name(), n.model(), n.serial(), Integer.toString(n.capacityTb())),
                        List.of(h.name(), h.model(), h.serial(), Integer.toString(h.capacityTb()))))
                .toString();
    }

    static String portFlap(Ctx c) {
        Estate.Server esx = c.s().esx(c.r());
        Estate.Switch sw = c.s().switchOf(esx);
        String port = c.s().portOf(esx);
        return new Html().h(1, "Switch port flapping")
                .p("A server port that goes up and down costs redundancy (ESXi: \"Network uplink redundancy lost\") and, on single-homed "
                        + "servers, connectivity. Almost always layer 1: cable, optic, or NIC firmware.")
                .h(2, "Diagnosis")
                .code("text", """
                        show logging last 50 | include %s
                        show interface %s
                        show interface %s transceiver details
                        show interface %s counters errors
                        """.formatted(port, port, port, port))
                .p("Match the port to the server with LLDP/CDP (show lldp neighbors interface " + port + ") or the cabling sheet; on the ESXi side: "
                        + "esxcli network nic stats get -n vmnic1.")
                .h(2, "Fix")
                .ol(List.of("Shut the port if the flapping disturbs the peer (shutdown), the other uplink carries the traffic",
                        "Replace the DAC or optic (remote hands: rack and port from the inventory)", "Clear the counters and watch for 24 h"))
                .h(2, "Example").table(List.of("Switch", "Port", "Server", "Rack"), List.of(List.of(sw.name(), port, esx.fqdn(), esx.rack())))
                .toString();
    }

    static String hostNotResponding(Ctx c) {
        Estate.Server esx = c.s().esx(c.r());
        return new Html().h(1, "ESXi host not responding in vCenter")
                .p("The VMs keep running, but the host cannot be managed. Do not reboot the host first: restart the management agents.")
                .h(2, "Steps")
                .ol(List.of("Ping the management address and try SSH (enable it from the DCUI if needed)",
                        "Check the ramdisks: vdf -h (a full /var/log stops hostd)", "Restart hostd and vpxa",
                        "If the host stays disconnected: remove it from the inventory and add it again (VMs keep running)"))
                .code("bash", """
                        ssh root@%s
                        vdf -h
                        /etc/init.d/hostd restart
                        /etc/init.d/vpxa restart
                        """.formatted(esx.fqdn()))
                .note("Last seen on " + esx.name() + " (" + c.s().clusterOf(esx) + "): hostd ran out of memory after a log storm.")
                .toString();
    }

    static String ballooning(Ctx c) {
        Estate.Server esx = c.s().esx(c.r());
        return new Html().h(1, "VM memory ballooning")
                .p("Ballooning means the host is short of memory and reclaims it from guests. A few hundred MB now and then is harmless; "
                        + "GBs over hours slow the guests down and lead to swapping.")
                .h(2, "Check")
                .code("bash", "esxtop   # press m: MEMCTL/MB per VM, host state high/soft/hard/low")
                .ul(List.of("DRS mode of the cluster (fully automated?)", "affinity rules that pin VMs to one host",
                        "hosts in maintenance mode", "memory reservations and limits on the VMs"))
                .h(2, "Fix")
                .ul(List.of("vMotion large VMs away, let DRS rebalance", "remove stale rules", "reserve memory for databases",
                        "a VM resized in vCenter without memory hot-add needs a reboot before the guest sees the new size"))
                .note("Example: " + esx.name() + " (" + esx.memoryBytes() / (1L << 30) + " GB) in " + c.s().clusterOf(esx)
                        + " ran at 97% during the last maintenance of its cluster.")
                .toString();
    }

    static String certificates(Ctx c) {
        Estate.Vm vm = c.s().hasVms() ? c.s().vmOfRole(c.r(), "web") : null;
        Subjects.Node node = vm != null ? Subjects.Node.of(vm) : Subjects.Node.of(c.s().server(c.r()));
        return new Html().h(1, "Certificate expiry and renewal")
                .p("Public names use ACME (certbot, HTTP-01); internal ones the internal CA with one-year certificates deployed by Puppet. "
                        + "Monitoring warns 21 days before expiry.")
                .h(2, "Check a certificate")
                .code("bash", """
                        echo | openssl s_client -connect %s:443 -servername %s 2>/dev/null | openssl x509 -noout -subject -issuer -enddate
                        """.formatted(node.ip(), node.fqdn()))
                .h(2, "Renew")
                .table(List.of("Kind", "How"), List.of(List.of("ACME", "certbot renew --cert-name <name>; check the timer: systemctl list-timers certbot"),
                        List.of("internal CA", "request with the CSR from the node, put the certificate in hiera (eyaml), run Puppet"),
                        List.of("ESXi / vCenter", "Certificate Management in vCenter, renew the machine SSL certificate")))
                .p("After deploying: nginx -t && systemctl reload nginx (a renewed file does nothing until the reload).")
                .note("Expired last time on " + node.fqdn() + ": the certbot timer had failed for two months.")
                .toString();
    }

    static String ntp(Ctx c) {
        Estate.Server esx = c.s().esx(c.r());
        return new Html().h(1, "NTP drift")
                .p("Everything synchronises to 10.0.0.1 and 10.0.0.2 (stratum 2). More than 5 minutes of skew breaks Kerberos and TLS; "
                        + "a few seconds already scramble log correlation.")
                .h(2, "Check")
                .code("bash", """
                        # Linux
                        chronyc tracking
                        chronyc sources -v
                        # ESXi
                        esxcli system ntp get
                        esxcli system ntp test
                        """)
                .h(2, "Fix on ESXi")
                .code("bash", "esxcli system ntp set --server=10.0.0.1 --server=10.0.0.2 --enabled=true")
                .note("Seen on " + esx.fqdn() + ": the firewall rule for UDP 123 from the management network had been removed.")
                .toString();
    }

    static String disk(Ctx c) {
        Estate.Server s = c.s().server(c.r());
        return new Html().h(1, "Disk failure on a physical server")
                .table(List.of("Vendor", "Controller", "Management", "Check"), List.of(
                        List.of("Dell Inc.", "PERC H755", "iDRAC", "racadm storage get pdisks -o"),
                        List.of("HPE", "Smart Array P408i-a", "iLO", "ssacli ctrl all show config detail"),
                        List.of("Lenovo", "ThinkSystem RAID 940-8i", "XClarity Controller", "storcli64 /c0 show all")))
                .ol(List.of("Confirm the slot and that the virtual disk is still redundant", "Open a vendor case with the serial number",
                        "Hot-swap the disk (remote hands, rack from the inventory)", "Watch the rebuild; no second disk change during it"))
                .p("Example: " + s.name() + " (" + s.vendor() + " " + s.model() + ", serial " + s.serial() + ", rack " + s.rack() + ").")
                .toString();
    }

    static String filesystem(Ctx c) {
        Estate.Vm vm = c.s().hasVms() ? c.s().linuxVm(c.r()) : null;
        Html h = new Html().h(1, "Filesystem full on a Linux VM")
                .code("bash", """
                        df -h
                        du -xh --max-depth=1 /var | sort -h | tail
                        journalctl --disk-usage
                        lsof +L1   # deleted files still held open
                        """)
                .table(List.of("Usual suspect", "Fix"), List.of(List.of("journald", "journalctl --vacuum-size=2G; SystemMaxUse=2G"),
                        List.of("PostgreSQL WAL", "an inactive replication slot holds WAL: drop it"),
                        List.of("Docker", "docker system prune -af --filter until=168h"),
                        List.of("logrotate broken", "logrotate -d /etc/logrotate.conf shows the error")));
        Subjects.Node n = vm != null ? Subjects.Node.of(vm) : Subjects.Node.of(c.s().server(c.r()));
        h.note("Example: " + n.fqdn() + " (" + n.ip() + ") filled /var with 40 GB of journal.");
        return h.toString();
    }

    static String duplicateIp(Ctx c) {
        Html h = new Html().h(1, "Duplicate IP address")
                .p("Two machines answering ARP for one address cause intermittent resets. Usually a clone brought up with its source's "
                        + "network configuration.")
                .code("bash", """
                        arping -I ens192 -c 3 <address>
                        show ip arp <address>   # on the gateway: the MAC flips between two values
                        """)
                .ol(List.of("Find both MACs; 00:50:56 is a VMware VM: search the MAC in the inventory", "Re-address the newer machine from IPAM",
                        "Clear the ARP entry on the gateway"))
                .p("The inventory's report of IP addresses claimed by two entities lists such pairs; the gateway of the server network is "
                        + c.s().switchOf(c.s().esx(c.r())).name() + ".");
        if (c.s().hasVms()) {
            Estate.Vm vm = c.s().duplicateIpVm(c.r());
            Estate.Vm other = c.s().e.vm(Math.max(0, vm.index() - 1));
            h.h(2, "Seen in our estate").table(EXAMPLE_HEADERS, examples(c, List.of(Subjects.Node.of(vm), Subjects.Node.of(other)),
                    List.of("clone of " + other.shortName(), "the original")));
        }
        return h.toString();
    }
}
