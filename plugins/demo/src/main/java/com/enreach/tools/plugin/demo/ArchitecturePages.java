package com.enreach.tools.plugin.demo;

import java.util.ArrayList;
import java.util.List;

import com.enreach.tools.plugin.demo.WikiPage.Ctx;

/** The INFRA space: sites, clusters, storage, network, backup and configuration management, from the estate itself. */
final class ArchitecturePages {
    static final int MAX_CLUSTER_PAGES = 8;
    private static final int MAX_ROWS = 40;

    private ArchitecturePages() {
    }

    static List<WikiPage> sites(long parent) {
        List<WikiPage> pages = new ArrayList<>();
        for (int s = 0; s < Estate.SITES.length; s++) {
            int site = s;
            pages.add(new WikiPage(parent + 1 + s, "INFRA", "Site " + Estate.SITE_NAMES[s] + " (" + Estate.SITES[s] + ")", parent,
                    List.of("architecture", "site", Estate.SITES[s]), c -> site(c, site)));
        }
        return pages;
    }

    static List<WikiPage> clusters(long parent, Estate e) {
        List<WikiPage> pages = new ArrayList<>();
        for (int i = 0; i < Math.min(e.clusters, MAX_CLUSTER_PAGES); i++) {
            int cluster = i;
            pages.add(new WikiPage(parent + 1 + i, "INFRA", "Cluster " + e.clusterName(i), parent, List.of("architecture", "vmware", "cluster"),
                    c -> cluster(c, cluster)));
        }
        return pages;
    }

    static List<WikiPage> overviews(long parent) {
        return List.of(new WikiPage(parent + 1, "INFRA", "Storage arrays", parent, List.of("architecture", "storage"), ArchitecturePages::storage),
                new WikiPage(parent + 2, "INFRA", "Network: switches and management addresses", parent, List.of("architecture", "network"), ArchitecturePages::network),
                new WikiPage(parent + 3, "INFRA", "Backup architecture (Commvault)", parent, List.of("architecture", "backup"), ArchitecturePages::backup),
                new WikiPage(parent + 4, "INFRA", "Configuration management: Foreman, Puppet and PuppetDB", parent, List.of("architecture", "puppet"),
                        ArchitecturePages::configManagement));
    }

    static String site(Ctx c, int s) {
        Estate e = c.e();
        List<List<String>> clusters = new ArrayList<>();
        for (int j = s; j < e.clusters && clusters.size() < MAX_ROWS; j += Estate.SITES.length) {
            clusters.add(List.of(e.clusterName(j), Integer.toString((e.hosts - j + e.clusters - 1) / e.clusters), j % 3 != 0 ? "on" : "off"));
        }
        List<List<String>> arrays = new ArrayList<>();
        for (int a = s; a < e.arrays && arrays.size() < MAX_ROWS; a += Estate.SITES.length) {
            Estate.Array x = e.array(a);
            arrays.add(List.of(x.name(), x.vendor() + " " + x.model(), x.serial()));
        }
        List<List<String>> switches = new ArrayList<>();
        for (int w = s; w < e.switches && switches.size() < MAX_ROWS; w += Estate.SITES.length) {
            Estate.Switch x = e.networkDevice(w);
            switches.add(List.of(x.name(), x.model(), x.mgmtIp()));
        }
        Html h = new Html().h(1, "Site " + Estate.SITE_NAMES[s])
                .p("Data centre " + Estate.SITE_NAMES[s] + " (code " + Estate.SITES[s] + ", vCenter datacenter DC-" + Estate.SITES[s].toUpperCase(java.util.Locale.ROOT)
                        + "). Racks " + Estate.SITES[s].toUpperCase(java.util.Locale.ROOT) + "-R01 to -R40, dual power feeds, remote hands 24/7.")
                .h(2, "Compute clusters").table(List.of("Cluster", "ESXi hosts", "DRS"), clusters)
                .h(2, "Storage").table(List.of("Array", "Model", "Serial"), arrays)
                .h(2, "Network").table(List.of("Switch", "Model", "Management address"), switches)
                .p("Monitored from " + c.s().monitoring().fqdn() + "; out-of-band access through the site's console servers.");
        if (switches.size() == MAX_ROWS) {
            h.p("Only the first " + MAX_ROWS + " switches are listed; the inventory has them all.");
        }
        return h.toString();
    }

