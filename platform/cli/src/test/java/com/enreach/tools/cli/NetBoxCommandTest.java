package com.enreach.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** enreach netbox ...: what is asked of /api/netbox, what is shown (side by side, outcomes), the approval's hash, exit codes. */
class NetBoxCommandTest extends FakeApiTest {
    static String changeSet(String status, String items) {
        return """
                {"id": 7, "target": "prod", "kind": "sync", "rollback_of": null, "status": "%s", "hash": "h7abc", "created_by": "alice",
                 "created_at": "2026-12-01T10:00:00Z", "netbox_version": "4.2.1",
                 "counts": {"total": 2, "creates": 1, "updates": 1, "deletes": 1, "approved": 0, "applied": 0, "failed": 0, "drifted": 0,
                            "skipped": 0, "held": 1, "conflicts": 1},
                 "items": [%s],
                 "held": [{"rule": "ip-unique", "severity": "error", "object_type": "ipam.ipaddress", "entity_id": 9, "object": "10.0.0.1/24",
                           "field": "address", "message": "assigned twice"}],
                 "approvals": [], "applied_by": null, "applied_at": null, "dry_run": false}
                """.formatted(status, items);
    }

    static final String ITEMS = """
            {"id": 11, "seq": 1, "ref": "dcim.device:entity:42", "action": "update", "object_type": "dcim.device", "netbox_id": 5, "entity_id": 42,
             "name": "web01", "site": "ams1", "depends_on": [], "approval": "pending", "status": "pending", "message": null, "findings": [],
             "fields": [{"field": "serial", "current": "OLD1", "proposed": "NEW1", "attribute": "serial", "conflict": false},
                        {"field": "memory", "current": 4096, "proposed": 8192, "attribute": "memory_bytes", "conflict": true}]},
            {"id": 12, "seq": 2, "ref": "dcim.interface:entity:43", "action": "create", "object_type": "dcim.interface", "netbox_id": null,
             "entity_id": 43, "name": "GigabitEthernet1/0/1", "site": "ams1", "depends_on": [], "approval": "pending", "status": "pending",
             "message": null, "findings": [],
             "fields": [{"field": "device", "current": null, "proposed": {"$ref": "dcim.device:entity:42"}, "attribute": null, "conflict": false}]}
            """;

    static final String APPLY = """
            {"change_set_id": 7, "status": "partially_applied", "dry_run": false, "applied": 1, "failed": 1, "drifted": 0, "skipped": 0, "resumed": 0,
             "problems": [{"id": 12, "action": "create", "object_type": "dcim.interface", "name": "GigabitEthernet1/0/1", "status": "failed",
                           "message": "type: This field is required."}]}
            """;

    private Fake lastPost() {
        FakeApi.Request r = api.requests().stream().filter(q -> q.method().equals("POST")).reduce((a, b) -> b).orElseThrow();
        return new Fake(r.path(), read(r.body()));
    }

