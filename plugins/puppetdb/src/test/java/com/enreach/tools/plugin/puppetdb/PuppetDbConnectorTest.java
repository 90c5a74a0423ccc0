package com.enreach.tools.plugin.puppetdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.enreach.tools.api.plugin.CheckResult;
import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.FixtureServer;
import com.enreach.tools.testkit.FixtureServer.Response;
import com.enreach.tools.testkit.TestContext;

/** Paging, faults, configuration and connection checks against a PuppetDB double. */
class PuppetDbConnectorTest {
    private static final String TOKEN = "0VZZ-secret-rbac-token";

    private final FixtureServer server = new FixtureServer();
    /** The double's node list, sorted like PuppetDB sorts by certname; tests change it between pages. */
    private final List<String> nodes = new ArrayList<>();

    @AfterEach
    void close() {
        server.close();
    }

    private void serveNodes() {
        server.route("GET", PuppetDbClient.INVENTORY, r -> {
            int offset = Integer.parseInt(r.param("offset"));
            int limit = Integer.parseInt(r.param("limit"));
            String body = nodes.stream().skip(offset).limit(limit)
                    .map(n -> "{\"certname\":\"" + n + "\",\"environment\":\"production\",\"facts.fqdn\":\"" + n + "\"}")
                    .collect(Collectors.joining(",", "[", "]"));
            return Response.json(body);
        });
    }

    private void addNodes(int count) {
        IntStream.range(0, count).forEach(i -> nodes.add(String.format("node-%03d.example.com", i)));
    }

    private PuppetDbConnector connector(String... extra) {
        Map<String, Object> cfg = new HashMap<>();
        cfg.put("url", server.uri().toString());
        cfg.put("report.status", "false");
        for (int i = 0; i < extra.length; i += 2) {
            cfg.put(extra[i], extra[i + 1]);
        }
        return new PuppetDbConnector(cfg);
    }

    private List<String> pages() {
        return server.requestsTo(PuppetDbClient.INVENTORY).stream().map(r -> r.param("offset") + "+" + r.param("limit")).toList();
    }

    @Test
    void pagesUntilAShortPageRereadingTheLastNodeOfEachPage() throws Exception {
        addNodes(5);
        serveNodes();
        CollectingSink sink = new CollectingSink();
        connector("page.size", "2").fetch(new TestContext("puppetdb-t"), sink);
        assertEquals(nodes, List.copyOf(sink.devices.keySet()));
        assertEquals(List.of("0+2", "1+3", "3+3"), pages());
        assertEquals(3, sink.phases.size());
    }

    @Test
    void aLastPageHoldingOnlyTheAnchorEndsTheRun() throws Exception {
        addNodes(4);
        serveNodes();
        CollectingSink sink = new CollectingSink();
        connector("page.size", "2").fetch(new TestContext("puppetdb-t"), sink);
        assertEquals(nodes, List.copyOf(sink.devices.keySet()));
        assertEquals(List.of("0+2", "1+3", "3+3"), pages());
    }

    @Test
    void anEmptyInventoryIsACompleteRunOfNothing() throws Exception {
        serveNodes();
        CollectingSink sink = new CollectingSink();
        connector().fetch(new TestContext("puppetdb-t"), sink);
        assertTrue(sink.devices.isEmpty());
        assertEquals(List.of("0+500"), pages());
    }

    @Test
    void nodesAddedBeforeTheAnchorDuringTheRunDoNotShiftAnythingOut() throws Exception {
        addNodes(6);
        server.route("GET", PuppetDbClient.INVENTORY, r -> {
            if (!r.param("offset").equals("0") && !nodes.contains("aaa.example.com")) {
                nodes.add(0, "aaa.example.com"); // registered while page 1 was being processed
            }
            int offset = Integer.parseInt(r.param("offset"));
            return Response.json(nodes.stream().skip(offset).limit(Integer.parseInt(r.param("limit")))
                    .map(n -> "{\"certname\":\"" + n + "\"}").collect(Collectors.joining(",", "[", "]")));
        });
        CollectingSink sink = new CollectingSink();
        connector("page.size", "3").fetch(new TestContext("puppetdb-t"), sink);
        assertEquals(nodes.subList(1, 7), List.copyOf(sink.devices.keySet()));
    }

