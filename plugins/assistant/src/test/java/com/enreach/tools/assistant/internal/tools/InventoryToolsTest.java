package com.enreach.tools.assistant.internal.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.ai.Citation;
import com.enreach.tools.api.ai.ToolSpec;
import com.enreach.tools.api.inventory.Entity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class InventoryToolsTest {
    private final FakeEstate estate = new FakeEstate();
    private final InventoryTools tools = new InventoryTools(estate);

    private ToolOutcome ok(String tool, String input) {
        ToolOutcome out = tools.call(tool, input, false);
        assertFalse(out.error(), tool + " failed: " + out.text());
        assertEveryFactNamesASource(out);
        return out;
    }

    /** Every ref in the text is a listed source, every source is referred to, and sources are numbered 0. */
    private static void assertEveryFactNamesASource(ToolOutcome out) {
        Set<String> refs = out.sources().stream().map(Cite::ref).collect(Collectors.toSet());
        Matcher m = Cite.REF.matcher(out.text());
        Set<String> used = new java.util.HashSet<>();
        while (m.find()) {
            assertTrue(refs.contains(m.group(1)), "ref " + m.group(1) + " has no source in " + out.sources());
            used.add(m.group(1));
        }
        assertEquals(refs, used, "sources never referred to in the text:\n" + out.text());
        out.sources().forEach(c -> {
            assertEquals(0, c.n());
            assertFalse(c.quote() == null || c.quote().isBlank(), "no quote: " + c);
        });
    }

    private static Citation source(ToolOutcome out, String kind, String key) {
        return out.sources().stream().filter(c -> c.kind().equals(kind) && c.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + key + " in " + out.sources()));
    }

    @Test
    void everySpecIsAJsonSchemaObjectAndScopesSplitTheTools() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (ToolSpec s : tools.specs("all", false)) {
            assertTrue(s.name().matches("[a-z_]+"), s.name());
            JsonNode schema = json.readTree(s.inputSchemaJson());
            assertEquals("object", schema.path("type").asText(), s.name());
            assertTrue(schema.path("properties").isObject(), s.name());
        }
        Set<String> inventory = tools.specs("inventory", false).stream().map(ToolSpec::name).collect(Collectors.toSet());
        Set<String> knowledge = tools.specs("knowledge", false).stream().map(ToolSpec::name).collect(Collectors.toSet());
        assertTrue(inventory.containsAll(Set.of("find_entities", "entity_detail", "vms_on_host", "backups_missing", "last_backup",
                "count_entities", "list_entities", "run_report", "sync_status")), inventory.toString());
        assertEquals(Set.of("search_knowledge", "entity_knowledge"), knowledge);
        assertEquals(inventory.size() + knowledge.size(), tools.specs("all", false).size());
        assertFalse(InventoryTools.inScope("search_knowledge", "inventory"));
        assertFalse(InventoryTools.inScope("vms_on_host", "knowledge"));
        assertTrue(InventoryTools.inScope("vms_on_host", "all"));
    }

    @Test
    void findEntitiesByNameFqdnAndIpAndAllCandidatesOfAnAmbiguousName() {
        assertEquals(List.of("vm-ams-db-02"), names(ok("find_entities", "{\"query\":\"vm-ams-db-02.example.com\"}")));
        assertEquals(List.of("esx-lon-01"), names(ok("find_entities", "{\"query\":\"10.1.0.1\"}")));
        ToolOutcome web = ok("find_entities", "{\"query\":\"web01\"}");
        assertTrue(web.text().contains("ambiguous"), web.text());
        assertEquals(Set.of(6L, 7L), web.sources().stream().map(Citation::id).collect(Collectors.toSet()));
        ToolOutcome filtered = ok("find_entities", "{\"query\":\"web01\",\"site\":\"lon\"}");
        assertEquals(List.of(7L), filtered.sources().stream().map(Citation::id).toList());
        ToolOutcome byType = ok("find_entities", "{\"type\":\"hypervisor\"}");
        assertEquals(List.of("esx-ams-01", "esx-lon-01"), names(byType));
        assertTrue(byType.text().startsWith("2 entities"), byType.text());
    }

    private static List<String> names(ToolOutcome out) {
        return out.sources().stream().filter(c -> c.kind().equals("entity") && c.id() > 0).map(Citation::key).toList();
    }

    @Test
    void entityDetailGivesGoldenValuesWithProvenanceRelationshipsIpsAndBackup() {
        ToolOutcome out = ok("entity_detail", "{\"entity\":\"vm-ams-app-01\"}");
        String t = out.text();
        assertTrue(t.contains("fqdn: vm-ams-app-01.example.com (from demo-vc, rule priority:1)"), t);
        assertTrue(t.contains("demo-puppetdb says " + (16L << 30)) && t.contains("CONFLICT"), t);
        assertTrue(t.contains("runs_on esx-ams-01"), t);
        assertTrue(t.contains("IP 10.0.1.2/24 on eth0"), t);
        assertTrue(t.contains("last successful backup of vm-ams-app-01") && t.contains("demo-commvault"), t);
        Citation c = source(out, "entity", "vm-ams-app-01");
        assertEquals("#/entities/2", c.link());
        assertEquals("#/entities/1", source(out, "entity", "esx-ams-01").link());
    }

    @Test
    void deviceConfigurationIsWithheldUnlessSensitiveIsAllowed() {
        ToolOutcome withheld = tools.call("entity_detail", "{\"entity\":\"sw-ams-01\"}", false);
        assertFalse(withheld.error());
        assertFalse(withheld.text().contains("s3cr3t"), withheld.text());
        assertFalse(withheld.sources().stream().anyMatch(c -> c.quote().contains("s3cr3t")));
        assertTrue(withheld.text().contains("withheld"), withheld.text());
        ToolOutcome allowed = tools.call("entity_detail", "{\"entity\":\"sw-ams-01\"}", true);
        assertTrue(allowed.text().contains("snmp-server community s3cr3t-community"), allowed.text());
    }

    @Test
    void vmsOnHostListsTheHostsVmsWithTheirBackups() {
        ToolOutcome out = ok("vms_on_host", "{\"host\":\"esx-ams-01\",\"with_backups\":true}");
        List<String> expected = estate.details.get(1L).relationships().stream().filter(r -> r.direction().equals("in"))
                .map(r -> r.entityName()).sorted().toList();
        assertEquals(expected, names(out).stream().filter(n -> !n.equals("esx-ams-01")).toList());
        assertTrue(out.text().contains("runs " + expected.size() + " VMs"), out.text());
        assertTrue(out.text().contains("no backup record belongs to vm-ams-db-02"), out.text());
        assertTrue(out.text().contains("last successful backup of vm-ams-app-01"), out.text());
    }

    @Test
    void backupsMissingOnAHostComesFromTheReportAndKeepsOnlyThatHostsVms() {
        ToolOutcome out = ok("backups_missing", "{\"host\":\"esx-ams-01\"}");
        List<String> expected = estate.withoutBackup(7).stream().filter(e -> "ams".equals(e.site())).map(Entity::name).toList();
        assertEquals(List.of("vm-ams-db-02"), expected);
        assertEquals(expected, names(out).stream().filter(n -> !n.equals("esx-ams-01")).toList());
        assertEquals("#/reports/vms-without-backup", source(out, "report", "vms-without-backup").link());
        ToolOutcome estateWide = ok("backups_missing", "{}");
        assertTrue(estateWide.text().startsWith(estate.withoutBackup(7).size() + " VMs without a successful backup within 7 days"),
                estateWide.text());
    }

    @Test
    void countsAndListsAreExact() {
        long vms = estate.all().stream().filter(e -> e.type().equals("vm")).count();
        ToolOutcome count = ok("count_entities", "{\"type\":\"vm\"}");
        assertTrue(count.text().startsWith(vms + " entities with type=vm"), count.text());
        assertEquals("#/entities?type=vm", count.sources().get(0).link());
        long amsVms = estate.all().stream().filter(e -> e.type().equals("vm") && e.site().equals("ams")).count();
        assertTrue(ok("count_entities", "{\"type\":\"vm\",\"site\":\"ams\"}").text().startsWith(amsVms + " entities"));
        ToolOutcome list = ok("list_entities", "{\"type\":\"vm\",\"limit\":2}");
        assertTrue(list.text().startsWith(vms + " entities with type=vm; listed 1-2:"), list.text());
        assertEquals(2, names(list).size());
    }

    @Test
    void lastBackupAndRunReportAndSyncStatus() {
        ToolOutcome last = ok("last_backup", "{\"entity\":\"10.1.1.4\"}");
        assertTrue(last.text().contains("last successful backup of vm-lon-web-03") && last.text().contains("20 days ago"), last.text());
        ToolOutcome report = ok("run_report", "{\"name\":\"vms-without-backup\",\"params\":{\"days\":\"30\"}}");
        assertTrue(report.text().contains(": " + estate.withoutBackup(30).size() + " findings"), report.text());
        ToolOutcome sync = ok("sync_status", "{}");
        assertTrue(sync.text().contains("demo-vc (demo) last run succeeded") && sync.text().contains("2 h ago"), sync.text());
        assertTrue(sync.text().contains("demo-jira (demo) last run failed"), sync.text());
        assertEquals("#/syncs?instance=demo-jira", source(sync, "sync", "demo-jira").link());
        assertEquals(1, ok("sync_status", "{\"instance\":\"demo-vc\"}").sources().size());
    }

    @Test
    void knowledgeToolsQuotePassagesAndCiteTicketsByKey() {
        ToolOutcome search = ok("search_knowledge", "{\"query\":\"NFS stale handle\",\"resolved_only\":true}");
        assertTrue(estate.searches.get(0).resolvedOnly());
        assertEquals("hybrid", estate.searches.get(0).mode());
        Citation ticket = source(search, "ticket", "OPS-7");
        assertEquals("#/ext/tickets?id=70", ticket.link());
        assertEquals("https://jira.example/browse/OPS-7", ticket.url());
        assertTrue(ticket.quote().contains("Remounted the datastore"), ticket.quote());
        assertEquals("#/ext/articles?id=30", source(search, "article", "Runbook: NFS stale file handle on ESXi").link());
        ToolOutcome about = ok("entity_knowledge", "{\"entity\":\"esx-ams-01.example.com\"}");
        assertEquals(Set.of("OPS-7", "Runbook: NFS stale file handle on ESXi"), about.sources().stream().map(Citation::key).collect(Collectors.toSet()));
    }

    @Test
    void badInputIsAFailureWithAClearMessageNeverAnException() {
        assertFailure("no_such_tool", "{}", "Unknown tool 'no_such_tool'");
        assertFailure("entity_detail", "{not json", "not valid JSON");
        assertFailure("entity_detail", "[1]", "must be a JSON object");
        assertFailure("entity_detail", "{}", "argument 'entity' is required");
        assertFailure("entity_detail", "{\"entity\":\"nope-404\"}", "no entity matches 'nope-404'");
        assertFailure("list_entities", "{\"limit\":0}", "'limit' must be from 1 to 1000");
        assertFailure("list_entities", "{\"limit\":\"many\"}", "'limit' must be an integer");
        assertFailure("run_report", "{\"name\":\"nope\"}", "no report named 'nope'; known: vms-without-backup");
        assertFailure("run_report", "{\"name\":\"vms-without-backup\",\"params\":{\"dayz\":\"3\"}}", "no parameter 'dayz'");
        assertFailure("sync_status", "{\"instance\":\"nope\"}", "no source instance named 'nope'; known: demo-vc, demo-jira");
        assertFailure("search_knowledge", "{\"query\":\"x\",\"type\":\"page\"}", "'type' must be article or ticket");
        assertFailure("find_entities", "{}", "give 'query'");
        assertFailure("vms_on_host", "{\"host\":\"x\",\"with_backups\":\"maybe\"}", "'with_backups' must be true or false");
    }

    private void assertFailure(String tool, String input, String message) {
        ToolOutcome out = tools.call(tool, input, false);
        assertTrue(out.error(), tool + " " + input + " did not fail: " + out.text());
        assertTrue(out.text().contains(message), "'" + out.text() + "' does not say '" + message + "'");
        assertTrue(out.sources().isEmpty());
    }
}