    private static JsonNode read(String body) {
        try {
            return Json.MAPPER.readTree(body == null ? "null" : body);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private record Fake(String path, JsonNode body) {
    }

    @Test
    void showPutsCurrentAndProposedSideBySideAndMarksConflicts() {
        api.on("GET", "/api/netbox/changesets/7", 200, changeSet("pending", ITEMS));

        Cli.Result r = cli.run("netbox", "show", "7", "--kind", "dcim.device", "--action", "update", "--site", "ams1");

        assertEquals(0, r.exit(), r.all());
        assertEquals("GET /api/netbox/changesets/7?object_type=dcim.device&action=update&site=ams1", api.targets().get(0));
        assertTrue(r.out().lines().anyMatch(l -> l.matches("11\\s+update\\s+dcim.device\\s+web01\\s+ams1\\s+pending\\s+pending\\s+serial\\s+OLD1\\s+NEW1")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s+memory\\s+4096\\s+8192\\s+CONFLICT.*")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("12\\s+create\\s+dcim.interface.*device\\s+\\(new\\) dcim.device:entity:42")), r.out());
        assertTrue(r.out().contains("hash h7abc"), r.out());
        assertTrue(r.out().contains("Held out (1)") && r.out().contains("assigned twice"), r.out());
    }

    @Test
    void approveSendsTheHashItShowsWithItemsDeletesAndComment() {
        api.on("GET", "/api/netbox/changesets/7", 200, changeSet("pending", ITEMS))
                .on("POST", "/api/netbox/changesets/7/approve", 200, changeSet("approved", ""));

        Cli.Result r = cli.run("netbox", "approve", "7", "--items", "11,12", "--include-deletes", "--comment", "looks right");

        assertEquals(0, r.exit(), r.all());
        Fake post = lastPost();
        assertEquals("/api/netbox/changesets/7/approve", post.path());
        assertEquals("h7abc", post.body().path("hash").asText());
        assertEquals("[11,12]", post.body().path("item_ids").toString());
        assertTrue(post.body().path("include_deletes").asBoolean());
        assertEquals("looks right", post.body().path("comment").asText());
        assertTrue(r.err().contains("hash h7abc"), r.err());
        assertTrue(r.out().contains(": approved"), r.out());
    }

    @Test
    void approvingAllWithoutIncludeDeletesSaysTheDeletesStayOut() {
        api.on("GET", "/api/netbox/changesets/7", 200, changeSet("pending", ITEMS))
                .on("POST", "/api/netbox/changesets/7/approve", 200, changeSet("approved", ""));

        Cli.Result r = cli.run("netbox", "approve", "7");

        assertEquals(0, r.exit(), r.all());
        assertEquals("[]", lastPost().body().path("item_ids").toString());
        assertFalse(lastPost().body().path("include_deletes").asBoolean());
        assertTrue(r.err().contains("but the 1 deletes (add --include-deletes)"), r.err());
    }

    @Test
    void aRefusedApprovalExitsWithTheServersMessage() {
        api.on("GET", "/api/netbox/changesets/7", 200, changeSet("pending", ITEMS))
                .on("POST", "/api/netbox/changesets/7/approve", 403, "{\"error\": {\"code\": \"forbidden\", \"message\": \"This needs the approver role; the token 'ops' is operator\"}}");

        Cli.Result r = cli.run("netbox", "approve", "7");

        assertEquals(ExitCodes.AUTH, r.exit(), r.all());
        assertTrue(r.err().contains("needs the approver role"), r.err());
    }

    @Test
    void syncApprovesAPendingChangeSetThenAppliesAndExitsOneWhenItemsFailed() {
        api.on("GET", "/api/netbox/changesets/7", 200, changeSet("pending", ITEMS))
                .on("POST", "/api/netbox/changesets/7/approve", 200, changeSet("approved", ""))
                .on("POST", "/api/netbox/changesets/7/apply", 200, APPLY);

        Cli.Result r = cli.run("netbox", "sync", "--approve", "7");

        assertEquals(ExitCodes.FAILED, r.exit(), r.all());
        assertEquals(List.of("POST /api/netbox/changesets/7/approve", "POST /api/netbox/changesets/7/apply"),
                api.targets().stream().filter(t -> t.startsWith("POST")).toList());
        assertTrue(r.out().contains("Change set 7: partially_applied"), r.out());
        assertTrue(r.out().contains("1 applied, 1 failed"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("12\\s+create\\s+dcim.interface\\s+GigabitEthernet1/0/1\\s+failed\\s+type: This field is required.")), r.out());
    }

    @Test
    void syncOfAnApprovedChangeSetOnlyAppliesAndOfASupersededOneRefuses() {
        api.on("GET", "/api/netbox/changesets/7", 200, changeSet("approved", ITEMS))
                .on("POST", "/api/netbox/changesets/7/apply", 200, APPLY.replace("\"failed\": 1", "\"failed\": 0").replace("partially_applied", "applied"));

        Cli.Result r = cli.run("netbox", "sync", "--approve", "7");

        assertEquals(0, r.exit(), r.all());
        assertEquals(List.of("POST /api/netbox/changesets/7/apply"), api.targets().stream().filter(t -> t.startsWith("POST")).toList());

        api.on("GET", "/api/netbox/changesets/8", 200, changeSet("superseded", ITEMS).replace("\"id\": 7", "\"id\": 8"));
        Cli.Result s = cli.run("netbox", "sync", "--approve", "8");
        assertEquals(ExitCodes.USAGE, s.exit(), s.all());
        assertTrue(s.err().contains("superseded"), s.err());
    }

    @Test
    void previewPostsTheChoiceAndPointsAtShow() {
        api.on("POST", "/api/netbox/changesets", 201, changeSet("pending", ""));

        Cli.Result r = cli.run("netbox", "preview", "--entity", "4,2", "--kind", "dcim.device", "--no-deletes", "--target", "prod");

        assertEquals(0, r.exit(), r.all());
        JsonNode body = lastPost().body();
        assertEquals("prod", body.path("target").asText());
        assertEquals("[4,2]", body.path("entity_ids").toString());
        assertEquals("[\"dcim.device\"]", body.path("kinds").toString());
        assertFalse(body.path("deletes").asBoolean(true));
        assertTrue(r.out().contains("enreach netbox show 7"), r.out());
    }

    @Test
    void validateShowsCountsPerRuleAndTheFindings() {
        api.on("GET", "/api/netbox/validation", 200, """
                {"target": "prod", "generated_at": "2026-12-01T10:00:00Z", "objects": 40, "blocked": 2, "errors": 2, "warnings": 1, "infos": 0,
                 "by_rule": {"ip-unique": {"error": 2}, "interface-name": {"warning": 1}}, "count": 3, "limit": 50, "offset": 0,
                 "findings": [{"rule": "ip-unique", "severity": "error", "object_type": "ipam.ipaddress", "entity_id": 9, "object": "10.0.0.1/24",
                               "field": "address", "message": "assigned to web01 and web02"}],
                 "rules": {"ip-unique": "IPs are assigned once", "interface-name": "Standard interface names"}}
                """);

        Cli.Result r = cli.run("netbox", "validate", "--severity", "error", "--rule", "ip-unique", "--site", "ams1");

        assertEquals(0, r.exit(), r.all());
        assertEquals("GET /api/netbox/validation?severity=error&rule=ip-unique&site=ams1", api.targets().get(0));
        assertTrue(r.out().contains("Validated 40 objects for prod: 2 blocked; 2 errors, 1 warnings"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("ip-unique\\s+2\\s+0\\s+0\\s+IPs are assigned once")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("error\\s+ip-unique\\s+ipam.ipaddress\\s+10.0.0.1/24\\s+9\\s+address\\s+assigned to web01 and web02")), r.out());
        assertTrue(r.out().contains("1 of 3 findings (next page: --offset 1)"), r.out());
    }

    @Test
    void resolveTakesExactlyOneResolution() {
        api.on("POST", "/api/netbox/conflicts/3/resolve", 200, """
                {"id": 3, "object": "web01", "field": "serial", "status": "resolved", "resolution": "use_golden"}
                """);

        Cli.Result r = cli.run("netbox", "resolve", "3", "--use-golden", "--comment", "golden is right");

        assertEquals(0, r.exit(), r.all());
        assertEquals("use_golden", lastPost().body().path("resolution").asText());
        assertEquals("golden is right", lastPost().body().path("comment").asText());
        assertEquals(ExitCodes.USAGE, cli.run("netbox", "resolve", "3").exit());
        assertEquals(ExitCodes.USAGE, cli.run("netbox", "resolve", "3", "--use-golden", "--keep-netbox").exit());
    }

    @Test
    void historyRollbackAdoptRejectAndListsAskTheRightRoutes() {
        api.on("GET", "/api/netbox/history", 200, Fixtures.page(1, false, """
                {"id": 1, "at": "2026-12-01T11:00:00Z", "target": "prod", "change_set_id": 7, "item_id": 11, "action": "update",
                 "object_type": "dcim.device", "netbox_id": 5, "entity_id": 42, "object": "web01", "sources": ["vc"], "applied_by": "carol",
                 "approved_by": "dave", "status": "applied", "before": {}, "after": {}, "message": null}
                """))
                .on("POST", "/api/netbox/changesets/7/rollback", 201, changeSet("pending", "").replace("\"kind\": \"sync\"", "\"kind\": \"rollback\""))
                .on("POST", "/api/netbox/adoptions", 201, changeSet("pending", "").replace("\"kind\": \"sync\"", "\"kind\": \"adopt\""))
                .on("GET", "/api/netbox/changesets/7", 200, changeSet("pending", ITEMS))
                .on("POST", "/api/netbox/changesets/7/reject", 200, changeSet("rejected", ""))
                .on("GET", "/api/netbox/changesets", 200, Fixtures.page(1, false, changeSet("pending", "")))
                .on("GET", "/api/netbox/conflicts", 200, Fixtures.page(0, false))
                .on("GET", "/api/netbox/targets", 200, """
                        [{"name": "prod", "url": "https://nb", "write_enabled": false, "self_approval": false, "source": "netbox-prod",
                          "netbox_version": "4.2.1", "state": "ok", "message": null}]
                        """);

        Cli.Result h = cli.run("netbox", "history", "--user", "carol", "--from", "2026-12-01T00:00:00Z", "--status", "applied", "--changeset", "7");
        assertEquals(0, h.exit(), h.all());
        assertEquals("GET /api/netbox/history?user=carol&from=2026-12-01T00%3A00%3A00Z&status=applied&changeset=7", api.targets().get(0));
        assertTrue(h.out().lines().anyMatch(l -> l.matches("2026-12-01 11:00:00Z\\s+7\\s+update\\s+dcim.device\\s+web01\\s+5\\s+applied\\s+carol\\s+dave")), h.out());

        Cli.Result rb = cli.run("netbox", "rollback", "7");
        assertEquals(0, rb.exit(), rb.all());
        assertTrue(rb.out().contains("Change set 7 (rollback)"), rb.out());

        assertEquals(0, cli.run("netbox", "adopt", "--object-type", "dcim.device", "--netbox-id", "5", "--entity", "42").exit());
        assertEquals("{\"target\":null,\"object_type\":\"dcim.device\",\"netbox_id\":5,\"entity_id\":42}", lastPost().body().toString());
        assertEquals(0, cli.run("netbox", "adopt", "--all-matches", "--target", "prod").exit());
        assertEquals("{\"target\":\"prod\",\"all_matches\":true}", lastPost().body().toString());
        assertEquals(ExitCodes.USAGE, cli.run("netbox", "adopt", "--all-matches", "--entity", "42").exit());
        assertEquals(ExitCodes.USAGE, cli.run("netbox", "adopt", "--object-type", "dcim.device").exit());

        Cli.Result rj = cli.run("netbox", "reject", "7", "--comment", "no");
        assertEquals(0, rj.exit(), rj.all());
        assertEquals("h7abc", lastPost().body().path("hash").asText());

        Cli.Result cs = cli.run("netbox", "changesets", "--status", "pending");
        assertTrue(cs.out().lines().anyMatch(l -> l.matches("7\\s+prod\\s+sync\\s+pending\\s+1\\s+1\\s+1\\s+0\\s+0\\s+0\\s+alice.*")), cs.out());
        assertEquals(0, cli.run("netbox", "conflicts").exit());
        Cli.Result t = cli.run("netbox", "targets");
        assertTrue(t.out().lines().anyMatch(l -> l.matches("prod\\s+https://nb\\s+dry run\\s+no\\s+netbox-prod\\s+4.2.1\\s+ok")), t.out());
    }

    @Test
    void jsonPrintsTheServersAnswer() throws Exception {
        api.on("GET", "/api/netbox/changesets/7", 200, changeSet("pending", ITEMS));
        Cli.Result r = cli.run("netbox", "show", "7", "--json");
        assertEquals("h7abc", Json.MAPPER.readTree(r.out()).path("hash").asText());
    }

    @Test
    void anApproverTokenIsCreatedWithTheApproverRole() {
        api.on("POST", "/api/tokens", 201, "{\"token\": {\"id\": 5, \"name\": \"carol\", \"role\": \"approver\", \"prefix\": \"cd34\"}, "
                + "\"secret\": \"cd34-secret\"}");

        Cli.Result r = cli.run("token", "create", "--name", "carol", "--role", "Approver");

        assertEquals(0, r.exit(), r.all());
        assertEquals("{\"name\":\"carol\",\"role\":\"approver\"}", api.requests().get(0).body().replaceAll("\\s", ""));
        assertTrue(r.err().contains("with role approver"), r.err());
    }

    @Test
    void netboxRefreshStillSyncsTheNetBoxSourceKind() {
        api.on("GET", "/api/sources", 200, "[" + Fixtures.source("netbox-main", "netbox", true) + "]")
                .on("POST", "/api/sources/netbox-main/sync", 202, Fixtures.run(7, "netbox-main", "succeeded", 12, null));

        Cli.Result r = cli.run("netbox", "refresh");

        assertEquals(0, r.exit(), r.all());
        assertTrue(api.targets().contains("POST /api/sources/netbox-main/sync?trigger=cli"), api.targets().toString());
    }
}
