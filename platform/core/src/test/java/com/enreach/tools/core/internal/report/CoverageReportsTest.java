package com.enreach.tools.core.internal.report;

import static com.enreach.tools.core.internal.report.Estate.byName;
import static com.enreach.tools.core.internal.report.Estate.daysAgo;
import static com.enreach.tools.core.internal.report.Estate.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.inventory.ReportResult;

/** Coverage reports: each finding reported once, each near miss left out. */
class CoverageReportsTest extends EstateTest {
    @Test
    void vmsWithoutARecentSuccessfulBackup() {
        long recent = estate.entity("vm-recent", "vm");
        long d1 = estate.seen(recent, "vcenter", "vc-prod", "vm", "vm-recent");
        estate.backup("commvault", "cv-prod", "vm-recent", d1, null, daysAgo(2), "active");
        long old = estate.entity("vm-old", "vm");
        long d2 = estate.seen(old, "vcenter", "vc-prod", "vm", "vm-old");
        estate.backup("commvault", "cv-prod", "vm-old", d2, null, daysAgo(10), "active");
        // Linked only by the GUID the backup product knows the VM by (upper case there, normalised in identity_keys).
        long byGuid = estate.entity("vm-by-guid", "vm");
        long d3 = estate.seen(byGuid, "demo", "demo-vcenter", "vm", "vm-by-guid");
        estate.key(d3, "instance_uuid", "5032aaaa-0000-0000-0000-000000000001");
        estate.backup("demo", "demo-commvault", "vm-by-guid", null, "5032AAAA-0000-0000-0000-000000000001", daysAgo(1), "active");
        long never = estate.entity("vm-never", "vm");
        estate.seen(never, "vcenter", "vc-prod", "vm", "vm-never");
        long staleBackup = estate.entity("vm-stale-backup", "vm");
        long d5 = estate.seen(staleBackup, "vcenter", "vc-prod", "vm", "vm-stale-backup");
        estate.backup("commvault", "cv-prod", "vm-stale-backup", d5, null, daysAgo(1), "stale");
        long otherProduct = estate.entity("vm-veeam", "vm");
        long d6 = estate.seen(otherProduct, "vcenter", "vc-prod", "vm", "vm-veeam");
        estate.backup("veeam", "veeam-1", "vm-veeam", d6, null, daysAgo(1), "active");
        // Not VMs, or gone: never reported.
        estate.seen(estate.entity("srv-never", "server"), "foreman", "fm", "server", "srv-never");
        estate.seen(estate.entity("vm-gone", "vm", "stale"), "vcenter", "vc-prod", "vm", "vm-gone");

        ReportResult r = estate.run("vms-without-backup", Map.of());

        assertEquals(List.of("vm-never", "vm-old", "vm-stale-backup", "vm-veeam"), names(r));
        assertEquals(4, r.total());
        assertEquals(List.of("last_success_at", "backup_source", "backup_client", "last_job_status"), r.columns());
        Map<String, Object> oldRow = byName(r).get("vm-old");
        assertEquals(daysAgo(10), oldRow.get("last_success_at"));
        assertEquals("cv-prod", oldRow.get("backup_source"));
        assertNull(byName(r).get("vm-never").get("last_success_at"));
        assertNull(byName(r).get("vm-veeam").get("backup_source"), "a backup of another product is not a commvault backup");
        assertEquals("vm", r.rows().get(0).entityType());
        assertEquals(never, r.rows().get(0).entityId());
        assertEquals(Map.of("days", "7", "types", "vm", "backup_source", "*commvault*"), r.params());

        assertEquals(List.of("vm-never", "vm-stale-backup", "vm-veeam"), names(estate.run("vms-without-backup", Map.of("days", "30"))));
        assertEquals(List.of("vm-by-guid", "vm-never", "vm-old", "vm-recent", "vm-stale-backup"),
                names(estate.run("vms-without-backup", Map.of("backup_source", "veeam"))), "backup_source matches the source system too");
        assertEquals(List.of("vm-never", "vm-stale-backup"), names(estate.run("vms-without-backup", Map.of("backup_source", "*commvault*, veeam*",
                "days", "30"))));
    }

