package com.enreach.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

/** enreach search, enreach kb|issues vectorize and enreach kb status against a fake API. */
class SearchCommandTest extends FakeApiTest {
    static final String RESULT = """
            {"query": "backup agent", "mode": "database", "model": null, "took_ms": 7,
             "notes": ["vector index plugin not installed: database text search"],
             "hits": [{"content_type": "article", "id": 12, "title": "Restart the backup agent", "snippet": "When the nightly backup fails, restart the agent",
                       "url": "https://wiki.example.com/x/12", "score": 3.25, "text_rank": 1, "vector_rank": 0, "space": "OPS", "chunk": 0},
                      {"content_type": "ticket", "id": 4, "title": "OPS-1 Disk full on db01", "snippet": "backup restarted",
                       "url": "https://jira.example.com/browse/OPS-1", "score": 1.5, "text_rank": 2, "vector_rank": 0, "project": "OPS", "chunk": 0}]}
            """;

    static String status(long articlesPending, long ticketsPending) {
        return """
                {"counts": {"article": {"pending": %d, "done": 5, "failed": 0}, "ticket": {"pending": %d, "done": 2, "failed": 1}},
                 "chunks": 40, "model": "all-MiniLM-L6-v2-q@1.19.0", "index_present": true, "index_chunks": 40, "index_in_sync": true,
                 "failures": ["ticket 9 (OPS-9): the embedding model failed: out of memory"], "running": false}
                """.formatted(articlesPending, ticketsPending);
    }

    @Test
    void hitsAreATableAndTheNotesArePrinted() {
        api.on("GET", "/api/search", 200, RESULT);

        Cli.Result r = cli.run("search", "backup", "agent", "--type", "kb", "--limit", "5", "--mode", "bm25");

        assertEquals(0, r.exit(), r.all());
        assertEquals(List.of("GET /api/search?q=backup+agent&type=kb&mode=bm25&limit=5"), api.targets());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("TYPE\\s+TITLE\\s+SCORE\\s+SNIPPET\\s+URL")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("article\\s+Restart the backup agent\\s+3.2500\\s+When the nightly.*https://wiki.example.com/x/12")), r.out());
        assertTrue(r.out().contains("Note: vector index plugin not installed: database text search"), r.out());
        assertTrue(r.out().contains("2 hits (database, 7 ms)"), r.out());
    }

    @Test
    void jsonIsTheServersAnswerAndBadOptionsAreUsageErrors() {
        api.on("GET", "/api/search", 200, RESULT);
        Cli.Result r = cli.run("search", "backup", "--json");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("\"vector_rank\""), r.out());

        assertEquals(2, cli.run("search", "x", "--type", "wiki").exit());
        assertEquals(2, cli.run("search", "x", "--limit", "0").exit());
        assertEquals(2, cli.run("search").exit(), "the text is required");
    }

    @Test
    void theServersRefusalIsShown() {
        api.on("GET", "/api/search", 400, FakeApi.error("invalid", "q must be at most 1000 characters, got 1200"));
        Cli.Result r = cli.run("search", "x");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("q must be at most 1000 characters"), r.err());
    }

    @Test
    void vectorizeFollowsThePendingCountAndSummarises() {
        CountDownLatch polled = new CountDownLatch(2); // the status read before the request, then one while it runs
        api.on("GET", "/api/kb/vectorization", 200, status(4, 0)).on("GET", "/api/kb/vectorization", 200, status(1, 0))
                .onEach("GET", "/api/kb/vectorization", polled::countDown)
                .on("POST", "/api/kb/vectorize", 200, """
                        {"content_type": "article", "contents": 4, "chunks_embedded": 9, "chunks_reused": 30, "chunks_removed": 2, "failed": 0,
                         "model": "all-MiniLM-L6-v2-q@1.19.0", "took_ms": 1200}
                        """).holdUntil("POST", "/api/kb/vectorize", polled);

        Cli.Result r = cli.run("kb", "vectorize");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.err().contains("[##################------]  75% 3/4 articles"), "err: " + r.err() + " out: " + r.out());
        assertTrue(r.out().contains("Vectorised 4 articles with all-MiniLM-L6-v2-q@1.19.0: 9 chunks embedded, 30 reused, 2 removed, 0 failed"), r.out());
        assertTrue(api.requests().stream().anyMatch(q -> q.path().equals("/api/kb/vectorize") && q.body().replaceAll("\\s", "").contains("\"type\":\"article\"")
                && q.body().replaceAll("\\s", "").contains("\"retry_failed\":false")));
    }

    @Test
    void issuesVectorizeAsksForTicketsAndReportsFailuresWithExit1() {
        api.on("GET", "/api/kb/vectorization", 200, status(0, 3)).on("POST", "/api/kb/vectorize", 200, """
                {"content_type": "ticket", "contents": 3, "chunks_embedded": 3, "chunks_reused": 0, "chunks_removed": 0, "failed": 1,
                 "model": "m@1", "took_ms": 10}
                """);
        Cli.Result r = cli.run("issues", "vectorize", "--retry-failed", "--json");
        assertEquals(1, r.exit(), r.all());
        assertTrue(r.out().contains("\"failed\" : 1"), r.out());
        assertTrue(api.requests().stream().anyMatch(q -> q.path().equals("/api/kb/vectorize") && q.body().replaceAll("\\s", "").contains("\"type\":\"ticket\"")
                && q.body().replaceAll("\\s", "").contains("\"retry_failed\":true")));
    }

    @Test
    void withoutAProviderVectorizeSaysSo() {
        api.on("GET", "/api/kb/vectorization", 200, status(1, 0)).on("POST", "/api/kb/vectorize", 503,
                FakeApi.error("no_embedding_provider", "No embedding provider plugin is installed"));
        Cli.Result r = cli.run("kb", "vectorize");
        assertEquals(1, r.exit(), r.all());
        assertTrue(r.err().contains("No embedding provider plugin is installed"), r.err());
    }

    @Test
    void aLostAnswerIsFollowedThroughTheStatusUntilTheVectorisationEnds() {
        String running = status(3, 0).replace("\"running\": false", "\"running\": true");
        api.on("GET", "/api/kb/vectorization", 200, status(5, 0)).on("GET", "/api/kb/vectorization", 200, running)
                .on("GET", "/api/kb/vectorization", 200, status(0, 0)).on("POST", "/api/kb/vectorize", FakeApi.DROP, "");
        Cli.Result r = cli.run("kb", "vectorize");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.err().contains("The answer to the vectorisation request was lost"), r.err());
        assertTrue(r.out().contains("Vectorisation ended: 5 articles done, 0 pending, 0 failed"), r.out());
    }

    @Test
    void statusShowsCountsModelIndexAndFailures() {
        api.on("GET", "/api/kb/vectorization", 200, status(2, 0));
        Cli.Result r = cli.run("kb", "status");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("articles\\s+2\\s+5\\s+0")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("tickets\\s+0\\s+2\\s+1")), r.out());
        assertTrue(r.out().contains("Embedding model: all-MiniLM-L6-v2-q@1.19.0"), r.out());
        assertTrue(r.out().contains("Vector index: 40 chunks, in step"), r.out());
        assertTrue(r.out().contains("ticket 9 (OPS-9): the embedding model failed"), r.out());
    }
}
