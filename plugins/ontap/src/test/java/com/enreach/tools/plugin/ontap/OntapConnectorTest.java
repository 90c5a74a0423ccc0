package com.enreach.tools.plugin.ontap;

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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RelationshipRecord;
import com.enreach.tools.api.spi.RelationshipTypes;
import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.api.spi.StorageVolumeRecord;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.FixtureServer.Response;
import com.enreach.tools.testkit.FixtureServer;
import com.enreach.tools.testkit.TestContext;

class OntapConnectorTest {
    static final String PASSWORD = OntapDouble.PASSWORD;
    static final String CLUSTER = "c0ffee00-0000-11ee-8000-00a098000001";
    static final String NODE1 = "0e000000-0000-11ee-8000-00a098000011";
    static final String NODE2 = "0e000000-0000-11ee-8000-00a098000012";
    static final String AGGR1 = "a0000000-0000-11ee-8000-00a098000021";
    static final String AGGR2 = "a0000000-0000-11ee-8000-00a098000022";
    static final String AGGR3 = "a0000000-0000-11ee-8000-00a098000023";
    static final String VOL1 = "1a2b3c4d-0000-11ee-8000-00a098000101";
    static final String VOL2 = "7b000000-0000-11ee-8000-00a098000102";
    static final String VOL3 = "9c000000-0000-11ee-8000-00a098000103";
    static final String VOL4 = "4d000000-0000-11ee-8000-00a098000104";
    static final String EMPTY = "{\"records\":[],\"num_records\":0,\"_links\":{\"self\":{\"href\":\"/api/x\"}}}";

    OntapDouble ontap;
    FixtureServer server;

    @BeforeEach
    void start() {
        ontap = new OntapDouble();
        server = ontap.server();
    }

    @AfterEach
    void stop() {
        ontap.close();
    }

    static String fixture(String name) {
        return OntapDouble.fixture(name);
    }

    private Map<String, Object> config() {
        return new HashMap<>(ontap.cfg());
    }

    private CollectingSink fetch(TestContext ctx) throws SourceException {
        CollectingSink sink = new CollectingSink();
        new OntapConnector(config()).fetch(ctx, sink);
        return sink;
    }

    private <E extends SourceException> E failing(Class<E> type, TestContext ctx, CollectingSink sink) {
        E e = assertThrows(type, () -> new OntapConnector(config()).fetch(ctx, sink));
        assertNoSecret(e);
        return e;
    }

