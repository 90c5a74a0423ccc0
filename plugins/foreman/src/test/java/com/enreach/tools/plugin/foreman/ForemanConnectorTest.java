package com.enreach.tools.plugin.foreman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.enreach.tools.api.plugin.CheckResult;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.api.spi.InterfaceRecord;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.FixtureServer;
import com.enreach.tools.testkit.FixtureServer.Response;
import com.enreach.tools.testkit.TestContext;

class ForemanConnectorTest {
    private static final String SECRET = ForemanDouble.PASSWORD;
    private ForemanDouble foreman;
    private FixtureServer server;

    @BeforeEach
    void start() {
        foreman = new ForemanDouble();
        server = foreman.server();
    }

    @AfterEach
    void stop() {
        foreman.close();
    }

    private static String fixture(String name) {
        return ForemanDouble.fixture(name);
    }

    /** A page as the double serves it, for routes that change only some pages. */
    private Response page(FixtureServer.Request r) {
        return foreman.hostsPage(r);
    }

    private Map<String, Object> config() {
        return new HashMap<>(foreman.cfg());
    }

    private CollectingSink fetch(TestContext ctx) throws SourceException {
        CollectingSink sink = new CollectingSink();
        new ForemanConnector(config()).fetch(ctx, sink);
        return sink;
    }

    /** Pages requested of the paged host list (the thin re-read of the whole list has no page). */
    private List<String> requestedPages() {
        return server.requestsTo("/api/hosts").stream().filter(r -> !"true".equals(r.param("thin"))).map(r -> r.param("page")).toList();
    }

    private List<FixtureServer.Request> thinListRequests() {
        return server.requestsTo("/api/hosts").stream().filter(r -> "true".equals(r.param("thin"))).toList();
    }

    @Test
    void aHostDeletedBetweenPagesDoesNotHideALiveHostThatSlidBack() throws Exception {
        // db01 (page 1) is deleted before page 2 is read: every later host moves one place up, so the host that
        // was first on page 2 is now last on page 1 and no page shows it. It must still be read.
        foreman.onListRequest(2, () -> foreman.delete(12));
        CollectingSink sink = fetch(new TestContext("foreman-test"));
        assertEquals(Set.of("11", "12", "13", "14", "15"), sink.devices.keySet(), "every host live at the end, and db01 read before it went");
        assertEquals(1, thinListRequests().size(), "the whole list is read once more, thin, to find hosts the pages missed");
        assertEquals("all", thinListRequests().get(0).param("per_page"));
        assertTrue(sink.phases.stream().anyMatch(p -> p.contains("1 host the pages missed")), sink.phases.toString());
        assertTrue(sink.warnings.isEmpty(), sink.warnings.toString());
    }

    @Test
    void aMissedHostWhoseDetailsFailKeepsItsPreviousStateInsteadOfAnEmptyRecord() throws Exception {
        foreman.onListRequest(2, () -> foreman.delete(12));
        server.route("GET", "/api/hosts/14", r -> Response.text(200, "text/html", "<html>maintenance</html>"));
        CollectingSink sink = fetch(new TestContext("foreman-test"));
        assertFalse(sink.devices.containsKey("14"), "a thin list entry (id and name) is no host record");
        assertEquals(List.of("device:14"), sink.notRefreshed);
    }

    @Test
    void aHostAddedBeforeTheCursorIsReadAndRepeatedHostsAreNotReadTwice() throws Exception {
        foreman.onListRequest(2, () -> foreman.add(16, "aaa-new.example.com", 15));
        CollectingSink sink = fetch(new TestContext("foreman-test"));
        assertEquals(Set.of("11", "12", "13", "14", "15", "16"), sink.devices.keySet());
        assertEquals("aaa-new.example.com", sink.devices.get("16").name());
        assertEquals(1, server.requestsTo("/api/hosts/12").size(), "db01 came back on page 2 and is not read again");
    }

    @Test
    void theHostListIsReadInAStableOrder() throws Exception {
        fetch(new TestContext("foreman-test"));
        server.requestsTo("/api/hosts").forEach(r -> assertEquals("name", r.param("order"), r.query()));
    }