    @Test
    void serversKnownToTheInventoryWithoutRecentFacts() {
        long fresh = estate.entity("fresh", "server");
        estate.seen(fresh, "demo", "demo-foreman", "server", "fresh.example.com");
        estate.observation(fresh, "puppetdb", "pdb-prod", "server", "fresh.example.com", "active", "{\"facts_timestamp\":\"" + daysAgo(1) + "\"}");
        long noPuppet = estate.entity("no-puppet", "server");
        estate.seen(noPuppet, "foreman", "foreman-prod", "server", "no-puppet");
        long old = estate.entity("old-facts", "server");
        estate.seen(old, "foreman", "foreman-prod", "server", "old-facts");
        estate.observation(old, "puppetdb", "pdb-prod", "server", "old-facts", "active", "{\"facts_timestamp\":\"2026-02-01T08:00:00Z\"}");
        long byRow = estate.entity("facts-row", "vm");
        estate.seen(byRow, "foreman", "foreman-prod", "vm", "facts-row");
        estate.facts(estate.seen(byRow, "puppetdb", "pdb-prod", "vm", "facts-row"), daysAgo(2));
        long stalePuppet = estate.entity("stale-puppet", "server");
        estate.seen(stalePuppet, "foreman", "foreman-prod", "server", "stale-puppet");
        estate.observation(stalePuppet, "puppetdb", "pdb-prod", "server", "stale-puppet", "stale", "{\"facts_timestamp\":\"" + daysAgo(1) + "\"}");
        long noTimestamp = estate.entity("no-timestamp", "server");
        estate.seen(noTimestamp, "foreman", "foreman-prod", "server", "no-timestamp");
        estate.seen(noTimestamp, "puppetdb", "pdb-prod", "server", "no-timestamp");
        // Not in the inventory source (or no longer): not this report's business.
        estate.seen(estate.entity("puppet-only", "server"), "puppetdb", "pdb-prod", "server", "puppet-only");
        // An ESXi host in Foreman runs no Puppet agent: not checked unless asked for.
        long esx = estate.entity("esx-no-agent", "hypervisor");
        estate.seen(esx, "foreman", "foreman-prod", "hypervisor", "esx-no-agent");
        long goneFromForeman = estate.entity("gone-from-foreman", "server");
        estate.observation(goneFromForeman, "foreman", "foreman-prod", "server", "gone-from-foreman", "stale", "{}");

        ReportResult r = estate.run("servers-without-facts", Map.of());

        assertEquals(List.of("no-puppet", "no-timestamp", "old-facts", "stale-puppet"), names(r));
        assertEquals("no_facts_source", byName(r).get("no-puppet").get("reason"));
        assertEquals("no_facts_source", byName(r).get("stale-puppet").get("reason"));
        assertEquals("no_facts", byName(r).get("no-timestamp").get("reason"));
        assertEquals("facts_too_old", byName(r).get("old-facts").get("reason"));
        assertEquals("2026-02-01T08:00:00.000Z", byName(r).get("old-facts").get("facts_at"));
        assertEquals("foreman-prod", byName(r).get("old-facts").get("inventory_source"));
        assertEquals("pdb-prod", byName(r).get("old-facts").get("facts_source"));

        assertEquals(List.of("no-puppet", "no-timestamp", "stale-puppet"), names(estate.run("servers-without-facts", Map.of("days", "60"))));
        assertEquals(List.of("esx-no-agent"), names(estate.run("servers-without-facts", Map.of("types", "hypervisor"))));
        assertEquals(List.of("fresh"), names(estate.run("servers-without-facts", Map.of("inventory_source", "demo-*", "facts_source", "nothing"))));
    }

    @Test
    void networkDevicesWithoutAConfiguration() {
        long backedUp = estate.entity("sw-backed-up", "network_device");
        estate.seen(backedUp, "vcenter", "vc", "network_device", "sw-backed-up");
        estate.config(estate.seen(backedUp, "oxidized", "oxidized-1", "network_device", "sw-backed-up"), 1, daysAgo(40));
        long noConfig = estate.entity("sw-no-config", "network_device");
        estate.seen(noConfig, "demo", "demo-oxidized", "network_device", "sw-no-config");
        long router = estate.entity("rtr-unknown", "router");
        estate.seen(router, "foreman", "foreman-prod", "router", "rtr-unknown");
        long otherSource = estate.entity("fw-other", "firewall");
        estate.config(estate.seen(otherSource, "netbox", "netbox", "firewall", "fw-other"), 1, daysAgo(1));
        long staleNode = estate.entity("sw-stale-node", "switch");
        estate.config(estate.observation(staleNode, "oxidized", "oxidized-1", "switch", "sw-stale-node", "stale", "{}"), 1, daysAgo(10));
        // Not network devices: a VM, and a vCenter port group (type "network").
        estate.seen(estate.entity("vm-1", "vm"), "vcenter", "vc", "vm", "vm-1");
        estate.seen(estate.entity("VM Network", "network"), "vcenter", "vc", "network", "VM Network");

        ReportResult r = estate.run("network-without-config", Map.of());

        assertEquals(List.of("fw-other", "rtr-unknown", "sw-no-config", "sw-stale-node"), names(r));
        assertEquals("yes", byName(r).get("sw-no-config").get("known_to_configs_source"));
        assertEquals("no", byName(r).get("rtr-unknown").get("known_to_configs_source"));
        assertEquals(daysAgo(10), byName(r).get("sw-stale-node").get("last_config_at"));
        assertEquals("foreman-prod", byName(r).get("rtr-unknown").get("sources"));

        assertEquals(List.of("fw-other", "rtr-unknown", "sw-backed-up", "sw-no-config", "sw-stale-node"),
                names(estate.run("network-without-config", Map.of("days", "30"))), "a 40-day-old configuration is too old for days=30");
        assertEquals(List.of("rtr-unknown"), names(estate.run("network-without-config", Map.of("types", "router"))));
    }
}
