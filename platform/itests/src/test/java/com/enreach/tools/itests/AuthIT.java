package com.enreach.tools.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every REST route refuses requests without a valid token, whatever the route: the list of routes comes from the
 * API's own OpenAPI document, so a route added later is covered without touching this test.
 */
public class AuthIT extends PlatformTestSupport {

    /** A route of the OpenAPI document with its path parameters filled in. */
    record Route(String method, String template, String path) {
        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    @Test
    public void everyRouteButHealthAnswers401WithoutAValidToken() {
        List<Route> routes = routes();
        List<String> templates = routes.stream().map(Route::toString).toList();
        // Guards the enumeration itself: a broken document must not make this test pass on nothing.
        for (String expected : List.of("GET /health", "GET /health/ready", "GET /devices", "GET /devices/{id}", "GET /devices/{id}/configs/diff",
                "GET /sources", "POST /sources/{instance}/sync", "POST /sources/{instance}/check", "GET /sync/runs",
                "POST /sync/runs/{id}/cancel", "GET /tokens", "POST /tokens", "DELETE /tokens/{id}", "GET /storage/volumes",
                "GET /backups", "GET /openapi.json", "GET /netbox/changesets", "POST /netbox/changesets/{id}/approve",
                "POST /netbox/changesets/{id}/apply", "POST /netbox/conflicts/{id}/resolve", "GET /netbox/history", "POST /ai/query", "GET /ai/providers",
                "GET /ai/conversations", "GET /ai/conversations/{id}", "DELETE /ai/conversations/{id}", "POST /ai/suggestions",
                "GET /ai/suggestions/{id}", "POST /ai/suggestions/{id}/feedback", "GET /ai/audit", "GET /kb/analysis")) {
            assertTrue(expected + " is missing from /api/openapi.json: " + templates, templates.contains(expected));
        }

        String revoked = createToken("it-revoked", "admin");
        long revokedId = tokenId("it-revoked");
        Api.Reply revoke = api.delete("/api/tokens/" + revokedId, admin);
        assertEquals(revoke.toString(), 200, revoke.status());
        assertFalse(revoke.at("/revoked_at").isNull());

        Map<String, String> badCredentials = new LinkedHashMap<>();
        badCredentials.put("no Authorization header", null);
        badCredentials.put("empty bearer", "Bearer ");
        badCredentials.put("garbage bearer", "Bearer not-a-token");
        badCredentials.put("unknown token", "Bearer enr_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        badCredentials.put("revoked token", "Bearer " + revoked);
        badCredentials.put("admin token with Basic scheme", "Basic " + Base64.getEncoder().encodeToString(("x:" + admin).getBytes(StandardCharsets.UTF_8)));

        List<String> failures = new ArrayList<>();
        for (Route route : routes) {
            boolean open = route.toString().equals("GET /health") || route.toString().equals("GET /health/ready");
            // The web UI's sign-in takes the token in its body: with no header and no body it is a 400, never a session.
            boolean signIn = route.toString().equals("POST /session");
            for (Map.Entry<String, String> c : badCredentials.entrySet()) {
                Api.Reply r = api.send(route.method(), "/api" + route.path(), c.getValue(), null);
                if (signIn && c.getValue() == null) {
                    if (r.status() != 400) {
                        failures.add(route + " with " + c.getKey() + " and no body: expected 400, got " + r);
                    }
                    continue;
                }
                int expected = open ? 200 : 401;
                if (r.status() != expected) {
                    failures.add(route + " with " + c.getKey() + ": expected " + expected + ", got " + r);
                } else if (!open && !List.of("unauthenticated", "invalid_token").contains(r.errorCode())) {
                    failures.add(route + " with " + c.getKey() + ": 401 without a JSON error code: " + r);
                }
            }
            // Control: with the admin token the same request gets past authentication.
            Api.Reply ok = api.send(route.method(), "/api" + route.path(), Api.authorization(admin), route.method().equals("GET") ? null : "{}");
            // (503 naming the missing plugin: vectorise/reindex without an embedding or index plugin, the NetBox routes
            // without the writer plugin, the assistant routes without the assistant plugin, as in this container)
            boolean missingPlugin = ok.status() == 503 && List.of("no_embedding_provider", "no_vector_index", "netbox_writer_missing",
                    "assistant_missing").contains(ok.errorCode());
            if (ok.status() == 401 || ok.status() == 403 || ok.status() >= 500 && !missingPlugin) {
                failures.add(route + " with the admin token: expected an answer past authentication, got " + ok);
            }
        }
        assertTrue(String.join("\n", failures), failures.isEmpty());

        // A path that is no route at all is refused before routing, not reported as 404.
        assertEquals(401, api.get("/api/no-such-route", null).status());
        assertEquals(404, api.get("/api/no-such-route", admin).status());
    }

    @Test
    public void viewerTokenIsForbiddenToSyncAndToManageTokens() {
        String viewer = createToken("it-viewer", "viewer");
        String operator = createToken("it-operator", "operator");

        // The viewer reads...
        assertEquals(200, api.get("/api/devices", viewer).status());
        assertEquals(200, api.get("/api/sources", viewer).status());
        assertEquals(200, api.get("/api/sync/runs", viewer).status());
        // ...but may not start, check or cancel runs, nor touch tokens.
        assertForbidden(api.post("/api/sources/demo-nothing/sync", viewer));
        assertForbidden(api.post("/api/sources/demo-nothing/check", viewer));
        assertForbidden(api.post("/api/sync/runs/1/cancel", viewer));
        assertForbidden(api.get("/api/tokens", viewer));
        assertForbidden(api.post("/api/tokens", viewer, Api.json(Map.of("name", "sneaky", "role", "admin"))));
        assertForbidden(api.delete("/api/tokens/1", viewer));

        // The operator may sync (the instance does not exist: 404, not 403) but not manage tokens.
        assertEquals(404, api.post("/api/sources/demo-nothing/sync", operator).status());
        assertForbidden(api.get("/api/tokens", operator));
        assertForbidden(api.post("/api/tokens", operator, Api.json(Map.of("name", "sneaky", "role", "admin"))));

        // Nothing was created by the refused requests.
        JsonNode tokens = api.get("/api/tokens", admin).json();
        for (JsonNode t : tokens) {
            assertNotEquals("sneaky", t.path("name").asText());
        }
    }

    /**
     * The NetBox routes by role: approve, reject and apply need the approver role (an operator or a viewer is
     * refused), validate, preview, rollback, adoption and conflict resolution the operator role (an approver is
     * refused). The writer plugin is not in this container, so a request that passes authorization gets the 503
     * naming it: that proves the role check ran first.
     */
    @Test
    public void netboxRoutesSeparateApproversFromOperators() {
        Api.Reply created = api.post("/api/tokens", admin, Api.json(Map.of("name", "it-approver", "role", "approver")));
        assertEquals(created.toString(), 201, created.status());
        assertEquals("approver", created.at("/token/role").asText());
        String approver = created.at("/secret").asText();
        String viewer = createToken("it-nb-viewer", "viewer");
        String operator = createToken("it-nb-operator", "operator");
        boolean listed = false;
        for (JsonNode t : api.get("/api/tokens", admin).json()) {
            listed |= "it-approver".equals(t.path("name").asText()) && "approver".equals(t.path("role").asText());
        }
        assertTrue("the approver token is listed with its role", listed);

        String approve = "/api/netbox/changesets/1/approve";
        String reject = "/api/netbox/changesets/1/reject";
        String apply = "/api/netbox/changesets/1/apply";
        String hash = Api.json(Map.of("hash", "abc"));
        String preview = "/api/netbox/changesets";
        String rollback = "/api/netbox/changesets/1/rollback";
        String adopt = "/api/netbox/adoptions";
        String adoptBody = Api.json(Map.of("object_type", "dcim.device", "netbox_id", 1, "entity_id", 1));
        String resolve = "/api/netbox/conflicts/1/resolve";
        String resolveBody = Api.json(Map.of("resolution", "keep_netbox"));

        for (String token : List.of(viewer, operator)) {
            assertForbidden(api.post(approve, token, hash));
            assertForbidden(api.post(reject, token, hash));
            assertForbidden(api.post(apply, token));
        }
        for (String token : List.of(viewer, approver)) {
            assertForbidden(api.post(preview, token, "{}"));
            assertForbidden(api.post(rollback, token));
            assertForbidden(api.post(adopt, token, adoptBody));
            assertForbidden(api.post(resolve, token, resolveBody));
            assertForbidden(api.get("/api/netbox/validation", token));
        }
        // Past the role check: the writer plugin is missing.
        for (String token : List.of(approver, admin)) {
            assertWriterMissing(api.post(approve, token, hash));
            assertWriterMissing(api.post(reject, token, hash));
            assertWriterMissing(api.post(apply, token));
        }
        for (String token : List.of(operator, admin)) {
            assertWriterMissing(api.post(preview, token, "{}"));
            assertWriterMissing(api.post(rollback, token));
            assertWriterMissing(api.post(adopt, token, adoptBody));
            assertWriterMissing(api.post(resolve, token, resolveBody));
            assertWriterMissing(api.get("/api/netbox/validation", token));
        }
        for (String token : List.of(viewer, operator, approver)) {
            for (String read : List.of("/api/netbox/targets", "/api/netbox/changesets", "/api/netbox/changesets/1", "/api/netbox/conflicts",
                    "/api/netbox/history")) {
                assertWriterMissing(api.get(read, token));
            }
        }
        // The approver is no token manager either, and bad input is still a 400 before the missing plugin.
        assertForbidden(api.get("/api/tokens", approver));
        Api.Reply noHash = api.post(approve, approver, "{}");
        assertEquals(noHash.toString(), 400, noHash.status());
        assertEquals(noHash.toString(), "hash", noHash.at("/error/field").asText());
        for (String route : List.of(approve, apply, preview, adopt, resolve, "/api/netbox/changesets/1/reject", rollback)) {
            assertEquals(route, 401, api.post(route, null, "{}").status());
        }
    }

    /**
     * The assistant's routes by role: every viewer may ask, list their conversations, ask for suggestions and the KB
     * analysis; drafting articles (draft=true) needs the operator role, the provider audit the admin role. The
     * assistant plugin is not in this container, so a request past the role check gets the 503 naming it.
     */
    @Test
    public void assistantRoutesNeedOperatorForDraftsAndAdminForTheAudit() {
        String viewer = createToken("it-ai-viewer", "viewer");
        String operator = createToken("it-ai-operator", "operator");
        String approver = createToken("it-ai-approver", "approver");
        for (String token : List.of(viewer, operator, approver)) {
            assertForbidden(api.get("/api/ai/audit", token));
        }
        assertAssistantMissing(api.get("/api/ai/audit", admin));
        for (String token : List.of(viewer, approver)) {
            assertForbidden(api.get("/api/kb/analysis?draft=true", token));
        }
        for (String token : List.of(operator, admin)) {
            assertAssistantMissing(api.get("/api/kb/analysis?draft=true", token));
        }
        for (String token : List.of(viewer, operator, approver, admin)) {
            assertAssistantMissing(api.get("/api/kb/analysis", token));
            assertAssistantMissing(api.get("/api/ai/providers", token));
            assertAssistantMissing(api.get("/api/ai/conversations", token));
            assertAssistantMissing(api.post("/api/ai/query", token, Api.json(Map.of("question", "which VMs run on esx-ams-0003?"))));
            assertAssistantMissing(api.post("/api/ai/suggestions", token, Api.json(Map.of("ticket_key", "OPS-1"))));
            assertAssistantMissing(api.post("/api/ai/suggestions/1/feedback", token, Api.json(Map.of("helpful", true))));
            assertAssistantMissing(api.delete("/api/ai/conversations/1", token));
        }
    }

    private static void assertAssistantMissing(Api.Reply r) {
        assertEquals(r.toString(), 503, r.status());
        assertEquals(r.toString(), "assistant_missing", r.errorCode());
        assertTrue(r.toString(), r.at("/error/message").asText().contains("com.enreach.tools.plugin.assistant"));
    }

    private static void assertWriterMissing(Api.Reply r) {
        assertEquals(r.toString(), 503, r.status());
        assertEquals(r.toString(), "netbox_writer_missing", r.errorCode());
        assertTrue(r.toString(), r.at("/error/message").asText().contains("com.enreach.tools.plugin.netbox.writer"));
    }

    @Test
    public void webConsoleNeedsAnAdminTokenAsBasicPassword() {
        String viewer = createToken("it-console-viewer", "viewer");
        String path = "/system/console/bundles";
        assertEquals(401, api.send("GET", path, null, null).status());
        assertEquals(401, api.send("GET", path, basic("admin", "admin"), null).status());
        assertEquals(401, api.send("GET", path, basic("anyone", viewer), null).status());
        Api.Reply ok = api.send("GET", path, basic("anyone", admin), null);
        assertEquals(ok.toString(), 200, ok.status());
    }

    @Test
    public void rolesAreLowerCaseAndTheLastAdminTokenCannotBeRevoked() {
        createToken("it-mixed-case", "OpErAtOr");
        JsonNode tokens = api.get("/api/tokens", admin).json();
        long own = -1;
        for (JsonNode t : tokens) {
            String role = t.path("role").asText();
            assertEquals("roles are reported in lower case: " + t, role.toLowerCase(java.util.Locale.ROOT), role);
            if ("it-mixed-case".equals(t.path("name").asText())) {
                assertEquals("operator", role);
            }
            if ("bootstrap-admin".equals(t.path("name").asText())) {
                own = t.path("id").asLong();
            }
        }
        assertTrue("the bootstrap admin token is listed: " + tokens, own > 0);
        // Leave the token this test runs with as the only active admin.
        for (JsonNode t : tokens) {
            if ("admin".equals(t.path("role").asText()) && t.path("revoked_at").isNull() && t.path("id").asLong() != own) {
                assertEquals(200, api.delete("/api/tokens/" + t.path("id").asLong(), admin).status());
            }
        }
        Api.Reply refused = api.delete("/api/tokens/" + own, admin);
        assertEquals(refused.toString(), 409, refused.status());
        assertEquals(refused.toString(), "last_admin", refused.errorCode());
        assertEquals("the refused revocation left the token working", 200, api.get("/api/tokens", admin).status());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Liveness says only "ok" to anyone (a stale token included); a valid token of any role gets the details an
     * operator needs; readiness needs no token and answers 200 once the core is up with its migrations applied.
     */
    @Test
    public void healthShowsDetailsOnlyToAValidTokenAndReadinessNeedsNone() {
        for (String credential : new String[] {null, "Bearer not-a-token", "Basic eDp5"}) {
            Api.Reply r = api.send("GET", "/api/health", credential, null);
            assertEquals(r.toString(), 200, r.status());
            assertEquals(r.toString(), "{\"status\":\"ok\"}", r.body());
        }
        Api.Reply ready = api.send("GET", "/api/health/ready", null, null);
        assertEquals(ready.toString(), 200, ready.status());
        assertEquals("ready", ready.at("/status").asText());

        String viewer = createToken("it-health-viewer", "viewer");
        Api.Reply d = api.get("/api/health", viewer);
        assertEquals(d.toString(), 200, d.status());
        assertTrue(d.toString(), d.at("/ready").asBoolean());
        assertFalse(d.toString(), d.at("/version").asText().isEmpty());
        // the engine this home was given (the postgresql execution writes etc/com.enreach.tools.database.cfg)
        String engine = java.nio.file.Files.exists(home().resolve("etc/com.enreach.tools.database.cfg")) ? "postgresql" : "sqlite";
        assertEquals(d.toString(), engine, d.at("/database/engine").asText());
        assertTrue(d.toString(), d.at("/database/ok").asBoolean());
        assertEquals(d.toString(), 0, d.at("/database/migrations_pending").asInt());
        assertTrue(d.toString(), d.at("/database/migrations_applied").asInt() > 0);
        assertFalse(d.toString(), d.at("/database/schema_version").isNull());
        assertTrue(d.toString(), d.at("/database/size_bytes").asLong() > 0);
        boolean coreActive = false;
        for (var p : d.json().path("plugins")) {
            coreActive |= p.path("name").asText().equals("com.enreach.tools.core") && p.path("state").asText().equals("active");
        }
        assertTrue(d.toString(), coreActive);
        assertTrue(d.toString(), d.json().path("sources").isArray());
        assertTrue(d.toString(), d.json().path("problems").isArray());
        assertFalse("no token or secret in the details: " + d.body(), d.body().contains(admin) || d.body().contains(viewer));
    }

    /**
     * A POST refused before its body was read (here 403 for a viewer) keeps the kept-alive connection usable: the
     * body arrives after the headers, and the next request on the same connection still gets its answer. Before the
     * platform drained such bodies, Jetty closed the connection and a client reusing it saw "EOF reached while reading".
     */
    @Test
    public void aRefusedPostWhoseBodyArrivesLateKeepsTheConnectionUsable() throws Exception {
        String viewer = createToken("it-late-body", "viewer");
        java.net.URI uri = java.net.URI.create(api.base());
        String body = "{\"name\":\"late\",\"role\":\"viewer\"}";
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST /api/tokens HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nAuthorization: Bearer " + viewer
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300); // the body comes later than the headers, as it does over a slow link
            out.write(body.getBytes(StandardCharsets.US_ASCII));
            out.write(("GET /api/health HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
            String first = readResponse(in);
            assertTrue(first, first.startsWith("HTTP/1.1 403"));
            assertFalse("the connection is kept: " + first, first.toLowerCase(java.util.Locale.ROOT).contains("connection: close"));
            String second = readResponse(in);
            assertTrue("the next request on the same connection is answered: " + second, second.startsWith("HTTP/1.1 200"));
        }
    }

    /** One HTTP/1.1 response with a Content-Length or chunked body, as text. */
    private static String readResponse(java.io.DataInputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new java.io.EOFException("connection closed after: " + head);
            }
            head.append((char) c);
        }
        String lower = head.toString().toLowerCase(java.util.Locale.ROOT);
        StringBuilder text = new StringBuilder(head);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("content-length: *(\\d+)").matcher(lower);
        if (length.find()) {
            byte[] b = new byte[Integer.parseInt(length.group(1))];
            in.readFully(b);
            text.append(new String(b, StandardCharsets.UTF_8));
        } else if (lower.contains("transfer-encoding: chunked")) {
            while (true) {
                String size = readLine(in).trim();
                int n = Integer.parseInt(size.split(";")[0], 16);
                if (n == 0) {
                    readLine(in);
                    break;
                }
                byte[] b = new byte[n];
                in.readFully(b);
                text.append(new String(b, StandardCharsets.UTF_8));
                readLine(in);
            }
        }
        return text.toString();
    }

