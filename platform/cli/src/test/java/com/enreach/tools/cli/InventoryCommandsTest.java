package com.enreach.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** entities, conflicts, merge, split, decisions: what they ask the API and what people and scripts see. */
class InventoryCommandsTest extends FakeApiTest {

    private FakeApi.Request only(String method) {
        return api.requests().stream().filter(r -> r.method().equals(method)).reduce((a, b) -> {
            throw new AssertionError("more than one " + method);
        }).orElseThrow();
    }

    @Test
    void entitiesListPassesFiltersAndPrintsATable() {
        api.on("GET", "/api/entities", 200, Fixtures.page(120, true, InventoryFixtures.entity(3, "web01.example.com", "vm")));

        Cli.Result r = cli.run("entities", "list", "--type", "vm", "--source", "vcenter-prod", "--status", "active", "--site", "Zürich",
                "--sort", "-last_seen", "-q", "web 01", "--limit", "1");

        assertEquals(0, r.exit(), r.all());
        assertEquals("GET /api/entities?q=web+01&type=vm&source=vcenter-prod&status=active&site=Z%C3%BCrich&sort=-last_seen&limit=1",
                api.targets().get(0));
        List<String> lines = r.out().lines().toList();
        assertEquals("ID  NAME               TYPE  STATUS  SITE    SOURCES                      CONFLICTS  LAST SEEN", lines.get(0));
        assertEquals("3   web01.example.com  vm    active  Zürich  puppetdb-main, vcenter-prod  1          2026-03-01 10:00:00Z", lines.get(1));
        assertEquals("1 of 120 entities (next page: --offset 1)", lines.get(2));
    }

