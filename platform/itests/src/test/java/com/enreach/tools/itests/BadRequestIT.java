package com.enreach.tools.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The error standard of the REST API: a bad request (a malformed parameter, path or body, a missing thing, a wrong
 * method or media type) gets a 4xx with a JSON body {@code {"error": {"code", "message", "field"?, "detail"?}}} whose
 * message is not empty and whose {@code field} names the parameter at fault; never a 500, and never a 200 for
 * garbage. Sent with the admin token, so every answer is about the request, not the credentials.
 *
 * <p>Besides the named cases, every route of {@code /api/openapi.json} is swept: undeclared methods, garbage in each
 * path parameter and in each query parameter, so a route added later is covered without touching this test.
 * Each test collects every failing request and reports them all at once.
 */
public class BadRequestIT extends PlatformTestSupport {
    private static final String INSTANCE = "demo-badreq";
    /** Statuses a bad request may get. */
    private static final Set<Integer> CLIENT_ERRORS = Set.of(400, 404, 405, 409, 415);
    /** Query parameters whose value is checked: garbage in them is a 400 naming them. */
    private static final Set<String> STRICT = Set.of("limit", "offset", "status", "kind", "device_id", "confirm", "trigger", "from", "to");
    /** Query parameters that are free text filters: anything is a 200. */
    private static final Set<String> FREE_TEXT = Set.of("q", "source_system", "source_instance", "type", "instance", "last_status");
    private static final List<String> GARBAGE_QUERY_VALUES = List.of("abc", "-1", "0", "1.5", "1e3", "99999999999999999999", " ",
            "'\"%_\\;--", "é☃名前", "z".repeat(300));
    private static final List<String> GARBAGE_PATH_VALUES = List.of("abc", "0", "-1", "1.5", "99999999", "99999999999999999999999",
            "no such dévice ☃ 名前", "'; DROP TABLE devices; --");

    private final List<String> failures = new ArrayList<>();

    /** The ids the tests point at: a synced demo estate (created once per container). */
    private record Estate(long runId, long switchId, long total, long entityId) {
    }

    // ================================================================== named cases

    @Test
    public void listParametersOutOfRangeOrNotNumbersAre400NamingTheParameter() {
        estate();
        for (String list : List.of("/api/devices", "/api/storage/volumes", "/api/backups", "/api/sync/runs")) {
            for (String v : List.of("0", "-1", "abc", "100000", "1001", "1.5", "1e3", "99999999999")) {
                expectError(get(list + "?limit=" + enc(v)), 400, "invalid", "limit");
            }
            for (String v : List.of("-5", "x", "1.5", "99999999999")) {
                expectError(get(list + "?offset=" + enc(v)), 400, "invalid", "offset");
            }
            // Controls: the bounds themselves are fine, and an offset past the end is an empty page, not an error.
            expectOk(get(list + "?limit=1"));
            expectOk(get(list + "?limit=1000"));
            Api.Exchange far = expectOk(get(list + "?offset=2147483647"));
            if (far != null && far.reply().at("/results").size() != 0) {
                failures.add("GET " + list + "?offset=2147483647: expected no results, got " + far);
            }
        }
        for (String list : List.of("/api/devices", "/api/storage/volumes")) {
            expectError(get(list + "?status=bogus"), 400, "invalid", "status");
            expectOk(get(list + "?status=active"));
        }
        expectError(get("/api/storage/volumes?kind=bogus"), 400, "invalid", "kind");
        expectOk(get("/api/storage/volumes?kind=lun"));
        for (String list : List.of("/api/storage/volumes", "/api/backups")) {
            for (String v : List.of("abc", "0", "-1", "1.5")) {
                expectError(get(list + "?device_id=" + enc(v)), 400, "invalid", "device_id");
            }
            expectOk(get(list + "?device_id=1"));
        }
        // Source kinds are whatever plugins are deployed: an unknown kind filters to nothing.
        Api.Exchange kinds = expectOk(get("/api/sources?kind=bogus"));
        if (kinds != null && (!kinds.reply().json().isArray() || kinds.reply().json().size() != 0)) {
            failures.add("GET /api/sources?kind=bogus: expected [], got " + kinds);
        }
        assertNoFailures();
    }

