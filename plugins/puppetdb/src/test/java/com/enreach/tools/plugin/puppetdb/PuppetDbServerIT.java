package com.enreach.tools.plugin.puppetdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.enreach.tools.api.plugin.CheckResult;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.InterfaceRecord;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.api.spi.ServerFacts;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.TestContext;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Against a real PuppetDB (Debian packages puppetdb + postgresql, started by src/test/scripts/puppetdb-harness.sh):
 * 600 nodes go in through the command API, one is deactivated, two get a report; the plugin must read back
 * the 599 active ones with their facts, across pages.
 *
 * <p>An integration test (failsafe, {@code mvn verify}): it needs PuppetDB and PostgreSQL installed and root, and
 * fails, never skips, without them, so {@code mvn test} runs without.
 */
class PuppetDbServerIT {
    private static final int NODES = 600;
    private static final int DEACTIVATED = 5;
    private static PuppetDbHarness puppetdb;
    private static URI base;

    @BeforeAll
    static void startPuppetDbAndLoadFacts() {
        puppetdb = PuppetDbHarness.start(Path.of("target", "puppetdb-it"), PuppetDbHarness.DEFAULT_DATABASE);
        base = puppetdb.url();
        puppetdb.loadFacts(NODES);
        puppetdb.command("deactivate_node", 3, FactSets.certname(DEACTIVATED), FactSets.MAPPER.createObjectNode()
                .put("certname", FactSets.certname(DEACTIVATED)).put("producer_timestamp", "2024-05-02T10:00:00.000Z").toString());
        puppetdb.command("store_report", 8, FactSets.certname(2), report(2, "changed"));
        puppetdb.command("store_report", 8, FactSets.certname(3), report(3, "failed"));
        puppetdb.awaitCount(PuppetDbClient.INVENTORY, "[\"extract\",[[\"function\",\"count\"]]]", NODES - 1, "active nodes after one was deactivated");
        puppetdb.awaitCount(PuppetDbClient.NODES, "[\"extract\",[[\"function\",\"count\"]],[\"null?\",\"latest_report_status\",false]]", 2,
                "nodes with a stored report");
    }

    @AfterAll
    static void stopPuppetDb() {
        if (puppetdb != null) {
            puppetdb.close();
        }
    }

    @Test
    void readsEveryActiveNodeAcrossPagesWithItsFacts() throws Exception {
        CollectingSink sink = fetch("page.size", "47");
        Set<String> expected = IntStream.range(0, NODES).filter(i -> i != DEACTIVATED).mapToObj(FactSets::certname)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, new TreeSet<>(sink.devices.keySet()));
        assertTrue(sink.phases.size() >= 13, sink.phases.toString());
        assertEquals(List.of(FactSets.certname(7) + ": netmask '255.0.255.0' of 10.0.7.10 on eth0 is not a valid mask; address kept without prefix"),
                sink.warnings);

