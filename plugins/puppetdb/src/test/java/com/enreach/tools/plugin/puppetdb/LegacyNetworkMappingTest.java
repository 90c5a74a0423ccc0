package com.enreach.tools.plugin.puppetdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.InterfaceRecord;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.FixtureServer;
import com.enreach.tools.testkit.FixtureServer.Response;
import com.enreach.tools.testkit.TestContext;

/**
 * Nodes without structured networking (Facter 2 flat facts, network devices with only ipaddress) and interface
 * states, on a page written after PuppetDB's documented inventory and facts shapes.
 */
class LegacyNetworkMappingTest {
    private final FixtureServer server = new FixtureServer()
            .json(PuppetDbClient.INVENTORY, FixtureServer.resource(getClass(), "inventory-legacy-network.json"));

    @AfterEach
    void close() {
        server.close();
    }

    private CollectingSink fetch() throws Exception {
        CollectingSink sink = new CollectingSink();
        new PuppetDbConnector(Map.of("url", server.uri().toString(), "report.status", "false")).fetch(new TestContext("puppetdb-test"), sink);
        return sink;
    }

    @Test
    void facter2FlatFactsGiveInterfacesAndAddresses() throws Exception {
        server.route("POST", PuppetDbClient.FACTS, r -> Response.json(FixtureServer.resource(getClass(), "legacy-interface-facts.json")));
        CollectingSink sink = fetch();
        DeviceRecord d = sink.devices.get("f2.example.com");
        assertEquals(List.of(
                new InterfaceRecord("eth0", "0:50:56:1:2:3", null, null, 1500, null),
                new InterfaceRecord("eth0.100", "00:50:56:01:02:03", null, null, null, null),
                new InterfaceRecord("eth1", "00:50:56:01:02:04", null, null, null, null),
                new InterfaceRecord("lo", null, "loopback", null, 65536, null)), d.interfaces());
        assertEquals(List.of(
                new IpAddressRecord("10.1.0.5/24", "eth0", "f2.example.com"),
                new IpAddressRecord("2001:db8::5", "eth0", null),
                new IpAddressRecord("10.100.0.5/16", "eth0.100", null)), d.ipAddresses(), "loopback left out, main address not repeated");

        List<FixtureServer.Request> queries = server.requestsTo(PuppetDbClient.FACTS);
        assertEquals(1, queries.size(), "one facts query per page");
        assertEquals("{\"query\":[\"and\",[\"in\",\"certname\",[\"array\",[\"f2.example.com\"]]],"
                + "[\"~\",\"name\",\"^(ipaddress6?|macaddress|netmask6?|mtu)_.\"]]}", queries.get(0).body(),
                "only the node that lacks structured networking");
        assertTrue(sink.warnings.isEmpty(), sink.warnings.toString());
    }

    @Test
    void aNetworkDeviceWithOnlyIpaddressStillHasItsAddress() throws Exception {
        server.route("POST", PuppetDbClient.FACTS, r -> Response.json("[]"));
        DeviceRecord d = fetch().devices.get("switch01.example.com");
        assertEquals(List.of(new IpAddressRecord("192.0.2.50", null, "switch01.example.com")), d.ipAddresses());
        assertEquals("192.0.2.50", d.metadata().get("primary_ip"));
        assertTrue(d.interfaces().isEmpty());
    }

    @Test
    void whenTheInterfaceFactsCannotBeReadTheMainAddressStaysWithAWarning() throws Exception {
        server.route("POST", PuppetDbClient.FACTS, r -> Response.text(400, "text/plain", "Unsupported operator '~' for field 'name'"));
        CollectingSink sink = fetch();
        DeviceRecord d = sink.devices.get("f2.example.com");
        assertEquals(List.of(new IpAddressRecord("10.1.0.5/24", null, "f2.example.com")), d.ipAddresses());
        assertEquals(List.of("eth0", "eth0.100", "eth1", "lo"), d.interfaces().stream().map(InterfaceRecord::name).toList());
        assertEquals(1, sink.warnings.size(), sink.warnings.toString());
        assertTrue(sink.warnings.get(0).contains("Unsupported operator '~'"), sink.warnings.get(0));
        assertEquals(3, sink.devices.size(), "the run completes");
    }

    @Test
    void onlyUpAndDownSayWhetherAnInterfaceIsEnabled() throws Exception {
        server.route("POST", PuppetDbClient.FACTS, r -> Response.json("[]"));
        DeviceRecord d = fetch().devices.get("states.example.com");
        assertEquals(Arrays.asList(true, false, null, false, null, null), d.interfaces().stream().map(InterfaceRecord::enabled).toList(),
                "up, down, unknown, lowerlayerdown, dormant, none");
        assertTrue(server.requestsTo(PuppetDbClient.FACTS).get(0).body().contains("f2.example.com"));
        assertTrue(!server.requestsTo(PuppetDbClient.FACTS).get(0).body().contains("states.example.com"));
    }
}