    @Test
    void readsEveryPageUntilTheShortLastPageAndMapsHostDetails() throws Exception {
        CollectingSink sink = fetch(new TestContext("foreman-test"));

        assertEquals(List.of("15", "12", "14", "11", "13"), List.copyOf(sink.devices.keySet()), "in name order");
        assertEquals(List.of("1", "2", "3"), requestedPages(), "stops after the short last page once subtotal is read");
        server.requestsTo("/api/hosts").stream().filter(r -> r.param("page") != null).forEach(r -> assertEquals("2", r.param("per_page")));
        assertEquals(1, thinListRequests().size(), "a run of several pages ends with one thin read of the whole list");
        assertEquals(1, server.requestsTo("/api/hosts/11").size(), "nothing missed, nothing read twice");
        assertTrue(sink.warnings.isEmpty(), sink.warnings.toString());
        assertTrue(sink.phases.contains("hosts page 2 of 3"), sink.phases.toString());
        String basic = "Basic " + Base64.getEncoder().encodeToString(("inventory:" + SECRET).getBytes(StandardCharsets.UTF_8));
        assertEquals(basic, server.requestsTo("/api/hosts/11").get(0).header("Authorization"));

        DeviceRecord web = sink.devices.get("11");
        assertEquals("web01.example.com", web.name());
        assertEquals("web01.example.com", web.hostname());
        assertEquals(DeviceTypes.SERVER, web.type());
        Map<String, Object> m = web.metadata();
        assertEquals("Ubuntu 22.04.3 LTS", m.get("os"));
        assertEquals("Base/Web", m.get("hostgroup"));
        assertEquals("production", m.get("environment"));
        assertEquals("Amsterdam", m.get("location"));
        assertEquals("Enreach", m.get("organization"));
        assertEquals("Installed", m.get("build_status"));
        assertEquals(false, m.get("build_pending"));
        assertEquals("2024-05-01T10:00:00Z", m.get("last_report"));
        assertEquals(Set.of("last_report"), web.volatileKeys(), "a new report time alone does not make the host changed");
        assertEquals("OK", m.get("global_status"));
        assertEquals("PowerEdge R650", m.get("model"));
        assertEquals("example.com", m.get("domain"));
        assertEquals("x86_64", m.get("architecture"));
        assertEquals("web01.example.com", m.get("certname"));
        assertEquals("eno1", m.get("primary_interface"));
        assertEquals(11L, m.get("foreman_id"));
        assertFalse(m.containsKey("uuid"), "null values are left out");
        assertFalse(m.containsKey("comment"), "empty strings are left out");

        assertEquals(List.of(
                new InterfaceRecord("eno1", "52:54:00:aa:00:10", "physical", null, 9000, "prod-v4"),
                new InterfaceRecord("bond0", "52:54:00:aa:00:11", "bond", null, null, null),
                new InterfaceRecord("bond0.200", null, "vlan", null, null, "backup"),
                new InterfaceRecord("web01-ipmi.example.com", "52:54:00:aa:00:ff", "bmc", null, null, null)), web.interfaces());
        assertEquals(List.of(
                new IpAddressRecord("192.0.2.10", "eno1", "web01.example.com"),
                new IpAddressRecord("2001:db8::10", "eno1", "web01.example.com"),
                new IpAddressRecord("10.20.0.10", "bond0.200", "web01-backup.example.com"),
                new IpAddressRecord("192.0.2.110", "web01-ipmi.example.com", "web01-ipmi.example.com")), web.ipAddresses(),
                "host-level ip/ip6 are not repeated when an interface carries them");
    }

    @Test
    void virtualMachinesUnicodeNamesAndMissingOptionalFields() throws Exception {
        CollectingSink sink = fetch(new TestContext("foreman-test"));

        DeviceRecord db = sink.devices.get("12");
        assertEquals(DeviceTypes.VM, db.type(), "a compute resource makes it a VM");
        assertEquals("vcenter-ams", db.metadata().get("compute_resource"));
        assertEquals("2024-05-02T08:30:15.250Z", db.metadata().get("last_report"));
        assertEquals(true, db.metadata().get("build_pending"));
        assertEquals("4213d7a6-0c8e-4f1e-9c55-1f2e3d4c5b6a", db.metadata().get("uuid"));

        DeviceRecord zh = sink.devices.get("13");
        assertEquals("zürich-app-01.example.com", zh.name());
        assertEquals("zürich-app-01.example.com", zh.hostname());
        assertEquals(DeviceTypes.VM, zh.type(), "a KVM hardware model makes it a VM");
        assertEquals("Anwendungen – Zürich", zh.metadata().get("hostgroup"), "hostgroup_name when there is no title");
        assertEquals("2024-05-01T10:00:00Z", zh.metadata().get("last_report"), "offset times are normalised to UTC");
        assertEquals("zürich-app-01.example.com", zh.ipAddresses().get(0).dnsName());

        DeviceRecord empty = sink.devices.get("14");
        assertEquals(DeviceTypes.SERVER, empty.type());
        assertTrue(empty.interfaces().isEmpty());
        assertEquals(List.of(new IpAddressRecord("192.0.2.40", null, "old-build.example.com")), empty.ipAddresses());

        DeviceRecord bare = sink.devices.get("15");
        assertTrue(bare.interfaces().isEmpty());
        assertFalse(bare.metadata().containsKey("os"));
        assertFalse(bare.metadata().containsKey("last_report"));
        assertEquals("Installed", bare.metadata().get("build_status"));
        assertEquals(List.of(new IpAddressRecord("198.51.100.5", null, "bare.example.com")), bare.ipAddresses());
    }

