package com.enreach.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** history never cuts a message, and history RUN shows a run in full with what it changed. */
class HistoryCommandTest extends FakeApiTest {
    /** 180 characters: far past a table cell. */
    static final String LONG = "GET /api/hosts page 3 of 20 failed: the server answered 503 Service Unavailable three times in a row;"
            + " the last answer said: maintenance window until 02:00 UTC, retry later please";

    @Test
    void theListShowsEveryLongErrorInFullBelowTheTable() {
        api.on("GET", "/api/sync/runs", 200, Fixtures.page(1, false, Fixtures.run(4, "foreman-prod", "failed", 10, LONG)));

        Cli.Result r = cli.run("history");

        assertEquals(0, r.exit(), r.all());
        String joined = r.out().substring(r.out().indexOf("run 4: ")).replaceAll("\\s+", " ");
        assertTrue(joined.contains(LONG), r.out());
        assertTrue(r.out().lines().allMatch(l -> l.length() <= 200), r.out());
    }

    @Test
    void aRunInFullHasItsCountsWrappedErrorAndFirstChanges() {
        String run = Fixtures.run(7, "puppetdb-prod", "failed", 10, LONG).replaceFirst("}\\s*$", """
                , "changes": {"total": 3, "counts": {"device": {"created": 1, "updated": 1}, "ip_address": {"deleted": 1}},
                   "list": "http://x/api/sync/runs/7/changes"}}
                """);
        api.on("GET", "/api/sync/runs/7", 200, run);
        api.on("GET", "/api/sync/runs/7/changes", 200, Fixtures.page(3, true, """
                {"position": 41, "run_id": 7, "instance": "puppetdb-prod", "kind": "device", "action": "updated", "entity_id": 3,
                 "device_id": 3, "source_id": "web-1", "name": "web-1.example.com", "fields": ["metadata.os", "ip_addresses"],
                 "changed_at": "2025-03-01T10:00:40Z"}
                """));

        Cli.Result r = cli.run("history", "7", "--changes", "1", "--kind", "device");

        assertEquals(0, r.exit(), r.all());
        assertEquals("GET /api/sync/runs/7/changes?kind=device&limit=1", api.targets().get(1));
        assertTrue(r.out().contains("Run 7 of puppetdb-prod (puppetdb), trigger cli"), r.out());
        assertTrue(r.out().contains("fetched 10, added 3, updated 2, unchanged 5, stale 0, warnings 0"), r.out());
        String error = r.out().substring(r.out().indexOf("Error:")).replaceAll("\\s+", " ");
        assertTrue(error.startsWith("Error: " + LONG), r.out());
        assertTrue(r.out().lines().allMatch(l -> l.length() <= HistoryCommand.WRAP), r.out());
        assertTrue(r.out().contains("  device: created 1, updated 1"), r.out());
        assertTrue(r.out().contains("  ip_address: deleted 1"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("41\\s+device\\s+updated\\s+web-1.example.com\\s+web-1\\s+metadata.os, ip_addresses")), r.out());
        assertTrue(r.out().contains("1 of 3 changes"), r.out());
    }
}