    @Test
    public void missingDevicesRunsAndVersionsAre404AndMalformedIdsAre400() {
        Estate e = estate();
        String unicode = "no such dévice ☃ 名前";
        Api.Exchange byName = get("/api/devices/" + seg(unicode));
        expectError(byName, 404, "not_found", null);
        if (!byName.reply().at("/error/message").asText().contains(unicode)) {
            failures.add("GET /api/devices/<unicode name>: the message should quote the name as sent (UTF-8): " + byName);
        }
        expectError(get("/api/devices/99999999"), 404, "not_found", null);
        expectError(get("/api/devices/99999999/configs"), 404, "not_found", null);
        expectError(get("/api/devices/99999999/configs/1"), 404, "not_found", null);
        expectError(get("/api/devices/99999999/configs/diff"), 404, "not_found", null);
        expectError(post("/api/devices/99999999/quarantine"), 404, "not_found", null);
        expectError(post("/api/devices/99999999/release"), 404, "not_found", null);

        // Device 1 exists (the first device of the estate, a cluster without configurations).
        expectOk(get("/api/devices/1"));
        expectError(get("/api/devices/1/configs/abc"), 400, "invalid", "version");
        expectError(get("/api/devices/1/configs/0"), 400, "invalid", "version");
        expectError(get("/api/devices/1/configs/-1"), 400, "invalid", "version");
        expectError(get("/api/devices/1/configs/99999999999"), 400, "invalid", "version");
        expectError(get("/api/devices/1/configs/99999"), 404, "not_found", null);
        // Device 1 has no configuration at all: "nothing to diff" (404) is as right as "from is malformed" (400).
        expectError(get("/api/devices/1/configs/diff?from=x"), Set.of(400, 404), null, null);
        // A switch has one configuration version: from and to are checked.
        String diff = "/api/devices/" + e.switchId() + "/configs/diff";
        expectOk(get(diff));
        expectError(get(diff + "?from=x"), 400, "invalid", "from");
        expectError(get(diff + "?from=0"), 400, "invalid", "from");
        expectError(get(diff + "?to=abc"), 400, "invalid", "to");
        expectError(get(diff + "?to=-3"), 400, "invalid", "to");
        expectError(get(diff + "?from=99"), 404, "not_found", null);
        // Releasing a device that is not quarantined is a conflict, not a success.
        expectError(post("/api/devices/1/release"), 409, "not_quarantined", null);

        expectError(get("/api/sync/runs/abc"), 400, "invalid", "id");
        expectError(get("/api/sync/runs/-1"), 400, "invalid", "id");
        expectError(get("/api/sync/runs/0"), 400, "invalid", "id");
        expectError(get("/api/sync/runs/99999999999999999999"), 400, "invalid", "id");
        expectError(get("/api/sync/runs/99999999"), 404, "not_found", null);
        expectError(post("/api/sync/runs/99999999/cancel"), 404, "not_found", null);
        expectError(post("/api/sync/runs/abc/cancel"), 400, "invalid", "id");
        expectError(post("/api/sync/runs/" + e.runId() + "/cancel"), 409, "not_running", null);
        assertNoFailures();
    }

    @Test
    public void sourceActionsOnUnknownInstancesAre404AndBadFlagsAre400() {
        estate();
        long runsBefore = runCount();
        expectError(get("/api/sources/nope"), 404, "not_found", null);
        expectError(post("/api/sources/nope/sync"), 404, "not_found", null);
        expectError(post("/api/sources/nope/check"), 404, "not_found", null);
        expectError(post("/api/sources/" + seg("no such ☃ instance") + "/sync"), 404, "not_found", null);
        expectError(post("/api/sources/" + INSTANCE + "/sync?confirm=maybe"), 400, "invalid", "confirm");
        expectError(post("/api/sources/" + INSTANCE + "/sync?confirm=1"), 400, "invalid", "confirm");
        expectError(post("/api/sources/" + INSTANCE + "/sync?trigger=bogus"), 400, "invalid", "trigger");
        // None of these started anything.
        assertEquals("runs of " + INSTANCE + " after refused sync requests", runsBefore, runCount());
        assertNoFailures();
    }

