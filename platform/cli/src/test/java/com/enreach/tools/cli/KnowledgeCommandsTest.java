package com.enreach.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code kb} and {@code issues}: refresh of the instances that emit articles or tickets, list and show, --json, escaping. */
class KnowledgeCommandsTest extends FakeApiTest {
    /** A source as /api/sources reports it, with the record kinds its plugin emits. */
    private static String source(String instance, String kind, boolean present, String... entityKinds) {
        String base = Fixtures.source(instance, kind, present).trim();
        return base.substring(0, base.length() - 1) + ", \"entity_kinds\": [" + String.join(", ", List.of(entityKinds).stream()
                .map(k -> "\"" + k + "\"").toList()) + "]}";
    }

    private void estate() {
        api.on("GET", "/api/sources", 200, "[" + source("wiki-ops", "confluence", true, "article") + ","
                + source("wiki-old", "confluence", false) + "," + source("jira-ops", "jira", true, "ticket") + ","
                + source("vcenter-prod", "vcenter", true, "device", "relationship") + "," + source("wiki-dev", "confluence", true, "article") + "]");
    }

    private List<String> posts() {
        return api.targets().stream().filter(t -> t.startsWith("POST")).toList();
    }

    @Test
    void kbRefreshSyncsEveryLiveInstanceThatEmitsArticles() {
        estate();
        api.on("POST", "/api/sources/wiki-ops/sync", 202, Fixtures.run(1, "wiki-ops", "succeeded", 10, null))
                .on("POST", "/api/sources/wiki-dev/sync", 202, Fixtures.run(2, "wiki-dev", "succeeded", 5, null));

        Cli.Result r = cli.run("kb", "refresh", "--confirm");

        assertEquals(0, r.exit(), r.all());
        assertEquals("GET /api/sources", api.targets().get(0), "kb is a command, never looked up as a source kind");
        assertEquals(List.of("POST /api/sources/wiki-ops/sync?trigger=cli&confirm=true", "POST /api/sources/wiki-dev/sync?trigger=cli&confirm=true"),
                posts());
        assertTrue(r.out().contains("2 of 2 instances ok"), r.out());
    }

    @Test
    void issuesRefreshSyncsTicketSourcesAndAnswersJson() throws Exception {
        estate();
        api.on("POST", "/api/sources/jira-ops/sync", 202, Fixtures.run(7, "jira-ops", "running", 0, null))
                .on("GET", "/api/sync/runs/7", 200, Fixtures.run(7, "jira-ops", "succeeded", 40, null));

        Cli.Result r = cli.run("issues", "refresh", "--json");

        assertEquals(0, r.exit(), r.all());
        assertEquals(List.of("POST /api/sources/jira-ops/sync?trigger=cli"), posts());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertEquals("jira", j.at("/kinds/0").asText());
        assertEquals(7, j.at("/instances/0/run/id").asInt());
    }

    @Test
    void noInstanceEmittingTicketsExitsSix() {
        api.on("GET", "/api/sources", 200, "[" + source("vcenter-prod", "vcenter", true, "device") + "]");

        Cli.Result r = cli.run("issues", "refresh");

        assertEquals(6, r.exit(), r.all());
        assertTrue(r.err().contains("no live source instance emits tickets"), r.err());
        assertTrue(posts().isEmpty());
    }

    @Test
    void kbListPassesFiltersAndEscapesControlCharacters() {
        api.on("GET", "/api/kb/articles", 200, """
                {"count": 120, "next": "x", "previous": null, "results": [{"id": 4, "space_key": "OPS", "title": "Evil \\u001b[31mred",
                 "last_updated": "2026-01-02T00:00:00Z", "author": "ann", "status": "active", "vector_status": "pending"}]}""");

        Cli.Result r = cli.run("kb", "list", "-q", "restart nginx", "--space", "OPS", "--limit", "1");

        assertEquals(0, r.exit(), r.all());
        assertEquals("GET /api/kb/articles?q=restart+nginx&space=OPS&limit=1", api.targets().get(0));
        assertFalse(r.out().contains("\u001b"), r.out());
        assertTrue(r.out().contains("Evil \\x1b[31mred"), r.out());
        assertTrue(r.out().contains("1 of 120 articles (next page: --offset 1)"), r.out());
    }

    @Test
    void issuesListMapsResolvedAndCategory() {
        api.on("GET", "/api/kb/tickets", 200, "{\"count\": 0, \"next\": null, \"previous\": null, \"results\": []}");

        assertEquals(0, cli.run("issues", "list", "--project", "OPS", "--category", "done", "--unresolved").exit());
        assertEquals("GET /api/kb/tickets?project=OPS&status_category=done&resolved=false", api.targets().get(0));
        assertEquals(2, cli.run("issues", "list", "--resolved", "--unresolved").exit(), "the two are exclusive");
    }

    @Test
    void issuesShowPrintsCommentsAndMentionedEntities() {
        api.on("GET", "/api/kb/tickets/OPS-7", 200, """
                {"ticket": {"id": 9, "key": "OPS-7", "summary": "Disk full on db-prod-2", "type": "Incident", "status": "Done",
                  "status_category": "done", "resolution": "Fixed", "record_status": "active", "url": "https://jira/OPS-7",
                  "labels": [], "components": []},
                 "description": "The /var partition filled up.\\nLine two \\u009b2J",
                 "comments": [{"id": "1", "author": "ann", "created": "2026-01-04T12:00:00Z", "body": "vacuum helped"}],
                 "entities": [{"entity_id": 3, "entity_name": "db-prod-2", "entity_type": "vm", "mention": "db-prod-2", "matched_by": "name"}],
                 "vectors": {"status": "done", "model": "all-MiniLM-L6-v2@1", "chunks": 2}}""");

        Cli.Result r = cli.run("issues", "show", "OPS-7");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().startsWith("OPS-7  Disk full on db-prod-2  (ticket 9, active)"), r.out());
        assertTrue(r.out().contains("The /var partition filled up.\nLine two \\x9b2J"), r.out());
        assertTrue(r.out().contains("    vacuum helped"), r.out());
        assertTrue(r.out().contains("3       db-prod-2  vm    db-prod-2  name"), r.out());
        assertTrue(r.out().contains("done, 2 chunks, all-MiniLM-L6-v2@1"), r.out());
    }

    @Test
    void kbShowJsonIsTheApiAnswerAndAnUnknownIdIsNotFound() throws Exception {
        api.on("GET", "/api/kb/articles/4", 200, "{\"article\": {\"id\": 4, \"title\": \"Runbook\"}, \"body_text\": \"x\", \"entities\": []}");

        Cli.Result r = cli.run("kb", "show", "4", "--json");
        assertEquals(0, r.exit(), r.all());
        assertEquals("Runbook", Json.MAPPER.readTree(r.out()).at("/article/title").asText());

        Cli.Result missing = cli.run("kb", "show", "5");
        assertEquals(6, missing.exit(), missing.all());
    }
}
