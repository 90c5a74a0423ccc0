package com.enreach.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code ask}, {@code ai ...}, {@code issues suggest|feedback}, {@code kb analyze} against the fake REST API. */
class AssistantCommandsTest extends FakeApiTest {
    static final String CITATION = "{\"n\":1,\"kind\":\"entity\",\"id\":12,\"key\":\"esx-ams-0003\",\"title\":\"ESX host AMS\","
            + "\"link\":\"#/entities/12\",\"url\":null,\"quote\":\"a host\"}";
    static final String TICKET = "{\"n\":2,\"kind\":\"ticket\",\"id\":7,\"key\":\"OPS-3\",\"title\":\"NFS stale\",\"link\":\"#/ext/tickets?id=7\","
            + "\"url\":\"https://jira.example/browse/OPS-3\",\"quote\":\"remounted\"}";

    static String answer(String text, String error) {
        return "{\"conversation_id\":7,\"question_id\":70,\"answer_id\":71,\"provider\":\"offline\",\"model\":null,\"extractive\":true,"
                + "\"text\":\"" + text + "\",\"citations\":[" + (error == null ? CITATION + "," + TICKET : "") + "],\"tool_calls\":[],"
                + "\"error\":" + (error == null ? "null" : error) + ",\"created_at\":\"2026-01-01T00:00:00Z\",\"took_ms\":12}";
    }

