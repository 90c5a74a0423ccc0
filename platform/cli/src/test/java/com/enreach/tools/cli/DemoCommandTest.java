package com.enreach.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** What {@code enreach demo} does once the platform is up: sync every demo instance and say how each went. */
class DemoCommandTest extends FakeApiTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Enreach root() {
        AtomicLong clock = new AtomicLong();
        Enreach root = new Enreach(k -> switch (k) {
            case "ENREACH_HOME" -> home.toString();
            case "ENREACH_PORT" -> Integer.toString(api.port());
            case "ENREACH_TOKEN" -> "tok-1";
            default -> null;
        }, d -> { }, false, () -> clock.addAndGet(1000));
        CommandLine cl = Enreach.commandLine(root);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return root;
    }

    @Test
    void startsEveryInstanceThenFollowsEachToItsEnd() {
        long id = 1;
        for (String instance : DemoCommand.INSTANCES.keySet()) {
            api.on("POST", "/api/sources/" + instance + "/sync", 202, Fixtures.run(id, instance, "running", 0, null))
                    .on("GET", "/api/sync/runs/" + id, 200, Fixtures.run(id, instance, "running", 100, null))
                    .on("GET", "/api/sync/runs/" + id, 200, Fixtures.run(id, instance, "succeeded", 3000, null));
            id++;
        }

        int succeeded = DemoCommand.syncAll(root(), DemoCommand.ensureConfig(home));

        int n = DemoCommand.INSTANCES.size();
        assertEquals(n, succeeded);
        List<String> posts = api.targets().stream().filter(t -> t.startsWith("POST")).toList();
        assertEquals(n, posts.size(), "all started before any is followed: " + api.targets());
        assertTrue(api.targets().subList(0, n).equals(posts), "started side by side: " + api.targets());
        assertTrue(posts.stream().anyMatch(p -> p.contains("/api/sources/demo-wiki/sync")) && posts.stream().anyMatch(p -> p.contains("/api/sources/demo-jira/sync")),
                "the knowledge base is synced too: " + posts);
        for (String instance : DemoCommand.INSTANCES.keySet()) {
            assertTrue(out.toString().contains("Demo sync of " + instance + " started"), out.toString());
            assertTrue(out.toString().contains(instance + ": run ") && out.toString().contains(" succeeded in 42 s: 3000 fetched"), out.toString());
        }
        assertTrue(err.toString().contains("demo-vcenter run 1: fetching, 0 fetched"), "progress on stderr: " + err);
    }

    @Test
    void anInstanceThatCannotStartIsReportedAndTheOthersGoOn() {
        api.on("POST", "/api/sources/demo-vcenter/sync", 403, FakeApi.error("forbidden", "needs role operator"))
                .on("POST", "/api/sources/demo-puppetdb/sync", 409, "{\"error\":{\"code\":\"already_running\",\"message\":\"running\","
                        + "\"detail\":" + Fixtures.run(9, "demo-puppetdb", "running", 5, null) + "}}")
                .on("GET", "/api/sync/runs/9", 200, Fixtures.run(9, "demo-puppetdb", "succeeded", 10, null));

        int succeeded = DemoCommand.syncAll(root(), List.of("demo-vcenter", "demo-puppetdb"));

        assertEquals(1, succeeded);
        assertTrue(err.toString().contains("could not start the demo sync of demo-vcenter: "), err.toString());
        assertTrue(out.toString().contains("demo-puppetdb: run 9 succeeded"), "a run already going is followed: " + out);
    }

    @Test
    void aFreshInstanceLetsTheRunItsScheduleStartedTooEarlyEndAndStartsANewOne() {
        // netbox-demo: its schedule started run 1 before the sandbox it reads answered; that run fails
        api.on("POST", "/api/sources/netbox-demo/sync", 409, "{\"error\":{\"code\":\"already_running\",\"message\":\"running\","
                        + "\"detail\":" + Fixtures.run(1, "netbox-demo", "running", 0, null) + "}}")
                .on("POST", "/api/sources/netbox-demo/sync", 202, Fixtures.run(11, "netbox-demo", "running", 0, null))
                .on("GET", "/api/sync/runs/1", 200, Fixtures.run(1, "netbox-demo", "running", 0, null))
                .on("GET", "/api/sync/runs/1", 200, Fixtures.run(1, "netbox-demo", "failed", 0, "HTTP 404"))
                .on("GET", "/api/sync/runs/11", 200, Fixtures.run(11, "netbox-demo", "succeeded", 300, null));

        int succeeded = DemoCommand.syncAll(root(), List.of("netbox-demo"), java.util.Set.of("netbox-demo"));

        assertEquals(1, succeeded);
        assertTrue(out.toString().contains("Demo sync of netbox-demo started (run 11)"), out.toString());
        assertTrue(out.toString().contains("netbox-demo: run 11 succeeded"), out.toString());
        assertFalse(out.toString().contains("run 1 "), "the early run is not reported as the demo's: " + out);
    }
}