    @Test
    void nodesRemovedBeforeTheAnchorFailTheRunInsteadOfSkippingOne() {
        addNodes(6);
        server.route("GET", PuppetDbClient.INVENTORY, r -> {
            if (!r.param("offset").equals("0") && nodes.contains("node-000.example.com")) {
                nodes.remove(0); // deactivated while page 1 was being processed: node-003 would slide to offset 2
            }
            int offset = Integer.parseInt(r.param("offset"));
            return Response.json(nodes.stream().skip(offset).limit(Integer.parseInt(r.param("limit")))
                    .map(n -> "{\"certname\":\"" + n + "\"}").collect(Collectors.joining(",", "[", "]")));
        });
        RetryableSourceException e = assertThrows(RetryableSourceException.class,
                () -> connector("page.size", "3").fetch(new TestContext("puppetdb-t"), new CollectingSink()));
        assertEquals("inventory_changed", e.code());
    }

    @Test
    void serverErrorsAreRetriedAndTheRunCompletes() throws Exception {
        addNodes(3);
        serveNodes();
        server.once("GET", PuppetDbClient.INVENTORY, Response.status(503), Response.status(500));
        TestContext ctx = new TestContext("puppetdb-t");
        CollectingSink sink = new CollectingSink();
        connector().fetch(ctx, sink);
        assertEquals(3, sink.devices.size());
        assertEquals(2, ctx.retried.size(), ctx.retried.toString());
        assertTrue(ctx.retried.get(0).endsWith(": unavailable"), ctx.retried.get(0));
    }

    @Test
    void rateLimitHonoursRetryAfter() throws Exception {
        addNodes(1);
        serveNodes();
        server.once("GET", PuppetDbClient.INVENTORY, Response.status(429).withHeader("Retry-After", "7"));
        TestContext ctx = new TestContext("puppetdb-t");
        CollectingSink sink = new CollectingSink();
        connector().fetch(ctx, sink);
        assertEquals(List.of(Duration.ofSeconds(7)), ctx.requestedDelays);
        assertEquals(1, sink.devices.size());
    }

    @Test
    void aRejectedTokenFailsAtOnceBlamingTheTokenWithoutShowingIt() {
        addNodes(1);
        serveNodes();
        server.once("GET", PuppetDbClient.INVENTORY, Response.status(401));
        TestContext ctx = new TestContext("puppetdb-t");
        PermanentSourceException e = assertThrows(PermanentSourceException.class,
                () -> connector(".token", TOKEN).fetch(ctx, new CollectingSink()));
        assertEquals("auth", e.code());
        assertEquals("token", e.field());
        assertEquals(1, server.requests.size());
        assertTrue(ctx.retried.isEmpty());
        assertEquals(TOKEN, server.requests.get(0).header("X-Authentication"));
        assertFalse(e.userMessage().contains(TOKEN));
        assertFalse(String.valueOf(e.getMessage()).contains(TOKEN));
    }

    @Test
    void theTokenCanComeFromTheEnvironmentAndIsSentOnEveryRequest() throws Exception {
        addNodes(1);
        serveNodes();
        server.route("POST", PuppetDbClient.NODES, r -> Response.json("[]"));
        Map<String, Object> cfg = Map.of("url", server.uri().toString(), "token.env", "PDB_TOKEN");
        PuppetDbConnector c = new PuppetDbConnector(cfg, Map.of("PDB_TOKEN", TOKEN)::get);
        assertEquals(List.of(), c.validate());
        c.fetch(new TestContext("puppetdb-t"), new CollectingSink());
        assertEquals(List.of("GET " + PuppetDbClient.INVENTORY, "POST " + PuppetDbClient.NODES),
                server.requests.stream().map(r -> r.method() + " " + r.path()).toList());
        server.requests.forEach(r -> assertEquals(TOKEN, r.header("X-Authentication"), r.path()));

        PuppetDbConnector unset = new PuppetDbConnector(cfg, name -> null);
        assertEquals(List.of("token.env"), unset.validate().stream().map(FieldError::field).toList());
    }