    @Test
    void aBadSortRefusedByTheServerExitsTwo() {
        api.on("GET", "/api/entities", 400, "{\"error\": {\"code\": \"invalid\", \"field\": \"sort\", \"message\": \"sort must be one of name, -name\"}}");

        Cli.Result r = cli.run("entities", "list", "--sort", "size");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("sort must be one of"), r.err());
    }

    @Test
    void showLooksUpThenPrintsGoldenAttributesWithProvenanceAndEverySection() {
        api.on("GET", "/api/entities/lookup", 200, InventoryFixtures.lookup("web01", InventoryFixtures.entity(3, "web01.example.com", "vm")))
                .on("GET", "/api/entities/3", 200, InventoryFixtures.detail(InventoryFixtures.entity(3, "web01.example.com", "vm")));

        Cli.Result r = cli.run("entities", "show", "web01");

        assertEquals(0, r.exit(), r.all());
        assertEquals(List.of("GET /api/entities/lookup?q=web01", "GET /api/entities/3"), api.targets());
        String o = r.out();
        assertTrue(o.startsWith("web01.example.com  (entity 3, vm, active)"), o);
        assertTrue(o.lines().anyMatch(l -> l.matches("ATTRIBUTE\\s+VALUE\\s+SOURCE\\s+RULE\\s+OTHERS")), o);
        assertTrue(o.lines().anyMatch(l -> l.matches("memory_bytes \\*\\s+64\\.0 GiB\\s+vcenter-prod\\s+priority:1\\s+32\\.0 GiB \\(puppetdb-main\\)")), o);
        assertTrue(o.lines().anyMatch(l -> l.matches("os\\s+Debian 12\\s+manual\\s+manual")), o);
        assertTrue(o.lines().anyMatch(l -> l.matches("8\\s+web01\\.example\\.com\\s+puppetdb-main\\s+active\\s+.*system_uuid\\s+0\\.99\\s+4223a1b2.*")), o);
        for (String expected : List.of("Observations", "https://vc/ui/vm-7", "Relationships:", "esx01 (40)", "Interfaces:", "00:50:56:aa:bb:cc",
                "IP addresses:", "10.0.0.5/24", "Backups:", "Completed", "Manual decisions:", "os = Debian 12", "puppet is right",
                "Open identity conflicts:", "same-name-different-serial", "serials ABC and XYZ differ")) {
            assertTrue(o.contains(expected), "missing '" + expected + "' in:\n" + o);
        }
    }

    @Test
    void showOfANameMatchingSeveralEntitiesListsThemAndExitsSeven() {
        api.on("GET", "/api/entities/lookup", 200, InventoryFixtures.lookup("web01", InventoryFixtures.entity(3, "web01.prod.example.com", "vm"),
                InventoryFixtures.entity(12, "web01.dev.example.com", "vm")));

        Cli.Result r = cli.run("entities", "show", "web01");

        assertEquals(7, r.exit(), r.all());
        assertEquals(List.of("GET /api/entities/lookup?q=web01"), api.targets(), "no silent pick of one of them");
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("3   web01.prod.example.com")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("12  web01.dev.example.com")), r.out());
        assertTrue(r.err().contains("'web01' matches 2 entities"), r.err());
    }

    @Test
    void anAmbiguousShowWithJsonPrintsTheLookupAndExitsSeven() throws IOException {
        api.on("GET", "/api/entities/lookup", 200, InventoryFixtures.lookup("web01", InventoryFixtures.entity(3, "web01.prod", "vm"),
                InventoryFixtures.entity(12, "web01.dev", "vm")));

        Cli.Result r = cli.run("--json", "entities", "show", "web01");

        assertEquals(7, r.exit(), r.all());
        JsonNode lookup = Json.MAPPER.readTree(r.out());
        assertEquals(2, lookup.path("candidates").size());
        assertEquals(12, lookup.at("/candidates/1/id").asInt());
    }

    @Test
    void showOfSomethingUnknownExitsSix() {
        api.on("GET", "/api/entities/lookup", 404, FakeApi.error("not_found", "Entity matching 'ghost' does not exist"));

        Cli.Result r = cli.run("entities", "show", "ghost");

        assertEquals(6, r.exit());
        assertTrue(r.err().contains("Entity matching 'ghost' does not exist"), r.err());
    }

    @Test
    void showAsJsonIsTheApiDetail() throws IOException {
        api.on("GET", "/api/entities/lookup", 200, InventoryFixtures.lookup("3", InventoryFixtures.entity(3, "web01", "vm")))
                .on("GET", "/api/entities/3", 200, InventoryFixtures.detail(InventoryFixtures.entity(3, "web01", "vm")));

        Cli.Result r = cli.run("--json", "entities", "show", "3");

        JsonNode d = Json.MAPPER.readTree(r.out());
        assertEquals("vcenter-prod", d.at("/attributes/1/source/source_instance").asText());
    }

    @Test
    void conflictsListsByDefaultWithFilters() {
        api.on("GET", "/api/conflicts", 200, Fixtures.page(1, false, InventoryFixtures.conflict(3, "web01")));

        Cli.Result bare = cli.run("conflicts");
        Cli.Result filtered = cli.run("conflicts", "list", "--attribute", "memory_bytes", "--source", "puppetdb-main", "--type", "vm", "--entity", "3");

        assertEquals(0, bare.exit(), bare.all());
        assertEquals(List.of("GET /api/conflicts", "GET /api/conflicts?attribute=memory_bytes&source=puppetdb-main&entity_type=vm&entity=3"),
                api.targets());
        assertTrue(filtered.out().lines().anyMatch(l -> l.matches(
                "3\\s+web01\\s+vm\\s+memory_bytes\\s+64\\.0 GiB \\(vcenter-prod\\)\\s+64\\.0 GiB \\(vcenter-prod\\); 32\\.0 GiB \\(puppetdb-main\\)")),
                filtered.out());
        assertTrue(bare.out().contains("1 of 1 conflicts"), bare.out());
    }

    @Test
    void resolveStoresTheValueAsAnOverrideWithReasonAndExpiry() throws IOException {
        api.on("GET", "/api/entities/lookup", 200, InventoryFixtures.lookup("web01", InventoryFixtures.entity(3, "web01", "vm")))
                .on("PUT", "/api/entities/3/overrides/memory_bytes", 200, """
                        {"attribute": "memory_bytes", "value": 68719476736, "rule": "manual", "conflict": false, "alternatives": [],
                         "source": {"device_id": null, "source_system": "manual", "source_instance": "manual", "seen_at": null}}""");

        Cli.Result r = cli.run("conflicts", "resolve", "web01", "memory_bytes", "64GiB", "--reason", "vCenter is right", "--expires", "30d");

        assertEquals(0, r.exit(), r.all());
        JsonNode body = Json.MAPPER.readTree(only("PUT").body());
        assertEquals(68719476736L, body.path("value").asLong());
        assertTrue(body.path("value").isIntegralNumber());
        assertEquals("vCenter is right", body.path("reason").asText());
        assertEquals("1970-01-31T00:00:01Z", body.path("expires_at").asText()); // the test clock reads 1 s, plus 30 days
        assertTrue(r.out().contains("memory_bytes of web01 (entity 3) is now 64.0 GiB (rule manual)"), r.out());
    }

    @Test
    void resolveSendsTextAttributesAsTextAndRefusesBadNumbersLocally() throws IOException {
        api.on("GET", "/api/entities/lookup", 200, InventoryFixtures.lookup("3", InventoryFixtures.entity(3, "web01", "vm")))
                .on("PUT", "/api/entities/3/overrides/os", 200, "{\"attribute\": \"os\", \"value\": \"12\", \"rule\": \"manual\"}");

        assertEquals(0, cli.run("conflicts", "resolve", "3", "os", "12").exit());
        JsonNode body = Json.MAPPER.readTree(only("PUT").body());
        assertTrue(body.path("value").isTextual(), body.toString());
        assertTrue(body.path("expires_at").isNull());

        Cli.Result bad = cli.run("conflicts", "resolve", "3", "memory_bytes", "lots");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("memory_bytes takes a number"), bad.err());
        Cli.Result badExpiry = cli.run("conflicts", "resolve", "3", "os", "x", "--expires", "soon");
        assertEquals(2, badExpiry.exit());
        assertEquals(1, api.requests().stream().filter(q -> q.method().equals("PUT")).count(), "nothing sent for bad input");
    }

    @Test
    void revokeWithdrawsTheOverrideOfTheLookedUpEntity() {
        api.on("GET", "/api/entities/lookup", 200, InventoryFixtures.lookup("web01", InventoryFixtures.entity(3, "web01", "vm")))
                .on("DELETE", "/api/entities/3/overrides/memory_bytes", 200, "{\"entity_id\": 3, \"attribute\": \"memory_bytes\", \"revoked_by\": \"tok\"}");

        Cli.Result r = cli.run("conflicts", "revoke", "web01", "memory_bytes");

        assertEquals(0, r.exit(), r.all());
        assertEquals("DELETE /api/entities/3/overrides/memory_bytes", api.targets().get(1));
        assertTrue(r.out().contains("Withdrew the override of memory_bytes on web01 (entity 3)"), r.out());
    }

    @Test
    void identityConflictsAreListed() {
        api.on("GET", "/api/identity-conflicts", 200, Fixtures.page(1, false, """
                {"id": 2, "kind": "same-name-different-serial", "key": "web01", "detail": "serials differ", "entity_ids": [3, 12],
                 "device_ids": [7, 30], "status": "open", "created_at": "2026-03-01T09:00:00Z"}"""));

        Cli.Result r = cli.run("conflicts", "identity", "--all");

        assertEquals("GET /api/identity-conflicts?status=all", api.targets().get(0));
        assertTrue(r.out().lines().anyMatch(l -> l.matches("2\\s+same-name-different-serial\\s+web01\\s+3, 12\\s+7, 30\\s+open\\s+serials differ")), r.out());
    }

    @Test
    void mergeSendsTheIdsAndReason() throws IOException {
        api.on("POST", "/api/entities/merge", 200, InventoryFixtures.entity(3, "web01", "vm"));

        Cli.Result r = cli.run("merge", "3", "9", "--reason", "same serial");

        assertEquals(0, r.exit(), r.all());
        JsonNode body = Json.MAPPER.readTree(only("POST").body());
        assertEquals("[3,9]", body.path("entity_ids").toString());
        assertEquals("same serial", body.path("reason").asText());
        assertTrue(r.out().startsWith("Merged into entity 3 web01 (vm), sources: puppetdb-main, vcenter-prod"), r.out());
    }

    @Test
    void mergeNeedsTwoIdsAndAReason() {
        assertEquals(2, cli.run("merge", "3", "--reason", "x").exit());
        assertEquals(2, cli.run("merge", "3", "9").exit());
        assertEquals(2, cli.run("merge", "3", "nine", "--reason", "x").exit());
        assertTrue(api.targets().isEmpty());
    }

    @Test
    void splitLooksUpTheEntityAndSendsTheDevices() throws IOException {
        api.on("GET", "/api/entities/lookup", 200, InventoryFixtures.lookup("web01", InventoryFixtures.entity(3, "web01", "vm")))
                .on("POST", "/api/entities/3/split", 201, InventoryFixtures.entity(12, "web01.dev", "vm"));

        Cli.Result r = cli.run("split", "web01", "7", "8", "--reason", "two boxes");

        assertEquals(0, r.exit(), r.all());
        JsonNode body = Json.MAPPER.readTree(only("POST").body());
        assertEquals("[7,8]", body.path("device_ids").toString());
        assertEquals("two boxes", body.path("reason").asText());
        assertTrue(r.out().contains("Split device 7, 8 off entity 3 into new entity 12 web01.dev (vm)"), r.out());
    }

    @Test
    void decisionsAreListedAndRevoked() {
        api.on("GET", "/api/entities/decisions", 200, Fixtures.page(1, false, """
                {"id": 4, "action": "merge", "entity_id": 3, "observations": ["vcenter-prod/vm-7", "puppetdb-main/web01"], "attribute": null,
                 "value": null, "reason": "same serial", "actor": "alice", "created_at": "2026-03-02T10:00:00Z", "expires_at": null, "revoked_at": null}"""))
                .on("DELETE", "/api/entities/decisions/4", 200, "{\"id\": 4, \"revoked_by\": \"tok-1\"}");

        Cli.Result list = cli.run("decisions");
        Cli.Result revoke = cli.run("decisions", "--revoke", "4");

        assertTrue(list.out().lines().anyMatch(l -> l.matches(
                "4\\s+merge\\s+3\\s+vcenter-prod/vm-7, puppetdb-main/web01\\s+alice\\s+2026-03-02 10:00:00Z\\s+in force\\s+same serial")), list.out());
        assertEquals(0, revoke.exit(), revoke.all());
        assertEquals("DELETE /api/entities/decisions/4", api.targets().get(1));
        assertTrue(revoke.out().contains("Revoked decision 4"), revoke.out());
    }

    @Test
    void rebuildReportsWhatItDidAndAViewerIsRefused() {
        api.on("POST", "/api/entities/rebuild", 200, "{\"observations\": 1000, \"entities\": 400, \"created\": 5, \"removed\": 2, \"conflicts\": 3, \"millis\": 4200}")
                .on("POST", "/api/entities/rebuild", 403, FakeApi.error("forbidden", "This needs the admin role"));

        Cli.Result ok = cli.run("entities", "rebuild");
        Cli.Result refused = cli.run("entities", "rebuild");

        assertTrue(ok.out().contains("Rebuilt 1000 observations into 400 entities (5 created, 2 removed); 3 open identity conflicts; took 4 s"), ok.out());
        assertEquals(5, refused.exit());
        assertTrue(refused.err().contains("admin role"), refused.err());
    }

    @Test
    void namesAndValuesFromSourcesAreEscapedInEveryTable() throws IOException {
        String evil = js(TerminalSafetyTest.EVIL);
        String entity = InventoryFixtures.entity(3, evil, "vm");
        api.on("GET", "/api/entities", 200, Fixtures.page(1, false, entity))
                // answered in turn: first two candidates, then one
                .on("GET", "/api/entities/lookup", 200, InventoryFixtures.lookup("web01", entity, InventoryFixtures.entity(4, js("b\u202eo"), "vm")))
                .on("GET", "/api/entities/lookup", 200, InventoryFixtures.lookup("web01", entity))
                .on("GET", "/api/entities/3", 200, InventoryFixtures.detail(entity).replace("Debian 12", js("Deb\u001b[2Jian")))
                .on("GET", "/api/conflicts", 200, Fixtures.page(1, false, InventoryFixtures.conflict(3, evil).replace("34359738368", "\"" + js("x\u009b") + "\"")));

        Cli.Result ambiguous = cli.run("entities", "show", "web01");
        Cli.Result show = cli.run("entities", "show", "web01");
        for (Cli.Result r : List.of(cli.run("entities", "list"), ambiguous, show, cli.run("conflicts"))) {
            assertTrue(r.out().contains(TerminalSafetyTest.EVIL_SHOWN), r.out());
            TerminalSafetyTest.assertTerminalSafe(r);
        }
        assertEquals(7, ambiguous.exit());
        assertTrue(show.out().contains("Deb\\x1b[2Jian"), show.out());
    }

    private static String js(String s) throws IOException {
        String quoted = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
        return quoted.substring(1, quoted.length() - 1);
    }

    @Test
    void helpDocumentsTheAmbiguousExitCode() {
        Cli.Result r = cli.run("--help");

        assertTrue(r.out().contains("7   a name, FQDN or IP matched several entities"), r.out());
    }
}
