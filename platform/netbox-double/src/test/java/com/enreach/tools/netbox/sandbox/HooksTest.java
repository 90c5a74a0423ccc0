package com.enreach.tools.netbox.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HooksTest {
    private final Nb nb = new Nb();

    @Test
    void throttlesTheNextRequestsWithRetryAfter() {
        nb.netbox.throttleNext(2, 7);
        Nb.Answer first = nb.get("/api/dcim/sites/");
        assertEquals(429, first.status());
        assertEquals("7", first.headers().get("Retry-After"));
        assertEquals(429, nb.get("/api/dcim/sites/").status());
        assertEquals(200, nb.get("/api/dcim/sites/").status());
        assertEquals(3, nb.netbox.requestCount());
    }

    @Test
    void rejectsObjectsMatchingAPredicateWithTheGivenFieldError() {
        nb.netbox.rejectWhen("dcim.site", o -> o.path("name").asText().startsWith("bad"), "name", "No bad sites here.");
        Nb.Answer a = nb.post("/api/dcim/sites/", List.of(Map.of("name", "good", "slug", "good"), Map.of("name", "bad1", "slug", "bad1")));
        assertEquals(400, a.status());
        assertEquals("No bad sites here.", a.json().at("/1/name/0").asText());
        assertEquals(0, nb.netbox.count("dcim.site"));
        assertEquals(201, nb.post("/api/dcim/sites/", Map.of("name", "good", "slug", "good")).status());
    }

    @Test
    void crashAfterWritesDropsLaterWritesWithoutApplyingThem() {
        nb.netbox.crashAfterWrites(1);
        nb.create("dcim/sites", Map.of("name", "a", "slug", "a"));
        ConnectionDropped dropped = assertThrows(ConnectionDropped.class, () -> nb.post("/api/dcim/sites/", Map.of("name", "b", "slug", "b")));
        assertFalse(dropped.applied());
        assertEquals(1, nb.get("/api/dcim/sites/").json().get("count").asInt());
        nb.netbox.resetFaults();
        nb.create("dcim/sites", Map.of("name", "b", "slug", "b"));
    }

    @Test
    void aLostAnswerStillAppliesTheWrite() {
        nb.netbox.loseAnswerOfWrite(1);
        ConnectionDropped dropped = assertThrows(ConnectionDropped.class, () -> nb.post("/api/dcim/sites/", Map.of("name", "a", "slug", "a")));
        assertTrue(dropped.applied());
        assertEquals(1, nb.netbox.count("dcim.site"));
    }

    @Test
    void theServerClosesTheConnectionOnACrash() throws Exception {
        try (NetBoxDoubleServer server = new NetBoxDoubleServer()) {
            server.netbox().crashAfterWrites(0);
            HttpRequest post = HttpRequest.newBuilder(URI.create(server.url() + "/api/dcim/sites/"))
                    .header("Authorization", "Token " + server.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"S\", \"slug\": \"s\"}")).build();
            assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString()));
            assertEquals(0, server.netbox().count("dcim.site"));
        }
    }

    @Test
    void aBlockedWriteWaitsForReleaseWhileReadsGoOn() throws Exception {
        WriteLatch latch = nb.netbox.blockWrite(1);
        CompletableFuture<Nb.Answer> write = CompletableFuture.supplyAsync(() -> nb.post("/api/dcim/sites/", Map.of("name", "a", "slug", "a")));
        assertTrue(latch.awaitBlocked(Duration.ofSeconds(30)));
        assertEquals(0, nb.get("/api/dcim/sites/").json().get("count").asInt());
        assertFalse(write.isDone());
        latch.release();
        assertEquals(201, write.get().status());
        assertEquals(1, nb.netbox.count("dcim.site"));
    }

    @Test
    void aHandEditShowsInTheChangelogUnderItsUser() {
        long site = nb.create("dcim/sites", Map.of("name", "a", "slug", "a"));
        nb.netbox.handEdit("alice", "dcim.site", site, Map.of("description", "edited by hand"));
        JsonNode changes = nb.get("/api/core/object-changes/?changed_object_type=dcim.site&changed_object_id=" + site).json();
        assertEquals(2, changes.get("count").asInt());
        JsonNode newest = changes.at("/results/0");
        assertEquals("alice", newest.get("user_name").asText());
        assertEquals("update", newest.at("/action/value").asText());
        assertEquals("Updated", newest.at("/action/label").asText());
        assertEquals("", newest.at("/prechange_data/description").asText());
        assertEquals("edited by hand", newest.at("/postchange_data/description").asText());
        assertEquals("admin", changes.at("/results/1/user_name").asText());
        assertEquals("create", changes.at("/results/1/action/value").asText());
        assertEquals(1, nb.get("/api/core/object-changes/?user_name=alice").json().get("count").asInt());
        String t = newest.get("time").asText();
        assertEquals(1, nb.get("/api/core/object-changes/?time_after=" + t).json().get("count").asInt());
    }

    @Test
    void aSnapshotRestoresObjectsIdsAndChangelog(@TempDir Path dir) throws Exception {
        long[] b = nb.basics();
        Path file = dir.resolve("data/netbox.json");
        nb.netbox.save(file);
        NetBoxDouble other = new NetBoxDouble();
        other.load(file);
        Nb again = new Nb(other);
        assertEquals("dc-one", again.get("/api/dcim/sites/" + b[0] + "/").json().get("slug").asText());
        assertEquals(4, again.get("/api/core/object-changes/").json().get("count").asInt());
        long next = again.create("dcim/sites", Map.of("name", "two", "slug", "two"));
        assertEquals(b[0] + 1, next);
        assertEquals(400, again.post("/api/dcim/sites/", Map.of("name", "DC One", "slug", "x")).status());
    }

    @Test
    void seededObjectsHaveNoChangeRecord() {
        long id = nb.netbox.seed("dcim.site", Map.of("name", "s", "slug", "s"));
        assertEquals("s", nb.netbox.get("dcim.site", id).get("name").asText());
        assertEquals(0, nb.netbox.changes().size());
        assertEquals(List.of("s"), nb.netbox.list("dcim.site").stream().map(o -> o.get("slug").asText()).toList());
        assertThrows(IllegalArgumentException.class, () -> nb.netbox.seed("dcim.site", Map.of("name", "s")));
    }
}
