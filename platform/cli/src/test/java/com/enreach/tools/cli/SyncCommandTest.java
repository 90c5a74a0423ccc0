package com.enreach.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class SyncCommandTest extends FakeApiTest {
    private static final String SYNC = "/api/sources/vcenter-prod/sync";

    @Test
    void succeededRunIsFollowedUntilDoneAndExitsZero() {
        api.on("POST", SYNC, 202, Fixtures.run(7, "vcenter-prod", "running", 0, null))
                .on("GET", "/api/sync/runs/7", 200, Fixtures.run(7, "vcenter-prod", "running", 500, null))
                .on("GET", "/api/sync/runs/7", 200, Fixtures.run(7, "vcenter-prod", "succeeded", 1200, null));

        Cli.Result r = cli.run("sync", "vcenter-prod");

        assertEquals(0, r.exit(), r.all());
        assertEquals(List.of("POST " + SYNC + "?trigger=cli", "GET /api/sync/runs/7", "GET /api/sync/runs/7"), api.targets());
        assertTrue(r.out().contains("run 7 succeeded in 42 s: 1200 fetched, 3 added, 2 updated, 1195 unchanged"), r.out());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(500)), cli.sleeps(), "polls every 500 ms");
        assertTrue(r.err().contains("vcenter-prod run 7: fetching, 0 fetched"), "plain progress line on stderr: " + r.err());
    }

    @Test
    void failedRunExitsOneWithTheRunsError() {
        api.on("POST", SYNC, 202, Fixtures.run(8, "vcenter-prod", "running", 0, null))
                .on("GET", "/api/sync/runs/8", 200, Fixtures.run(8, "vcenter-prod", "failed", 10, "vCenter refused the login"));

        Cli.Result r = cli.run("sync", "vcenter-prod");

        assertEquals(1, r.exit(), r.all());
        assertTrue(r.err().contains("run 8 failed: vCenter refused the login"), r.err());
    }

    @Test
    void cancelledRunExitsOne() {
        api.on("POST", SYNC, 202, Fixtures.run(8, "vcenter-prod", "cancelled", 10, "Cancelled by admin"));

        assertEquals(1, cli.run("sync", "vcenter-prod").exit());
    }

    @Test
    void needsConfirmationExitsFourAndSaysHowToConfirm() {
        api.on("POST", SYNC, 202, Fixtures.run(9, "vcenter-prod", "running", 0, null))
                .on("GET", "/api/sync/runs/9", 200, Fixtures.run(9, "vcenter-prod", "needs_confirmation", 10,
                        "This run would mark 40 of 100 active devices stale"));

        Cli.Result r = cli.run("sync", "vcenter-prod");

        assertEquals(4, r.exit(), r.all());
        assertTrue(r.err().contains("This run would mark 40 of 100 active devices stale"), r.err());
        assertTrue(r.err().contains("enreach sync vcenter-prod --confirm"), r.err());
    }

    @Test
    void confirmIsSentToTheServer() {
        api.on("POST", SYNC, 202, Fixtures.run(10, "vcenter-prod", "succeeded", 10, null));

        assertEquals(0, cli.run("sync", "vcenter-prod", "--confirm").exit());
        assertEquals("POST " + SYNC + "?trigger=cli&confirm=true", api.targets().get(0));
    }

    @Test
    void jsonOutputIsTheFinalRun() throws IOException {
        api.on("POST", SYNC, 202, Fixtures.run(11, "vcenter-prod", "running", 0, null))
                .on("GET", "/api/sync/runs/11", 200, Fixtures.run(11, "vcenter-prod", "succeeded", 99, null));

        Cli.Result r = cli.run("--json", "sync", "vcenter-prod");

        assertEquals(0, r.exit(), r.all());
        JsonNode run = Json.MAPPER.readTree(r.out());
        assertEquals(11, run.path("id").asLong());
        assertEquals("succeeded", run.path("status").asText());
        assertEquals(99, run.path("fetched").asLong());
    }

    @Test
    void jsonOptionAlsoWorksAfterTheCommand() throws IOException {
        api.on("POST", SYNC, 202, Fixtures.run(12, "vcenter-prod", "failed", 1, "boom"));

        Cli.Result r = cli.run("sync", "vcenter-prod", "--json");

        assertEquals(1, r.exit());
        assertEquals("failed", Json.MAPPER.readTree(r.out()).path("status").asText());
    }

    @Test
    void noWaitReturnsRightAfterTheRunStarted() {
        api.on("POST", SYNC, 202, Fixtures.run(13, "vcenter-prod", "running", 0, null));

        Cli.Result r = cli.run("sync", "vcenter-prod", "--no-wait");

        assertEquals(0, r.exit(), r.all());
        assertEquals(List.of("POST " + SYNC + "?trigger=cli"), api.targets(), "no polling");
        assertTrue(r.out().contains("run 13 started"), r.out());
    }

    @Test
    void alreadyRunningIsFollowedInsteadOfFailing() {
        api.on("POST", SYNC, 409, "{\"error\":{\"code\":\"already_running\",\"message\":\"Source instance 'vcenter-prod' is already running (run 5)\","
                        + "\"detail\":" + Fixtures.run(5, "vcenter-prod", "running", 100, null) + "}}")
                .on("GET", "/api/sync/runs/5", 200, Fixtures.run(5, "vcenter-prod", "succeeded", 300, null));

        Cli.Result r = cli.run("sync", "vcenter-prod");

        assertEquals(0, r.exit(), r.all());
        assertTrue(api.targets().contains("GET /api/sync/runs/5"), api.targets().toString());
        assertTrue(r.err().contains("already syncing (run 5"), r.err());
        assertTrue(r.out().contains("run 5 succeeded"), r.out());
    }

    @Test
    void alreadyRunningWithNoWaitIsARefusal() {
        api.on("POST", SYNC, 409, "{\"error\":{\"code\":\"already_running\",\"message\":\"Source instance 'vcenter-prod' is already running (run 5)\","
                + "\"detail\":" + Fixtures.run(5, "vcenter-prod", "running", 100, null) + "}}");

        Cli.Result r = cli.run("sync", "vcenter-prod", "--no-wait");

        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("already running (run 5)"), r.err());
    }

    @Test
    void invalidConfigurationIsExitTwoWithEveryFieldError() {
        api.on("POST", SYNC, 409, """
                {"error": {"code": "config_invalid", "field": "url", "message": "Source instance 'vcenter-prod' has an invalid configuration: url is required",
                 "detail": [{"field": "url", "code": "required", "message": "url is required"},
                            {"field": "username", "code": "required", "message": "username is required"}]}}
                """);

        Cli.Result r = cli.run("sync", "vcenter-prod");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("- username: username is required"), r.err());
    }

    @Test
    void unknownInstanceExitsSix() {
        api.on("POST", "/api/sources/nope/sync", 404, FakeApi.error("not_found", "Source instance 'nope' not found"));

        Cli.Result r = cli.run("sync", "nope");

        assertEquals(6, r.exit());
        assertTrue(r.err().contains("Source instance 'nope' not found"), r.err());
    }

    @Test
    void serverErrorExitsOne() {
        api.on("POST", SYNC, 500, FakeApi.error("internal", "Internal error; the log has the details"));

        assertEquals(1, cli.run("sync", "vcenter-prod").exit());
    }

    @Test
    void unreachablePlatformExitsThree() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Cli.Result r = new Cli(null, home).run("sync", "vcenter-prod", "--port", Integer.toString(closedPort));

        assertEquals(3, r.exit());
        assertTrue(r.err().contains("not reachable at http://127.0.0.1:" + closedPort), r.err());
    }

    @Test
    void unicodeInstanceNamesAreEncodedInThePath() {
        api.on("POST", "/api/sources/demo-%C3%A9t%C3%A9%201/sync", 202, Fixtures.run(14, "demo-été 1", "succeeded", 1, null));

        assertEquals(0, cli.run("sync", "demo-été 1").exit());
    }

    @Test
    void terminalShowsABarEstimatedFromThePreviousRun() {
        api.on("POST", SYNC, 202, Fixtures.run(15, "vcenter-prod", "running", 0, null))
                .on("GET", "/api/sync/runs", 200, "{\"count\": 2, \"next\": null, \"previous\": null, \"results\": ["
                        + Fixtures.run(15, "vcenter-prod", "running", 0, null) + "," + Fixtures.run(3, "vcenter-prod", "succeeded", 1000, null) + "]}")
                .on("GET", "/api/sync/runs/15", 200, Fixtures.run(15, "vcenter-prod", "running", 500, null))
                .on("GET", "/api/sync/runs/15", 200, Fixtures.run(15, "vcenter-prod", "succeeded", 1000, null));

        Cli.Result r = cli.terminal(true).run("sync", "vcenter-prod");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.err().contains("\r[############------------]  50%"), r.err());
        assertTrue(r.err().contains("] 100%"), r.err());
        assertFalse(r.out().contains("\r"), "the bar stays on stderr");
    }

    @Test
    void terminalBarOnlyMovesWhenThereIsNoEstimate() {
        api.on("POST", SYNC, 202, Fixtures.run(16, "vcenter-prod", "running", 0, null))
                .on("GET", "/api/sync/runs", 200, "{\"count\": 0, \"next\": null, \"previous\": null, \"results\": []}")
                .on("GET", "/api/sync/runs/16", 200, Fixtures.run(16, "vcenter-prod", "failed", 7, "boom"));

        Cli.Result r = cli.terminal(true).run("sync", "vcenter-prod");

        assertEquals(1, r.exit(), r.all());
        assertTrue(r.err().contains("\r[<=>"), r.err());
        assertFalse(r.err().contains("100%"), "a failed run does not end at 100%: " + r.err());
    }
}
