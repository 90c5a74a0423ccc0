package com.enreach.tools.plugin.foreman;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.enreach.tools.testkit.FixtureServer;
import com.enreach.tools.testkit.FixtureServer.Request;
import com.enreach.tools.testkit.FixtureServer.Response;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Foreman API v2 double serving the five hosts of the fixtures (host-11..15.json, listed by hosts-page1..3.json):
 * pages of GET /api/hosts by {@code page} and {@code per_page} ({@code all} too) with Foreman's envelope (total 6,
 * subtotal 5: one host hidden by permissions), host details, GET /api/status, and HTTP basic authentication of every
 * request (401 with Foreman's error body otherwise).
 *
 * <p>Without {@code order} the hosts come in fixture order, as an unordered database scan might; {@code order=name}
 * (or {@code id}, with ASC/DESC) sorts them as Foreman does, and the envelope's {@code sort} echoes it. {@code
 * thin=true} lists only id and name. The host list can change during a run: {@link #onListRequest} runs an action
 * before a given list request is answered, and {@link #delete}/{@link #add} change the estate.
 *
 * <p>Reusable from other modules through this module's test-jar; {@link #server()} lets a test script faults.
 */
public final class ForemanDouble implements AutoCloseable {
    public static final String USERNAME = "inventory";
    public static final String PASSWORD = "s3cret-Pa55word";
    /** Foreman's default per_page when the client sends none. */
    static final int DEFAULT_PER_PAGE = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FixtureServer server = new FixtureServer();
    private final List<JsonNode> hosts = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<Integer, Runnable> beforeListRequest = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger listRequests = new java.util.concurrent.atomic.AtomicInteger();

    public ForemanDouble() {
        for (int n = 1; n <= 3; n++) {
            read(fixture("hosts-page" + n + ".json")).get("results").forEach(hosts::add);
        }
        for (JsonNode h : hosts) {
            String detail = fixture("host-" + h.get("id").asInt() + ".json");
            server.route("GET", "/api/hosts/" + h.get("id").asInt(), authenticated(r -> Response.json(detail)));
        }
        server.route("GET", "/api/hosts", authenticated(this::hostsPage));
        String facts = fixture("fact-values.json");
        server.route("GET", "/api/fact_values", authenticated(r -> Response.json(facts)));
        server.route("GET", "/api/status", authenticated(r -> Response.json("{\"result\":\"ok\",\"status\":200,\"version\":\"3.15.0\",\"api_version\":2}")));
    }

    /** The underlying server, to script faults or inspect requests. */
    public FixtureServer server() {
        return server;
    }

    /** Base URL as a user writes it in url= (without /api). */
    public String url() {
        return server.uri().toString();
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    /** The keys of etc/source.foreman-&lt;name&gt;.cfg for this double; page.size 2 makes it page. */
    public Map<String, String> cfg() {
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("url", url());
        cfg.put("username", USERNAME);
        cfg.put(".password", PASSWORD);
        cfg.put("page.size", "2");
        return cfg;
    }

    /** Host names of the estate, as listed. */
    public List<String> hostNames() {
        return hosts.stream().map(h -> h.get("name").asText()).toList();
    }

    /** Runs {@code action} just before the {@code n}-th request of GET /api/hosts (from 1) is answered. */
    public ForemanDouble onListRequest(int n, Runnable action) {
        beforeListRequest.put(n, action);
        return this;
    }

    /** Deletes a host: it leaves the list and its details answer 404, as after "hammer host delete". */
    public void delete(int id) {
        hosts.removeIf(h -> h.get("id").asInt() == id);
        server.route("GET", "/api/hosts/" + id, authenticated(r -> Response.text(404, "application/json;charset=utf-8",
                "{\"error\":{\"message\":\"Resource host not found by id '" + id + "'\"}}")));
    }

    /** Adds a host with the details of fixture host {@code like} under a new id and name. */
    public void add(int id, String name, int like) {
        ObjectNode detail = (ObjectNode) read(fixture("host-" + like + ".json"));
        detail.put("id", id).put("name", name);
        hosts.add(JSON.createObjectNode().put("id", id).put("name", name));
        server.route("GET", "/api/hosts/" + id, authenticated(r -> Response.json(detail.toString())));
    }

    /** GET /api/hosts as Foreman pages it (no authentication check), for tests that wrap it. */
    public Response hostsPage(Request r) {
        Runnable action = beforeListRequest.remove(listRequests.incrementAndGet());
        if (action != null) {
            action.run();
        }
        int page = r.param("page") == null ? 1 : Integer.parseInt(r.param("page"));
        List<JsonNode> listed = ordered(r.param("order"));
        boolean all = "all".equals(r.param("per_page"));
        int perPage = all ? Math.max(1, listed.size()) : r.param("per_page") == null ? DEFAULT_PER_PAGE : Integer.parseInt(r.param("per_page"));
        ObjectNode envelope = JSON.createObjectNode().put("total", listed.size() + 1).put("subtotal", listed.size()).put("page", page)
                .put("per_page", perPage).putNull("search");
        String[] order = r.param("order") == null ? new String[] {null, null} : (r.param("order").trim() + " ASC").split("\\s+");
        envelope.putObject("sort").put("by", order[0]).put("order", order[1]);
        ArrayNode results = envelope.putArray("results");
        int from = (page - 1) * perPage;
        boolean thin = "true".equals(r.param("thin"));
        for (int i = from; i < Math.min(listed.size(), from + perPage); i++) {
            JsonNode h = listed.get(i);
            results.add(thin ? JSON.createObjectNode().put("id", h.get("id").asInt()).put("name", h.get("name").asText()) : h);
        }
        return Response.json(envelope.toString());
    }

    /** The hosts in the order asked for: by name or id, ascending unless DESC; unordered (fixture order) otherwise. */
    private List<JsonNode> ordered(String order) {
        List<JsonNode> listed;
        synchronized (hosts) {
            listed = new ArrayList<>(hosts);
        }
        if (order == null) {
            return listed;
        }
        String[] parts = order.trim().split("\\s+");
        java.util.Comparator<JsonNode> c = switch (parts[0]) {
            case "name" -> java.util.Comparator.comparing(h -> h.get("name").asText());
            case "id" -> java.util.Comparator.comparingInt(h -> h.get("id").asInt());
            default -> throw new IllegalArgumentException("the double orders by name or id, not " + order);
        };
        listed.sort(parts.length > 1 && parts[1].equalsIgnoreCase("DESC") ? c.reversed() : c);
        return listed;
    }

    private static java.util.function.Function<Request, Response> authenticated(java.util.function.Function<Request, Response> handler) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return r -> expected.equals(r.header("Authorization")) ? handler.apply(r)
                : Response.text(401, "application/json;charset=utf-8", "{\"error\":{\"message\":\"Unable to authenticate user " + USERNAME + "\"}}");
    }

    static String fixture(String name) {
        return FixtureServer.resource(ForemanDouble.class, name);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