    @Test
    public void malformedTokenRequestsAre4xxAndCreateNothing() {
        int tokensBefore = tokens().size();
        String json = "application/json";
        // No body at all: without a Content-Type 415 is as right as 400; with JSON declared it is a 400.
        expectError(send("POST", "/api/tokens", null, null), Set.of(400, 415), null, null);
        expectError(send("POST", "/api/tokens", json, null), 400, null, null);
        expectError(send("POST", "/api/tokens", json, ""), 400, null, null);
        expectError(send("POST", "/api/tokens", json, "{"), 400, "invalid_json", null);
        expectError(send("POST", "/api/tokens", json, "{\"name\": \"x\", \"role\": "), 400, "invalid_json", null);
        expectError(send("POST", "/api/tokens", json, "[]"), 400, null, null);
        expectError(send("POST", "/api/tokens", json, "null"), 400, null, null);
        expectError(send("POST", "/api/tokens", json, "\"viewer\""), 400, null, null);
        expectError(send("POST", "/api/tokens", json, "42"), 400, null, null);
        expectError(send("POST", "/api/tokens", json, "{\"name\": [\"a\"], \"role\": \"viewer\"}"), 400, null, null);
        // A key sent twice is named, and no Java class name shows.
        Api.Exchange dup = send("POST", "/api/tokens", json, "{\"name\": \"x\", \"role\": \"viewer\", \"name\": \"y\"}");
        expectError(dup, 400, "invalid_json", "name");
        if (dup.reply().toString().contains("com.enreach") || dup.reply().toString().contains("java.")) {
            failures.add("a duplicate key must not show a class name: " + dup);
        }
        // Both the name and the role are wrong: either may be named, but one must be.
        expectFieldError(send("POST", "/api/tokens", json, "{\"name\": \"\"}"), Set.of("name", "role"));
        expectError(send("POST", "/api/tokens", json, "{}"), 400, "invalid", null);
        expectError(send("POST", "/api/tokens", json, "{\"name\": \"\", \"role\": \"viewer\"}"), 400, "invalid", "name");
        expectError(send("POST", "/api/tokens", json, "{\"name\": \"   \", \"role\": \"viewer\"}"), 400, "invalid", "name");
        expectError(send("POST", "/api/tokens", json, "{\"role\": \"viewer\"}"), 400, "invalid", "name");
        expectError(send("POST", "/api/tokens", json, "{\"name\": \"" + "n".repeat(101) + "\", \"role\": \"viewer\"}"), 400, "invalid", "name");
        expectError(send("POST", "/api/tokens", json, "{\"name\": \"x\", \"role\": \"root\"}"), 400, "invalid", "role");
        expectError(send("POST", "/api/tokens", json, "{\"name\": \"x\", \"role\": \"\"}"), 400, "invalid", "role");
        expectError(send("POST", "/api/tokens", json, "{\"name\": \"x\"}"), 400, "invalid", "role");
        expectError(send("POST", "/api/tokens", json, "{\"name\": \"x\", \"role\": 123}"), 400, null, null);
        // A body that is not declared JSON.
        String valid = "{\"name\": \"x\", \"role\": \"viewer\"}";
        expectError(send("POST", "/api/tokens", "text/plain", valid), 415, null, null);
        expectError(send("POST", "/api/tokens", "application/xml", "<token name=\"x\"/>"), 415, null, null);
        expectError(send("POST", "/api/tokens", "application/x-www-form-urlencoded", "name=x&role=viewer"), 415, null, null);
        // Revoking: malformed and unknown ids.
        expectError(delete("/api/tokens/abc"), 400, "invalid", "id");
        expectError(delete("/api/tokens/0"), 400, "invalid", "id");
        expectError(delete("/api/tokens/-1"), 400, "invalid", "id");
        expectError(delete("/api/tokens/99999"), 404, "not_found", null);
        assertNoFailures();
        assertEquals("tokens after refused create requests: " + tokens(), tokensBefore, tokens().size());
    }

    @Test
    public void freeTextSearchTakesSqlAndFtsSyntaxAsPlainText() {
        estate();
        String scope = "source_instance=" + INSTANCE + "&";
        // Positive controls: words and prefixes, case-insensitively; punctuation separates words.
        long esx = countOf("/api/devices?" + scope + "q=esx-");
        if (esx == 0) {
            failures.add("q=esx- should find the estate's hypervisors");
        }
        if (countOf("/api/devices?" + scope + "q=ESX-AMS-0001") != 1) {
            failures.add("q=ESX-AMS-0001 should find esx-ams-0001 case-insensitively");
        }
        // LIKE wildcards are punctuation now: they separate words and never widen a match.
        for (String q : List.of("esx%", "esx_", "esx*", "\"esx\"")) {
            long n = countOf("/api/devices?" + scope + "q=" + enc(q));
            if (n != esx) {
                failures.add("GET /api/devices?q=" + q + ": expected the " + esx + " hypervisors (same as esx-), got " + n);
            }
        }
        if (countOf("/api/devices?" + scope + "q=" + enc("esx-ams-0001%")) != 1) {
            failures.add("q=esx-ams-0001% should find esx-ams-0001 only");
        }
        // Nothing but punctuation: nothing to look for, so no device (and never an error).
        for (String q : List.of("%", "%%", "_", "'", "''", "\\", "\\%", "%\\", ";--", "*", "\"", "-", "()", ":", "^")) {
            long n = countOf("/api/devices?" + scope + "q=" + enc(q));
            if (n != 0) {
                failures.add("GET /api/devices?q=" + q + ": expected 0 (nothing searchable), got " + n);
            }
        }
        // SQL and FTS5 syntax is text to look for: answered normally, never a 4xx/5xx.
        for (String q : List.of("' OR '1'='1", "esx%0001", "e_x-", "[a-z]", "NEAR(esx ams)", "esx NEAR ams", "esx OR vm", "NOT esx", "-esx",
                "body:esx", "device_id:1", "{body}:esx", "esx AND", "\"esx", "esx\"\"", "^esx", "esx*ams")) {
            countOf("/api/devices?" + scope + "q=" + enc(q));
        }
        if (countOf("/api/devices?" + scope + "q=" + enc("esx OR vm")) != 0) {
            failures.add("q=esx OR vm: OR must be a word to look for, not an operator (no device has the word 'or')");
        }
        for (String list : List.of("/api/storage/volumes", "/api/backups")) {
            for (String q : List.of("%", "_", "'", "\\", "' OR '1'='1")) {
                countOf(list + "?q=" + enc(q));
            }
        }
        assertNoFailures();
    }

