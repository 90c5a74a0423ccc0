package com.enreach.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class RefreshCommandTest extends FakeApiTest {
    private void vcenters() {
        api.on("GET", "/api/sources", 200, "[" + Fixtures.source("vcenter-prod", "vcenter", true) + ","
                + Fixtures.source("vcenter-old", "vcenter", false) + "," + Fixtures.source("vcenter-dr", "vcenter", true) + "]");
    }

    private List<String> posts() {
        return api.targets().stream().filter(t -> t.startsWith("POST")).toList();
    }

    @Test
    void syncsEveryPresentInstanceOneAfterAnotherAndSkipsAbsentOnes() {
        vcenters();
        api.on("POST", "/api/sources/vcenter-prod/sync", 202, Fixtures.run(1, "vcenter-prod", "succeeded", 10, null))
                .on("POST", "/api/sources/vcenter-dr/sync", 202, Fixtures.run(2, "vcenter-dr", "succeeded", 20, null));

        Cli.Result r = cli.run("refresh", "vcenter");

        assertEquals(0, r.exit(), r.all());
        assertEquals("GET /api/sources?kind=vcenter", api.targets().get(0));
        assertEquals(List.of("POST /api/sources/vcenter-prod/sync?trigger=cli", "POST /api/sources/vcenter-dr/sync?trigger=cli"), posts());
        assertTrue(r.out().contains("2 of 2 instances ok"), r.out());
    }

    @Test
    void exitCodeIsTheWorstOfTheInstances() {
        vcenters();
        api.on("POST", "/api/sources/vcenter-prod/sync", 202, Fixtures.run(1, "vcenter-prod", "running", 0, null))
                .on("GET", "/api/sync/runs/1", 200, Fixtures.run(1, "vcenter-prod", "failed", 10, "timeout"))
                .on("POST", "/api/sources/vcenter-dr/sync", 202, Fixtures.run(2, "vcenter-dr", "succeeded", 20, null));

        Cli.Result r = cli.run("refresh", "vcenter");

        assertEquals(1, r.exit(), r.all());
        assertEquals(2, posts().size(), "a failed instance does not stop the others");
    }

    @Test
    void aRefusedInstanceIsReportedAndTheOthersStillRun() {
        vcenters();
        api.on("POST", "/api/sources/vcenter-prod/sync", 409, FakeApi.error("config_invalid", "url is required"))
                .on("POST", "/api/sources/vcenter-dr/sync", 202, Fixtures.run(2, "vcenter-dr", "needs_confirmation", 20, "would mark 50%"));

        Cli.Result r = cli.run("refresh", "vcenter");

        assertEquals(4, r.exit(), r.all());
        assertTrue(r.err().contains("vcenter-prod: url is required"), r.err());
    }

    @Test
    void confirmIsPassedToEveryInstance() {
        vcenters();
        api.on("POST", "/api/sources/vcenter-prod/sync", 202, Fixtures.run(1, "vcenter-prod", "succeeded", 10, null))
                .on("POST", "/api/sources/vcenter-dr/sync", 202, Fixtures.run(2, "vcenter-dr", "succeeded", 20, null));

        assertEquals(0, cli.run("vcenter", "refresh", "--confirm").exit());
        assertTrue(posts().stream().allMatch(p -> p.endsWith("trigger=cli&confirm=true")), posts().toString());
    }

    @Test
    void noLiveInstanceExitsSix() {
        api.on("GET", "/api/sources", 200, "[" + Fixtures.source("foreman-old", "foreman", false) + "]");

        Cli.Result r = cli.run("foreman", "refresh");

        assertEquals(6, r.exit());
        assertTrue(r.err().contains("no live instances of kind foreman"), r.err());
        assertTrue(posts().isEmpty());
    }

    @Test
    void puppetAliasUsesKindPuppetdb() {
        api.on("GET", "/api/sources", 200, "[]");

        cli.run("puppet", "refresh");

        assertEquals("GET /api/sources?kind=puppetdb", api.targets().get(0));
    }

    @Test
    void backupsRefreshUsesKindCommvault() {
        api.on("GET", "/api/sources", 200, "[]");

        cli.run("backups", "refresh");

        assertEquals("GET /api/sources?kind=commvault", api.targets().get(0));
    }

    @Test
    void storageRefreshNetappHitsOntapInstances() {
        api.on("GET", "/api/sources", 200, "[" + Fixtures.source("ontap-fra", "ontap", true) + "]")
                .on("POST", "/api/sources/ontap-fra/sync", 202, Fixtures.run(3, "ontap-fra", "succeeded", 5, null));

        Cli.Result r = cli.run("storage", "refresh", "--type", "netapp");

        assertEquals(0, r.exit(), r.all());
        assertEquals(List.of("GET /api/sources?kind=ontap", "POST /api/sources/ontap-fra/sync?trigger=cli"), api.targets());
    }

    @Test
    void storageRefreshWithoutTypeCoversDoradoAndOntap() {
        api.on("GET", "/api/sources", 200, "[" + Fixtures.source("dorado-a", "dorado", true) + "]")
                .on("GET", "/api/sources", 200, "[" + Fixtures.source("ontap-fra", "ontap", true) + "]")
                .on("POST", "/api/sources/dorado-a/sync", 202, Fixtures.run(3, "dorado-a", "succeeded", 5, null))
                .on("POST", "/api/sources/ontap-fra/sync", 202, Fixtures.run(4, "ontap-fra", "succeeded", 5, null));

        Cli.Result r = cli.run("storage", "refresh");

        assertEquals(0, r.exit(), r.all());
        assertEquals(List.of("GET /api/sources?kind=dorado", "GET /api/sources?kind=ontap",
                "POST /api/sources/dorado-a/sync?trigger=cli", "POST /api/sources/ontap-fra/sync?trigger=cli"), api.targets());
    }

    @Test
    void storageRefreshRejectsAnUnknownType() {
        Cli.Result r = cli.run("storage", "refresh", "--type", "emc");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("dorado, netapp, ontap"), r.err());
        assertTrue(api.targets().isEmpty());
    }

    @Test
    void jsonListsEveryInstanceWithItsRunAndTheWorstCode() throws IOException {
        vcenters();
        api.on("POST", "/api/sources/vcenter-prod/sync", 202, Fixtures.run(1, "vcenter-prod", "succeeded", 10, null))
                .on("POST", "/api/sources/vcenter-dr/sync", 409, FakeApi.error("disabled", "Source instance 'vcenter-dr' is disabled"));

        Cli.Result r = cli.run("refresh", "vcenter", "--json");

        assertEquals(2, r.exit(), r.all());
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertEquals(2, n.path("exit_code").asInt());
        assertEquals("succeeded", n.path("instances").path(0).path("run").path("status").asText());
        assertEquals(2, n.path("instances").path(1).path("exit_code").asInt());
    }

    @Test
    void rejectedTokenStopsAtTheFirstInstance() {
        vcenters();
        api.on("POST", "/api/sources/vcenter-prod/sync", 403, FakeApi.error("forbidden", "This needs the operator role"));

        Cli.Result r = cli.run("refresh", "vcenter");

        assertEquals(5, r.exit());
        assertEquals(1, posts().size());
    }
}
