package com.enreach.tools.netbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.enreach.tools.netbox.client.BulkResult;
import com.enreach.tools.netbox.client.ItemResult;
import com.enreach.tools.netbox.client.NetBoxConnection;
import com.enreach.tools.netbox.client.NetBoxException;
import com.enreach.tools.testkit.FixtureServer;
import com.enreach.tools.testkit.FixtureServer.Response;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The client against a scripted local NetBox: paging, filters, bulk with fallback, failures. */
class HttpNetBoxClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V1 = "0123456789abcdef0123456789abcdef01234567";

    private final FixtureServer server = new FixtureServer();

    @AfterEach
    void close() {
        server.close();
    }

    private HttpNetBoxClient client(int pageSize, int batchSize) {
        return new HttpNetBoxClient(new NetBoxConnection(server.uri() + "/api/", V1, pageSize, batchSize,
                Duration.ofSeconds(5), false, null));
    }

    private static Response json(int status, Object body) {
        try {
            return new Response(status, "application/json", JSON.writeValueAsBytes(body), Map.of());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object parse(String body) {
        try {
            return JSON.readValue(body, Object.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A page of {@code total} devices; the next link names another host, as NetBox behind a proxy does. */
    private Response devicePage(FixtureServer.Request r, int total) {
        int limit = Integer.parseInt(r.param("limit"));
        int offset = r.param("offset") == null ? 0 : Integer.parseInt(r.param("offset"));
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = offset; i < Math.min(total, offset + limit); i++) {
            results.add(Map.of("id", i + 1, "name", "dev" + (i + 1)));
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("count", total);
        page.put("next", offset + limit < total
                ? "https://netbox.behind.proxy/api/dcim/devices/?limit=" + limit + "&offset=" + (offset + limit) : null);
        page.put("previous", null);
        page.put("results", results);
        return json(200, page);
    }

    @Test
    void listFollowsNextThroughEveryPageWithTheConfiguredLimit() {
        server.route("GET", "/api/dcim/devices/", r -> devicePage(r, 5));
        HttpNetBoxClient c = client(2, 10);

        List<Map<String, Object>> all = c.list("dcim/devices", Map.of(), false);

        assertEquals(5, all.size());
        assertEquals("dev5", all.get(4).get("name"));
        List<FixtureServer.Request> reqs = server.requestsTo("/api/dcim/devices/");
        assertEquals(3, reqs.size());
        assertTrue(reqs.stream().allMatch(r -> "2".equals(r.param("limit"))));
        assertEquals("4", reqs.get(2).param("offset"));
        assertEquals(3, c.requestCount());
    }

    @Test
    void listSendsBriefAndFilters() {
        server.route("GET", "/api/dcim/devices/", r -> devicePage(r, 1));
        client(50, 10).list("/dcim/devices/", Map.of("site_id", "3", "tag", "enreach"), true);

        FixtureServer.Request r = server.requestsTo("/api/dcim/devices/").get(0);
        assertEquals("true", r.param("brief"));
        assertEquals("3", r.param("site_id"));
        assertEquals("enreach", r.param("tag"));
        assertEquals("50", r.param("limit"));
    }

    @Test
    void v1KeysAreSentAsTokenAndV2TokensAsBearer() {
        server.route("GET", "/api/status/", r -> json(200, Map.of("netbox-version", "4.2.1")));
        client(10, 10).status();
        new HttpNetBoxClient(new NetBoxConnection(server.uri().toString(), "nbt_abc123.s3cr3t", 10, 10, null, false, null)).status();

        List<FixtureServer.Request> reqs = server.requestsTo("/api/status/");
        assertEquals("Token " + V1, reqs.get(0).header("Authorization"));
        assertEquals("Bearer nbt_abc123.s3cr3t", reqs.get(1).header("Authorization"));
    }

    @Test
    void badConnectionSettingsNameTheirField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HttpNetBoxClient(new NetBoxConnection("ftp://x", V1, 10, 10, null, false, null)));
        assertTrue(e.getMessage().startsWith("url:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new HttpNetBoxClient(new NetBoxConnection(server.uri().toString(), " ", 10, 10, null, false, null)));
        assertTrue(e.getMessage().startsWith("token:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new HttpNetBoxClient(new NetBoxConnection(server.uri().toString(), "nbt_nodot", 10, 10, null, false, null)));
        assertTrue(e.getMessage().startsWith("token:") && !e.getMessage().contains("nodot"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new HttpNetBoxClient(new NetBoxConnection(server.uri().toString(), V1, 0, 10, null, false, null)));
        assertTrue(e.getMessage().startsWith("page.size:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new HttpNetBoxClient(new NetBoxConnection(server.uri().toString(), V1, 10, 1001, null, false, null)));
        assertTrue(e.getMessage().startsWith("batch.size:"), e.getMessage());
    }

    /** A NetBox that validates like DRF: a list is refused whole with one dict per object. */
    @SuppressWarnings("unchecked")
    private Response createSites(FixtureServer.Request r, int[] nextId) {
        Object body = parse(r.body());
        if (body instanceof List<?> list) {
            List<Map<String, Object>> errors = new ArrayList<>();
            boolean bad = false;
            for (Object o : list) {
                Map<String, Object> m = (Map<String, Object>) o;
                bad |= !m.containsKey("name");
                errors.add(m.containsKey("name") ? Map.of() : Map.of("name", List.of("This field is required.")));
            }
            if (bad) {
                return json(400, errors);
            }
            List<Map<String, Object>> created = new ArrayList<>();
            for (Object o : list) {
                Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) o);
                m.put("id", nextId[0]++);
                created.add(m);
            }
            return json(201, created);
        }
        Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) body);
        if (!m.containsKey("name")) {
            return json(400, Map.of("name", List.of("This field is required.")));
        }
        m.put("id", nextId[0]++);
        return json(201, m);
    }

    @Test
    void bulkCreateWithOneInvalidObjectIsolatesItAndCreatesTheOthers() {
        int[] nextId = {100};
        server.route("POST", "/api/dcim/sites/", r -> createSites(r, nextId));
        HttpNetBoxClient c = client(10, 50);

        BulkResult result = c.create("dcim/sites", List.of(
                Map.of("name", "a", "slug", "a"), Map.of("slug", "b"), Map.of("name", "c", "slug", "c")));

        assertFalse(result.allOk());
        ItemResult bad = result.items().get(1);
        assertEquals(400, bad.status());
        assertEquals(List.of("This field is required."), bad.errors().get("name"));
        assertEquals("name: This field is required.", bad.message());
        assertNull(bad.id());
        assertTrue(result.items().get(0).ok());
        assertTrue(result.items().get(2).ok());
        assertEquals("c", result.items().get(2).object().get("name"));
        assertEquals(List.of(100L, 101L), List.of(result.items().get(0).id(), result.items().get(2).id()));
        // one bulk, then the two valid objects again as one bulk; the named invalid one is not re-sent
        assertEquals(2, result.requests());
        assertTrue(server.requestsTo("/api/dcim/sites/").get(1).body().startsWith("["));
    }

    @Test
    void bulkCreateGoesInBatchesOfBatchSize() {
        int[] nextId = {1};
        server.route("POST", "/api/dcim/sites/", r -> createSites(r, nextId));
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            bodies.add(Map.of("name", "s" + i, "slug", "s" + i));
        }
        BulkResult result = client(10, 2).create("dcim/sites", bodies);

        assertTrue(result.allOk());
        assertEquals(3, result.requests());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), result.items().stream().map(ItemResult::id).toList());
        assertTrue(server.requestsTo("/api/dcim/sites/").stream().allMatch(r -> r.body().startsWith("[")));
    }

    @Test
    void whenTheRetriedRemainderIsRefusedTooEachObjectGoesAlone() {
        int[] nextId = {1};
        // the first answer names object 0; the retried bulk of the rest is refused without naming any
        server.once("POST", "/api/dcim/sites/", json(400, List.of(Map.of("name", List.of("bad")), Map.of(), Map.of())),
                json(400, Map.of("detail", "still refused")));
        server.route("POST", "/api/dcim/sites/", r -> createSites(r, nextId));
        BulkResult result = client(10, 10).create("dcim/sites", List.of(Map.of("name", "a"), Map.of("name", "b"), Map.of("name", "c")));

        assertEquals(List.of("bad"), result.items().get(0).errors().get("name"));
        assertTrue(result.items().get(1).ok() && result.items().get(2).ok());
        assertEquals(4, result.requests());
    }

    @Test
    void aBulkRefusedWithoutPerObjectErrorsIsSentAgainObjectByObject() {
        server.once("POST", "/api/dcim/sites/", json(400, Map.of("detail", "Bulk refused")));
        int[] nextId = {7};
        server.route("POST", "/api/dcim/sites/", r -> createSites(r, nextId));
        BulkResult result = client(10, 10).create("dcim/sites", List.of(Map.of("name", "a"), Map.of("name", "b")));

        assertTrue(result.allOk());
        assertEquals(3, result.requests());
    }

    @Test
    void bulkUpdateSendsOneListPatch() {
        server.route("PATCH", "/api/dcim/devices/", r -> json(200, parse(r.body())));
        BulkResult result = client(10, 10).update("dcim/devices", List.of(
                Map.of("id", 4, "serial", "X1"), Map.of("id", 5, "serial", "X2")));

        assertTrue(result.allOk());
        assertEquals(1, result.requests());
        assertEquals(5L, result.items().get(1).id());
        assertEquals("X2", result.items().get(1).object().get("serial"));
        assertThrows(IllegalArgumentException.class, () -> client(10, 10).update("dcim/devices", List.of(Map.of("serial", "x"))));
    }

    @Test
    void bulkUpdateFallbackPatchesEachObjectAtItsOwnUrl() {
        server.route("PATCH", "/api/dcim/devices/", r -> json(400, List.of(Map.of(), Map.of("site", List.of("Related object not found.")))));
        server.route("PATCH", "/api/dcim/devices/4/", r -> json(200, Map.of("id", 4, "serial", "X1")));
        BulkResult result = client(10, 10).update("dcim/devices", List.of(
                Map.of("id", 4, "serial", "X1"), Map.of("id", 5, "site", 999)));

        assertTrue(result.items().get(0).ok());
        assertEquals(4L, result.items().get(0).id());
        assertEquals("site: Related object not found.", result.items().get(1).message());
        assertEquals(5L, result.items().get(1).id());
        assertFalse(server.requestsTo("/api/dcim/devices/4/").get(0).body().contains("\"id\""));
    }

    @Test
    void bulkDeleteSendsIdsAndFallsBackPerObject() {
        Response noContent = new Response(204, "application/json", new byte[0], Map.of());
        server.route("DELETE", "/api/dcim/devices/", r -> noContent);
        BulkResult ok = client(10, 10).delete("dcim/devices", List.of(3L, 4L));
        assertTrue(ok.allOk());
        assertEquals(List.of(Map.of("id", 3), Map.of("id", 4)), parse(server.requestsTo("/api/dcim/devices/").get(0).body()));

        server.once("DELETE", "/api/dcim/devices/", json(404, Map.of("detail", "Not found.")));
        server.route("DELETE", "/api/dcim/devices/3/", r -> noContent);
        server.route("DELETE", "/api/dcim/devices/9/", r -> json(404, Map.of("detail", "No Device matches the given query.")));
        BulkResult mixed = client(10, 10).delete("dcim/devices", List.of(3L, 9L));
        assertTrue(mixed.items().get(0).ok());
        assertEquals(404, mixed.items().get(1).status());
        assertEquals(9L, mixed.items().get(1).id());
        assertEquals(List.of("No Device matches the given query."), mixed.items().get(1).errors().get("detail"));
    }

    @Test
    void tooManyRequestsIsRetryableWithRetryAfter() {
        server.route("GET", "/api/dcim/devices/", r -> json(429, Map.of("detail", "Request was throttled.")).withHeader("Retry-After", "7"));
        NetBoxException e = assertThrows(NetBoxException.class, () -> client(10, 10).list("dcim/devices", Map.of(), false));
        assertTrue(e.retryable());
        assertEquals(429, e.status());
        assertEquals(7, e.retryAfterSeconds());
    }

    @Test
    void serverErrorsAndTimeoutsAreRetryable() throws Exception {
        server.route("POST", "/api/dcim/sites/", r -> Response.text(502, "text/html", "<html>Bad gateway</html>"));
        NetBoxException e = assertThrows(NetBoxException.class, () -> client(10, 10).create("dcim/sites", List.of(Map.of("name", "a"))));
        assertTrue(e.retryable());
        assertEquals(502, e.status());
        assertEquals(-1, e.retryAfterSeconds());

        CountDownLatch release = new CountDownLatch(1);
        server.route("GET", "/api/status/", r -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            return json(200, Map.of());
        });
        HttpNetBoxClient slow = new HttpNetBoxClient(new NetBoxConnection(server.uri().toString(), V1, 10, 10,
                Duration.ofMillis(300), false, null));
        try {
            NetBoxException t = assertThrows(NetBoxException.class, slow::status);
            assertTrue(t.retryable());
            assertEquals(0, t.status());
        } finally {
            release.countDown();
        }
    }

    @Test
    void aRefusedTokenIsPermanentAndNeverQuoted() {
        server.route("GET", "/api/dcim/devices/", r -> json(403, Map.of("detail", "Invalid token " + V1)));
        NetBoxException e = assertThrows(NetBoxException.class, () -> client(10, 10).list("dcim/devices", Map.of(), false));
        assertFalse(e.retryable());
        assertEquals(403, e.status());
        assertTrue(e.getMessage().contains("NetBox refused the token"), e.getMessage());
        assertFalse(e.getMessage().contains(V1), e.getMessage());
    }

    @Test
    void malformedJsonIsPermanentAndNamesTheEndpoint() {
        server.route("GET", "/api/dcim/devices/", r -> Response.text(200, "application/json", "{\"results\": [{\"id\": 1"));
        NetBoxException e = assertThrows(NetBoxException.class, () -> client(10, 10).list("dcim/devices", Map.of(), false));
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("/api/dcim/devices/"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());

        server.route("GET", "/api/dcim/sites/", r -> json(200, Map.of("count", 1)));
        e = assertThrows(NetBoxException.class, () -> client(10, 10).list("dcim/sites", Map.of(), false));
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("/api/dcim/sites/"), e.getMessage());
    }

    @Test
    void getAnswersEmptyOn404() {
        server.route("GET", "/api/dcim/devices/4/", r -> json(200, Map.of("id", 4, "name", "x")));
        HttpNetBoxClient c = client(10, 10);
        assertEquals("x", c.get("dcim/devices", 4).orElseThrow().get("name"));
        assertTrue(c.get("dcim/devices", 5).isEmpty());
    }

    @Test
    void objectChangesFallBackToExtrasAndComeOldestFirst() {
        server.route("GET", "/api/extras/object-changes/", r -> json(200, Map.of("count", 3, "next", "", "results", List.of(
                Map.of("id", 9, "time", "2026-01-02T10:00:00Z", "action", "update"),
                Map.of("id", 4, "time", "2026-01-01T10:00:00.250000Z", "action", "update"),
                Map.of("id", 3, "time", "2026-01-01T10:00:00Z", "action", "create")))));
        List<Map<String, Object>> changes = client(10, 10).objectChanges(Instant.parse("2026-01-01T00:00:00Z"), "dcim.device");

        assertEquals(List.of(3, 4, 9), changes.stream().map(m -> m.get("id")).toList());
        FixtureServer.Request core = server.requestsTo("/api/core/object-changes/").get(0);
        assertEquals("dcim.device", core.param("changed_object_type"));
        assertEquals("2026-01-01T00:00:00Z", core.param("time_after"));
        assertEquals(1, server.requestsTo("/api/extras/object-changes/").size());
    }

    @Test
    void aRefusedObjectWithAnHtmlBodyStillGetsAMessage() {
        server.route("POST", "/api/dcim/sites/", r -> new Response(409, "text/html", "<html>conflict</html>".getBytes(StandardCharsets.UTF_8), Map.of()));
        BulkResult r = client(10, 10).create("dcim/sites", List.of(Map.of("name", "a")));
        assertEquals(409, r.items().get(0).status());
        assertTrue(r.items().get(0).message().contains("409"), r.items().get(0).message());
        assertEquals(1, r.requests());
    }
}