    @Test
    public void veryLongOrOddRequestsAreNeverAServerError() {
        estate();
        // Long free text: up to what the HTTP layer takes, answered normally.
        for (int length : List.of(1_000, 4_000)) {
            String q = "a".repeat(length);
            Api.Exchange r = get("/api/devices?q=" + q);
            if (r.status() != 200 || r.reply().at("/count").asLong(-1) != 0) {
                failures.add("GET /api/devices?q=<" + length + " x a>: expected 200 with count 0, got " + r);
            }
        }
        // Beyond that the HTTP layer may refuse (414/431, its own body), or the API answers: never a 5xx.
        for (int length : List.of(10_000, 100_000)) {
            Api.Exchange r = get("/api/devices?q=" + "a".repeat(length));
            if (r.status() != 200 && (r.status() < 400 || r.status() > 499)) {
                failures.add("GET /api/devices?q=<" + length + " x a>: expected 200 or a 4xx, got " + r);
            }
        }
        Api.Exchange unicode = get("/api/devices?q=" + enc("名".repeat(3_000)));
        if (unicode.status() != 200 && (unicode.status() < 400 || unicode.status() > 499)) {
            failures.add("GET /api/devices?q=<3,000 x 名>: expected 200 or a 4xx, got " + unicode);
        }
        // Paths the HTTP layer may find ambiguous: a 4xx from it or from the API, never a 5xx.
        for (String path : List.of("/api/devices/%25", "/api/devices/a%2Fb", "/api/devices/%00", "/api/devices/..%2F..%2Fetc", "/api/devices/%C3%28",
                "/api/sync/runs/%20", "/api/devices?q=%FF%FE")) {
            Api.Exchange r = get(path);
            if (r.status() >= 500 || (r.status() >= 200 && r.status() < 300 && !path.contains("q="))) {
                failures.add("GET " + path + ": expected a 4xx, got " + r);
            }
        }
        // An Accept the API cannot produce: 406 (or JSON anyway), never a 500.
        Api.Exchange xml = api.exchange("GET", "/api/devices?limit=abc", Api.authorization(admin), Map.of("Accept", "application/xml"), null);
        if (xml.status() >= 500) {
            failures.add("GET /api/devices?limit=abc with Accept: application/xml: expected a 4xx, got " + xml);
        }
        assertNoFailures();
    }

    // ================================================================== every route of the OpenAPI document

    @Test
    public void netboxParametersAndBodiesAre400sNamingTheFieldEvenWithoutTheWriterPlugin() {
        for (String list : List.of("/api/netbox/changesets", "/api/netbox/conflicts", "/api/netbox/history", "/api/netbox/validation")) {
            expectError(get(list + "?limit=0"), 400, "invalid", "limit");
            expectError(get(list + "?offset=x"), 400, "invalid", "offset");
        }
        expectError(get("/api/netbox/changesets?status=done"), 400, "invalid", "status");
        expectError(get("/api/netbox/changesets?kind=full"), 400, "invalid", "kind");
        expectError(get("/api/netbox/changesets/1?object_type=dcim.cable"), 400, "invalid", "object_type");
        expectError(get("/api/netbox/changesets/1?action=upsert"), 400, "invalid", "action");
        expectError(get("/api/netbox/changesets/abc"), 400, "invalid", "id");
        expectError(get("/api/netbox/validation?severity=fatal"), 400, "invalid", "severity");
        expectError(get("/api/netbox/validation?entity=x"), 400, "invalid", "entity");
        expectError(get("/api/netbox/conflicts?status=closed"), 400, "invalid", "status");
        expectError(get("/api/netbox/history?from=yesterday"), 400, "invalid", "from");
        expectError(get("/api/netbox/history?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"), 400, "invalid", "to");
        expectError(get("/api/netbox/history?changeset=-1"), 400, "invalid", "changeset");
        expectError(get("/api/netbox/history?netbox_id=x"), 400, "invalid", "netbox_id");
        expectError(send("POST", "/api/netbox/changesets/1/approve", "application/json", "{}"), 400, "invalid", "hash");
        expectError(send("POST", "/api/netbox/changesets/1/approve", "application/json", "{\"hash\": \"h\", \"item_ids\": [0]}"), 400, "invalid", "item_ids");
        expectError(send("POST", "/api/netbox/changesets/1/approve", "application/json", "{\"hash\": \"h\", \"items\": [1]}"), 400, "invalid_json", "items");
        expectError(send("POST", "/api/netbox/changesets/1/approve", "application/json", "{\"hash\": \"h\", \"item_ids\": \"all\"}"), 400, "invalid_json", "item_ids");
        expectError(send("POST", "/api/netbox/changesets/1/reject", "application/json", "{\"comment\": \"no\"}"), 400, "invalid", "hash");
        expectError(send("POST", "/api/netbox/changesets", "application/json", "{\"kinds\": [\"dcim.cable\"]}"), 400, "invalid", "kinds");
        expectError(send("POST", "/api/netbox/changesets", "application/json", "{\"entity_ids\": [1, 1]}"), 400, "invalid", "entity_ids");
        expectError(send("POST", "/api/netbox/adoptions", "application/json", "{\"object_type\": \"dcim.device\", \"entity_id\": 1}"), 400, "invalid", "netbox_id");
        expectError(send("POST", "/api/netbox/conflicts/1/resolve", "application/json", "{\"resolution\": \"mine\"}"), 400, "invalid", "resolution");
        expectError(send("POST", "/api/netbox/conflicts/x/resolve", "application/json", "{\"resolution\": \"use_golden\"}"), 400, "invalid", "id");
        // Controls: the same routes with valid input reach the service, which is not there.
        expectWriterMissing(get("/api/netbox/changesets?status=pending&kind=sync&limit=5"));
        expectWriterMissing(get("/api/netbox/history?from=2026-01-01T00:00:00Z"));
        expectWriterMissing(send("POST", "/api/netbox/changesets/1/approve", "application/json", "{\"hash\": \"h\", \"item_ids\": [1], \"include_deletes\": true}"));
        expectWriterMissing(send("POST", "/api/netbox/changesets", "application/json", "{\"kinds\": [\"dcim.device\"], \"deletes\": false}"));
        assertNoFailures();
    }

