package com.enreach.tools.plugin.dorado;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RelationshipRecord;
import com.enreach.tools.api.spi.RelationshipTypes;
import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.api.spi.StorageVolumeRecord;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.FixtureServer;
import com.enreach.tools.testkit.FixtureServer.Request;
import com.enreach.tools.testkit.FixtureServer.Response;
import com.enreach.tools.testkit.TestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class DoradoConnectorTest {
    private static final String SN = DoradoDouble.SN;
    private static final String REST = DoradoDouble.REST;
    private static final String LOGIN = DoradoDouble.LOGIN;
    private static final String PASSWORD = DoradoDouble.PASSWORD;

    private DoradoDouble dorado;
    private FixtureServer server;

    @BeforeEach
    void startDouble() {
        dorado = new DoradoDouble();
        server = dorado.server();
    }

    @AfterEach
    void stopDouble() {
        dorado.close();
    }

    private static String api(String path) {
        return DoradoDouble.api(path);
    }

    private static String fixture(String name) {
        return DoradoDouble.fixture(name);
    }

    private Map<String, Object> config() {
        return new HashMap<>(dorado.cfg());
    }

    private CollectingSink fetch(TestContext ctx) throws SourceException {
        CollectingSink sink = new CollectingSink();
        new DoradoConnector(config()).fetch(ctx, sink);
        return sink;
    }

    private static long count(CollectingSink sink, String kind) {
        return sink.volumes.values().stream().filter(v -> v.kind().equals(kind)).count();
    }

    private static void assertNoSecret(SourceException e) {
        assertFalse(String.valueOf(e.getMessage()).contains(PASSWORD), e.getMessage());
        assertFalse(String.valueOf(e.userMessage()).contains(PASSWORD), e.userMessage());
    }

    @Test
    void mapsSystemControllersAndPoolsAsDevicesPartOfTheSystem() throws Exception {
        CollectingSink sink = fetch(new TestContext("dorado-ams"));

        DeviceRecord system = sink.devices.get(SN);
        assertEquals(DeviceTypes.STORAGE, system.type());
        assertEquals("dorado-ams-01", system.name());
        assertNull(system.hostname(), "an IP address in the URL is no host name");
        assertEquals("OceanStor Dorado 5000 V6", system.metadata().get("model"));
        assertEquals("V600R005C20", system.metadata().get("version"));
        assertEquals("normal", system.metadata().get("health"));
        assertEquals(123_480_309_760L * 512, system.metadata().get("capacity_bytes"));

        List<DeviceRecord> controllers = sink.devicesOfType(DeviceTypes.STORAGE_CONTROLLER);
        assertEquals(2, controllers.size());
        DeviceRecord a = sink.devices.get(SN + ":controller:0A");
        assertEquals("dorado-ams-01/0A", a.name());
        assertEquals("online", a.metadata().get("running_status"));
        assertEquals("2102313TKQ10N7000123", a.metadata().get("serial"));
        assertEquals(262_144L, a.metadata().get("memory_mb"));
        assertEquals(true, a.metadata().get("master"));
        DeviceRecord b = sink.devices.get(SN + ":controller:0B");
        assertEquals("fault", b.metadata().get("health"));
        assertEquals("offline", b.metadata().get("running_status"));
        assertFalse(b.metadata().containsKey("serial"), "no ELABEL, no serial");

        DeviceRecord pool = sink.devices.get(SN + ":pool:1");
        assertEquals(DeviceTypes.STORAGE_POOL, pool.type());
        assertEquals("dorado-ams-01/Speicher-Pool Ölberg 東京", pool.name());
        assertEquals("degraded", pool.metadata().get("health"));
        assertEquals(1_073_741_824L, pool.metadata().get("capacity_bytes"));
        assertFalse(pool.metadata().containsKey("free_bytes"));

        for (String part : List.of(SN + ":controller:0A", SN + ":controller:0B", SN + ":pool:0", SN + ":pool:1")) {
            assertTrue(sink.relationships.contains(new RelationshipRecord(part, RelationshipTypes.PART_OF, SN)), part);
        }
    }

    @Test
    void mapsLunsWithSectorsConvertedToBytesAndHugeCapacitiesIntact() throws Exception {
        CollectingSink sink = fetch(new TestContext("dorado-ams"));

        StorageVolumeRecord lun = sink.volumes.get(SN + ":lun:0");
        assertEquals(StorageVolumeRecord.LUN, lun.kind());
        assertEquals(SN, lun.arraySourceId());
        assertEquals("ora-datos-ñ-東京", lun.name());
        assertEquals(100L << 30, lun.capacityBytes());
        assertEquals(20L << 30, lun.allocatedBytes());
        assertEquals(Boolean.TRUE, lun.thin());
        assertEquals("6a8ffba1005d5e2c0c4b9e1a00000000", lun.wwn());
        assertEquals("0A", lun.owner());
        assertEquals("StoragePool001", lun.pool());
        assertEquals(SN + ":pool:0", lun.poolSourceId());
        assertEquals("normal", lun.health());
        assertEquals("online", lun.runningStatus());

        StorageVolumeRecord big = sink.volumes.get(SN + ":lun:1");
        assertEquals(2L << 50, big.capacityBytes(), "2 PiB must survive the sector conversion");
        assertEquals(Boolean.FALSE, big.thin());

        StorageVolumeRecord bare = sink.volumes.get(SN + ":lun:2");
        assertEquals(1L << 30, bare.capacityBytes());
        assertNull(bare.allocatedBytes());
        assertNull(bare.wwn());
        assertNull(bare.owner(), "the array's '--' placeholder means none");
        assertNull(bare.pool());
        assertNull(bare.thin());

        assertEquals("code 99", sink.volumes.get(SN + ":lun:3").runningStatus());

        StorageVolumeRecord overflow = sink.volumes.get(SN + ":lun:4");
        assertNull(overflow.capacityBytes());
        assertTrue(sink.warnings.stream().anyMatch(w -> w.startsWith(SN + ":lun:4: CAPACITY")), sink.warnings.toString());
        assertEquals(5, count(sink, StorageVolumeRecord.LUN));
    }

    @Test
    void mapsFilesystemsInSectorsNotInTheirBlockSize() throws Exception {
        CollectingSink sink = fetch(new TestContext("dorado-ams"));

        StorageVolumeRecord fs = sink.volumes.get(SN + ":fs:10");
        assertEquals(StorageVolumeRecord.FILESYSTEM, fs.kind());
        assertEquals(100L << 30, fs.capacityBytes());
        assertEquals(5L << 30, fs.allocatedBytes());
        assertEquals(20L << 30, fs.usedBytes(), "used = capacity - available");
        assertEquals(20L << 30, fs.snapshotReserveBytes(), "20 % reserve");
        assertEquals("vstore-nas", fs.svm());
        assertEquals(16_384L, fs.metadata().get("block_size"));
        assertEquals(1L << 30, fs.metadata().get("snapshot_used_bytes"));
        assertEquals(Boolean.TRUE, fs.thin());

        StorageVolumeRecord plain = sink.volumes.get(SN + ":fs:11");
        assertEquals("Prüfberichte", plain.name());
        assertEquals(1L << 30, plain.capacityBytes());
        assertNull(plain.usedBytes());
        assertNull(plain.snapshotReserveBytes());
        assertNull(plain.svm());
    }

    @Test
    void logsInOnceAndSendsTokenAndSessionCookieOnEveryLaterCall() throws Exception {
        fetch(new TestContext("dorado-ams"));

        List<Request> loginRequests = server.requestsTo(LOGIN);
        assertEquals(1, loginRequests.size());
        JsonNode body = new ObjectMapper().readTree(loginRequests.get(0).body());
        assertEquals("inventory", body.get("username").asText());
        assertEquals(PASSWORD, body.get("password").asText());
        assertEquals("0", body.get("scope").asText());

        List<Request> later = server.requests.stream().filter(r -> !r.path().equals(LOGIN)).toList();
        assertFalse(later.isEmpty());
        for (Request r : later) {
            assertTrue(r.path().startsWith(REST + SN + "/"), r.path());
            assertEquals("tok-1", r.header("iBaseToken"), r.path());
            assertTrue(String.valueOf(r.header("Cookie")).contains("session=ismsession=cookie-1"), r.path() + " cookie " + r.header("Cookie"));
        }
    }

    @Test
    void pagesByOverlappingRangesUntilAShortPage() throws Exception {
        CollectingSink sink = fetch(new TestContext("dorado-ams"));

        assertEquals(List.of("[0-2]", "[1-3]", "[2-4]", "[3-5]", "[4-6]"), ranges("/lun"),
                "each range re-reads the last object of the previous one: 5 LUNs, one new per range of 2");
        assertEquals(List.of("[0-2]", "[1-3]"), ranges("/filesystem"), "2 file systems: full range, then only the anchor");
        assertEquals(5, count(sink, StorageVolumeRecord.LUN));
        assertEquals(2, count(sink, StorageVolumeRecord.FILESYSTEM));
    }

    @Test
    void aLunDeletedBeforeTheNextRangeFailsTheRunRetryablyInsteadOfSkippingOne() {
        dorado.deleteAfter("/lun", 1, "0"); // deleted on the array after the first range was read
        CollectingSink sink = new CollectingSink();

        RetryableSourceException e = assertThrows(RetryableSourceException.class,
                () -> new DoradoConnector(config()).fetch(new TestContext("dorado-ams"), sink));

        assertEquals("list_changed", e.code());
        assertTrue(e.userMessage().contains("/lun"), e.userMessage());
        assertEquals(2, count(sink, StorageVolumeRecord.LUN), "the first range was streamed; the run fails, so nothing goes stale");
        assertEquals(1, server.requestsTo(api("/sessions")).size(), "logged out after the failure");
    }

    @Test
    void aLunDeletedAfterTheReadPositionOrAddedBeforeItIsNoShift() throws Exception {
        dorado.deleteAfter("/lun", 1, "3");
        dorado.insertAfter("/filesystem", 1, 0, "10", "12"); // a new file system sorts first

        CollectingSink sink = fetch(new TestContext("dorado-ams"));

        assertEquals(Set.of("0", "1", "2", "4"), lunIds(sink), "the deleted LUN is simply gone");
        assertEquals(2, count(sink, StorageVolumeRecord.FILESYSTEM), "the new one waits for the next run; none is lost");
    }

    private static Set<String> lunIds(CollectingSink sink) {
        return sink.volumes.values().stream().filter(v -> v.kind().equals(StorageVolumeRecord.LUN))
                .map(v -> String.valueOf(v.metadata().get("lun_id"))).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void theDocumentedDefaultsAreTheAppliedOnes() throws Exception {
        Map<String, Object> cfg = config();
        cfg.remove("page.size");

        new DoradoConnector(cfg).fetch(new TestContext("dorado-ams"), new CollectingSink());

        assertEquals("[0-" + DoradoConfig.class.getMethod("page_size").getDefaultValue() + "]", ranges("/lun").get(0));
        assertEquals(DoradoConfig.class.getMethod("scope").getDefaultValue(),
                new ObjectMapper().readTree(server.requestsTo(LOGIN).get(0).body()).path("scope").asText());
    }

    @Test
    void aRangeTooLargeForTheArrayIsShrunkWithAWarning() throws Exception {
        dorado.maxRange(2);
        Map<String, Object> cfg = config();
        cfg.put("page.size", "5");
        CollectingSink sink = new CollectingSink();

        new DoradoConnector(cfg).fetch(new TestContext("dorado-ams"), sink);

        assertEquals(List.of("[0-5]", "[0-2]"), ranges("/lun").subList(0, 2), "refused, then halved (5 -> 2)");
        assertEquals(5, count(sink, StorageVolumeRecord.LUN));
        assertTrue(sink.warnings.stream().anyMatch(w -> w.contains("refused a range of 5 luns") && w.contains("50331651")),
                sink.warnings.toString());
    }

    @Test
    void anArrayRefusingEvenTheSmallestRangeFailsWithAClearMessage() {
        dorado.maxRange(1);

        PermanentSourceException e = assertThrows(PermanentSourceException.class, () -> fetch(new TestContext("dorado-ams")));

        assertEquals("api_error", e.code());
        assertTrue(e.userMessage().contains("even 2 at a time") && e.userMessage().contains("50331651"), e.userMessage());
    }

    private List<String> ranges(String path) {
        return server.requestsTo(api(path)).stream().map(r -> r.param("range")).toList();
    }

    @Test
    void logsOutAtTheEnd() throws Exception {
        fetch(new TestContext("dorado-ams"));

        List<Request> deletes = server.requestsTo(api("/sessions"));
        assertEquals(1, deletes.size());
        assertEquals("DELETE", deletes.get(0).method());
        assertEquals("tok-1", deletes.get(0).header("iBaseToken"));
        assertEquals(api("/sessions"), server.requests.get(server.requests.size() - 1).path(), "logout is the last call");
    }

    @Test
    void expiredSessionMidRunLogsInAgainOnceAndContinues() throws Exception {
        server.once("GET", api("/storagepool"), Response.json(fixture("session-expired.json")));

        CollectingSink sink = fetch(new TestContext("dorado-ams"));

        assertEquals(2, dorado.logins());
        List<Request> pools = server.requestsTo(api("/storagepool"));
        assertEquals(List.of("tok-1", "tok-2"), pools.stream().map(r -> r.header("iBaseToken")).toList());
        assertTrue(pools.get(1).header("Cookie").contains("cookie-2"), pools.get(1).header("Cookie"));
        server.requestsTo(api("/lun")).forEach(r -> assertEquals("tok-2", r.header("iBaseToken")));
        assertEquals(2, sink.devicesOfType(DeviceTypes.STORAGE_POOL).size());
        assertEquals(5, count(sink, StorageVolumeRecord.LUN));
    }

    @Test
    void sessionRefusedAgainAfterTheNewLoginFailsAsAuth() {
        Response expired = Response.json(fixture("session-expired.json"));
        server.once("GET", api("/controller"), expired, expired);

        PermanentSourceException e = assertThrows(PermanentSourceException.class, () -> fetch(new TestContext("dorado-ams")));

        assertEquals("auth", e.code());
        assertEquals(2, dorado.logins(), "one new login per call, not a loop");
        assertNoSecret(e);
    }

    @Test
    void errorInsideHttp200FailsPermanentlyWithTheArraysDescriptionAndStillLogsOut() {
        server.once("GET", api("/storagepool"), Response.json(fixture("not-supported.json")));
        TestContext ctx = new TestContext("dorado-ams");

        PermanentSourceException e = assertThrows(PermanentSourceException.class, () -> fetch(ctx));

        assertEquals("api_error", e.code());
        assertTrue(e.userMessage().contains("1077949002") && e.userMessage().contains("The operation is not supported."), e.userMessage());
        assertTrue(ctx.retried.isEmpty(), "an array error is not retried");
        assertEquals(1, server.requestsTo(api("/sessions")).size(), "logged out after the failure");
    }

    @Test
    void badCredentialsFailAtOnceAsAuthWithoutLeakingThePassword() {
        server.once("POST", LOGIN, Response.json(fixture("login-bad.json")));
        TestContext ctx = new TestContext("dorado-ams");

        PermanentSourceException e = assertThrows(PermanentSourceException.class, () -> fetch(ctx));

        assertEquals("auth", e.code());
        assertEquals("username", e.field());
        assertTrue(e.userMessage().contains("1077949061"), e.userMessage());
        assertEquals(1, server.requestsTo(LOGIN).size(), "a refused login is never repeated (it would lock the account)");
        assertTrue(ctx.retried.isEmpty());
        assertNoSecret(e);
    }

    @Test
    void malformedPageFailsTheRunAfterTheFirstPageAndLogsOut() {
        server.once("GET", api("/lun"), Response.json(fixture("luns-0.json")), Response.json(fixture("truncated.json")));
        CollectingSink sink = new CollectingSink();

        PermanentSourceException e = assertThrows(PermanentSourceException.class,
                () -> new DoradoConnector(config()).fetch(new TestContext("dorado-ams"), sink));

        assertEquals("malformed", e.code());
        assertEquals(2, sink.volumes.size(), "page 1 was streamed before page 2 broke");
        assertEquals(1, server.requestsTo(api("/sessions")).size());
        assertEquals("Malformed response from Dorado GET " + api("/lun") + " page 2: the JSON answer ends early (truncated)",
                e.userMessage());
    }

    @Test
    void anHtmlPageOrAPageWithoutErrorCodeNamesThePageWithoutParserInternals() {
        server.once("GET", api("/lun"), Response.json(fixture("luns-0.json")), Response.json("<html><body>Portal</body></html>"));
        PermanentSourceException html = assertThrows(PermanentSourceException.class, () -> fetch(new TestContext("dorado-ams")));
        assertTrue(html.userMessage().startsWith("Malformed response from Dorado GET " + api("/lun") + " page 2: "), html.userMessage());
        for (String internal : new String[] {"com.fasterxml", "Source:", "line:", "column:", "Exception", "code 60"}) {
            assertFalse(html.userMessage().contains(internal), html.userMessage());
        }
        server.once("GET", api("/lun"), Response.json(fixture("luns-0.json")), Response.json("{\"data\":[]}"));
        PermanentSourceException noCode = assertThrows(PermanentSourceException.class, () -> fetch(new TestContext("dorado-ams")));
        assertEquals("Malformed response from Dorado GET " + api("/lun") + " page 2: the answer has no numeric error.code",
                noCode.userMessage());
    }

    @Test
    void anObjectWithoutIdIsNamedInTheError() {
        server.once("GET", api("/controller"), Response.json(fixture("controllers.json").replaceFirst("\"ID\": \"0A\",", "")));
        PermanentSourceException e = assertThrows(PermanentSourceException.class, () -> fetch(new TestContext("dorado-ams")));
        assertEquals("Malformed response from Dorado GET /controller: an object named 0A has no ID", e.userMessage());
    }

    @Test
    void answerWithoutErrorObjectIsMalformed() {
        server.once("GET", api("/controller"), Response.json("{\"data\":[]}"));

        PermanentSourceException e = assertThrows(PermanentSourceException.class, () -> fetch(new TestContext("dorado-ams")));

        assertEquals("malformed", e.code());
    }

    @Test
    void serverErrorsAreRetriedAndRetryAfterIsHonoured() throws Exception {
        server.once("GET", api("/lun"), Response.status(503), Response.status(429).withHeader("Retry-After", "7"));
        TestContext ctx = new TestContext("dorado-ams");

        CollectingSink sink = fetch(ctx);

        assertEquals(List.of("GET /lun page 1: unavailable", "GET /lun page 1: rate_limited"), ctx.retried);
        assertEquals(List.of(Duration.ofSeconds(7)), ctx.requestedDelays);
        assertEquals(5, count(sink, StorageVolumeRecord.LUN));
    }

    @Test
    void cancelledRunThrowsInsteadOfLookingComplete() {
        TestContext ctx = new TestContext("dorado-ams");
        ctx.cancel = true;

        PermanentSourceException e = assertThrows(PermanentSourceException.class, () -> fetch(ctx));

        assertEquals("cancelled", e.code());
        assertEquals(1, server.requestsTo(api("/sessions")).size());
    }

    @Test
    void acceptsTheUrlWithTheRestSuffix() throws Exception {
        Map<String, Object> cfg = config();
        cfg.put("url", server.uri() + "/deviceManager/rest/");
        CollectingSink sink = new CollectingSink();

        new DoradoConnector(cfg).fetch(new TestContext("dorado-ams"), sink);

        assertTrue(sink.devices.containsKey(SN));
    }

    @Test
    void checkConnectionReportsModelVersionAndSerial() {
        CheckResult r = new DoradoConnector(config()).checkConnection(new TestContext("dorado-ams"));

        assertTrue(r.ok(), r.toString());
        assertTrue(r.detail().contains("OceanStor Dorado 5000 V6") && r.detail().contains("V600R005C20") && r.detail().contains(SN), r.detail());
        assertEquals(1, server.requestsTo(api("/sessions")).size(), "the check logs out too");
    }

    @Test
    void checkConnectionClassifiesBadCredentialsWrongUrlAndUnreachableHost() {
        server.once("POST", LOGIN, Response.json(fixture("login-bad.json")));
        CheckResult auth = new DoradoConnector(config()).checkConnection(new TestContext("dorado-ams"));
        assertFalse(auth.ok());
        assertEquals("auth", auth.errors().get(0).code());
        assertFalse(auth.errors().get(0).message().contains(PASSWORD));

        Map<String, Object> wrong = config();
        wrong.put("url", server.uri() + "/api/v2");
        assertEquals("not_found", new DoradoConnector(wrong).checkConnection(new TestContext("dorado-ams")).errors().get(0).code());

        Map<String, Object> closed = config();
        closed.put("url", "http://127.0.0.1:1");
        CheckResult down = new DoradoConnector(closed).checkConnection(new TestContext("dorado-ams", null, 1));
        assertFalse(down.ok());
        // SourceHttp classifies a refused connection by its root cause, which the JDK client reports as a closed
        // channel ("io"); both codes mean the same to the operator.
        assertTrue(Set.of("unreachable", "io").contains(down.errors().get(0).code()), down.toString());
    }

    @Test
    void invalidConfigurationIsReportedPerFieldAndRefusedByFetch() {
        DoradoConnector empty = new DoradoConnector(Map.of());
        assertEquals(List.of("url", "username", "password"), empty.validate().stream().map(f -> f.field()).toList());

        Map<String, Object> cfg = config();
        cfg.remove(".password");
        cfg.put("password", PASSWORD);
        cfg.put("page.size", "500");
        cfg.put("scope", "admin");
        DoradoConnector bad = new DoradoConnector(cfg);
        assertEquals(List.of("password", "scope", "page.size"), bad.validate().stream().map(f -> f.field()).toList());
        assertEquals("insecure", bad.validate().get(0).code());
        bad.validate().forEach(f -> assertFalse(f.message().contains(PASSWORD), f.message()));

        PermanentSourceException e = assertThrows(PermanentSourceException.class, () -> bad.fetch(new TestContext("x"), new CollectingSink()));
        assertEquals("config", e.code());
        assertTrue(server.requests.isEmpty(), "nothing is sent with a bad configuration");
    }

    @Test
    void passwordFromEnvironmentVariableNamedInTheConfig() {
        Map<String, Object> cfg = config();
        cfg.remove(".password");
        cfg.put("password.env", "ENREACH_TEST_DORADO_PASSWORD_SURELY_UNSET");
        assertEquals("password.env", new DoradoConnector(cfg).validate().get(0).field());
    }

    @Test
    void timeoutSecondsIsValidatedAndBoundsTheWaitForOneAnswer() throws Exception {
        Map<String, Object> cfg = config();
        cfg.put("timeout.seconds", "soon");
        assertEquals(List.of("timeout.seconds:invalid"), new DoradoConnector(cfg).validate().stream().map(f -> f.field() + ":" + f.code()).toList());
        cfg.put("timeout.seconds", "4000");
        assertEquals(List.of("timeout.seconds:out_of_range"), new DoradoConnector(cfg).validate().stream().map(f -> f.field() + ":" + f.code()).toList());
        // a server that takes the connection and never answers
        try (java.net.ServerSocket hung = new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            cfg.put("url", String.valueOf(cfg.get("url")).replaceFirst("//[^/]+", "//127.0.0.1:" + hung.getLocalPort()));
            cfg.put("timeout.seconds", "5");
            CheckResult r = new DoradoConnector(cfg).checkConnection(new TestContext("t", null, 1));
            assertEquals("timeout", r.errors().get(0).code(), r.toString());
            assertTrue(r.errors().get(0).message().contains("within 5 s"), r.toString());
        }
    }
}
