package com.enreach.tools.plugin.oxidized;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.enreach.tools.testkit.FixtureServer;
import com.enreach.tools.testkit.FixtureServer.Request;
import com.enreach.tools.testkit.FixtureServer.Response;

/**
 * An oxidized-web double with the six nodes of nodes.json: GET /nodes.json and GET /node/fetch/[group/]name for
 * each stored configuration. As oxidized-web does, a node that was never backed up answers 200 "node not found",
 * and dc-ams/gone-router (removed from the router.db after the list was read) answers 200 "unable to find
 * 'gone-router'": oxidized-web turns its NodeNotFound error into that text, with status 200, never a 404.
 *
 * <p>oxidized-web has no authentication of its own; {@link #behindProxy()} puts it behind a reverse proxy that
 * demands HTTP basic authentication, as sites usually do. {@link #setConfig} changes a stored configuration, as a
 * new backup would. Reusable from other modules through this module's test-jar.
 */
public final class OxidizedDouble implements AutoCloseable {
    public static final String CORE_SW = "dc-ams/core-sw-01.example.net";
    public static final String USERNAME = "inventory";
    public static final String PASSWORD = "Pr0xy-Secret-42";
    /** The configuration of core-sw-01 as first stored. */
    public static final String CORE_CFG = FixtureServer.resource(OxidizedDouble.class, "core-sw-01.cfg");
    static final String ZURICH_CFG = FixtureServer.resource(OxidizedDouble.class, "zurich-access-1.cfg");
    static final String NODES_JSON = FixtureServer.resource(OxidizedDouble.class, "nodes.json");

    private final FixtureServer server = new FixtureServer();
    private final boolean proxy;

    /** Without authentication, as oxidized-web listens on its own. */
    public OxidizedDouble() {
        this(false);
    }

    private OxidizedDouble(boolean proxy) {
        this.proxy = proxy;
        server.route("GET", "/nodes.json", guarded(r -> Response.json(NODES_JSON)));
        setConfig(CORE_SW, CORE_CFG);
        setConfig("edge-fw", "config system global\n    set hostname edge-fw\nend\n");
        setConfig("Campus Süd/Zürich Access 1", ZURICH_CFG);
        setConfig("lab/rtr/01", "hostname rtr/01\n");
        server.route("GET", "/node/fetch/dc-ams/new-switch", guarded(r -> Response.text(200, "text/plain;charset=utf-8", "node not found")));
        server.route("GET", "/node/fetch/dc-ams/gone-router", guarded(r -> Response.text(200, "text/plain;charset=utf-8", "unable to find 'gone-router'")));
    }

    /** Behind a reverse proxy with basic authentication ({@link #USERNAME}, {@link #PASSWORD}); 401 otherwise. */
    public static OxidizedDouble behindProxy() {
        return new OxidizedDouble(true);
    }

    /**
     * Stores a new configuration text for a node (its full name, group/name), as the next backup would. Routes match
     * the decoded path; how the plugin encodes it on the wire is OxidizedConnectorTest's RawServer's business.
     */
    public void setConfig(String fullName, String text) {
        server.route("GET", "/node/fetch/" + fullName, guarded(r -> Response.text(200, "text/plain;charset=utf-8", text)));
    }

    /** The underlying server, to script faults or inspect requests. */
    public FixtureServer server() {
        return server;
    }

    public String url() {
        return server.uri().toString();
    }

    /** The keys of etc/source.oxidized-&lt;name&gt;.cfg for this double (credentials only behind the proxy). */
    public Map<String, String> cfg() {
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("url", url());
        if (proxy) {
            cfg.put("username", USERNAME);
            cfg.put(".password", PASSWORD);
        }
        return cfg;
    }

    private Function<Request, Response> guarded(Function<Request, Response> handler) {
        if (!proxy) {
            return handler;
        }
        String expected = "Basic " + Base64.getEncoder().encodeToString((USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return r -> expected.equals(r.header("Authorization")) ? handler.apply(r)
                : Response.text(401, "text/html", "<html><head><title>401 Authorization Required</title></head></html>")
                        .withHeader("WWW-Authenticate", "Basic realm=\"oxidized\"");
    }

    @Override
    public void close() {
        server.close();
    }
}
