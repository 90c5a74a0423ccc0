package com.enreach.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** status, sources, history, tokens, storage volumes and backups. */
class ListCommandsTest extends FakeApiTest {
    @Test
    void statusShowsUpAndOneLinePerInstance() {
        api.on("GET", "/api/sources", 200, "[" + Fixtures.source("vcenter-prod", "vcenter", true).replace("\"running_run_id\": null", "\"running_run_id\": 12")
                + "," + Fixtures.source("foreman-old", "foreman", false) + "]");

        Cli.Result r = cli.run("status");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().startsWith("Enreach Tools is up at http://127.0.0.1:" + api.port()), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("vcenter-prod\\s+vcenter\\s+yes\\s+never run\\s+10\\s+1\\s+run 12")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("foreman-old\\s+foreman\\s+no\\s+never run\\s+10\\s+1")), r.out());
    }

    @Test
    void statusShowsTheHealthDetailsAndProblemsATokenGets() {
        api.only("GET", "/api/health", 200, "{\"status\": \"degraded\", \"ready\": true, \"version\": \"1.4.0\", \"database\": {\"engine\": \"sqlite\","
                + " \"schema_version\": \"31\", \"migrations_pending\": 0, \"size_bytes\": 1048576, \"wal_bytes\": 524288},"
                + " \"problems\": [\"source vc-fra: its last run failed\"]}")
                .on("GET", "/api/sources", 200, "[]");

        Cli.Result r = cli.run("status");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("Version 1.4.0, ready; database sqlite schema v31, 1.5 MiB\n"), r.out());
        assertTrue(r.out().contains("Problem: source vc-fra: its last run failed"), r.out());
    }

    @Test
    void statusOfAStoppedPlatformExitsThree() throws IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Cli.Result r = new Cli(null, home).env("ENREACH_PORT", Integer.toString(port)).run("status", "--json");

        assertEquals(3, r.exit());
        assertFalse(Json.MAPPER.readTree(r.out()).path("up").asBoolean(true));
        assertTrue(r.err().contains("down"), r.err());
    }

    @Test
    void sourcesListsConfigErrors() {
        api.on("GET", "/api/sources", 200, "[" + Fixtures.source("ontap-fra", "ontap", true).replace("\"config_errors\": []",
                "\"config_errors\": [{\"field\": \"url\", \"code\": \"required\", \"message\": \"url is required\"}]") + "]");

        Cli.Result r = cli.run("sources");

        assertTrue(r.out().contains("1 error(s)"), r.out());
        assertTrue(r.out().contains("ontap-fra: url: url is required (required)"), r.out());
    }

    @Test
    void checkOkExitsZero() {
        api.on("POST", "/api/sources/vcenter-prod/check", 200, "{\"ok\": true, \"detail\": \"version 8.0.2\", \"errors\": []}");

        Cli.Result r = cli.run("sources", "check", "vcenter-prod");

        assertEquals(0, r.exit());
        assertTrue(r.out().contains("vcenter-prod: ok (version 8.0.2)"), r.out());
    }

    @Test
    void failedCheckExitsOneAndPrintsEachFieldError() {
        api.on("POST", "/api/sources/vcenter-prod/check", 200, """
                {"ok": false, "detail": "", "errors": [{"field": "url", "code": "unreachable", "message": "cannot connect to vc.example.com:443"},
                                                        {"field": null, "code": "tls", "message": "certificate not trusted"}]}
                """);

        Cli.Result r = cli.run("sources", "check", "vcenter-prod");

        assertEquals(1, r.exit());
        assertTrue(r.out().contains("url: cannot connect to vc.example.com:443 (unreachable)"), r.out());
        assertTrue(r.out().contains("  certificate not trusted (tls)"), r.out());
    }

    @Test
    void historyShowsRunsWithTheirCounts() {
        api.on("GET", "/api/sync/runs", 200, Fixtures.page(1, false, Fixtures.run(4, "vcenter-prod", "failed", 10, "login refused")));

        Cli.Result r = cli.run("history", "--instance", "vcenter-prod", "--limit", "5");

        assertEquals("GET /api/sync/runs?instance=vcenter-prod&limit=5", api.targets().get(0));
        assertTrue(r.out().lines().anyMatch(l -> l.matches("4\\s+vcenter-prod\\s+cli\\s+failed\\s+2025-03-01 10:00:00Z\\s+42 s\\s+3\\s+2\\s+5\\s+0\\s+login refused")),
                r.out());
    }

    @Test
    void tokenCreatePrintsTheSecretOnceOnStdout() {
        api.on("POST", "/api/tokens", 201, "{\"token\": {\"id\": 4, \"name\": \"ci-bot\", \"role\": \"OPERATOR\", \"prefix\": \"ab12\"}, "
                + "\"secret\": \"ab12-new-secret\"}");

        Cli.Result r = cli.run("token", "create", "--name", "ci-bot", "--role", "operator");

        assertEquals(0, r.exit(), r.all());
        assertEquals("ab12-new-secret\n", r.out());
        assertTrue(r.err().contains("shown only this once"), r.err());
        assertEquals("{\"name\":\"ci-bot\",\"role\":\"operator\"}", api.requests().get(0).body().replaceAll("\\s", ""));
    }

    @Test
    void tokenCreateNeedsAKnownRole() {
        Cli.Result r = cli.run("token", "create", "--name", "x", "--role", "root");

        assertEquals(2, r.exit());
        assertTrue(api.targets().isEmpty());
    }

    @Test
    void tokenListAndRevoke() {
        api.on("GET", "/api/tokens", 200, "[{\"id\": 1, \"name\": \"admin\", \"role\": \"ADMIN\", \"prefix\": \"x1y2\", "
                        + "\"created_at\": \"2025-03-01T10:00:00Z\", \"last_used_at\": null, \"revoked_at\": null}]")
                .on("DELETE", "/api/tokens/1", 200, "{\"id\": 1, \"name\": \"admin\", \"role\": \"ADMIN\", \"revoked_at\": \"2025-03-02T10:00:00Z\"}");

        Cli.Result list = cli.run("token", "list");
        Cli.Result revoke = cli.run("token", "revoke", "1");

        assertTrue(list.out().lines().anyMatch(l -> l.matches("1\\s+admin\\s+admin\\s+x1y2\\s+2025-03-01 10:00:00Z")), list.out());
        assertEquals(0, revoke.exit());
        assertTrue(revoke.out().contains("Revoked token 1 'admin'"), revoke.out());
        assertEquals("DELETE /api/tokens/1", api.targets().get(1));
    }

    @Test
    void storageVolumesWithFilters() {
        api.on("GET", "/api/storage/volumes", 200, Fixtures.page(1, false, """
                {"id": 8, "array_name": "fas01", "name": "vol_data", "kind": "volume", "svm": "svm1", "capacity_bytes": 2199023255552,
                 "used_bytes": 1073741824, "health": "normal", "status": "active", "source_instance": "ontap-fra"}
                """));

        Cli.Result r = cli.run("storage", "volumes", "--kind", "volume", "--instance", "ontap-fra");

        assertEquals("GET /api/storage/volumes?kind=volume&source_instance=ontap-fra", api.targets().get(0));
        assertTrue(r.out().lines().anyMatch(l -> l.matches("8\\s+fas01\\s+vol_data\\s+volume\\s+svm1\\s+2\\.0 TiB\\s+1\\.0 GiB\\s+normal\\s+active\\s+ontap-fra")),
                r.out());
        assertTrue(r.out().contains("1 of 1 volumes"), r.out());
    }

    @Test
    void backupsListFiltersByLastStatus() throws IOException {
        api.on("GET", "/api/backups", 200, Fixtures.page(1, false, """
                {"id": 2, "client_name": "db01", "host_name": "db01.example.com", "vm_name": null,
                 "last_job": {"job_id": "9", "level": "Incremental", "status": "Failed", "end": "2025-03-01T03:00:00Z", "size_bytes": 0},
                 "last_success_at": null, "status": "active", "source_instance": "commvault-main"}
                """));

        Cli.Result r = cli.run("backups", "list", "--status", "Failed");
        Cli.Result json = cli.run("backups", "list", "--status", "Failed", "--json");

        assertEquals("GET /api/backups?last_status=Failed", api.targets().get(0));
        assertTrue(r.out().contains("Failed (Incremental)"), r.out());
        JsonNode page = Json.MAPPER.readTree(json.out());
        assertEquals("db01", page.path("results").path(0).path("client_name").asText());
    }
}