    private static String readLine(java.io.DataInputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            line.append((char) c);
        }
        return line.toString();
    }

    private static void assertForbidden(Api.Reply r) {
        assertEquals(r.toString(), 403, r.status());
        assertEquals(r.toString(), "forbidden", r.errorCode());
    }

    private String createToken(String name, String role) {
        Api.Reply r = api.post("/api/tokens", admin, Api.json(Map.of("name", name, "role", role)));
        assertEquals(r.toString(), 201, r.status());
        String secret = r.at("/secret").asText();
        assertTrue(r.toString(), secret.startsWith("enr_"));
        return secret;
    }

    private long tokenId(String name) {
        for (JsonNode t : api.get("/api/tokens", admin).json()) {
            if (name.equals(t.path("name").asText())) {
                return t.path("id").asLong();
            }
        }
        throw new AssertionError("no token named " + name);
    }

    /** Every (method, path) of the OpenAPI document, path parameters filled with an id that does not exist (the admin control must not revoke a real token). */
    private List<Route> routes() {
        Api.Reply doc = api.get("/api/openapi.json", admin);
        assertEquals(doc.toString(), 200, doc.status());
        List<Route> routes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.at("/paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (Iterator<String> methods = p.getValue().fieldNames(); methods.hasNext(); ) {
                String m = methods.next().toUpperCase(java.util.Locale.ROOT);
                routes.add(new Route(m, p.getKey(), p.getKey().replaceAll("\\{[^}]+}", "999999")));
            }
        }
        return routes;
    }
}
