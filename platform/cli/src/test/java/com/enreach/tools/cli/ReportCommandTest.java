package com.enreach.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** enreach report: the list, one report as a table, --json, --csv, parameters, and the server's refusals. */
class ReportCommandTest extends FakeApiTest {
    static final String LIST = """
            {"count": 2, "next": null, "previous": null, "results": [
              {"name": "vms-without-backup", "title": "VMs without a recent backup", "description": "...",
               "params": [{"name": "days", "description": "d", "default_value": "7"}, {"name": "backup_source", "description": "s", "default_value": "*commvault*"}]},
              {"name": "identity-conflicts", "title": "Identity conflicts", "description": "...",
               "params": [{"name": "kind", "description": "k", "default_value": ""}]}]}
            """;

    static final String RESULT = """
            {"name": "vms-without-backup", "title": "VMs without a recent backup", "params": {"days": "30", "backup_source": "*cv*"},
             "total": 3, "limit": 2, "offset": 0, "next": "http://x/api/reports/vms-without-backup?offset=2", "previous": null,
             "columns": ["last_success_at", "backup_source"],
             "rows": [{"entity_id": 12, "entity_name": "vm-old", "entity_type": "vm", "values": {"last_success_at": "2026-01-01T00:00:00.000Z", "backup_source": "cv-prod"}},
                      {"entity_id": 14, "entity_name": "vm-\\u001b[31mred", "entity_type": "vm", "values": {"last_success_at": null, "backup_source": null}}],
             "generated_at": "2026-03-10T12:00:00Z"}
            """;

    @Test
    void withoutANameTheReportsAreListedWithTheirParameters() {
        api.on("GET", "/api/reports", 200, LIST);

        Cli.Result r = cli.run("report");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("vms-without-backup\\s+VMs without a recent backup\\s+days=7 backup_source=\\*commvault\\*")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("identity-conflicts\\s+Identity conflicts\\s+kind")), r.out());
    }

    @Test
    void aReportIsATableWithItsEntitiesAndTheCountOfEveryFinding() {
        api.on("GET", "/api/reports/vms-without-backup", 200, RESULT);

        Cli.Result r = cli.run("report", "vms-without-backup", "--days", "30", "--param", "backup_source=*cv*", "--limit", "2");

        assertEquals(0, r.exit(), r.all());
        assertEquals(List.of("GET /api/reports/vms-without-backup?backup_source=*cv*&days=30&limit=2"), api.targets().stream()
                .map(t -> t.replace("%2A", "*")).toList());
        assertTrue(r.out().startsWith("VMs without a recent backup (days=30, backup_source=*cv*)"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("ENTITY\\s+NAME\\s+TYPE\\s+LAST SUCCESS AT\\s+BACKUP SOURCE")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("12\\s+vm-old\\s+vm\\s+2026-01-01T00:00:00.000Z\\s+cv-prod")), r.out());
        assertTrue(r.out().contains("vm-\\x1b[31mred"), "a name cannot drive the terminal: " + r.out());
        assertTrue(r.out().contains("2 of 3 findings (next page: --offset 2)"), r.out());
    }

    @Test
    void jsonIsTheServersAnswer() {
        api.on("GET", "/api/reports/vms-without-backup", 200, RESULT);

        Cli.Result r = cli.run("report", "vms-without-backup", "--json");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("\"total\" : 3"), r.out());
        assertTrue(r.out().contains("\"entity_id\" : 12"), r.out());
    }

    @Test
    void csvIsTheServersExportWithPlainLineBreaks() {
        api.on("GET", "/api/reports/identity-conflicts", 200, "entity_id,entity_name,entity_type,kind\r\n3,\"web01, prod\",vm,serial\r\n");

        Cli.Result r = cli.run("report", "identity-conflicts", "--csv", "-p", "kind=serial");

        assertEquals(0, r.exit(), r.all());
        assertEquals("entity_id,entity_name,entity_type,kind\n3,\"web01, prod\",vm,serial\n", r.out());
        assertEquals(List.of("GET /api/reports/identity-conflicts?kind=serial&format=csv"), api.targets());
    }

    @Test
    void refusalsOfTheServerKeepTheirExitCodes() {
        api.on("GET", "/api/reports/vms-without-backup", 400,
                "{\"error\": {\"code\": \"invalid\", \"field\": \"dayz\", \"message\": \"report vms-without-backup has no parameter 'dayz'; it takes days, types, backup_source\"}}");

        Cli.Result bad = cli.run("report", "vms-without-backup", "-p", "dayz=3");
        Cli.Result missing = cli.run("report", "no-such-report");
        Cli.Result usage = cli.run("report", "--days", "3");

        assertEquals(ExitCodes.USAGE, bad.exit());
        assertTrue(bad.err().contains("has no parameter 'dayz'; it takes days, types, backup_source"), bad.err());
        assertEquals(6, missing.exit(), missing.all());
        assertEquals(ExitCodes.USAGE, usage.exit());
        assertTrue(usage.err().contains("need a report NAME"), usage.err());
    }
}
