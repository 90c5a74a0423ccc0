package com.enreach.tools.plugin.ontap;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.enreach.tools.testkit.FixtureServer.Request;
import com.enreach.tools.testkit.FixtureServer.Response;
import com.enreach.tools.testkit.FixtureServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An ONTAP REST API double for cluster ocean-cl01 from the fixtures: 2 nodes, 3 aggregates, 2 SVMs, export
 * policies, 4 volumes (one without space data), qtrees and quota reports. Collections are paged as ONTAP does,
 * by {@code _links.next} with a {@code start.uuid} token (the fixtures hold pages of 3, what {@code max_records=3}
 * returns); the volumes include, mid-listing, the empty page with a next link that ONTAP returns when its
 * return_timeout ran out (records follow it). Every request needs HTTP basic authentication, else 401 with
 * ONTAP's error body. {@link #answerPartially} makes a collection answer as ONTAP does when it could not reach
 * every node: its records plus an {@code error} member.
 *
 * <p>Reusable from other modules through this module's test-jar; {@link #server()} lets a test script faults.
 */
public final class OntapDouble implements AutoCloseable {
    public static final String USERNAME = "monitor";
    public static final String PASSWORD = "S3cr3t-Pässwörd!";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FixtureServer server = new FixtureServer();
    private final Map<String, String> partial = new java.util.concurrent.ConcurrentHashMap<>();

    public OntapDouble() {
        server.route("GET", "/api/cluster", authenticated(r -> Response.json(fixture("cluster.json"))));
        paged("/api/cluster/nodes", "nodes.json");
        paged("/api/storage/aggregates", "aggregates-1.json", "aggr-p2", "aggregates-2.json");
        paged("/api/svm/svms", "svms.json");
        paged("/api/protocols/nfs/export-policies", "export-policies.json");
        paged("/api/storage/volumes", "volumes-1.json", "vol-p2", "volumes-2.json", "vol-p3", "volumes-3.json",
                "vol-p4", "volumes-4.json");
        paged("/api/storage/qtrees", "qtrees-1.json", "qt-p2", "qtrees-2.json");
        paged("/api/storage/quota/reports", "quota-reports-1.json", "qr-p2", "quota-reports-2.json");
    }

    /** Routes a collection: the first page without start.uuid, then one page per start.uuid token; 404 otherwise. */
    private void paged(String path, String first, String... tokenThenFixture) {
        Map<String, String> pages = new HashMap<>();
        pages.put("", first);
        for (int i = 0; i < tokenThenFixture.length; i += 2) {
            pages.put(tokenThenFixture[i], tokenThenFixture[i + 1]);
        }
        server.route("GET", path, authenticated(r -> {
            String start = r.param("start.uuid");
            String f = pages.get(start == null ? "" : start);
            if (f == null) {
                return Response.status(404);
            }
            String error = partial.get(path);
            return Response.json(error == null ? fixture(f) : withError(fixture(f), error));
        }));
    }

    /**
     * From now on, every page of the collection at {@code path} carries its records plus ONTAP's {@code error}
     * member with this message, as a partial answer does (a node out of reach).
     */
    public void answerPartially(String path, String message) {
        partial.put(path, message);
    }

    /** Answers the collection completely again. */
    public void answerCompletely(String path) {
        partial.remove(path);
    }

    private static String withError(String page, String message) {
        try {
            ObjectNode body = (ObjectNode) JSON.readTree(page);
            body.putObject("error").put("message", message).put("code", "2");
            return body.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Function<Request, Response> authenticated(Function<Request, Response> handler) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return r -> expected.equals(r.header("Authorization")) ? handler.apply(r)
                : Response.text(401, "application/hal+json", "{\"error\":{\"message\":\"User is not authorized\",\"code\":\"6\"}}");
    }

    static String fixture(String name) {
        return FixtureServer.resource(OntapDouble.class, name);
    }

    /** The underlying server, to script faults or inspect requests. */
    public FixtureServer server() {
        return server;
    }

    /** The cluster management address as a user writes it in url=. */
    public String url() {
        return server.uri().toString();
    }

    /** The keys of etc/source.ontap-&lt;name&gt;.cfg for this double; page.size 3 matches its pages. */
    public Map<String, String> cfg() {
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("url", url());
        cfg.put("username", USERNAME);
        cfg.put(".password", PASSWORD);
        cfg.put("page.size", "3");
        return cfg;
    }

    @Override
    public void close() {
        server.close();
    }
}