    @Test
    void emptyInventoryIsACompleteRun() throws Exception {
        server.route("GET", "/api/hosts", r -> Response.json(fixture("hosts-empty.json")));
        CollectingSink sink = fetch(new TestContext("foreman-test"));
        assertTrue(sink.devices.isEmpty());
        assertEquals(List.of("1"), requestedPages());
    }

    @Test
    void emptyPageBeforeTheCountIsReachedEndsThePagingAndTheListIsReadAgain() throws Exception {
        // page 2 comes back empty although subtotal promised more: the hosts still listed are read all the same
        server.route("GET", "/api/hosts", r -> !"2".equals(r.param("page")) ? page(r)
                : Response.json("{\"total\":6,\"subtotal\":5,\"page\":" + r.param("page") + ",\"per_page\":2,\"results\":[]}"));
        CollectingSink sink = fetch(new TestContext("foreman-test"));
        assertEquals(5, sink.devices.size());
        assertEquals(List.of("1", "2"), requestedPages());
        assertEquals(1, thinListRequests().size());
    }

    @Test
    void aServerThatIgnoresThePageParameterFailsInsteadOfLooping() {
        String samePage = fixture("hosts-page1.json").replace("\"page\": 1,", "");
        server.route("GET", "/api/hosts", r -> Response.json(samePage));
        CollectingSink sink = new CollectingSink();
        PermanentSourceException e = assertThrows(PermanentSourceException.class,
                () -> new ForemanConnector(config()).fetch(new TestContext("foreman-test"), sink));
        assertEquals("malformed", e.code());
        assertEquals(List.of("1", "2"), requestedPages());

        server.route("GET", "/api/hosts", r -> Response.json(fixture("hosts-page1.json")));
        PermanentSourceException echoed = assertThrows(PermanentSourceException.class,
                () -> new ForemanConnector(config()).fetch(new TestContext("foreman-test"), new CollectingSink()));
        assertTrue(echoed.userMessage().contains("ignores the page parameter"), echoed.userMessage());
    }

    @Test
    void badCredentialsFailAtOnceWithoutLeakingTheSecret() {
        Map<String, Object> cfg = config();
        cfg.put(".password", "Wr0ng-" + SECRET);
        TestContext ctx = new TestContext("foreman-test");
        PermanentSourceException e = assertThrows(PermanentSourceException.class,
                () -> new ForemanConnector(cfg).fetch(ctx, new CollectingSink()));
        assertEquals("auth", e.code());
        assertTrue(ctx.retried.isEmpty());
        assertEquals(1, server.requests.size());
        assertFalse(e.userMessage().contains(SECRET));
        assertFalse(String.valueOf(e.getMessage()).contains(SECRET));
    }

    @Test
    void serverErrorsAreRetriedOnListAndDetails() throws Exception {
        server.once("GET", "/api/hosts", Response.status(500));
        server.once("GET", "/api/hosts/13", Response.status(503));
        TestContext ctx = new TestContext("foreman-test");
        CollectingSink sink = fetch(ctx);
        assertEquals(5, sink.devices.size());
        assertEquals(2, ctx.retried.size(), ctx.retried.toString());
        assertTrue(ctx.retried.get(0).startsWith("GET /api/hosts page 1"), ctx.retried.get(0));
    }

    @Test
    void rateLimitAsksForTheServersRetryAfter() throws Exception {
        server.once("GET", "/api/hosts", Response.status(429).withHeader("Retry-After", "7"));
        TestContext ctx = new TestContext("foreman-test");
        CollectingSink sink = fetch(ctx);
        assertEquals(List.of(Duration.ofSeconds(7)), ctx.requestedDelays);
        assertEquals(5, sink.devices.size());
    }