        DeviceRecord full = sink.devices.get("node-0002.example.com");
        assertEquals("node-0002.example.com", full.hostname());
        ServerFacts f = full.facts();
        assertEquals("Debian", f.osName());
        assertEquals("12.2", f.osRelease());
        assertEquals("6.1.0-2-amd64", f.kernel());
        assertEquals("Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz", f.cpuModel());
        assertEquals(6, f.cpuCount());
        assertEquals(3L << 30, f.memoryBytes());
        assertEquals(7200L, f.uptimeSeconds());
        assertEquals(Boolean.FALSE, f.virtual());
        assertEquals("physical", f.virtualType());
        assertEquals("Dell Inc.", f.manufacturer());
        assertEquals("PowerEdge R650", f.product());
        assertEquals("SN00002", f.serialNumber());
        assertEquals(List.of(new ServerFacts.Disk("sda", 100_000_000_000L, "PERC H755")), f.disks());
        assertEquals(List.of(new InterfaceRecord("eth0", "52:54:00:00:00:02", null, true, 1500, null),
                new InterfaceRecord("lo", null, "loopback", null, 65536, null)), sortByName(full.interfaces()));
        assertEquals(List.of(new IpAddressRecord("10.0.2.10/24", "eth0", "node-0002.example.com"),
                new IpAddressRecord("2001:db8::2/64", "eth0", null)), full.ipAddresses());
        Map<String, Object> m = full.metadata();
        assertEquals("production", m.get("environment"));
        assertEquals("7.30.0", m.get("puppet_version"));
        assertEquals(Map.of("pp_role", "web"), m.get("trusted_extensions"));
        assertEquals("changed", m.get("latest_report_status"));
        assertEquals("2024-05-01T10:00:30.000Z", m.get("report_timestamp"));
        assertTrue(String.valueOf(m.get("facts_timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), m.toString());
        assertEquals("failed", sink.devices.get("node-0003.example.com").metadata().get("latest_report_status"));
        assertFalse(sink.devices.get("node-0004.example.com").metadata().containsKey("latest_report_status"));

        DeviceRecord unicode = sink.devices.get("nœud-ü-0442.example.com");
        assertEquals("nœud-ü-0442.example.com", unicode.hostname());
        assertEquals("Gerät™ 日本 442", unicode.facts().product());
        assertEquals(List.of(new IpAddressRecord("10.1.192.10/24", "eth0", "nœud-ü-0442.example.com"),
                new IpAddressRecord("2001:db8::1ba/64", "eth0", null)), unicode.ipAddresses());

        ServerFacts guest = sink.devices.get("node-0003.example.com").facts();
        assertEquals(Boolean.TRUE, guest.virtual());
        assertEquals("kvm", guest.virtualType());
        assertEquals("QEMU", guest.manufacturer());
        assertEquals(List.of(new ServerFacts.Disk("vda", 100_000_000_000L, null)), guest.disks());

        ServerFacts legacy = sink.devices.get("node-0010.example.com").facts();
        assertEquals("CentOS", legacy.osName());
        assertEquals("7.9.2009", legacy.osRelease());
        assertEquals(2, legacy.cpuCount());
        assertEquals(3790L << 20, legacy.memoryBytes());
        assertEquals("LEG0010", legacy.serialNumber());
        assertEquals(Boolean.TRUE, legacy.virtual());
        assertEquals("staging", sink.devices.get("node-0010.example.com").metadata().get("environment"));

        DeviceRecord facter2 = sink.devices.get("node-0020.example.com");
        assertEquals(List.of(new InterfaceRecord("eth0", "0:16:3e:0:0:14", null, null, 1500, null),
                new InterfaceRecord("lo", null, "loopback", null, 65536, null)), facter2.interfaces(), "from Facter 2 flat facts");
        assertEquals(List.of(new IpAddressRecord("10.50.0.20/24", "eth0", "node-0020.example.com"),
                new IpAddressRecord("2001:db8:50::14", "eth0", null)), facter2.ipAddresses());
        DeviceRecord device = sink.devices.get("node-0010.example.com");
        assertEquals(List.of(new IpAddressRecord("10.50.0.10/24", null, "node-0010.example.com")), device.ipAddresses(), "only ipaddress");

        DeviceRecord bare = sink.devices.get("node-0011.example.com");
        assertEquals("Debian", bare.facts().osName());
        assertNull(bare.facts().memoryBytes());
        assertTrue(bare.interfaces().isEmpty());
        assertTrue(bare.ipAddresses().isEmpty());
    }

    @Test
    void factsResentWithANewTimestampAndUptimeMapToTheSameNonVolatileRecord() throws Exception {
        String certname = FactSets.certname(12);
        DeviceRecord before = fetch("report.status", "false").devices.get(certname);
        ObjectNode resent = FactSets.command(12).put("producer_timestamp", "2024-05-01T10:30:00.000Z");
        ((ObjectNode) resent.get("values").get("system_uptime")).put("seconds", 999_999L);
        puppetdb.command("replace_facts", 5, certname, resent.toString());
        puppetdb.awaitCount(PuppetDbClient.INVENTORY, "[\"extract\",[[\"function\",\"count\"]],[\"and\",[\"=\",\"certname\",\""
                + certname + "\"],[\"=\",\"facts.system_uptime.seconds\",999999]]]", 1, "the re-sent facts");
        DeviceRecord after = fetch("report.status", "false").devices.get(certname);

        assertEquals(999_999L, after.facts().uptimeSeconds());
        assertFalse(before.metadata().get("facts_timestamp").equals(after.metadata().get("facts_timestamp")), after.metadata().toString());
        Map<String, Object> stable = new java.util.HashMap<>(before.metadata());
        stable.keySet().removeAll(before.volatileKeys());
        Map<String, Object> stableAfter = new java.util.HashMap<>(after.metadata());
        stableAfter.keySet().removeAll(after.volatileKeys());
        assertEquals(stable, stableAfter);
        assertEquals(before.interfaces(), after.interfaces());
        assertEquals(before.ipAddresses(), after.ipAddresses());
    }

    @Test
    void theDefaultPageSizeReadsTheSameNodes() throws Exception {
        CollectingSink small = fetch("page.size", "1000", "report.status", "false");
        CollectingSink dflt = fetch("report.status", "false");
        assertEquals(NODES - 1, dflt.devices.size());
        assertEquals(small.devices.keySet(), dflt.devices.keySet());
        assertEquals(2, dflt.phases.size(), "a full page of 500, then the anchor and the rest: " + dflt.phases);
        assertEquals(small.devices.get("node-0599.example.com").facts().memoryBytes(), dflt.devices.get("node-0599.example.com").facts().memoryBytes());
    }

    @Test
    void theNodeLinkOpensThatNodeInPuppetDb() throws Exception {
        String certname = "nœud-ü-0442.example.com";
        String link = new PuppetDbConnector(Map.of("url", base.toString())).objectUrl("server", certname, Map.of());
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(link)).header("Accept", "application/json").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), link + " -> " + r.body());
        assertEquals(certname, FactSets.MAPPER.readTree(r.body()).path("certname").asText(), r.body());
    }

    @Test
    void checkReportsTheServerVersion() {
        CheckResult r = new PuppetDbConnector(Map.of("url", base.toString())).checkConnection(new TestContext("puppetdb-it"));
        assertTrue(r.ok(), r.toString());
        assertTrue(r.detail().startsWith("PuppetDB 7."), r.detail());
    }

    @Test
    void checkFailsForAWrongPathAndAClosedPort() throws IOException {
        CheckResult wrongPath = new PuppetDbConnector(Map.of("url", base + "/puppetdb")).checkConnection(new TestContext("puppetdb-it"));
        assertFalse(wrongPath.ok());
        assertEquals("not_found", wrongPath.errors().get(0).code());
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        CheckResult down = new PuppetDbConnector(Map.of("url", "http://127.0.0.1:" + closed)).checkConnection(new TestContext("puppetdb-it"));
        assertFalse(down.ok());
        assertEquals("unreachable", down.errors().get(0).code());
        assertTrue(down.errors().get(0).message().contains("refused the connection"), down.errors().get(0).message());
    }

    private static CollectingSink fetch(String... cfg) throws Exception {
        Map<String, Object> props = new java.util.HashMap<>(Map.of("url", base.toString()));
        for (int i = 0; i < cfg.length; i += 2) {
            props.put(cfg[i], cfg[i + 1]);
        }
        CollectingSink sink = new CollectingSink();
        TestContext ctx = new TestContext("puppetdb-it");
        new PuppetDbConnector(props).fetch(ctx, sink);
        assertTrue(ctx.retried.isEmpty(), ctx.retried.toString());
        return sink;
    }

    private static List<InterfaceRecord> sortByName(List<InterfaceRecord> l) {
        return l.stream().sorted(java.util.Comparator.comparing(InterfaceRecord::name)).toList();
    }

    private static String report(int i, String status) {
        return "{\"certname\":\"" + FactSets.certname(i) + "\",\"puppet_version\":\"7.30.0\",\"report_format\":12,"
                + "\"configuration_version\":\"1714557600\",\"start_time\":\"2024-05-01T10:00:00.000Z\",\"end_time\":\"2024-05-01T10:00:30.000Z\","
                + "\"producer_timestamp\":\"2024-05-01T10:00:31.000Z\",\"producer\":\"puppet.example.com\",\"resources\":[],\"metrics\":[],\"logs\":[],"
                + "\"transaction_uuid\":\"8c1c5e38-0d4f-4e4b-9d43-7c1a5f0d9a1" + i + "\",\"catalog_uuid\":\"8c1c5e38-0d4f-4e4b-9d43-7c1a5f0d9a2" + i + "\","
                + "\"code_id\":null,\"job_id\":null,\"cached_catalog_status\":\"not_used\",\"status\":\"" + status + "\",\"noop\":false,"
                + "\"noop_pending\":false,\"corrective_change\":false,\"environment\":\"production\",\"type\":\"agent\"}";
    }
}