    static void assertNoSecret(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(PASSWORD), t.toString());
            if (t instanceof SourceException s) {
                assertFalse(s.userMessage().contains(PASSWORD), s.userMessage());
            }
        }
    }

    @Test
    void mapsClusterNodesAggregatesAndSvmsToDevicesWithRelationships() throws Exception {
        CollectingSink sink = fetch(new TestContext("ontap-test"));

        assertEquals(1, sink.devicesOfType(DeviceTypes.STORAGE).size());
        assertEquals(2, sink.devicesOfType(DeviceTypes.STORAGE_CONTROLLER).size());
        assertEquals(3, sink.devicesOfType(DeviceTypes.STORAGE_POOL).size());
        assertEquals(2, sink.devicesOfType("storage_vm").size());

        DeviceRecord cluster = sink.devices.get(CLUSTER);
        assertEquals("ocean-cl01", cluster.name());
        assertEquals("9.13.1P9", cluster.metadata().get("ontap_version"));
        assertEquals("Zürich DC2, row 4", cluster.metadata().get("location"));
        assertEquals(List.of("example.net"), cluster.metadata().get("dns_domains"));
        assertNull(cluster.hostname(), "an IP address in url is no host name");
        assertEquals("192.0.2.10", cluster.ipAddresses().get(0).address());
        assertEquals("cluster_mgmt", cluster.ipAddresses().get(0).interfaceName());

        DeviceRecord node1 = sink.devices.get(NODE1);
        assertEquals("ocean-cl01-01", node1.name());
        assertEquals("211839000123", node1.metadata().get("serial"));
        assertEquals("AFF-A400", node1.facts().product());
        assertEquals("211839000123", node1.facts().serialNumber());
        assertEquals("192.0.2.11", node1.ipAddresses().get(0).address());
        DeviceRecord node2 = sink.devices.get(NODE2);
        assertEquals("taken_over", node2.metadata().get("state"));
        assertFalse(node2.metadata().containsKey("serial"));
        assertTrue(node2.ipAddresses().isEmpty());

        DeviceRecord aggr1 = sink.devices.get(AGGR1);
        assertEquals(18014398509481985L, aggr1.metadata().get("capacity_bytes"), "2^54+1 bytes kept exact");
        assertEquals(9007199254740993L, aggr1.metadata().get("used_bytes"));
        assertEquals("raid_dp", aggr1.metadata().get("raid_type"));
        assertEquals("ocean-cl01-02", sink.devices.get(AGGR2).metadata().get("home_node"), "taken over: home differs");
        assertEquals("ocean-cl01-01", sink.devices.get(AGGR2).metadata().get("node"));
        assertEquals("aggr_straße", sink.devices.get(AGGR3).name());
        assertFalse(sink.devices.get(AGGR3).metadata().containsKey("capacity_bytes"));

        DeviceRecord tokyo = sink.devices.get("5a000000-0000-11ee-8000-00a098000032");
        assertEquals("svm-東京-データ", tokyo.name());
        assertEquals("198.51.100.20", sink.devices.get("5a000000-0000-11ee-8000-00a098000031").ipAddresses().get(0).address());

        assertEquals(7, sink.relationships.stream().filter(r -> r.type().equals(RelationshipTypes.PART_OF)
                && r.toSourceId().equals(CLUSTER)).count());
        assertTrue(sink.relationships.contains(new RelationshipRecord(AGGR1, RelationshipTypes.HOSTED_ON, NODE1)));
        assertTrue(sink.relationships.contains(new RelationshipRecord(AGGR2, RelationshipTypes.HOSTED_ON, NODE1)), "current owner");
        assertTrue(sink.relationships.contains(new RelationshipRecord(AGGR3, RelationshipTypes.HOSTED_ON, NODE2)), "home node fallback");
        sink.relationships.forEach(r -> assertTrue(sink.devices.containsKey(r.fromSourceId()) && sink.devices.containsKey(r.toSourceId()), r.toString()));
        assertTrue(sink.warnings.isEmpty(), sink.warnings.toString());
    }

    @Test
    void mapsVolumesWithPoolCapacityThinnessNasAndSnapshots() throws Exception {
        CollectingSink sink = fetch(new TestContext("ontap-test"));

        StorageVolumeRecord v1 = sink.volumes.get(VOL1);
        assertEquals(StorageVolumeRecord.VOLUME, v1.kind());
        assertEquals(CLUSTER, v1.arraySourceId());
        assertEquals("aggr1_02", v1.pool());
        assertEquals(AGGR2, v1.poolSourceId());
        assertEquals("ocean-cl01-01", v1.owner(), "the node currently serving its aggregate");
        assertEquals("svm_nfs", v1.svm());
        assertEquals(107374182400L, v1.capacityBytes());
        assertEquals(42949672960L, v1.usedBytes());
        assertEquals(Boolean.TRUE, v1.thin());
        assertEquals("/data01", v1.junctionPath());
        assertEquals("default", v1.exportPolicy());
        assertEquals("ok", v1.health());
        assertEquals("online", v1.runningStatus());
        assertEquals(12, v1.snapshotCount());
        assertEquals(5368709120L, v1.snapshotReserveBytes());
        List<?> rules = (List<?>) v1.metadata().get("export_rules");
        assertEquals(1, rules.size());
        assertEquals(List.of("0.0.0.0/0"), ((Map<?, ?>) rules.get(0)).get("clients"));
        assertEquals(List.of("never"), ((Map<?, ?>) rules.get(0)).get("rw_rule"));

        StorageVolumeRecord v2 = sink.volumes.get(VOL2);
        assertEquals("vol_ünï_東京", v2.name());
        assertEquals("/東京", v2.junctionPath());
        assertEquals(9007199254740993L, v2.capacityBytes(), "2^53+1 bytes kept exact");
        assertEquals(Boolean.FALSE, v2.thin());
        assertNull(v2.pool(), "a FlexGroup over two aggregates has no single pool");
        assertNull(v2.owner());
        assertEquals(List.of("aggr1_01", "aggr1_02"), v2.metadata().get("aggregates"));
        List<?> rules2 = (List<?>) v2.metadata().get("export_rules");
        assertEquals(2, rules2.size());
        assertEquals(List.of("10.1.12.0/24", "host1.example.net"), ((Map<?, ?>) rules2.get(0)).get("clients"));

        StorageVolumeRecord v3 = sink.volumes.get(VOL3);
        assertEquals("warning", v3.health());
        assertEquals("offline", v3.runningStatus());
        assertEquals("svm-東京-データ", v3.svm());
        assertEquals("ocean-cl01-02", v3.owner());
        assertNull(v3.capacityBytes());
        assertNull(v3.junctionPath());
        assertNull(v3.exportPolicy());
        assertNull(v3.thin());
        assertNull(v3.snapshotCount());
        assertNull(v3.snapshotReserveBytes());
        assertFalse(v3.metadata().containsKey("export_rules"));
        assertEquals("dp", v3.metadata().get("volume_type"));
    }

    @Test
    void mapsQtreesWithTheirTreeQuotaAndExportRules() throws Exception {
        CollectingSink sink = fetch(new TestContext("ontap-test"));

        assertEquals(3, sink.volumes.values().stream().filter(v -> v.kind().equals(StorageVolumeRecord.QTREE)).count(),
                "qtree id 0 of every volume is the volume itself");
        StorageVolumeRecord projects = sink.volumes.get(VOL1 + "/1");
        assertEquals("vol_data01/projects", projects.name());
        assertEquals(CLUSTER, projects.arraySourceId());
        assertEquals("/data01/projects", projects.junctionPath());
        assertEquals(10737418240L, projects.quotaLimitBytes());
        assertEquals(2147483648L, projects.quotaUsedBytes());
        assertEquals(333L, projects.metadata().get("files_used"));
        assertEquals(8589934592L, projects.metadata().get("quota_soft_limit_bytes"));
        assertEquals(1, ((List<?>) projects.metadata().get("export_rules")).size());

        StorageVolumeRecord home = sink.volumes.get(VOL1 + "/2");
        assertEquals("vol_data01/home_ø", home.name());
        assertNull(home.quotaLimitBytes(), "a tree quota without a hard limit only reports usage");
        assertEquals(16154624L, home.quotaUsedBytes());
        assertEquals("ntfs", home.metadata().get("security_style"));
        assertEquals(2, ((List<?>) home.metadata().get("export_rules")).size());

        StorageVolumeRecord scratch = sink.volumes.get(VOL2 + "/3");
        assertEquals("vol_ünï_東京/scratch", scratch.name());
        assertNull(scratch.quotaLimitBytes(), "the report of another qtree must not be attached");
        assertNull(scratch.quotaUsedBytes());
        assertNull(scratch.exportPolicy());
        assertFalse(sink.volumes.containsKey(VOL1 + "/0"));
    }

    @Test
    void followsNextLinksAlsoFromAnEmptyPageAndAsksForExactlyTheStoredFields() throws Exception {
        CollectingSink sink = fetch(new TestContext("ontap-test"));

        List<FixtureServer.Request> volumes = server.requestsTo("/api/storage/volumes");
        assertEquals(4, volumes.size(), "page 3 is empty but has a next link (return_timeout ran out): page 4 is read");
        assertEquals("vol-p4", volumes.get(3).param("start.uuid"));
        assertEquals("vol_ünï 東京", volumes.get(1).param("start.name"), "unicode and spaces in a next link are escaped, not lost");
        assertEquals(4, sink.volumes.values().stream().filter(v -> v.kind().equals(StorageVolumeRecord.VOLUME)).count());
        assertEquals("vol_after_timeout", sink.volumes.get(VOL4).name(), "the volume after the empty page is not lost (nor marked stale)");
        FixtureServer.Request first = volumes.get(0);
        assertEquals("3", first.param("max_records"));
        assertEquals(String.join(",", VolumeMapper.VOLUME_FIELDS) + "," + String.join(",", VolumeMapper.VOLUME_FIELDS_9_10),
                first.param("fields"));
        assertEquals(String.join(",", VolumeMapper.QTREE_FIELDS), server.requestsTo("/api/storage/qtrees").get(0).param("fields"));
        assertEquals("volume.uuid,id", server.requestsTo("/api/storage/qtrees").get(0).param("order_by"));
        FixtureServer.Request quota = server.requestsTo("/api/storage/quota/reports").get(0);
        assertEquals("tree", quota.param("type"));
        assertEquals("volume.uuid,qtree.id", quota.param("order_by"));
        assertEquals(2, server.requestsTo("/api/storage/quota/reports").size());
        assertEquals(2, server.requestsTo("/api/storage/aggregates").size());

        String basic = "Basic " + Base64.getEncoder().encodeToString(("monitor:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        synchronized (server.requests) {
            for (FixtureServer.Request r : server.requests) {
                assertEquals(basic, r.header("Authorization"), r.path());
                assertTrue(r.param("fields") != null && !r.param("fields").contains("*"), "explicit fields on " + r.path());
            }
        }
        assertTrue(sink.phases.contains("volumes page 4"), sink.phases.toString());
    }

    @Test
    void aPartialAnswerIsRetriedAndThenFailsTheRunRetryablyWithOntapsMessage() {
        ontap.answerPartially("/api/storage/volumes", "Failed to get volumes from node ocean-cl01-02: node is not reachable");
        TestContext ctx = new TestContext("t", null, 3);
        CollectingSink sink = new CollectingSink();
        RetryableSourceException e = failing(RetryableSourceException.class, ctx, sink);
        assertEquals("partial", e.code());
        assertTrue(e.userMessage().contains("/api/storage/volumes page 1"), e.userMessage());
        assertTrue(e.userMessage().contains("node is not reachable"), e.userMessage());
        assertEquals(3, server.requestsTo("/api/storage/volumes").size(), "retried like any transient failure");
        assertTrue(sink.volumes.isEmpty(), "nothing of the partial page is taken as complete");
        assertTrue(server.requestsTo("/api/storage/qtrees").isEmpty());
    }

    @Test
    void aPartialAnswerThatHealsOnRetryCompletesTheRun() throws Exception {
        ontap.answerPartially("/api/storage/aggregates", "Node ocean-cl01-02 is not reachable");
        TestContext ctx = new TestContext("t") {
            @Override
            public <T> T call(String operation, com.enreach.tools.api.spi.SourceCall<T> call) throws SourceException {
                try {
                    return call.call();
                } catch (RetryableSourceException e) {
                    retried.add(operation + " " + e.code());
                    ontap.answerCompletely("/api/storage/aggregates"); // the node is back
                    return call.call();
                }
            }
        };
        CollectingSink sink = fetch(ctx);
        assertEquals(List.of("GET /api/storage/aggregates page 1 partial"), ctx.retried);
        assertEquals(3, sink.devicesOfType(DeviceTypes.STORAGE_POOL).size());
    }

    @Test
    void anErrorsArrayBesideTheRecordsIsAPartialAnswerToo() {
        server.route("GET", "/api/svm/svms", r -> Response.json(fixture("svms.json").replaceFirst("\\{",
                "{\"errors\":[{\"message\":\"SVM list incomplete\",\"code\":\"5\"}],")));
        RetryableSourceException e = failing(RetryableSourceException.class, new TestContext("t", null, 2), new CollectingSink());
        assertEquals("partial", e.code());
        assertTrue(e.userMessage().contains("SVM list incomplete"), e.userMessage());
    }

    @Test
    void emptyCollectionsGiveACompleteInventoryOfJustTheCluster() throws Exception {
        for (String p : List.of("/api/cluster/nodes", "/api/storage/aggregates", "/api/svm/svms",
                "/api/protocols/nfs/export-policies", "/api/storage/volumes", "/api/storage/qtrees")) {
            server.json(p, EMPTY);
        }
        server.json("/api/storage/qtrees", "{\"num_records\":0}");
        CollectingSink sink = fetch(new TestContext("ontap-test"));
        assertEquals(1, sink.devices.size());
        assertTrue(sink.volumes.isEmpty());
        assertTrue(sink.relationships.isEmpty());
        assertTrue(server.requestsTo("/api/storage/quota/reports").isEmpty(), "no qtree, no quota request");
    }

    @Test
    void rejectedCredentialsFailAtOnceWithOntapsMessage() {
        server.once("GET", "/api/cluster", Response.text(401, "application/hal+json",
                "{\"error\":{\"message\":\"User is not authorized\",\"code\":\"6\"}}"));
        TestContext ctx = new TestContext("ontap-test");
        CollectingSink sink = new CollectingSink();
        PermanentSourceException e = failing(PermanentSourceException.class, ctx, sink);
        assertEquals("auth", e.code());
        assertEquals("username", e.field());
        assertTrue(e.userMessage().contains("User is not authorized"), e.userMessage());
        assertEquals(1, server.requestsTo("/api/cluster").size());
        assertTrue(ctx.retried.isEmpty());
        assertTrue(sink.devices.isEmpty());
    }

    @Test
    void serverErrorsAreRetriedAndTheRunCompletes() throws Exception {
        server.once("GET", "/api/storage/volumes", Response.text(500, "application/json",
                "{\"error\":{\"message\":\"Internal error. Failed to get volumes.\",\"code\":\"1\"}}"));
        TestContext ctx = new TestContext("ontap-test");
        CollectingSink sink = fetch(ctx);
        assertEquals(1, ctx.retried.size());
        assertTrue(ctx.retried.get(0).startsWith("GET /api/storage/volumes page 1"), ctx.retried.toString());
        assertTrue(ctx.retried.get(0).endsWith("unavailable"));
        assertEquals(7, sink.volumes.size());
    }

    @Test
    void aPersistentOutageFailsTheRunAsRetryable() {
        server.route("GET", "/api/svm/svms", r -> Response.status(503));
        TestContext ctx = new TestContext("ontap-test", null, 3);
        RetryableSourceException e = failing(RetryableSourceException.class, ctx, new CollectingSink());
        assertEquals("unavailable", e.code());
        assertEquals(3, server.requestsTo("/api/svm/svms").size());
    }

    @Test
    void rateLimitHonoursRetryAfter() throws Exception {
        server.once("GET", "/api/cluster/nodes", Response.status(429).withHeader("Retry-After", "7"));
        TestContext ctx = new TestContext("ontap-test");
        fetch(ctx);
        assertEquals(List.of(Duration.ofSeconds(7)), ctx.requestedDelays);
        assertEquals(2, server.requestsTo("/api/cluster/nodes").size());
    }

    @Test
    void htmlOrXmlInsteadOfJsonIsMalformed() {
        server.once("GET", "/api/cluster", Response.text(200, "text/html", "<html><body>Please log in</body></html>"));
        PermanentSourceException html = failing(PermanentSourceException.class, new TestContext("t"), new CollectingSink());
        assertEquals("malformed", html.code());

        server.once("GET", "/api/svm/svms", Response.text(200, "application/xml", "<netapp><results/></netapp>"));
        CollectingSink sink = new CollectingSink();
        PermanentSourceException xml = failing(PermanentSourceException.class, new TestContext("t"), sink);
        assertEquals("malformed", xml.code());
        assertTrue(xml.userMessage().contains("/api/svm/svms"), xml.userMessage());
        assertTrue(sink.volumes.isEmpty());
    }

    @Test
    void aTruncatedPageFailsTheRunAfterTheEarlierPages() {
        String page2 = fixture("volumes-2.json");
        server.once("GET", "/api/storage/volumes", Response.json(fixture("volumes-1.json")),
                Response.json(page2.substring(0, page2.length() / 2)));
        CollectingSink sink = new CollectingSink();
        PermanentSourceException e = failing(PermanentSourceException.class, new TestContext("t"), sink);
        assertEquals("malformed", e.code());
        assertEquals(2, sink.volumes.size(), "page 1 was streamed before page 2 broke");
        assertTrue(server.requestsTo("/api/storage/qtrees").isEmpty(), "nothing after the broken page");
        assertEquals("Malformed response from ONTAP GET /api/storage/volumes page 2: the JSON answer ends early (truncated)",
                e.userMessage());
    }

    @Test
    void aVolumeWithoutUuidIsNamedInTheError() {
        server.once("GET", "/api/storage/volumes", Response.json(fixture("volumes-1.json").replaceFirst("\"uuid\": \"[^\"]*\",", "")));
        PermanentSourceException e = failing(PermanentSourceException.class, new TestContext("t"), new CollectingSink());
        assertEquals("malformed", e.code());
        assertTrue(e.userMessage().contains("/api/storage/volumes (volume svm_nfs:vol_data01)"), e.userMessage());
        assertTrue(e.userMessage().endsWith("a record without uuid"), e.userMessage());
    }

    @Test
    void anHtmlPageWithAJsonContentTypeNamesThePageAndNoParserInternals() {
        server.once("GET", "/api/storage/volumes", Response.json(fixture("volumes-1.json")),
                Response.json("<html><body>Session expired</body></html>"));
        PermanentSourceException e = failing(PermanentSourceException.class, new TestContext("t"), new CollectingSink());
        assertTrue(e.userMessage().startsWith("Malformed response from ONTAP GET /api/storage/volumes page 2: "), e.userMessage());
        for (String internal : new String[] {"com.fasterxml", "Source:", "line:", "column:", "Exception", "code 60"}) {
            assertFalse(e.userMessage().contains(internal), e.userMessage());
        }
    }

    @Test
    void aPageWhoseCountDisagreesWithItsRecordsIsMalformed() {
        server.once("GET", "/api/svm/svms", Response.json("{\"num_records\":5,\"_links\":{}}"));
        assertEquals("malformed", failing(PermanentSourceException.class, new TestContext("t"), new CollectingSink()).code());
        server.once("GET", "/api/svm/svms", Response.json("{\"records\":[{\"name\":\"x\",\"uuid\":\"u\"}],\"num_records\":2}"));
        assertEquals("malformed", failing(PermanentSourceException.class, new TestContext("t"), new CollectingSink()).code());
    }

    @Test
    void aNextLinkToAnotherHostIsNeverFollowed() {
        server.once("GET", "/api/storage/volumes", Response.json(fixture("volumes-1.json")
                .replace("\"/api/storage/volumes?start.uuid=vol-p2", "\"https://collector.example.org/api/storage/volumes?start.uuid=vol-p2")));
        PermanentSourceException e = failing(PermanentSourceException.class, new TestContext("t"), new CollectingSink());
        assertEquals("malformed", e.code());
        assertTrue(e.userMessage().contains("another host"), e.userMessage());
    }

    @Test
    void aNextLinkThatRepeatsAPageStopsInsteadOfLooping() {
        String loop = fixture("volumes-2.json").replace("vol-p3", "vol-p2");
        server.route("GET", "/api/storage/volumes", r -> Response.json(r.param("start.uuid") == null ? fixture("volumes-1.json") : loop));
        PermanentSourceException e = failing(PermanentSourceException.class, new TestContext("t"), new CollectingSink());
        assertEquals("malformed", e.code());
        // page 1, then the looping page once by its first link and once by its own link, never again
        assertEquals(3, server.requestsTo("/api/storage/volumes").size());
    }

    @Test
    void olderReleasesAreNotAskedForFieldsTheyLackAndReserveIsComputed() throws Exception {
        server.json("/api/cluster", fixture("cluster.json").replace("\"major\": 13", "\"major\": 8")
                .replace("9.13.1P9", "9.8P4"));
        server.route("GET", "/api/storage/volumes", r -> Response.json(fixture("volumes-1.json")
                .replace(", \"reserve_size\": 5368709120", "").replace("\"snapshot_count\": 12,", "")
                .replaceAll("\"next\": \\{[^}]*\\}", "\"self\": {\"href\": \"/x\"}")));
        CollectingSink sink = fetch(new TestContext("t"));
        String fields = server.requestsTo("/api/storage/volumes").get(0).param("fields");
        assertFalse(fields.contains("snapshot_count") || fields.contains("reserve_size"), fields);
        StorageVolumeRecord v1 = sink.volumes.get(VOL1);
        assertEquals(5368709120L, v1.snapshotReserveBytes(), "5 % of 100 GiB");
        assertNull(v1.snapshotCount());
        assertEquals("9.8P4", sink.devices.get(CLUSTER).metadata().get("ontap_version"));
    }

    @Test
    void aReleaseRefusingTheOptionalFieldsIsReadWithoutThem() throws Exception {
        server.once("GET", "/api/storage/volumes", Response.text(400, "application/hal+json",
                "{\"error\":{\"message\":\"The value \\\"snapshot_count\\\" is invalid for field \\\"fields\\\"\","
                        + "\"code\":\"262197\",\"target\":\"fields\"}}"));
        CollectingSink sink = fetch(new TestContext("t"));
        List<FixtureServer.Request> volumes = server.requestsTo("/api/storage/volumes");
        assertTrue(volumes.get(0).param("fields").contains("snapshot_count"));
        assertFalse(volumes.get(1).param("fields").contains("snapshot_count"));
        assertEquals(1, sink.warnings.size(), sink.warnings.toString());
        assertEquals(7, sink.volumes.size());
    }

    @Test
    void cancellationStopsBetweenPagesWithoutCompleting() {
        TestContext ctx = new TestContext("t");
        CollectingSink sink = new CollectingSink() {
            @Override
            public void volume(StorageVolumeRecord volume) {
                super.volume(volume);
                ctx.cancel = true;
            }
        };
        PermanentSourceException e = failing(PermanentSourceException.class, ctx, sink);
        assertEquals("cancelled", e.code());
        assertEquals(2, sink.volumes.size());
        assertEquals(1, server.requestsTo("/api/storage/volumes").size());
    }

    @Test
    void urlMayBeTheApiRootAndANamedHostBecomesTheClusterHostname() throws Exception {
        Map<String, Object> cfg = config();
        cfg.put("url", server.uri() + "/api/");
        CollectingSink sink = new CollectingSink();
        new OntapConnector(cfg).fetch(new TestContext("t"), sink);
        assertEquals(7, sink.volumes.size());
        assertEquals("cluster1.example.net", OntapConnector.hostname(java.net.URI.create("https://Cluster1.example.net:8443")));
        assertNull(OntapConnector.hostname(java.net.URI.create("https://[2001:db8::1]")));
    }
}
