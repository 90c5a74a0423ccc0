package com.enreach.tools.plugin.commvault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.enreach.tools.api.spi.BackupRecord;
import com.enreach.tools.api.plugin.CheckResult;
import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.FixtureServer;
import com.enreach.tools.testkit.FixtureServer.Request;
import com.enreach.tools.testkit.FixtureServer.Response;
import com.enreach.tools.testkit.TestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class CommvaultConnectorTest {
    private static final String API = CommvaultDouble.API;
    private static final String PASSWORD = CommvaultDouble.PASSWORD;
    private static final String GUID_WEB = "5026bef2-e814-2718-16ba-0f903a846125";
    private static final String GUID_PRUEF = "502699f1-55fd-9dba-9262-80655efc9b9f";
    private static final String GUID_NEW = "5026d1e1-8bba-02c9-5334-f0c183a741d9";

    private CommvaultDouble commvault;
    private FixtureServer server;

    @BeforeEach
    void startDouble() {
        commvault = new CommvaultDouble();
        server = commvault.server();
    }

    @AfterEach
    void stopDouble() {
        commvault.close();
    }

    private static String fixture(String name) {
        return CommvaultDouble.fixture(name);
    }

    private Map<String, Object> config() {
        return new HashMap<>(commvault.cfg());
    }

    private CollectingSink fetch(Map<String, Object> cfg, TestContext ctx) throws SourceException {
        CollectingSink sink = new CollectingSink();
        new CommvaultConnector(cfg).fetch(ctx, sink);
        return sink;
    }

    private CollectingSink fetch() throws SourceException {
        return fetch(config(), new TestContext("commvault-prod"));
    }

    private List<Request> apiCalls() {
        return server.requests.stream().filter(r -> !r.path().endsWith("/Login")).toList();
    }

    private static void assertNoSecret(SourceException e) {
        String b64 = Base64.getEncoder().encodeToString(PASSWORD.getBytes(StandardCharsets.UTF_8));
        for (String s : new String[] {e.getMessage(), e.userMessage()}) {
            assertFalse(String.valueOf(s).contains(PASSWORD) || String.valueOf(s).contains(b64), s);
        }
    }

    @Test
    void logsInWithTheBase64PasswordAndSendsTheTokenAsAuthtoken() throws Exception {
        fetch();

        List<Request> loginRequests = server.requestsTo(API + "/Login");
        assertEquals(1, loginRequests.size());
        JsonNode body = new ObjectMapper().readTree(loginRequests.get(0).body());
        assertEquals("inventory", body.get("username").asText());
        assertEquals(PASSWORD, new String(Base64.getDecoder().decode(body.get("password").asText()), StandardCharsets.UTF_8));
        assertEquals("application/json", loginRequests.get(0).header("Accept"));

        assertFalse(apiCalls().isEmpty());
        for (Request r : apiCalls()) {
            assertEquals("QSDK tok-1", r.header("Authtoken"), r.path());
            assertEquals("application/json", r.header("Accept"), r.path());
            assertNull(r.header("Authorization"), r.path());
        }
    }

    @Test
    void clientRecordCarriesTheJobWindowTheNewestJobAndTheLastSuccess() throws Exception {
        CollectingSink sink = fetch();

        BackupRecord fs = sink.backups.get("client:2");
        assertEquals("fs-ams-01", fs.clientName());
        assertEquals("fs-ams-01.example.com", fs.hostName());
        assertNull(fs.vmGuid());
        assertEquals(List.of("9101", "9050", "9160"), fs.jobs().stream().map(BackupRecord.Job::jobId).toList());
        assertEquals("9160", fs.lastJob().jobId(), "newest by start time");
        assertEquals("Failed", fs.lastJob().status());
        assertEquals(Instant.ofEpochSecond(1732414500), fs.lastSuccessAt(), "newest successful end; 'with errors' does not count");
        BackupRecord.Job full = fs.jobs().get(1);
        assertEquals("Full", full.level());
        assertEquals("Completed w/ one or more errors", full.status(), "status kept as Commvault says");
        assertEquals(Instant.ofEpochSecond(1732327200), full.start());
        assertEquals(107_374_182_400L, full.sizeBytes());
    }

    @Test
    void unicodeNamesRunningJobsAndMissingOptionalFields() throws Exception {
        CollectingSink sink = fetch();

        BackupRecord buero = sink.backups.get("client:7");
        assertEquals("Büro-Server Zürich 東京", buero.clientName());
        assertEquals("9170", buero.lastJob().jobId(), "job ids sent as strings work too");
        assertEquals("Running", buero.lastJob().status());
        assertNull(buero.lastJob().end(), "0 means not ended");
        assertNull(buero.lastJob().sizeBytes());
        assertEquals(Instant.ofEpochSecond(1732417800), buero.lastSuccessAt(), "warnings still count as success");

        BackupRecord sql = sink.backups.get("client:9");
        assertEquals("sql-cluster-virtual", sql.clientName());
        assertNull(sql.hostName());
        assertNull(sql.lastJob());
        assertNull(sql.lastSuccessAt());
        assertTrue(sql.jobs().isEmpty());
    }

    @Test
    void jobsArePagedByLimitAndOffsetHeadersUntilAShortOrEmptyPage() throws Exception {
        fetch();

        assertEquals(List.of("0", "2"), offsets("2"), "3 jobs: full page, then a short one");
        assertEquals(List.of("0", "2"), offsets("7"), "2 jobs but a stale total of 3: full page, then an empty one");
        assertEquals(List.of("0"), offsets("9"));
        Request first = server.requestsTo(API + "/Job").get(0);
        assertEquals("2", first.header("limit"));
        assertEquals("Backup", first.param("jobFilter"));
        assertEquals("604800", first.param("completedJobLookupTime"), "default history of 168 hours");
    }

    private List<String> offsets(String clientId) {
        return server.requestsTo(API + "/Job").stream().filter(r -> clientId.equals(r.param("clientId"))).map(r -> r.header("offset")).toList();
    }

    @Test
    void theDocumentedDefaultsAreTheAppliedOnes() throws Exception {
        Map<String, Object> cfg = config();
        cfg.remove("page.size");

        fetch(cfg, new TestContext("commvault-prod"));

        Request first = server.requestsTo(API + "/Job").get(0);
        assertEquals(String.valueOf(CommvaultConfig.class.getMethod("page_size").getDefaultValue()), first.header("limit"));
        assertEquals(String.valueOf(3600L * (Integer) CommvaultConfig.class.getMethod("history_hours").getDefaultValue()),
                first.param("completedJobLookupTime"));
        assertFalse(server.requestsTo(API + "/VM").isEmpty(), "vms defaults to " + CommvaultConfig.class.getMethod("vms").getDefaultValue());
    }

    @Test
    void historyHoursSetsTheLookupWindow() throws Exception {
        Map<String, Object> cfg = config();
        cfg.put("history.hours", "24");
        cfg.put("vms", "false");

        fetch(cfg, new TestContext("commvault-prod"));

        server.requestsTo(API + "/Job").forEach(r -> assertEquals("86400", r.param("completedJobLookupTime")));
        assertTrue(server.requestsTo(API + "/VM").isEmpty(), "vms=false skips GET /VM");
    }

    @Test
    void vmRecordsCarryGuidLastBackupAndStatus() throws Exception {
        CollectingSink sink = fetch();

        BackupRecord web = sink.backups.get("vm:" + GUID_WEB);
        assertEquals("web-ams-01", web.vmName());
        assertEquals(GUID_WEB, web.vmGuid());
        assertEquals("web-ams-01", web.clientName());
        assertEquals("9180", web.lastJob().jobId());
        assertEquals("Completed", web.lastJob().status());
        assertEquals(Instant.ofEpochSecond(1732500000), web.lastJob().start());
        assertEquals(Instant.ofEpochSecond(1732501200), web.lastSuccessAt());

        BackupRecord pruef = sink.backups.get("vm:" + GUID_PRUEF);
        assertEquals("Prüf-VM ñ 東京", pruef.vmName());
        assertEquals("Backed up with errors", pruef.lastJob().status());
        assertNull(pruef.lastSuccessAt(), "a backup with errors is no success");

        BackupRecord fresh = sink.backups.get("vm:" + GUID_NEW);
        assertEquals("new-vm-unprotected", fresh.clientName(), "no client entry: the VM name stands in");
        assertNull(fresh.lastJob());
        assertNull(fresh.lastSuccessAt());

        assertTrue(sink.warnings.stream().anyMatch(w -> w.startsWith("vm:orphan-entry:")), sink.warnings.toString());
        assertEquals(6, sink.backups.size(), "3 clients + 3 VMs with a GUID");
    }

    @Test
    void vmsArePagedWithPagingInfoUntilAnEmptyPage() throws Exception {
        fetch();

        assertEquals(List.of("0,2", "1,2", "2,2"), pagingInfo());
    }

    @Test
    void machinesAddedToTheDoubleArePagedAndMappedLikeTheFixtures() throws Exception {
        commvault.addVm("app-ams-03", "5026aaaa-0000-1111-2222-333344445555");
        commvault.addClient(42, "db-ams-02", "db-ams-02.example.com");

        CollectingSink sink = fetch();

        assertEquals(List.of("0,2", "1,2", "2,2"), pagingInfo(), "5 VMs: the third page is short");
        BackupRecord vm = sink.backups.get("vm:5026aaaa-0000-1111-2222-333344445555");
        assertEquals("app-ams-03", vm.vmName());
        assertEquals("Completed", vm.lastJob().status());
        assertEquals(vm.lastJob().end(), vm.lastSuccessAt());
        assertEquals("db-ams-02.example.com", sink.backups.get("client:42").hostName());
        assertEquals(8, sink.backups.size());
    }

    @Test
    void vmsArePagedWithPagingInfoUntilAShortPage() throws Exception {
        server.route("GET", API + "/VM", r -> Response.json(fixture("1,2".equals(r.header("PagingInfo")) ? "vms-1-short.json" : "vms-0.json")));

        CollectingSink sink = fetch();

        assertEquals(List.of("0,2", "1,2"), pagingInfo());
        assertTrue(sink.backups.containsKey("vm:" + GUID_NEW));
    }

    private List<String> pagingInfo() {
        return server.requestsTo(API + "/VM").stream().map(r -> r.header("PagingInfo")).toList();
    }

    @Test
    void http401MidRunLogsInAgainOnceAndContinues() throws Exception {
        CollectingSink sink = new CollectingSink() {
            @Override
            public void phase(String phase) {
                super.phase(phase);
                if (phase.equals("virtual machines page 1")) {
                    commvault.expireTokens(); // the web server restarted: tok-1 is refused from now on
                }
            }
        };
        new CommvaultConnector(config()).fetch(new TestContext("commvault-prod"), sink);

        assertEquals(2, commvault.logins());
        List<String> tokens = server.requestsTo(API + "/VM").stream().map(r -> r.header("Authtoken")).toList();
        assertEquals(List.of("QSDK tok-1", "QSDK tok-2", "QSDK tok-2", "QSDK tok-2"), tokens);
        assertTrue(sink.backups.containsKey("vm:" + GUID_NEW));
    }

    @Test
    void http401AgainAfterTheNewLoginFailsAsAuth() {
        server.once("GET", API + "/Client", Response.status(401), Response.status(401));

        PermanentSourceException e = assertThrows(PermanentSourceException.class, this::fetch);

        assertEquals("auth", e.code());
        assertEquals(2, commvault.logins(), "one new login per call, not a loop");
        assertNoSecret(e);
    }

    @Test
    void xmlInsteadOfJsonIsMalformedWithAClearMessage() {
        server.once("GET", API + "/Client", Response.text(200, "application/xml;charset=UTF-8", fixture("clients.xml")));

        PermanentSourceException e = assertThrows(PermanentSourceException.class, this::fetch);

        assertEquals("malformed", e.code());
        assertTrue(e.userMessage().contains("XML instead of JSON") && e.userMessage().contains("/webconsole/api"), e.userMessage());
    }

    @Test
    void xmlWithAJsonContentTypeIsCaughtToo() {
        server.once("GET", API + "/VM", Response.text(200, "application/json", fixture("clients.xml")));

        PermanentSourceException e = assertThrows(PermanentSourceException.class, this::fetch);

        assertEquals("malformed", e.code());
        assertTrue(e.userMessage().contains("XML"), e.userMessage());
    }

    @Test
    void serverErrorsAreRetried() throws Exception {
        server.once("GET", API + "/Client", Response.status(500), Response.status(503));
        TestContext ctx = new TestContext("commvault-prod");

        CollectingSink sink = fetch(config(), ctx);

        assertEquals(List.of("GET /Client: unavailable", "GET /Client: unavailable"), ctx.retried);
        assertEquals(6, sink.backups.size());
    }

    @Test
    void badCredentialsInTheLoginBodyFailAtOnceAsAuth() {
        server.once("POST", API + "/Login", Response.json(fixture("login-bad.json")));
        TestContext ctx = new TestContext("commvault-prod");

        PermanentSourceException e = assertThrows(PermanentSourceException.class, () -> fetch(config(), ctx));

        assertEquals("auth", e.code());
        assertEquals("username", e.field());
        assertTrue(e.userMessage().contains("Invalid Username or Password"), e.userMessage());
        assertEquals(1, server.requestsTo(API + "/Login").size());
        assertTrue(ctx.retried.isEmpty());
        assertTrue(apiCalls().isEmpty());
        assertNoSecret(e);
    }

    @Test
    void loginRefusedWithHttp401IsAuthToo() {
        server.once("POST", API + "/Login", Response.status(401));

        PermanentSourceException e = assertThrows(PermanentSourceException.class, this::fetch);

        assertEquals("auth", e.code());
        assertNoSecret(e);
    }

    @Test
    void apiTokenSkipsTheLoginAndIsSentAsBearer() throws Exception {
        Map<String, Object> cfg = config();
        cfg.remove("username");
        cfg.remove(".password");
        cfg.put(".api.token", CommvaultDouble.API_TOKEN);

        CollectingSink sink = fetch(cfg, new TestContext("commvault-prod"));

        assertEquals(0, commvault.logins());
        apiCalls().forEach(r -> {
            assertEquals("Bearer " + CommvaultDouble.API_TOKEN, r.header("Authorization"));
            assertNull(r.header("Authtoken"));
        });
        assertEquals(6, sink.backups.size());
    }

    @Test
    void refusedApiTokenFailsAsAuthWithoutALoginAttempt() {
        Map<String, Object> cfg = config();
        cfg.put(".api.token", "expired-token");
        server.once("GET", API + "/Client", Response.status(401));

        PermanentSourceException e = assertThrows(PermanentSourceException.class, () -> fetch(cfg, new TestContext("commvault-prod")));

        assertEquals("auth", e.code());
        assertEquals("api.token", e.field());
        assertEquals(0, commvault.logins());
        assertFalse(e.userMessage().contains("expired-token"), e.userMessage());
    }

    @Test
    void aClientWhoseJobsAreRefusedKeepsItsPreviousStateAndTheRunGoesOn() throws Exception {
        server.once("GET", API + "/Job", Response.status(400));

        CollectingSink sink = fetch();

        assertFalse(sink.backups.containsKey("client:2"), "not emitted with an empty history it does not have");
        assertEquals(List.of(EntityKinds.BACKUP + ":client:2"), sink.notRefreshed,
                "reported as not refreshed, so the core keeps its record instead of marking it stale");
        assertTrue(sink.backups.containsKey("client:7"));
        assertTrue(sink.warnings.stream().anyMatch(w -> w.startsWith("client:2:") && w.contains("HTTP 400")), sink.warnings.toString());
    }

    @Test
    void aVmPageThatRepeatsThePreviousOneFailsTheRunInsteadOfTruncating() {
        server.route("GET", API + "/VM", r -> Response.json(fixture("vms-0.json"))); // a web server ignoring PagingInfo
        CollectingSink sink = new CollectingSink();

        PermanentSourceException e = assertThrows(PermanentSourceException.class,
                () -> new CommvaultConnector(config()).fetch(new TestContext("commvault-prod"), sink));

        assertEquals("malformed", e.code());
        assertTrue(e.userMessage().contains("GET /VM page 2") && e.userMessage().contains("PagingInfo"), e.userMessage());
        assertEquals(2, server.requestsTo(API + "/VM").size());
    }

    @Test
    void jobsAreReadWhateverThePageSizeAsTheDoubleHonoursLimit() throws Exception {
        Map<String, Object> cfg = config();
        cfg.put("page.size", "1");
        cfg.put("vms", "false");

        CollectingSink sink = fetch(cfg, new TestContext("commvault-prod"));

        assertEquals(List.of("0", "1", "2"), offsets("2"), "3 jobs one by one, up to the total");
        assertEquals(List.of("9101", "9050", "9160"), sink.backups.get("client:2").jobs().stream().map(BackupRecord.Job::jobId).toList());
        assertEquals(List.of("0", "1", "2"), offsets("7"), "2 jobs and a stale total of 3: an empty third page ends it");
        assertEquals(2, sink.backups.get("client:7").jobs().size());
        server.requestsTo(API + "/Job").forEach(r -> assertEquals("1", r.header("limit")));
    }

    @Test
    void theDoubleRefusesCallsWithoutAValidToken() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        for (String[] header : new String[][] {{"Accept", "application/json"}, {"Authtoken", "QSDK forged"},
                {"Authorization", "Bearer wrong"}}) {
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(commvault.url() + "/Client"))
                    .header(header[0], header[1]).GET().build();
            assertEquals(401, client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode(), header[0]);
        }
    }

    @Test
    void truncatedJobsPageFailsTheRun() {
        server.once("GET", API + "/Job", Response.json(fixture("truncated.json")));

        PermanentSourceException e = assertThrows(PermanentSourceException.class, this::fetch);

        assertEquals("malformed", e.code());
        assertTrue(e.userMessage().startsWith("Malformed response from Commvault GET "), e.userMessage());
        assertTrue(e.userMessage().endsWith("/Job (client fs-ams-01) page 1: the JSON answer ends early (truncated)"), e.userMessage());
    }

    @Test
    void aTruncatedVmPageNamesThePageOfTheTotalWithoutParserInternals() {
        server.once("GET", API + "/VM", Response.json("{\"totalRecords\": 5000, \"vmStatusInfoList\": [" + "{\"strGUID\":\"g\"},".repeat(99)
                + "{\"strGUID\":\"h\"}]}"), Response.json("{ \"vmStatusInfoList\": [ {\"strGUID\": \"g2"));
        Map<String, Object> cfg = config();
        cfg.put("page.size", "100");
        PermanentSourceException e = assertThrows(PermanentSourceException.class,
                () -> new CommvaultConnector(cfg).fetch(new TestContext("commvault-prod"), new CollectingSink()));
        assertTrue(e.userMessage().endsWith("/VM page 2 of 50: the JSON answer ends early (truncated)"), e.userMessage());
        for (String internal : new String[] {"com.fasterxml", "Source:", "line:", "column:", "Exception"}) {
            assertFalse(e.userMessage().contains(internal), e.userMessage());
        }
    }

    @Test
    void answerThatIsNotAnObjectFailsTheRun() {
        server.once("GET", API + "/Client", Response.json("[]"));

        assertEquals("malformed", assertThrows(PermanentSourceException.class, this::fetch).code());
    }

    @Test
    void errorCodeInsteadOfAListFailsTheRun() {
        server.once("GET", API + "/VM", Response.json("{\"errorCode\": 2, \"errorMessage\": \"Access denied to virtualization client\"}"));

        PermanentSourceException e = assertThrows(PermanentSourceException.class, this::fetch);

        assertEquals("api_error", e.code());
        assertTrue(e.userMessage().contains("Access denied"), e.userMessage());
    }

    @Test
    void cancelledRunThrowsInsteadOfLookingComplete() {
        TestContext ctx = new TestContext("commvault-prod");
        ctx.cancel = true;

        assertEquals("cancelled", assertThrows(PermanentSourceException.class, () -> fetch(config(), ctx)).code());
    }

    @Test
    void checkConnectionCountsClientsOrSaysWhatIsWrong() {
        CheckResult ok = new CommvaultConnector(config()).checkConnection(new TestContext("commvault-prod"));
        assertTrue(ok.ok(), ok.toString());
        assertTrue(ok.detail().contains("3 clients"), ok.detail());

        server.once("POST", API + "/Login", Response.json(fixture("login-bad.json")));
        CheckResult bad = new CommvaultConnector(config()).checkConnection(new TestContext("commvault-prod"));
        assertFalse(bad.ok());
        assertEquals("auth", bad.errors().get(0).code());

        Map<String, Object> wrong = config();
        wrong.put("url", server.uri() + "/webconsole");
        assertEquals("not_found", new CommvaultConnector(wrong).checkConnection(new TestContext("commvault-prod")).errors().get(0).code());
    }

    @Test
    void invalidConfigurationIsReportedPerField() {
        assertEquals(List.of("url", "username", "password"),
                new CommvaultConnector(Map.of()).validate().stream().map(f -> f.field()).toList());

        Map<String, Object> cfg = config();
        cfg.remove(".password");
        cfg.put("password", PASSWORD);
        cfg.put("history.hours", "0");
        cfg.put("page.size", "many");
        CommvaultConnector bad = new CommvaultConnector(cfg);
        assertEquals(List.of("password", "page.size", "history.hours"), bad.validate().stream().map(f -> f.field()).toList());
        bad.validate().forEach(f -> assertFalse(f.message().contains(PASSWORD), f.message()));

        Map<String, Object> tokenOnly = new HashMap<>(Map.of("url", "https://cv.example.com/webconsole/api", ".api.token", "t"));
        assertTrue(new CommvaultConnector(tokenOnly).validate().isEmpty(), "a token needs no user name or password");

        PermanentSourceException e = assertThrows(PermanentSourceException.class,
                () -> bad.fetch(new TestContext("x"), new CollectingSink()));
        assertEquals("config", e.code());
        assertTrue(server.requests.isEmpty());
    }

    @Test
    void timeoutSecondsIsValidatedAndBoundsTheWaitForOneAnswer() throws Exception {
        Map<String, Object> cfg = config();
        cfg.put("timeout.seconds", "soon");
        assertEquals(List.of("timeout.seconds:invalid"), new CommvaultConnector(cfg).validate().stream().map(f -> f.field() + ":" + f.code()).toList());
        cfg.put("timeout.seconds", "4000");
        assertEquals(List.of("timeout.seconds:out_of_range"), new CommvaultConnector(cfg).validate().stream().map(f -> f.field() + ":" + f.code()).toList());
        // a server that takes the connection and never answers
        try (java.net.ServerSocket hung = new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            cfg.put("url", String.valueOf(cfg.get("url")).replaceFirst("//[^/]+", "//127.0.0.1:" + hung.getLocalPort()));
            cfg.put("timeout.seconds", "5");
            CheckResult r = new CommvaultConnector(cfg).checkConnection(new TestContext("t", null, 1));
            assertEquals("timeout", r.errors().get(0).code(), r.toString());
            assertTrue(r.errors().get(0).message().contains("within 5 s"), r.toString());
        }
    }
}