    @Test
    void aTruncatedPageFailsTheRun() {
        addNodes(3);
        server.route("GET", PuppetDbClient.INVENTORY, r -> Response.json("[{\"certname\":\"node-000.example.com\"},{\"certname\":\"node-0"));
        CollectingSink sink = new CollectingSink();
        TestContext ctx = new TestContext("puppetdb-t");
        PermanentSourceException e = assertThrows(PermanentSourceException.class, () -> connector().fetch(ctx, sink));
        assertEquals("malformed", e.code());
        assertTrue(sink.devices.isEmpty(), "nothing of a broken page is emitted");
        assertTrue(ctx.retried.isEmpty());
    }

    @Test
    void aTruncatedSecondPageFailsTheRunAfterTheFirst() {
        addNodes(4);
        serveNodes();
        server.route("GET", PuppetDbClient.INVENTORY, r -> r.param("offset").equals("0")
                ? Response.json("[{\"certname\":\"a\"},{\"certname\":\"b\"}]")
                : Response.json("[{\"certname\":\"b\"},{\"cert"));
        CollectingSink sink = new CollectingSink();
        SourceException e = assertThrows(SourceException.class, () -> connector("page.size", "2").fetch(new TestContext("t"), sink));
        assertEquals("malformed", e.code());
        assertEquals(2, sink.devices.size());
        assertEquals("Malformed response from PuppetDB GET " + PuppetDbClient.INVENTORY + " page 2 (offset 1): the JSON answer"
                + " ends early (truncated)", e.userMessage());
    }

    /** No parser internals in a message people read. */
    static void assertPlain(String m) {
        for (String internal : new String[] {"com.fasterxml", "Source:", "line:", "column:", "Exception", "code 60"}) {
            assertFalse(m.contains(internal), m);
        }
    }

    @Test
    void answersThatAreNotANodeListFailTheRun() {
        for (Response bad : List.of(Response.json("{\"error\":\"not an array\"}"), Response.json("[{\"environment\":\"production\"}]"),
                Response.json("[\"node-000\"]"), Response.json("[] trailing"), Response.text(200, "text/html", "<html>login</html>"),
                Response.json(""))) {
            server.route("GET", PuppetDbClient.INVENTORY, r -> bad);
            PermanentSourceException e = assertThrows(PermanentSourceException.class,
                    () -> connector().fetch(new TestContext("t"), new CollectingSink()), new String(bad.body()));
            assertEquals("malformed", e.code(), new String(bad.body()));
            assertTrue(e.userMessage().startsWith("Malformed response from PuppetDB GET " + PuppetDbClient.INVENTORY + " page 1"),
                    e.userMessage());
            assertPlain(e.userMessage());
        }
    }

    @Test
    void reportStatusIsMergedPerPage() throws Exception {
        addNodes(3);
        serveNodes();
        server.route("POST", PuppetDbClient.NODES, r -> Response.json("[{\"certname\":\"node-001.example.com\",\"report_timestamp\":\"2024-05-01T10:00:30.000Z\","
                + "\"latest_report_status\":\"failed\",\"latest_report_noop\":false,\"cached_catalog_status\":null}]"));
        CollectingSink sink = new CollectingSink();
        connector("report.status", "true", "page.size", "2").fetch(new TestContext("t"), sink);
        Map<String, Object> m = sink.devices.get("node-001.example.com").metadata();
        assertEquals("failed", m.get("latest_report_status"));
        assertEquals("2024-05-01T10:00:30.000Z", m.get("report_timestamp"));
        assertTrue(sink.devices.get("node-001.example.com").volatileKeys().contains("report_timestamp"), "a new report time alone is no change");
        assertFalse(sink.devices.get("node-001.example.com").volatileKeys().contains("latest_report_status"));
        assertEquals(false, m.get("latest_report_noop"));
        assertFalse(m.containsKey("cached_catalog_status"));
        assertFalse(sink.devices.get("node-000.example.com").metadata().containsKey("latest_report_status"));
        List<FixtureServer.Request> posts = server.requestsTo(PuppetDbClient.NODES);
        assertEquals(2, posts.size());
        assertTrue(posts.get(0).body().contains("[\"in\",\"certname\",[\"array\",[\"node-000.example.com\",\"node-001.example.com\"]]]"),
                posts.get(0).body());
        assertTrue(posts.get(1).body().contains("[\"array\",[\"node-002.example.com\"]]"), "only new nodes: " + posts.get(1).body());
    }