    @Test
    void persistentServerErrorsFailTheRun() {
        server.route("GET", "/api/hosts", r -> Response.status(502));
        TestContext ctx = new TestContext("foreman-test");
        SourceException e = assertThrows(SourceException.class, () -> fetch(ctx));
        assertTrue(e.retryable());
        assertEquals(3, ctx.retried.size(), "4 attempts in all");
    }

    @Test
    void aTruncatedPageFailsTheRunSoNothingIsMarkedStale() {
        server.route("GET", "/api/hosts", r -> "2".equals(r.param("page"))
                ? Response.text(200, "application/json", "{\"total\":6,\"subtotal\":5,\"page\":2,\"results\":[{\"id\":13,\"na")
                : page(r));
        CollectingSink sink = new CollectingSink();
        PermanentSourceException e = assertThrows(PermanentSourceException.class,
                () -> new ForemanConnector(config()).fetch(new TestContext("foreman-test"), sink));
        assertEquals("malformed", e.code());
        assertEquals(2, sink.devices.size(), "page 1 was streamed before the failure");
    }

    @Test
    void aPageWithoutResultsOrWithAHostWithoutIdFailsTheRun() {
        server.route("GET", "/api/hosts", r -> Response.json("{\"total\":1,\"subtotal\":1,\"page\":1,\"per_page\":2}"));
        assertEquals("malformed", assertThrows(PermanentSourceException.class, () -> fetch(new TestContext("f"))).code());
        server.route("GET", "/api/hosts", r -> Response.json("{\"total\":1,\"subtotal\":1,\"page\":1,\"results\":[{\"name\":\"x\"}]}"));
        assertEquals("malformed", assertThrows(PermanentSourceException.class, () -> fetch(new TestContext("f"))).code());
    }

    @Test
    void aHostDeletedDuringTheRunIsAWarningAndTheRunCompletes() throws Exception {
        server.route("GET", "/api/hosts/14", r -> Response.text(404, "application/json", "{\"error\":{\"message\":\"Resource host not found by id '14'\"}}"));
        CollectingSink sink = fetch(new TestContext("foreman-test"));
        assertEquals(List.of("15", "12", "11", "13"), List.copyOf(sink.devices.keySet()));
        assertEquals(1, sink.warnings.size());
        assertTrue(sink.warnings.get(0).startsWith("14: host old-build.example.com was listed but is gone"), sink.warnings.get(0));
    }

    @Test
    void unreadableHostDetailsKeepThePreviousStateInsteadOfAThinRecord() throws Exception {
        server.route("GET", "/api/hosts/12", r -> Response.text(200, "text/html", "<html>maintenance</html>"));
        CollectingSink sink = fetch(new TestContext("foreman-test"));
        assertEquals(4, sink.devices.size());
        assertFalse(sink.devices.containsKey("12"), "not stored from its thin list entry");
        assertEquals(List.of("device:12"), sink.notRefreshed);
        assertEquals(1, sink.warnings.size(), sink.warnings.toString());
        assertTrue(sink.warnings.get(0).startsWith("12: not refreshed: details of host db01.example.com could not be read"
                + " (Malformed response from Foreman GET /api/hosts/12 (host db01.example.com)"), sink.warnings.get(0));
    }

    @Test
    void aFractionalHostCountIsIgnoredNotCutSoEveryPageIsRead() throws Exception {
        // subtotal 1.9 read as 1 would end the paging after the first page of two hosts
        server.route("GET", "/api/hosts", r -> {
            Response p = page(r);
            String body = new String(p.body(), StandardCharsets.UTF_8).replaceAll("\"(sub)?total\":\\d+", "\"$1total\":1.9");
            return Response.json(body);
        });
        CollectingSink sink = fetch(new TestContext("foreman-test"));
        assertEquals(5, sink.devices.size());
    }

    @Test
    void malformedAnswersNameThePageAndShowNoParserInternals() {
        for (String body : new String[] {"{\"total\":6,\"subtotal\":5,\"page\":2,\"results\":[{\"id\":13,\"na",
                "<html><body>502 Bad Gateway</body></html>"}) {
            server.route("GET", "/api/hosts", r -> "2".equals(r.param("page"))
                    ? Response.text(200, "application/json", body) : page(r));
            PermanentSourceException e = assertThrows(PermanentSourceException.class, () -> fetch(new TestContext("f")));
            assertEquals("malformed", e.code());
            String m = e.userMessage();
            assertTrue(m.contains("GET /api/hosts page 2 of 3"), m);
            for (String internal : new String[] {"com.fasterxml", "Source:", "line:", "Exception", "code 60"}) {
                assertFalse(m.contains(internal), m);
            }
        }
    }

