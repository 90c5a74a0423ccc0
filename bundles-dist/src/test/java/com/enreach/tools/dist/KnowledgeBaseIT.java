package com.enreach.tools.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The knowledge base in the assembled distribution with its real plugins: a demo wiki and a demo Jira about the
 * machines of a demo vCenter are synced, vectorised by the MiniLM plugin into the Lucene index plugin, and searched
 * by meaning; tickets link to the machines they name. Then the index jar and the embedding jar are taken out of the
 * watched deploy folder one after the other: search keeps answering from what is left (database text search, BM25)
 * and says so, and putting each jar back restores hybrid search in the same JVM, without a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KnowledgeBaseIT {
    private static final Duration PLUGIN_CHANGE = Duration.ofSeconds(90);
    private static Distribution dist;
    private static long pid;

    @BeforeAll
    static void start() throws IOException {
        dist = Distribution.copy("kb");
        String estate = "size=120\nseed=11\nschedule.minutes=0\nchurn.percent=0\n";
        dist.writeConfig("source.demo-vc.cfg", "view=vcenter\n" + estate);
        dist.writeConfig("source.demo-wiki.cfg", "view=confluence\nkb.articles=12\nkb.tickets=40\n" + estate);
        dist.writeConfig("source.demo-jira.cfg", "view=jira\nkb.tickets=40\n" + estate);
        dist.start();
        pid = dist.process().pid();
        dist.syncAll("demo-vc", "demo-wiki", "demo-jira");
        // vectorised after the runs, by the core on its own (auto-vectorise), into the index
        dist.awaitKnowledgeIndexed();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (dist != null) {
            dist.close();
        }
    }

    private static JsonNode search(String text) {
        return dist.get("/api/search?limit=10&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
    }

    private static boolean hasHit(JsonNode result, String type, long id) {
        for (JsonNode h : result.path("hits")) {
            if (type.equals(h.path("content_type").asText()) && h.path("id").asLong() == id) {
                return true;
            }
        }
        return false;
    }

    private static Path jar(String namePart) throws IOException {
        try (Stream<Path> s = Files.list(dist.home().resolve("deploy"))) {
            return s.filter(p -> p.getFileName().toString().contains(namePart)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + namePart + " jar in deploy/"));
        }
    }

    @Test
    @Order(1)
    void aTicketIsFoundByItsOwnWordsInHybridMode() {
        JsonNode tickets = dist.get("/api/kb/tickets?limit=5");
        assertTrue(tickets.path("count").asLong() >= 40, tickets.toString());
        JsonNode ticket = tickets.path("results").get(0);
        JsonNode result = search(ticket.path("summary").asText());
        assertEquals("hybrid", result.path("mode").asText(), result.toString());
        assertTrue(hasHit(result, "ticket", ticket.path("id").asLong()), "ticket " + ticket.path("key") + " not in " + result);
        boolean anyVectorRank = false;
        for (JsonNode h : result.path("hits")) {
            anyVectorRank |= h.path("vector_rank").asInt() > 0;
        }
        assertTrue(anyVectorRank, "no hit came from the vectors: " + result);
    }

    @Test
    @Order(2)
    void ticketsLinkToTheMachinesTheyNameAndBack() {
        JsonNode tickets = dist.get("/api/kb/tickets?limit=40");
        long entityId = 0;
        long ticketId = 0;
        for (JsonNode t : tickets.path("results")) {
            JsonNode detail = dist.get("/api/kb/tickets/" + t.path("id").asLong());
            if (!detail.path("entities").isEmpty()) {
                entityId = detail.path("entities").get(0).path("entity_id").asLong();
                ticketId = t.path("id").asLong();
                break;
            }
        }
        assertTrue(entityId > 0, "no ticket names a machine of the demo vCenter");
        JsonNode knowledge = dist.get("/api/entities/" + entityId + "/knowledge");
        boolean back = false;
        for (JsonNode c : knowledge.isArray() ? knowledge : knowledge.path("results")) {
            back |= "ticket".equals(c.path("content_type").asText()) && c.path("id").asLong() == ticketId;
        }
        assertTrue(back, "entity " + entityId + " does not list ticket " + ticketId + ": " + knowledge);
    }

    @Test
    @Order(3)
    void theCliSearches() {
        Distribution.Result r = dist.cli("search", "backup job failed", "--json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode result = Distribution.parse(r.out());
        assertEquals("hybrid", result.path("mode").asText(), r.toString());
        assertFalse(result.path("hits").isEmpty(), r.toString());
    }

    @Test
    @Order(4)
    void withoutTheIndexJarSearchFallsBackToTheDatabaseAndComesBackWithIt() throws IOException {
        Path jar = jar("vectorlucene");
        Path aside = dist.home().resolve(jar.getFileName() + ".removed");
        Files.move(jar, aside);
        JsonNode degraded = Distribution.await("search without the index", PLUGIN_CHANGE, () -> search("backup job failed"),
                r -> "database".equals(r.path("mode").asText()));
        assertFalse(degraded.path("hits").isEmpty(), degraded.toString());
        assertFalse(degraded.path("notes").isEmpty(), "the fallback is not said: " + degraded);
        assertEquals(503, dist.post("/api/kb/reindex").statusCode());

        Files.move(aside, jar);
        JsonNode back = Distribution.await("search with the index again", PLUGIN_CHANGE, () -> search("backup job failed"),
                r -> "hybrid".equals(r.path("mode").asText()));
        assertFalse(back.path("hits").isEmpty(), back.toString());
        assertEquals(pid, dist.process().pid());
        assertTrue(dist.process().isAlive(), "the platform restarted");
    }

    @Test
    @Order(5)
    void withoutTheEmbeddingJarSearchIsBm25AndComesBackWithIt() throws IOException {
        Path jar = jar("embedding.minilm");
        Path aside = dist.home().resolve(jar.getFileName() + ".removed");
        Files.move(jar, aside);
        JsonNode degraded = Distribution.await("search without the model", PLUGIN_CHANGE, () -> search("backup job failed"),
                r -> "bm25".equals(r.path("mode").asText()));
        assertFalse(degraded.path("hits").isEmpty(), degraded.toString());
        assertFalse(degraded.path("notes").isEmpty(), "the fallback is not said: " + degraded);
        assertEquals(503, dist.post("/api/kb/vectorize").statusCode());

        Files.move(aside, jar);
        JsonNode back = Distribution.await("search with the model again", PLUGIN_CHANGE, () -> search("backup job failed"),
                r -> "hybrid".equals(r.path("mode").asText()));
        assertFalse(back.path("hits").isEmpty(), back.toString());
        assertTrue(dist.process().isAlive(), "the platform restarted");
        assertEquals(pid, dist.process().pid());
    }
}