    @Test
    void aFailingReportStatusIsOneWarningAndTheNodesStillCount() throws Exception {
        addNodes(5);
        serveNodes();
        server.route("POST", PuppetDbClient.NODES, r -> Response.status(500));
        CollectingSink sink = new CollectingSink();
        TestContext ctx = new TestContext("t");
        connector("report.status", "true", "page.size", "2").fetch(ctx, sink);
        assertEquals(5, sink.devices.size());
        assertEquals(1, sink.warnings.size(), sink.warnings.toString());
        assertTrue(sink.warnings.get(0).startsWith("node-000.example.com: last report status not read"), sink.warnings.get(0));
        assertEquals(4, server.requestsTo(PuppetDbClient.NODES).size(), "retried by the core, then given up for the run");
    }

    @Test
    void aCancelledRunStopsBetweenPagesWithoutLookingComplete() {
        addNodes(5);
        serveNodes();
        TestContext ctx = new TestContext("t");
        CollectingSink sink = new CollectingSink() {
            @Override
            public void device(com.enreach.tools.api.spi.DeviceRecord device) {
                super.device(device);
                ctx.cancel = true;
            }
        };
        PermanentSourceException e = assertThrows(PermanentSourceException.class, () -> connector("page.size", "2").fetch(ctx, sink));
        assertEquals("cancelled", e.code());
        assertEquals(1, pages().size());
    }

    @Test
    void puppetDbsOwnErrorTextIsKeptInTheMessage() {
        String why = "Can't extract unknown 'inventory' field 'facts.networking'. Acceptable fields are: [\"certname\",\"timestamp\"]";
        server.route("GET", PuppetDbClient.INVENTORY, r -> Response.text(400, "text/plain;charset=utf-8", why + "\n"));
        PermanentSourceException e = assertThrows(PermanentSourceException.class,
                () -> connector().fetch(new TestContext("puppetdb-t"), new CollectingSink()));
        assertEquals("http_400", e.code());
        assertTrue(e.userMessage().contains("HTTP 400"), e.userMessage());
        assertTrue(e.userMessage().endsWith(": " + why), e.userMessage());

        server.route("GET", PuppetDbClient.INVENTORY, r -> Response.text(503, "application/json",
                "{\"error\":\"The database is\\u0000 being\\n\\u001b[31mmigrated\"}").withHeader("Retry-After", "3"));
        TestContext ctx = new TestContext("puppetdb-t");
        RetryableSourceException busy = assertThrows(RetryableSourceException.class, () -> connector().fetch(ctx, new CollectingSink()));
        assertEquals(Duration.ofSeconds(3), busy.retryAfter(), "still retryable, with the server's delay");
        assertTrue(busy.userMessage().endsWith(": The database is being [31mmigrated"), "control characters dropped: " + busy.userMessage());

        String page = "<html><body>" + "x".repeat(5000) + "</body></html>";
        server.route("GET", PuppetDbClient.INVENTORY, r -> Response.text(502, "text/html", page));
        RetryableSourceException proxy = assertThrows(RetryableSourceException.class,
                () -> connector().fetch(new TestContext("puppetdb-t"), new CollectingSink()));
        assertFalse(proxy.userMessage().contains("<html>"), "an HTML error page is no message: " + proxy.userMessage());
    }

