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
 * pages of GET /api/hosts by {@code page} and {@code per_page} with Foreman's envelope (total 6, subtotal 5: one
 * host hidden by permissions), host details, GET /api/status, and HTTP basic authentication of every request
 * (401 with Foreman's error body otherwise).
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
    private final List<JsonNode> hosts = new ArrayList<>();

    public ForemanDouble() {
        for (int n = 1; n <= 3; n++) {
            read(fixture("hosts-page" + n + ".json")).get("results").forEach(hosts::add);
        }
        server.route("GET", "/api/hosts", authenticated(this::hostsPage));
        for (JsonNode h : hosts) {
            String detail = fixture("host-" + h.get("id").asInt() + ".json");
            server.route("GET", "/api/hosts/" + h.get("id").asInt(), authenticated(r -> Response.json(detail)));
        }
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

    /** GET /api/hosts as Foreman pages it (no authentication check), for tests that wrap it. */
    public Response hostsPage(Request r) {
        int page = r.param("page") == null ? 1 : Integer.parseInt(r.param("page"));
        int perPage = r.param("per_page") == null ? DEFAULT_PER_PAGE : Integer.parseInt(r.param("per_page"));
        ObjectNode envelope = JSON.createObjectNode().put("total", hosts.size() + 1).put("subtotal", hosts.size()).put("page", page)
                .put("per_page", perPage).putNull("search");
        envelope.putObject("sort").putNull("by").putNull("order");
        ArrayNode results = envelope.putArray("results");
        int from = (page - 1) * perPage;
        for (int i = from; i < Math.min(hosts.size(), from + perPage); i++) {
            results.add(hosts.get(i));
        }
        return Response.json(envelope.toString());
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
