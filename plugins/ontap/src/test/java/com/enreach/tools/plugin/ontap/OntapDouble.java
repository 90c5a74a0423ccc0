package com.enreach.tools.plugin.ontap;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.enreach.tools.testkit.FixtureServer;
import com.enreach.tools.testkit.FixtureServer.Request;
import com.enreach.tools.testkit.FixtureServer.Response;

/**
 * An ONTAP REST API double for cluster ocean-cl01 from the fixtures: 2 nodes, 3 aggregates, 2 SVMs, export
 * policies, 7 volumes (one without space data), qtrees and quota reports. Collections are paged as ONTAP does,
 * by {@code _links.next} with a {@code start.uuid} token (the fixtures hold pages of 3, what {@code max_records=3}
 * returns); every request needs HTTP basic authentication, else 401 with ONTAP's error body.
 *
 * <p>Reusable from other modules through this module's test-jar; {@link #server()} lets a test script faults.
 */
public final class OntapDouble implements AutoCloseable {
    public static final String USERNAME = "monitor";
    public static final String PASSWORD = "S3cr3t-Pässwörd!";

    private final FixtureServer server = new FixtureServer();

    public OntapDouble() {
        server.route("GET", "/api/cluster", authenticated(r -> Response.json(fixture("cluster.json"))));
        paged("/api/cluster/nodes", "nodes.json");
        paged("/api/storage/aggregates", "aggregates-1.json", "aggr-p2", "aggregates-2.json");
        paged("/api/svm/svms", "svms.json");
        paged("/api/protocols/nfs/export-policies", "export-policies.json");
        paged("/api/storage/volumes", "volumes-1.json", "vol-p2", "volumes-2.json", "vol-p3", "volumes-3.json");
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
            return f == null ? Response.status(404) : Response.json(fixture(f));
        }));
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