    static String sse(String... eventData) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i + 1 < eventData.length; i += 2) {
            b.append("event: ").append(eventData[i]).append("\ndata: ").append(eventData[i + 1]).append("\n\n");
        }
        return b.toString();
    }

    @Test
    void askStreamsDeltasThenNumberedSourcesWithFullUiLinks() throws Exception {
        api.on("POST", "/api/ai/query", 200, sse("stored", "{\"conversation_id\":7,\"question_id\":70}",
                "status", "{\"text\":\"searching the knowledge base\"}",
                "delta", "{\"text\":\"esx-ams-0003 runs \"}", "delta", "{\"text\":\"two VMs [1]; fixed before [2].\"}",
                "citation", CITATION, "answer", answer("esx-ams-0003 runs two VMs [1]; fixed before [2].", null)));

        Cli.Result r = cli.run("ask", "which", "VMs run on esx-ams-0003?", "--scope", "inventory", "--conversation", "7");

        assertEquals(0, r.exit(), r.all());
        FakeApi.Request req = api.requests().stream().filter(q -> q.path().equals("/api/ai/query")).findFirst().orElseThrow();
        assertEquals("text/event-stream", req.accept());
        JsonNode body = Json.MAPPER.readTree(req.body());
        assertEquals("which VMs run on esx-ams-0003?", body.path("question").asText());
        assertEquals("inventory", body.path("scope").asText());
        assertEquals(7, body.path("conversation_id").asLong());
        String base = "http://127.0.0.1:" + api.port();
        assertTrue(r.out().startsWith("esx-ams-0003 runs two VMs [1]; fixed before [2].\n"), r.out());
        assertTrue(r.out().contains("[1] entity esx-ams-0003 — ESX host AMS\n      " + base + "/#/entities/12\n"), r.out());
        assertTrue(r.out().contains("[2] ticket OPS-3 — NFS stale\n      " + base + "/#/ext/tickets?id=7\n      https://jira.example/browse/OPS-3"), r.out());
        assertTrue(r.out().contains("extractive"), r.out());
        assertTrue(r.out().contains("--conversation 7"), r.out());
        assertTrue(r.err().contains("searching the knowledge base"), "status goes to stderr: " + r.err());
        assertEquals(1, r.out().split("two VMs", -1).length - 1, "the text is printed once, not again from the answer");
    }

    @Test
    void aProviderErrorIsPrintedWithItsRetryAfterAndExitsNonZero() {
        api.on("POST", "/api/ai/query", 200, sse("stored", "{\"conversation_id\":9,\"question_id\":90}",
                "answer", answer("", "{\"code\":\"rate_limited\",\"message\":\"The provider claude is rate limited\",\"retry_after_seconds\":30}")
                        .replace("\"conversation_id\":7", "\"conversation_id\":9")));

        Cli.Result r = cli.run("ask", "anything?");

        assertEquals(ExitCodes.FAILED, r.exit(), r.all());
        assertTrue(r.err().contains("rate_limited: The provider claude is rate limited (retry after 30 s)"), r.err());
        assertTrue(r.err().contains("conversation 9"), "the question is kept: " + r.err());
    }

    @Test
    void aStreamWithoutAnAnswerFailsNamingTheStoredConversation() {
        api.on("POST", "/api/ai/query", 200, sse("stored", "{\"conversation_id\":5,\"question_id\":50}", "delta", "{\"text\":\"half\"}"));
        Cli.Result r = cli.run("ask", "q");
        assertEquals(ExitCodes.FAILED, r.exit(), r.all());
        assertTrue(r.err().contains("enreach ai show 5"), r.err());
    }

    @Test
    void askRefusedBeforeStreamingGetsTheApiErrorAndItsExitCode() {
        api.on("POST", "/api/ai/query", 503, FakeApi.error("assistant_missing", "The assistant plugin (com.enreach.tools.plugin.assistant) is not installed"));
        Cli.Result r = cli.run("ask", "q");
        assertEquals(ExitCodes.forHttpStatus(503), r.exit(), r.all());
        assertTrue(r.err().contains("com.enreach.tools.plugin.assistant"), r.err());
    }

    @Test
    void askJsonPrintsTheAnswerAndFailsOnItsError() throws Exception {
        api.on("POST", "/api/ai/query", 200, answer("two VMs [1].", null));
        Cli.Result r = cli.run("ask", "q", "--json");
        assertEquals(0, r.exit(), r.all());
        assertEquals("two VMs [1].", Json.MAPPER.readTree(r.out()).path("text").asText());
        assertEquals("application/json", api.requests().get(api.requests().size() - 1).accept());
    }

    @Test
    void humanOutputEscapesControlCharacters() {
        api.on("POST", "/api/ai/query", 200, sse("delta", "{\"text\":\"evil \\u001b[2J host\"}",
                "answer", answer("evil \\u001b[2J host", null)));
        Cli.Result r = cli.run("ask", "q");
        assertFalse(r.out().contains("\u001b"), r.out());
        assertTrue(r.out().contains("evil \\x1b[2J host"), r.out());
    }

    @Test
    void aiProvidersConversationsShowAndAudit() {
        api.on("GET", "/api/ai/providers", 200, "{\"results\":[{\"name\":\"claude\",\"kind\":\"anthropic\",\"model\":\"claude-x\",\"base_url\":\"https://api.anthropic.com\","
                        + "\"external\":true,\"allows_sensitive\":false,\"supports_tools\":true,\"is_default\":true,\"status\":\"ready\",\"message\":null},"
                        + "{\"name\":\"offline\",\"kind\":\"offline\",\"external\":false,\"allows_sensitive\":true,\"supports_tools\":false,\"is_default\":false,\"status\":\"ready\"}]}")
                .on("GET", "/api/ai/conversations", 200, "{\"count\":3,\"next\":\"x\",\"previous\":null,\"results\":[{\"id\":7,\"title\":\"which VMs?\","
                        + "\"created_by\":\"alice\",\"message_count\":2,\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-02T00:00:00Z\"}]}")
                .on("GET", "/api/ai/conversations/7", 200, "{\"conversation\":{\"id\":7,\"title\":\"which VMs?\",\"created_by\":\"alice\","
                        + "\"created_at\":\"2026-01-01T00:00:00Z\"},\"messages\":[{\"id\":1,\"role\":\"user\",\"text\":\"which VMs?\",\"citations\":[]},"
                        + "{\"id\":2,\"role\":\"assistant\",\"text\":\"two [1]\",\"provider\":\"offline\",\"extractive\":true,\"citations\":[" + CITATION + "]},"
                        + "{\"id\":3,\"role\":\"user\",\"text\":\"and now?\"},"
                        + "{\"id\":4,\"role\":\"assistant\",\"text\":\"overloaded\",\"error_code\":\"overloaded\",\"retry_after_seconds\":5}]}")
                .on("GET", "/api/ai/audit", 200, "{\"count\":1,\"results\":[{\"id\":1,\"actor\":\"alice\",\"provider\":\"claude\",\"model\":\"claude-x\","
                        + "\"external\":true,\"purpose\":\"answer\",\"chars_sent\":1200,\"content_summary\":\"question, 5 kb passages\",\"redactions\":2,"
                        + "\"outcome\":\"ok\",\"created_at\":\"2026-01-01T00:00:00Z\"}]}");

        Cli.Result p = cli.run("ai", "providers");
        assertEquals(0, p.exit(), p.all());
        String first = p.out().lines().skip(1).findFirst().orElseThrow();
        assertTrue(first.startsWith("claude") && first.contains("anthropic") && first.contains("withheld"), p.out());

        Cli.Result c = cli.run("ai", "conversations", "--limit", "1");
        assertTrue(c.out().contains("which VMs?") && c.out().contains("1 of 3 conversations (next page: --offset 1)"), c.out());
        assertTrue(api.targets().contains("GET /api/ai/conversations?limit=1"), api.targets().toString());

        Cli.Result s = cli.run("ai", "show", "7");
        assertEquals(0, s.exit(), s.all());
        assertTrue(s.out().contains("Q [") && s.out().contains("two [1]") && s.out().contains("/#/entities/12"), s.out());
        assertTrue(s.out().contains("A: failed, overloaded: overloaded (retry after 5 s)"), s.out());

        Cli.Result a = cli.run("ai", "audit");
        assertTrue(a.out().contains("question, 5 kb passages") && a.out().contains("1200"), a.out());
    }

    static final String SUGGESTION = "{\"id\":4,\"ticket_key\":\"OPS-12\",\"problem\":\"NFS stale file handle on esx-ams-0003\","
            + "\"steps\":[\"Remount the datastore [2]\",\"Check the NFS export [1]\"],\"references\":[" + CITATION + "," + TICKET + "],"
            + "\"similar_tickets\":[{\"kind\":\"ticket\",\"id\":7,\"key\":\"OPS-3\",\"title\":\"NFS stale\",\"similarity\":0.83,"
            + "\"resolution\":\"remounted\",\"link\":\"#/ext/tickets?id=7\",\"url\":\"https://jira.example/browse/OPS-3\"}],\"articles\":[],"
            + "\"entities\":[" + CITATION + "],\"confidence\":0.72,\"confidence_label\":\"medium\",\"confidence_basis\":{\"similarity\":0.83},"
            + "\"provider\":\"offline\",\"extractive\":true,\"feedback\":[]}";

    @Test
    void issuesSuggestPrintsNumberedStepsReferencesSimilarTicketsAndConfidence() throws Exception {
        api.on("POST", "/api/ai/suggestions", 201, SUGGESTION);

        Cli.Result r = cli.run("issues", "suggest", "OPS-12");

        assertEquals(0, r.exit(), r.all());
        assertEquals("OPS-12", Json.MAPPER.readTree(api.requests().get(api.requests().size() - 1).body()).path("ticket_key").asText());
        assertTrue(r.out().contains("  1. Remount the datastore [2]\n  2. Check the NFS export [1]"), r.out());
        assertTrue(r.out().contains("Confidence: 0.72 (medium) from similarity 0.83"), r.out());
        assertTrue(r.out().contains("0.83  OPS-3 — NFS stale") && r.out().contains("resolution: remounted"), r.out());
        assertTrue(r.out().contains("http://127.0.0.1:" + api.port() + "/#/ext/tickets?id=7"), r.out());
        assertTrue(r.out().contains("enreach issues feedback 4 --helpful"), r.out());

        Cli.Result t = cli.run("issues", "suggest", "--text", "NFS is stale", "--provider", "claude");
        assertEquals(0, t.exit(), t.all());
        JsonNode body = Json.MAPPER.readTree(api.requests().get(api.requests().size() - 1).body());
        assertEquals("NFS is stale", body.path("text").asText());
        assertEquals("claude", body.path("provider").asText());
        assertTrue(body.path("ticket_key").isMissingNode());

        assertEquals(ExitCodes.USAGE, cli.run("issues", "suggest").exit());
        assertEquals(ExitCodes.USAGE, cli.run("issues", "suggest", "OPS-1", "--text", "both").exit());
    }

    @Test
    void issuesFeedbackNeedsAVerdict() throws Exception {
        api.on("POST", "/api/ai/suggestions/4/feedback", 201, "{\"id\":1,\"suggestion_id\":4,\"helpful\":false,\"comment\":\"wrong host\",\"actor\":\"alice\"}");
        Cli.Result r = cli.run("issues", "feedback", "4", "--not-helpful", "--comment", "wrong host");
        assertEquals(0, r.exit(), r.all());
        JsonNode body = Json.MAPPER.readTree(api.requests().get(api.requests().size() - 1).body());
        assertFalse(body.path("helpful").asBoolean());
        assertEquals("wrong host", body.path("comment").asText());
        assertTrue(r.out().contains("did not help"), r.out());
        assertEquals(ExitCodes.USAGE, cli.run("issues", "feedback", "4").exit());
        assertEquals(ExitCodes.USAGE, cli.run("issues", "feedback", "4", "--helpful", "--not-helpful").exit());
    }

    @Test
    void kbAnalyzePrintsATablePerKindAndPassesItsParameters() {
        api.on("GET", "/api/kb/analysis", 200, "{\"findings\":[{\"kind\":\"gap\",\"title\":\"NFS stale handles\",\"detail\":\"3 tickets\","
                + "\"suggested_action\":\"Write a runbook\",\"score\":0.8,\"evidence\":[" + TICKET + "],\"draft\":\"# NFS runbook\"},"
                + "{\"kind\":\"duplicate\",\"title\":\"Backup A / Backup B\",\"suggested_action\":\"Merge\",\"score\":0.95,\"evidence\":[]}],"
                + "\"counts\":{\"gap\":1,\"duplicate\":1},\"stale_months\":6,\"duplicate_similarity\":0.85,\"took_ms\":40}");

        Cli.Result r = cli.run("kb", "analyze", "--stale-months", "6", "--similarity", "0.85", "--draft");

        assertEquals(0, r.exit(), r.all());
        assertEquals(List.of("GET /api/kb/analysis?stale_months=6&duplicate_similarity=0.85&draft=true"), api.targets());
        assertTrue(r.out().contains("Gaps: resolved tickets with no close article (1)"), r.out());
        assertTrue(r.out().contains("Outdated articles (0)\n  none"), r.out());
        assertTrue(r.out().contains("Duplicates and overlaps (1)"), r.out());
        assertTrue(r.out().contains("NFS stale handles") && r.out().contains("OPS-3") && r.out().contains("Write a runbook"), r.out());
        assertTrue(r.out().contains("# NFS runbook"), r.out());
    }
}