    @Test
    void aCancelledRunStopsBeforeTheNextRequest() {
        TestContext ctx = new TestContext("foreman-test");
        ctx.cancel = true;
        PermanentSourceException e = assertThrows(PermanentSourceException.class, () -> fetch(ctx));
        assertEquals("cancelled", e.code());
        assertTrue(server.requests.isEmpty());
    }

    @Test
    void checkConnectionReportsVersionAndHostCount() {
        CheckResult ok = new ForemanConnector(config()).checkConnection(new TestContext("foreman-test"));
        assertTrue(ok.ok(), ok.toString());
        assertEquals("Foreman 3.15.0, 5 hosts visible to inventory", ok.detail());

        Map<String, Object> apiUrl = config();
        apiUrl.put("url", server.uri() + "/api/");
        assertTrue(new ForemanConnector(apiUrl).checkConnection(new TestContext("foreman-test")).ok(), "url ending in /api is the same Foreman");
    }

    @Test
    void checkConnectionClassifiesAuthWrongUrlAndUnreachable() {
        server.route("GET", "/api/status", r -> Response.status(401));
        CheckResult auth = new ForemanConnector(config()).checkConnection(new TestContext("foreman-test"));
        assertFalse(auth.ok());
        assertEquals("auth", auth.errors().get(0).code());
        assertFalse(auth.errors().get(0).message().contains(SECRET));

        Map<String, Object> wrong = config();
        wrong.put("url", server.uri() + "/foreman");
        assertEquals("not_found", new ForemanConnector(wrong).checkConnection(new TestContext("foreman-test")).errors().get(0).code());

        Map<String, Object> closed = config();
        closed.put("url", "http://127.0.0.1:1");
        CheckResult down = new ForemanConnector(closed).checkConnection(new TestContext("foreman-test", null, 1));
        assertFalse(down.ok());
        // SourceHttp currently reports a refused connection as "io" (its root cause is ClosedChannelException).
        assertTrue(List.of("unreachable", "io").contains(down.errors().get(0).code()), down.toString());
        assertTrue(down.errors().get(0).message().contains("127.0.0.1:1"), down.toString());
    }

    @Test
    void invalidConfigurationIsReportedPerFieldWithoutSecrets() {
        ForemanConnector none = new ForemanConnector(Map.of());
        assertEquals(List.of("url", "username", "password"), none.validate().stream().map(FieldError::field).toList());

        Map<String, Object> bad = new HashMap<>();
        bad.put("url", "ftp://foreman");
        bad.put("username", "inventory");
        bad.put("password", SECRET);
        bad.put("page.size", "5000");
        bad.put("ca.file", "/nonexistent/ca.pem");
        bad.put("timeout.seconds", "1");
        ForemanConnector c = new ForemanConnector(bad);
        List<FieldError> errors = c.validate();
        assertEquals(List.of("url", "password", "timeout.seconds", "ca.file", "page.size"), errors.stream().map(FieldError::field).toList());
        assertEquals("insecure", errors.get(1).code());
        errors.forEach(e -> assertFalse(e.message().contains(SECRET), e.message()));
        PermanentSourceException e = assertThrows(PermanentSourceException.class, () -> c.fetch(new TestContext("f"), new CollectingSink()));
        assertEquals("config", e.code());
        assertFalse(c.checkConnection(new TestContext("f")).ok());

        Map<String, Object> env = config();
        env.remove(".password");
        env.put("password.env", "ENREACH_TEST_UNSET_VARIABLE_4711");
        assertEquals("password.env", new ForemanConnector(env).validate().get(0).field());
        assertNull(System.getenv("ENREACH_TEST_UNSET_VARIABLE_4711"));
    }

    @Test
    void theCoreKeysAreCheckedLikeThePlugins() {
        Map<String, Object> cfg = config();
        cfg.put("schedule.minutes", "-5");
        cfg.put("delete.budget.percent", "150");
        assertEquals(List.of("schedule.minutes:out_of_range", "delete.budget.percent:out_of_range"),
                new ForemanConnector(cfg).validate().stream().map(e -> e.field() + ":" + e.code()).toList());
    }
}