    @Test
    void aLongErrorTextIsCut() {
        server.route("GET", PuppetDbClient.INVENTORY, r -> Response.text(400, "text/plain", "bad query " + "y".repeat(2000)));
        PermanentSourceException e = assertThrows(PermanentSourceException.class,
                () -> connector().fetch(new TestContext("puppetdb-t"), new CollectingSink()));
        assertTrue(e.userMessage().length() < 700, e.userMessage().length() + " characters");
        assertTrue(e.userMessage().endsWith("…"), e.userMessage());
    }

    @Test
    void checkNamesTheVersionAndProvesQueryAccess() {
        server.json(PuppetDbClient.VERSION, "{\"version\":\"7.12.1\"}");
        addNodes(2);
        serveNodes();
        CheckResult r = connector().checkConnection(new TestContext("t"));
        assertTrue(r.ok(), r.toString());
        assertTrue(r.detail().contains("PuppetDB 7.12.1"), r.detail());
        assertEquals("1", server.requestsTo(PuppetDbClient.INVENTORY).get(0).param("limit"));
    }

    @Test
    void checkFailuresSayWhatIsWrong() throws Exception {
        // wrong url: PuppetDB answers unknown paths with 404
        CheckResult notFound = connector().checkConnection(new TestContext("t"));
        assertEquals("not_found", notFound.errors().get(0).code());

        server.json(PuppetDbClient.VERSION, "{\"version\":\"7.12.1\"}");
        server.route("GET", PuppetDbClient.INVENTORY, r -> Response.status(403));
        CheckResult denied = connector(".token", TOKEN).checkConnection(new TestContext("t"));
        assertEquals(new FieldError("token", "auth", denied.errors().get(0).message()), denied.errors().get(0));
        assertFalse(denied.errors().get(0).message().contains(TOKEN));

        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        CheckResult down = new PuppetDbConnector(Map.of("url", "http://127.0.0.1:" + closedPort)).checkConnection(new TestContext("t"));
        assertFalse(down.ok());
        assertEquals("unreachable", down.errors().get(0).code());
    }

    @Test
    void configurationProblemsAreReportedPerField() {
        assertEquals(List.of("url"), fields(Map.of()));
        assertEquals(List.of("url"), fields(Map.of("url", "puppetdb:8080")));
        assertEquals(List.of("url"), fields(Map.of("url", "http://puppetdb:8080/pdb/query/v4")));
        assertEquals(List.of("insecure", "page.size"), fields(Map.of("url", "http://puppetdb:8080", "page.size", "0", "insecure", "yes")));
        assertEquals(List.of("timeout.seconds"), fields(Map.of("url", "http://puppetdb:8080", "timeout.seconds", "2")));
        assertEquals(List.of("timeout.seconds"), fields(Map.of("url", "http://puppetdb:8080", "timeout.seconds", "soon")));
        assertEquals(List.of("token"), fields(Map.of("url", "http://puppetdb:8080", "token", TOKEN)));
        assertEquals(List.of("ca.file"), fields(Map.of("url", "https://puppetdb:8081", "ca.file", "/nonexistent/ca.pem")));
        assertEquals(List.of(), fields(Map.of("url", "https://puppetdb:8081", ".token", TOKEN, "page.size", "1000",
                "timeout.seconds", "300", "schedule.minutes", "30", "delete.budget.percent", "5")));
        new PuppetDbConnector(Map.of("url", "http://puppetdb:8080", "token", TOKEN)).validate()
                .forEach(e -> assertFalse(e.message().contains(TOKEN), e.message()));
    }

    @Test
    void anInvalidConfigurationNeverReachesTheNetwork() {
        PuppetDbConnector c = new PuppetDbConnector(Map.of("url", server.uri().toString(), "page.size", "-1"));
        PermanentSourceException e = assertThrows(PermanentSourceException.class, () -> c.fetch(new TestContext("t"), new CollectingSink()));
        assertEquals("config", e.code());
        assertEquals("page.size", e.field());
        assertFalse(c.checkConnection(new TestContext("t")).ok());
        assertTrue(server.requests.isEmpty());
    }

    private static List<String> fields(Map<String, Object> cfg) {
        return new PuppetDbConnector(cfg).validate().stream().map(FieldError::field).toList();
    }
}