    @Test
    public void assistantBodiesAndParametersAre400sNamingTheFieldEvenWithoutTheAssistantPlugin() {
        String query = "/api/ai/query";
        expectError(send("POST", query, "application/json", "{}"), 400, "invalid", "question");
        expectError(send("POST", query, "application/json", "{\"question\": \"   \"}"), 400, "invalid", "question");
        expectError(send("POST", query, "application/json", "{\"question\": \"" + "x".repeat(4001) + "\"}"), 400, "invalid", "question");
        expectError(send("POST", query, "application/json", "{\"question\": \"q\", \"conversation_id\": 0}"), 400, "invalid", "conversation_id");
        expectError(send("POST", query, "application/json", "{\"question\": \"q\", \"conversation_id\": \"abc\"}"), 400, "invalid_json", "conversation_id");
        expectError(send("POST", query, "application/json", "{\"question\": \"q\", \"scope\": \"everything\"}"), 400, "invalid", "scope");
        expectError(send("POST", query, "application/json", "{\"question\": \"q\", \"questoin\": \"typo\"}"), 400, "invalid_json", "questoin");
        expectError(send("POST", query, "application/json", "{\"question\": "), 400, null, null);
        expectError(send("POST", query, "text/plain", "which VMs?"), 415, null, null);
        expectError(send("POST", "/api/ai/suggestions", "application/json", "{}"), 400, "invalid", "ticket_key");
        expectError(send("POST", "/api/ai/suggestions", "application/json", "{\"ticket_key\": \"OPS-1\", \"text\": \"both\"}"), 400, "invalid", "text");
        expectError(send("POST", "/api/ai/suggestions/1/feedback", "application/json", "{\"comment\": \"no verdict\"}"), 400, "invalid", "helpful");
        expectError(send("POST", "/api/ai/suggestions/1/feedback", "application/json", "{\"helpful\": \"maybe\"}"), 400, "invalid_json", "helpful");
        expectError(send("POST", "/api/ai/suggestions/x/feedback", "application/json", "{\"helpful\": true}"), 400, "invalid", "id");
        expectError(get("/api/ai/conversations/abc"), 400, "invalid", "id");
        for (String list : List.of("/api/ai/conversations", "/api/ai/audit")) {
            expectError(get(list + "?limit=0"), 400, "invalid", "limit");
            expectError(get(list + "?limit=1001"), 400, "invalid", "limit");
            expectError(get(list + "?offset=-1"), 400, "invalid", "offset");
        }
        expectError(get("/api/kb/analysis?stale_months=0"), 400, "invalid", "stale_months");
        expectError(get("/api/kb/analysis?stale_months=x"), 400, "invalid", "stale_months");
        expectError(get("/api/kb/analysis?duplicate_similarity=2"), 400, "invalid", "duplicate_similarity");
        expectError(get("/api/kb/analysis?duplicate_similarity=NaN"), 400, "invalid", "duplicate_similarity");
        expectError(get("/api/kb/analysis?draft=yes"), 400, "invalid", "draft");
        // Controls: valid input reaches the service, which is not there.
        expectAssistantMissing(send("POST", query, "application/json", "{\"question\": \"which VMs?\", \"scope\": \"inventory\"}"));
        expectAssistantMissing(get("/api/ai/conversations?limit=5&offset=0"));
        expectAssistantMissing(get("/api/kb/analysis?stale_months=6&duplicate_similarity=0.85&draft=false"));
        assertNoFailures();
    }

    @Test
    public void everyRouteAnswers405ToMethodsItDoesNotDeclare() {
        Map<String, Set<String>> routes = routes();
        for (Map.Entry<String, Set<String>> route : routes.entrySet()) {
            String path = "/api" + fakePath(route.getKey());
            for (String m : List.of("GET", "POST", "PUT", "PATCH", "DELETE")) {
                if (!route.getValue().contains(m)) {
                    Api.Exchange r = send(m, path, m.equals("GET") || m.equals("DELETE") ? null : "application/json",
                            m.equals("GET") || m.equals("DELETE") ? null : "{}");
                    expectError(m + " " + route.getKey() + " (undeclared)", r, Set.of(405), "method_not_allowed", null);
                    if (r.status() == 405) {
                        String allow = r.headers().firstValue("Allow").orElse("");
                        for (String declared : route.getValue()) {
                            assertTrue(m + " " + route.getKey() + ": Allow header '" + allow + "' lacks " + declared, allow.contains(declared));
                        }
                    }
                }
            }
        }
        assertNoFailures();
    }