    static String cluster(Ctx c, int j) {
        Estate e = c.e();
        List<List<String>> hosts = new ArrayList<>();
        for (int h = j; h < e.hosts && hosts.size() < MAX_ROWS; h += e.clusters) {
            Estate.Server x = e.host(h);
            hosts.add(List.of(x.name(), x.ip(), x.vendor() + " " + x.model(), x.cpus() + " cores / " + (x.memoryBytes() >> 30) + " GB", x.rack()));
        }
        return new Html().h(1, "Cluster " + e.clusterName(j))
                .p("vSphere 8 cluster, HA on, DRS " + (j % 3 != 0 ? "fully automated" : "off (licensing)") + ", EVC Intel Ice Lake. "
                        + "VM networks on a distributed switch, NFS datastores from the NetApp arrays, VMFS on the Dorado LUNs.")
                .h(2, "Hosts").table(List.of("Host", "Management address", "Hardware", "CPU / memory", "Rack"), hosts)
                .h(2, "Operations").ul(List.of("Patching: one host at a time with vLCM, see the change template",
                        "Maintenance mode: see the how-to in the OPS space", "Capacity: N+1, keep memory under 80%"))
                .toString();
    }

    static String storage(Ctx c) {
        Estate e = c.e();
        List<List<String>> rows = new ArrayList<>();
        for (int a = 0; a < e.arrays && rows.size() < MAX_ROWS; a++) {
            Estate.Array x = e.array(a);
            rows.add(List.of(x.name(), Estate.siteName(a), x.vendor(), x.model(), Integer.toString(x.capacityTb()),
                    Subjects.volume(x, 0) + " ... " + Subjects.volume(x, StorageView.VOLUMES_PER_ARRAY - 1)));
        }
        return new Html().h(1, "Storage arrays")
                .p("Huawei OceanStor Dorado arrays serve block storage (VMFS over FC); NetApp AFF arrays serve NFS datastores and file shares. "
                        + "Every array has " + StorageView.VOLUMES_PER_ARRAY + " volumes or LUNs, one per service role.")
                .table(List.of("Array", "Site", "Vendor", "Model", "Capacity (TB)", "Volumes"), rows)
                .toString();
    }

    static String network(Ctx c) {
        Estate e = c.e();
        List<List<String>> rows = new ArrayList<>();
        for (int w = 0; w < e.switches && rows.size() < MAX_ROWS; w += 4) {
            Estate.Switch x = e.networkDevice(w);
            rows.add(List.of(x.name(), x.model(), x.mgmtIp(), x.firmware()));
        }
        return new Html().h(1, "Network: switches and management addresses")
                .p("Leaf-spine per site: core switches (name -core-) and top-of-rack switches (-tor-). Every ESXi host and server is dual-homed; "
                        + "management addresses are in 10.255.0.0/16 (out of band), NTP 10.0.0.1 and 10.0.0.2.")
                .h(2, "Core switches").table(List.of("Switch", "Model", "Management", "Firmware"), rows)
                .code("text", e.switchConfig(e.networkDevice(0)))
                .toString();
    }

    static String backup(Ctx c) {
        return new Html().h(1, "Backup architecture (Commvault)")
                .ul(List.of("CommServe: " + c.s().commServe().fqdn(), "MediaAgent: " + c.s().mediaAgent().fqdn() + " (deduplication database on NVMe)",
                        "VMs: Virtual Server Agent, nightly incrementals, synthetic full on Sundays, 30 days retention",
                        "Physical servers: file system agent, clients named like the server"))
                .h(2, "SLA").table(List.of("Class", "RPO", "Retention"), List.of(List.of("daily", "24 h", "30 days"), List.of("database", "4 h", "35 days")))
                .toString();
    }

    static String configManagement(Ctx c) {
        return new Html().h(1, "Configuration management")
                .p("Foreman provisions hosts and holds host groups, locations and environments; Puppet configures them; PuppetDB stores facts, "
                        + "catalogs and reports.")
                .table(List.of("Role", "Host", "Address"), List.of(
                        List.of("Puppet server / CA", c.s().puppetServer().fqdn(), c.s().puppetServer().ip()),
                        List.of("PuppetDB", c.s().puppetDb().fqdn(), c.s().puppetDb().ip()),
                        List.of("Oxidized", c.s().oxidized().fqdn(), c.s().oxidized().ip())))
                .code("bash", "curl -s http://" + c.s().puppetDb().fqdn() + ":8080/pdb/query/v4/nodes | jq length")
                .toString();
    }
}
