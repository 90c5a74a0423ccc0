package com.enreach.tools.plugin.oxidized;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.enreach.tools.api.plugin.CheckResult;
import com.enreach.tools.api.spi.ConfigRecord;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.IdentityKeys;
import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.FixtureServer;
import com.enreach.tools.testkit.FixtureServer.Response;
import com.enreach.tools.testkit.TestContext;
import com.sun.net.httpserver.HttpServer;

class OxidizedConnectorTest {
    private static final String SECRET = OxidizedDouble.PASSWORD;
    private static final String CORE_CFG = OxidizedDouble.CORE_CFG;
    private static final String ZURICH_CFG = OxidizedDouble.ZURICH_CFG;
    private OxidizedDouble oxidized;
    private FixtureServer server;

    @BeforeEach
    void start() {
        oxidized = new OxidizedDouble();
        server = oxidized.server();
    }

    @AfterEach
    void stop() {
        oxidized.close();
    }

    private Map<String, Object> config() {
        Map<String, Object> cfg = new HashMap<>();
        cfg.put("url", server.uri().toString());
        return cfg;
    }

    private CollectingSink fetch(Map<String, Object> cfg, TestContext ctx) throws SourceException {
        CollectingSink sink = new CollectingSink();
        new OxidizedConnector(cfg).fetch(ctx, sink);
        return sink;
    }

    private static Map<String, ConfigRecord> bySource(List<ConfigRecord> configs) {
        return configs.stream().collect(Collectors.toMap(ConfigRecord::deviceSourceId, c -> c));
    }