    @Test
    public void everyPathParameterOfEveryRouteRefusesGarbageWith400Or404() {
        Estate e = estate();
        for (Map.Entry<String, Set<String>> route : routes().entrySet()) {
            String template = route.getKey();
            List<String> params = pathParams(template);
            for (String method : route.getValue()) {
                for (String p : params) {
                    for (String garbage : GARBAGE_PATH_VALUES) {
                        String path = "/api" + fill(template, method, e, p, garbage);
                        Api.Exchange r = send(method, path, method.equals("POST") ? "application/json" : null, method.equals("POST") ? "{}" : null);
                        String what = method + " " + template + " with " + p + "=" + garbage + " (" + path + ")";
                        if (garbage.matches("[1-9][0-9]{0,17}") && (template.startsWith("/netbox/") || template.startsWith("/ai/"))
                                && (writerMissing(template, r) || r.status() == 400
                                && Set.of("hash", "resolution", "helpful").contains(r.reply().at("/error/field").asText()))) {
                            continue; // a valid id, then the empty body's missing field or the missing NetBox writer / assistant
                        }
                        expectError(what, r, Set.of(400, 404), null, null);
                        if (r.status() == 400 && !p.equals(r.reply().at("/error/field").asText(null))) {
                            failures.add(what + ": a 400 for a path parameter should name it in field: " + r);
                        }
                    }
                }
            }
        }
        assertNoFailures();
    }

    @Test
    public void everyQueryParameterOfEveryRouteTakesGarbageAsA400NamingItOrAsText() {
        Estate e = estate();
        long runsBefore = runCount();
        for (Map.Entry<String, JsonNode> op : operations().entrySet()) {
            String method = op.getKey().substring(0, op.getKey().indexOf(' '));
            String template = op.getKey().substring(op.getKey().indexOf(' ') + 1);
            boolean read = method.equals("GET");
            String base = "/api" + (read ? fill(template, method, e, null, null) : fakePath(template));
            for (JsonNode param : op.getValue().path("parameters")) {
                if (!"query".equals(param.path("in").asText())) {
                    continue;
                }
                String name = param.path("name").asText();
                // a source's kind and a ticket's workflow status are names the sources choose: any text filters
                boolean named = template.equals("/sources") && name.equals("kind")
                        || (template.equals("/kb/tickets") || template.equals("/search")) && name.equals("status");
                boolean strict = STRICT.contains(name) && !named;
                // the knowledge search needs its text (q): the other parameters are tried with one; its type is an enumeration
                boolean search = template.equals("/search");
                boolean freeText = FREE_TEXT.contains(name) && !(search && name.equals("type")) || named;
                String prefix = search && !name.equals("q") ? base + "?q=backup&" : base + "?";
                for (String garbage : GARBAGE_QUERY_VALUES) {
                    boolean blank = garbage.isBlank();
                    boolean valid = blank || (name.equals("offset") && garbage.equals("0"));
                    String path = prefix + name + "=" + enc(garbage);
                    String what = method + " " + template + "?" + name + "=" + abbreviate(garbage);
                    Api.Exchange r = send(method, path, read ? null : "application/json", read ? null : "{}");
                    if (writerMissing(template, r)) {
                        // Accepted as valid (checked before the service), then the missing NetBox writer: as good as a 200.
                        if (strict && !valid) {
                            failures.add(what + ": expected a 400 naming " + name + " before the missing plugin, got " + r);
                        }
                    } else if (!read) {
                        // Non-existent targets: the parameter may be checked first (400) or the target (404).
                        expectError(what, r, valid ? Set.of(404) : Set.of(400, 404), null, null);
                        if (r.status() == 400) {
                            expectField(what, r, name);
                        }
                    } else if (search && name.equals("q")) {
                        // any text is searched for; no text at all is a 400 naming q
                        if (blank) {
                            expectError(what, r, Set.of(400), "invalid", name);
                        } else {
                            expectOk(what, r);
                        }
                    } else if (template.equals("/entities/lookup") && name.equals("q")) {
                        // A lookup answers its candidates, 404 when nothing matches, and needs a q (a 400 naming it).
                        if (r.status() != 200) {
                            expectError(what, r, blank ? Set.of(400) : Set.of(404), null, blank ? name : null);
                        }
                    } else if (strict && !valid) {
                        expectError(what, r, Set.of(400), "invalid", name);
                    } else if (strict || freeText) {
                        expectOk(what, r);
                    } else if (r.status() != 200) {
                        // A parameter this test does not know yet: text or a 400 that names it.
                        expectError(what, r, Set.of(400), null, name);
                    }
                }
            }
        }
        assertEquals("runs of " + INSTANCE + " after the sweep", runsBefore, runCount());
        assertNoFailures();
    }

    /**
     * The NetBox routes without the writer plugin, the assistant's without the assistant plugin (neither is in this
     * container): a 503 naming it, after the checks.
     */
    private static boolean writerMissing(String template, Api.Exchange r) {
        return template.startsWith("/netbox/") && r.status() == 503 && "netbox_writer_missing".equals(r.reply().errorCode())
                || assistantMissing(template, r);
    }

    private static boolean assistantMissing(String template, Api.Exchange r) {
        return (template.startsWith("/ai/") || template.startsWith("/kb/analysis")) && r.status() == 503
                && "assistant_missing".equals(r.reply().errorCode());
    }

    private void expectAssistantMissing(Api.Exchange r) {
        if (!assistantMissing("/ai/", r)) {
            failures.add(lastRequest + ": expected the 503 naming the missing assistant plugin, got " + r);
        }
    }

    private void expectWriterMissing(Api.Exchange r) {
        if (!writerMissing("/netbox/", r)) {
            failures.add(lastRequest + ": expected the 503 naming the missing writer plugin, got " + r);
        }
    }

    // ================================================================== assertions

    private void assertNoFailures() {
        System.out.println(getClass().getSimpleName() + ": " + requests + " requests checked, " + failures.size() + " bad answers, "
                + resent.size() + " sent again after the server closed the connection" + (resent.isEmpty() ? "" : ": " + resent));
        assertTrue(failures.size() + " bad answers:\n" + String.join("\n", failures), failures.isEmpty());
    }

    /** Checks the answer to the last request sent. */
    private void expectError(Api.Exchange r, int status, String code, String field) {
        expectError(lastRequest, r, Set.of(status), code, field);
    }

    private void expectError(Api.Exchange r, Set<Integer> statuses, String code, String field) {
        expectError(lastRequest, r, statuses, code, field);
    }

    /**
     * One bad answer: its status is one of those expected (always a 4xx a client can act on), the body is the JSON
     * error with a code and a non-empty message, the code is the one expected (if given), and the field names the
     * parameter at fault (if given).
     */
    private void expectError(String what, Api.Exchange r, Set<Integer> statuses, String code, String field) {
        String label = what;
        if (!statuses.contains(r.status()) || !CLIENT_ERRORS.contains(r.status())) {
            failures.add(label + ": expected " + statuses + ", got " + r);
            return;
        }
        JsonNode error = r.reply().json().path("error");
        if (!r.contentType().startsWith("application/json") || !error.isObject()) {
            failures.add(label + ": a " + r.status() + " must have a JSON body {\"error\": {...}}, got " + r);
            return;
        }
        if (error.path("code").asText("").isBlank() || !error.path("code").isTextual()) {
            failures.add(label + ": the error has no code: " + r);
        } else if (code != null && !code.equals(error.path("code").asText())) {
            failures.add(label + ": expected the code " + code + ", got " + r);
        }
        if (!error.path("message").isTextual() || error.path("message").asText().isBlank()) {
            failures.add(label + ": the error has no message: " + r);
        }
        if (field != null) {
            expectField(label, r, field);
        }
    }

    private void expectField(String what, Api.Exchange r, String field) {
        JsonNode error = r.reply().json().path("error");
        if (!field.equals(error.path("field").asText(null))) {
            failures.add(what + ": expected field '" + field + "', got " + r);
        } else if (!error.path("message").asText("").contains(field)) {
            failures.add(what + ": the message should say which parameter is at fault (" + field + "): " + r);
        }
    }

    private void expectFieldError(Api.Exchange r, Set<String> fields) {
        String label = lastRequest;
        expectError(label, r, Set.of(400), "invalid", null);
        if (r.status() == 400 && !fields.contains(r.reply().at("/error/field").asText(""))) {
            failures.add(label + ": expected the field to be one of " + fields + ", got " + r);
        }
    }

    private Api.Exchange expectOk(Api.Exchange r) {
        return expectOk(lastRequest, r);
    }

    private Api.Exchange expectOk(String what, Api.Exchange r) {
        if (r.status() != 200 || r.reply().json().isMissingNode()) {
            failures.add(what + ": expected 200 with JSON, got " + r);
            return null;
        }
        return r;
    }

    /** The count a list reports, which must answer 200. */
    private long countOf(String path) {
        Api.Exchange r = get(path);
        if (r.status() != 200 || !r.reply().json().has("count")) {
            failures.add("GET " + path + ": expected 200 with a count, got " + r);
            return -1;
        }
        return r.reply().at("/count").asLong();
    }

    // ================================================================== requests

    /** The last request sent, for failure messages. */
    private String lastRequest = "";

    private Api.Exchange get(String path) {
        return send("GET", path, null, null);
    }

    private Api.Exchange post(String path) {
        return send("POST", path, null, null);
    }

    private Api.Exchange delete(String path) {
        return send("DELETE", path, null, null);
    }

    /** With the admin token, {@code Accept: application/json}, and the Content-Type given (null = none). */
    private Api.Exchange send(String method, String path, String contentType, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        lastRequest = method + " " + abbreviate(path) + (contentType == null ? "" : " [" + contentType + "]")
                + (body == null ? " (no body)" : " body " + abbreviate(body));
        requests++;
        try {
            return api.exchange(method, path, Api.authorization(admin), headers, body);
        } catch (java.io.UncheckedIOException e) {
            // Jetty closes a kept-alive connection after answering a request whose body the application did not read
            // and that had not fully arrived yet (jetty/jetty.project#2502), without "Connection: close"; the client
            // may reuse it for the next request and get no answer at all. That request never reached the API: send
            // it again, once.
            resent.add(lastRequest + " (" + e.getCause() + ")");
            return api.exchange(method, path, Api.authorization(admin), headers, body);
        }
    }