    @Test
    void mapsEveryNodeAndStoresTheConfigsThatExist() throws Exception {
        CollectingSink sink = fetch(config(), new TestContext("oxidized-test"));

        assertEquals(List.of("dc-ams/core-sw-01.example.net", "edge-fw", "Campus Süd/Zürich Access 1", "lab/rtr/01",
                "dc-ams/new-switch", "dc-ams/gone-router"), List.copyOf(sink.devices.keySet()));
        sink.devices.values().forEach(d -> assertEquals(DeviceTypes.NETWORK_DEVICE, d.type()));

        DeviceRecord core = sink.devices.get("dc-ams/core-sw-01.example.net");
        assertEquals("core-sw-01.example.net", core.name());
        assertEquals("core-sw-01.example.net", core.hostname());
        assertEquals(Map.of("ip", "192.0.2.1", "model", "IOS", "group", "dc-ams", "last_status", "success",
                "last_attempt_time", "2024-05-01T10:00:00Z", "last_backup_time", "2024-05-01T10:00:00Z",
                "config_changed_time", "2024-04-30T08:00:00Z", IdentityKeys.FQDN, "core-sw-01.example.net"), core.metadata());
        assertEquals(List.of(new IpAddressRecord("192.0.2.1", null, "core-sw-01.example.net")), core.ipAddresses());
        assertFalse(core.metadata().toString().contains("EnableSecret"), "node vars are never stored");
        assertEquals(Set.of("last_attempt_time", "last_backup_time"), core.volatileKeys(),
                "the times of the last backup run move every hour: no reason to count the device as changed");

        DeviceRecord edge = sink.devices.get("edge-fw");
        assertNull(edge.metadata().get("group"), "oxidized-web's group \"default\" means no group");
        assertEquals("no_connection", edge.metadata().get("last_status"));
        assertEquals("2024-05-01T09:00:00Z", edge.metadata().get("last_attempt_time"));
        assertFalse(edge.metadata().containsKey("last_backup_time"), "a failed attempt is not a backup");
        assertFalse(edge.metadata().containsKey("config_changed_time"), "mtime \"unknown\" is left out");
        assertEquals(List.of(new IpAddressRecord("2001:db8::1", null, "edge-fw")), edge.ipAddresses());
        assertFalse(edge.metadata().containsKey(IdentityKeys.FQDN), "a short node name is no FQDN");

        DeviceRecord zurich = sink.devices.get("Campus Süd/Zürich Access 1");
        assertEquals("Zürich Access 1", zurich.name());
        assertEquals("Campus Süd", zurich.metadata().get("group"));
        assertNull(zurich.hostname(), "a name with spaces is no host name");

        DeviceRecord fresh = sink.devices.get("dc-ams/new-switch");
        assertEquals("never", fresh.metadata().get("last_status"));
        assertFalse(fresh.metadata().containsKey("last_attempt_time"));
        assertFalse(fresh.metadata().containsKey("last_backup_time"));

        Map<String, ConfigRecord> configs = bySource(sink.configs);
        assertEquals(4, sink.configs.size());
        assertEquals(CORE_CFG, configs.get("dc-ams/core-sw-01.example.net").text());
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), configs.get("dc-ams/core-sw-01.example.net").retrievedAt());
        assertEquals(ZURICH_CFG, configs.get("Campus Süd/Zürich Access 1").text());
        assertEquals("hostname rtr/01\n", configs.get("lab/rtr/01").text());
        assertNull(configs.get("edge-fw").retrievedAt(), "last attempt failed: when the stored config was taken is unknown");

        assertEquals(2, sink.warnings.size(), sink.warnings.toString());
        assertTrue(sink.warnings.get(0).startsWith("dc-ams/new-switch: oxidized has no stored configuration"), sink.warnings.get(0));
        assertTrue(sink.warnings.get(1).startsWith("dc-ams/gone-router: oxidized-web no longer knows this node"), sink.warnings.get(1));
        assertTrue(sink.warnings.get(1).contains("unable to find 'gone-router'"), sink.warnings.get(1));
        assertFalse(configs.containsKey("dc-ams/gone-router"), "the error text is no configuration version");
        assertEquals(List.of("nodes", "configs 1/6"), sink.phases);
    }

    @Test
    void eachPathSegmentIsPercentEncodedOnTheWire() throws Exception {
        try (RawServer raw = new RawServer(OxidizedDouble.NODES_JSON)) {
            Map<String, Object> cfg = new HashMap<>();
            cfg.put("url", raw.uri() + "/oxidized"); // url_prefix behind a proxy
            CollectingSink sink = fetch(cfg, new TestContext("oxidized-test"));
            assertEquals(List.of(
                    "/oxidized/nodes.json",
                    "/oxidized/node/fetch/dc-ams/core-sw-01.example.net",
                    "/oxidized/node/fetch/edge-fw",
                    "/oxidized/node/fetch/Campus%20S%C3%BCd/Z%C3%BCrich%20Access%201",
                    "/oxidized/node/fetch/lab/rtr%2F01",
                    "/oxidized/node/fetch/dc-ams/new-switch",
                    "/oxidized/node/fetch/dc-ams/gone-router"), raw.rawPaths);
            assertEquals(6, sink.configs.size());
        }
    }

    @Test
    void serviceUnavailableIsRetriedForTheListAndForAConfig() throws Exception {
        server.once("GET", "/nodes.json", Response.status(503));
        server.once("GET", "/node/fetch/edge-fw", Response.status(503).withHeader("Retry-After", "3"));
        TestContext ctx = new TestContext("oxidized-test");
        CollectingSink sink = fetch(config(), ctx);
        assertEquals(2, ctx.retried.size(), ctx.retried.toString());
        assertEquals(List.of(Duration.ofSeconds(3)), ctx.requestedDelays);
        assertEquals(6, sink.devices.size());
        assertTrue(bySource(sink.configs).containsKey("edge-fw"));
    }

    @Test
    void aConfigThatKeepsFailingIsAWarningAndTheRunCompletes() throws Exception {
        server.route("GET", "/node/fetch/edge-fw", r -> Response.status(500));
        server.route("GET", "/node/fetch/lab/rtr/01", r -> Response.text(200, "text/html", "<html>login</html>"));
        TestContext ctx = new TestContext("oxidized-test");
        CollectingSink sink = fetch(config(), ctx);
        assertEquals(6, sink.devices.size());
        assertEquals(2, sink.configs.size());
        assertEquals(3, ctx.retried.size(), "the 500 was tried 4 times");
        assertEquals(4, sink.warnings.size(), sink.warnings.toString());
        assertTrue(sink.warnings.get(0).startsWith("edge-fw: configuration not fetched: oxidized-web GET /node/fetch/edge-fw"
                + " (node edge-fw) failed with HTTP 500"), sink.warnings.get(0));
        assertTrue(sink.warnings.get(1).startsWith("lab/rtr/01: oxidized-web answered an HTML page"), sink.warnings.get(1));
    }

    @Test
    void malformedNodeListsFailTheRunBeforeAnyDevice() {
        for (String body : new String[] {"[{\"name\":\"a\",\"full_name\":\"a\"},{\"name\":\"b\",", "{\"error\":\"boom\"}",
                "[{\"name\":\"a\"},{\"full_name\":\"g/\",\"ip\":\"192.0.2.1\"}]", "[\"core-sw-01\"]",
                "<!DOCTYPE html><html><body>Sign in</body></html>"}) {
            server.json("/nodes.json", body);
            CollectingSink sink = new CollectingSink();
            PermanentSourceException e = assertThrows(PermanentSourceException.class,
                    () -> new OxidizedConnector(config()).fetch(new TestContext("oxidized-test"), sink), body);
            assertEquals("malformed", e.code(), body);
            assertTrue(sink.devices.isEmpty(), body);
            assertTrue(e.userMessage().startsWith("Malformed response from oxidized-web GET /nodes.json: "), e.userMessage());
            for (String internal : new String[] {"com.fasterxml", "Source:", "line:", "Exception", "code 60"}) {
                assertFalse(e.userMessage().contains(internal), e.userMessage());
            }
        }
    }

    @Test
    void proxyBasicAuthIsSentAndRejectedCredentialsFailAtOnce() throws Exception {
        try (OxidizedDouble proxied = OxidizedDouble.behindProxy()) {
            Map<String, Object> cfg = new HashMap<>(proxied.cfg());
            assertEquals("inventory", cfg.get("username"));
            assertEquals(4, fetch(cfg, new TestContext("oxidized-test")).configs.size());
            String basic = "Basic " + Base64.getEncoder().encodeToString(("inventory:" + SECRET).getBytes(StandardCharsets.UTF_8));
            assertEquals(7, proxied.server().requests.size());
            proxied.server().requests.forEach(r -> assertEquals(basic, r.header("Authorization"), r.path()));

            cfg.put(".password", "Wr0ng-" + SECRET);
            TestContext ctx = new TestContext("oxidized-test");
            PermanentSourceException e = assertThrows(PermanentSourceException.class, () -> fetch(cfg, ctx));
            assertEquals("auth", e.code());
            assertTrue(ctx.retried.isEmpty());
            assertFalse(e.userMessage().contains(SECRET));
            assertFalse(String.valueOf(e.getMessage()).contains(SECRET));
        }
    }

    @Test
    void noAuthorizationHeaderWithoutUsername() throws Exception {
        fetch(config(), new TestContext("oxidized-test"));
        server.requests.forEach(r -> assertNull(r.header("Authorization")));
    }

    @Test
    void aProxyThatStartsRejectingMidRunEndsTheRun() {
        server.route("GET", "/node/fetch/edge-fw", r -> Response.status(403));
        CollectingSink sink = new CollectingSink();
        PermanentSourceException e = assertThrows(PermanentSourceException.class,
                () -> new OxidizedConnector(config()).fetch(new TestContext("oxidized-test"), sink));
        assertEquals("auth", e.code());
        assertEquals(1, sink.configs.size(), "stops at the first rejected request instead of warning per node");
    }

    @Test
    void cancellingStopsBetweenConfigs() {
        TestContext ctx = new TestContext("oxidized-test");
        server.route("GET", "/node/fetch/dc-ams/core-sw-01.example.net", r -> {
            ctx.cancel = true;
            return Response.text(200, "text/plain", CORE_CFG);
        });
        CollectingSink sink = new CollectingSink();
        PermanentSourceException e = assertThrows(PermanentSourceException.class, () -> new OxidizedConnector(config()).fetch(ctx, sink));
        assertEquals("cancelled", e.code());
        assertEquals(1, sink.configs.size());
    }

    @Test
    void checkConnectionCountsNodesAndRecognisesAWrongUrl() {
        CheckResult ok = new OxidizedConnector(config()).checkConnection(new TestContext("oxidized-test"));
        assertTrue(ok.ok(), ok.toString());
        assertEquals("oxidized-web at " + server.uri() + ", 6 nodes", ok.detail());

        Map<String, Object> wrong = config();
        wrong.put("url", server.uri() + "/nodes");
        assertEquals("not_found", new OxidizedConnector(wrong).checkConnection(new TestContext("o")).errors().get(0).code());

        server.route("GET", "/nodes.json", r -> Response.text(200, "text/html", "<html>oxidized</html>"));
        assertEquals("malformed", new OxidizedConnector(config()).checkConnection(new TestContext("o")).errors().get(0).code());
    }

    @Test
    void invalidConfigurationIsReportedPerField() {
        assertEquals(List.of("url"), new OxidizedConnector(Map.of()).validate().stream().map(FieldError::field).toList());
        assertEquals(List.of("password"), new OxidizedConnector(Map.of("url", "http://127.0.0.1:8888", "username", "u"))
                .validate().stream().map(FieldError::field).toList());
        assertEquals(List.of("username"), new OxidizedConnector(Map.of("url", "http://127.0.0.1:8888", ".password", SECRET))
                .validate().stream().map(FieldError::field).toList());
        List<FieldError> plain = new OxidizedConnector(Map.of("url", "http://127.0.0.1:8888", "username", "u", "password", SECRET,
                "insecure", "maybe")).validate();
        assertEquals(List.of("password", "insecure"), plain.stream().map(FieldError::field).toList());
        assertEquals(List.of("timeout.seconds"), new OxidizedConnector(Map.of("url", "http://127.0.0.1:8888", "timeout.seconds", "4000"))
                .validate().stream().map(FieldError::field).toList());
        assertEquals(List.of(), new OxidizedConnector(Map.of("url", "http://127.0.0.1:8888", "timeout.seconds", "30")).validate());
        plain.forEach(e -> assertFalse(e.message().contains(SECRET), e.message()));
        OxidizedConnector bad = new OxidizedConnector(Map.of("url", "127.0.0.1:8888"));
        assertEquals("config", assertThrows(PermanentSourceException.class, () -> bad.fetch(new TestContext("o"), new CollectingSink())).code());
    }

    @Test
    void oxidizedWebErrorTextsWithStatus200AreNoConfiguration() {
        assertTrue(ConfigFetcher.problem("text/plain;charset=utf-8", "unable to find 'gone-router'\n").startsWith("oxidized-web no longer knows this node"));
        assertTrue(ConfigFetcher.problem("text/plain", "node not found").startsWith("oxidized has no stored configuration"));
        assertNull(ConfigFetcher.problem("text/plain", "! unable to find 'x'\nhostname sw1\n"), "a configuration that mentions the phrase is a configuration");
    }

    @Test
    void fetchPathsAndIds() {
        OxidizedNode grouped = new OxidizedNode("a b/c", "g 1/x", null, null, null, null, null);
        assertEquals("/node/fetch/g%201%2Fx/a%20b%2Fc", grouped.fetchPath());
        assertEquals("g 1/x/a b/c", grouped.sourceId());
        OxidizedNode single = new OxidizedNode("sw", null, null, null, null, null, null);
        assertEquals("/node/fetch/sw", single.fetchPath());
        assertEquals("sw", single.sourceId());
    }

    /** Records the raw (still encoded) request paths, which FixtureServer decodes. */
    private static final class RawServer implements AutoCloseable {
        final List<String> rawPaths = Collections.synchronizedList(new ArrayList<>());
        private final HttpServer http;

        RawServer(String nodesJson) {
            try {
                http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            http.createContext("/", ex -> {
                try (ex) {
                    rawPaths.add(ex.getRequestURI().getRawPath());
                    boolean list = ex.getRequestURI().getPath().endsWith("/nodes.json");
                    byte[] body = (list ? nodesJson : "config of " + ex.getRequestURI().getPath() + "\n").getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().set("Content-Type", list ? "application/json" : "text/plain");
                    ex.sendResponseHeaders(200, body.length);
                    ex.getResponseBody().write(body);
                }
            });
            http.start();
        }

        String uri() {
            return "http://127.0.0.1:" + http.getAddress().getPort();
        }

        @Override
        public void close() {
            http.stop(0);
        }
    }

    @Test
    void theCoreKeysAreCheckedLikeThePlugins() {
        Map<String, Object> cfg = new java.util.HashMap<String, Object>(Map.of("url", "http://127.0.0.1:8888"));
        cfg.put("schedule.minutes", "-5");
        cfg.put("delete.budget.percent", "150");
        assertEquals(List.of("schedule.minutes:out_of_range", "delete.budget.percent:out_of_range"),
                new OxidizedConnector(cfg).validate().stream().map(e -> e.field() + ":" + e.code()).toList());
    }
}