    private int requests;
    private final List<String> resent = new ArrayList<>();

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 100) + "...(" + s.length() + " chars)" : s;
    }

    /** A path segment, percent-encoded as UTF-8 (a space is %20 in a path, not +). */
    private static String seg(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ================================================================== the estate and the routes

    /** A small synced demo estate; the first device (id 1) is its cluster, a switch has one configuration version. */
    private Estate estate() {
        Api.Reply runs = api.get("/api/sync/runs?instance=" + INSTANCE + "&limit=1", admin);
        if (runs.status() != 200 || runs.at("/count").asLong() == 0) {
            writeConfig("source." + INSTANCE + ".cfg", "size=200\nseed=3\nchurn.percent=0\n");
            awaitLive(INSTANCE);
            JsonNode run = sync(INSTANCE);
            assertEquals(run.toString(), "succeeded", run.path("status").asText());
            runs = api.get("/api/sync/runs?instance=" + INSTANCE + "&limit=1", admin);
        }
        JsonNode run = awaitRun(runs.at("/results/0/id").asLong());
        assertEquals(run.toString(), "succeeded", run.path("status").asText());
        Api.Reply device1 = api.get("/api/devices/1", admin);
        assertEquals("device 1 is the estate's first device: " + device1, INSTANCE, device1.at("/device/source_instance").asText());
        Api.Reply sw = api.get("/api/devices/sw-ams-core-001", admin);
        assertEquals(sw.toString(), 200, sw.status());
        assertEquals(sw.toString(), 1, sw.json().path("configs").size());
        Api.Reply entities = api.get("/api/entities?limit=1", admin);
        assertEquals(entities.toString(), 200, entities.status());
        return new Estate(run.path("id").asLong(), sw.at("/device/id").asLong(), count("source_instance=" + INSTANCE),
                entities.at("/results/0/id").asLong());
    }

    private long runCount() {
        return api.get("/api/sync/runs?instance=" + INSTANCE, admin).at("/count").asLong();
    }

    private List<JsonNode> tokens() {
        List<JsonNode> out = new ArrayList<>();
        api.get("/api/tokens", admin).json().forEach(out::add);
        return out;
    }

    /** "METHOD /template" of every operation of /api/openapi.json, with the operation. */
    private Map<String, JsonNode> operations() {
        Api.Reply doc = api.get("/api/openapi.json", admin);
        assertEquals(doc.toString(), 200, doc.status());
        Map<String, JsonNode> ops = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.at("/paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = p.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> m = methods.next();
                ops.put(m.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey(), m.getValue());
            }
        }
        // Guards the enumeration itself: a broken document must not make the sweeps pass on nothing.
        for (String expected : List.of("GET /devices", "GET /devices/{id}", "GET /devices/{id}/configs/{version}", "GET /devices/{id}/configs/diff",
                "POST /sources/{instance}/sync", "GET /sync/runs/{id}", "POST /sync/runs/{id}/cancel", "POST /tokens", "DELETE /tokens/{id}",
                "GET /storage/volumes", "GET /backups")) {
            assertTrue(expected + " is missing from /api/openapi.json: " + ops.keySet(), ops.containsKey(expected));
        }
        return ops;
    }

    /** Template → declared methods. */
    private Map<String, Set<String>> routes() {
        Map<String, Set<String>> routes = new LinkedHashMap<>();
        for (String op : operations().keySet()) {
            int space = op.indexOf(' ');
            routes.computeIfAbsent(op.substring(space + 1), k -> new java.util.TreeSet<>()).add(op.substring(0, space));
        }
        return routes;
    }

    private static List<String> pathParams(String template) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Path parameters that point at nothing: requests on it change nothing. */
    private static String fakePath(String template) {
        return template.replace("{instance}", "no-such-instance").replaceAll("\\{[^}]+}", "99999999");
    }

    /**
     * The template with real values for reads (so a parameter check is reached), non-existent ones for writes (so
     * nothing changes), and {@code garbage} for the parameter {@code bad} (null = none).
     */
    private static String fill(String template, String method, Estate e, String bad, String garbage) {
        boolean read = method.equals("GET");
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        while (m.find()) {
            String p = m.group(1);
            String value;
            if (p.equals(bad)) {
                value = seg(garbage);
            } else if (!read) {
                value = p.equals("instance") ? "no-such-instance" : "99999999";
            } else if (p.equals("instance")) {
                value = INSTANCE;
            } else if (p.equals("version")) {
                value = "1";
            } else if (template.startsWith("/devices/")) {
                value = Long.toString(e.switchId());
            } else if (template.startsWith("/sync/runs/")) {
                value = Long.toString(e.runId());
            } else if (template.startsWith("/entities/")) {
                value = Long.toString(e.entityId()); // an entity that exists, so a route's valid parameters answer 200
            } else if (template.startsWith("/reports/")) {
                value = "identity-conflicts";
            } else {
                value = "99999999";
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

}
