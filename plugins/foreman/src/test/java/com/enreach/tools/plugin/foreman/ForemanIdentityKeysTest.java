package com.enreach.tools.plugin.foreman;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.enreach.tools.api.spi.IdentityKeys;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.FixtureServer;
import com.enreach.tools.testkit.FixtureServer.Response;
import com.enreach.tools.testkit.TestContext;

/** The identifiers Foreman hosts carry for identity resolution: FQDN, primary MAC, and serial/UUID from facts. */
class ForemanIdentityKeysTest {
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

    private CollectingSink fetch() throws Exception {
        CollectingSink sink = new CollectingSink();
        new ForemanConnector(new HashMap<>(foreman.cfg())).fetch(new TestContext("foreman-test"), sink);
        return sink;
    }

    @Test
    void fqdnMacAndTheSerialAndUuidFactsOfEachHost() throws Exception {
        CollectingSink sink = fetch();

        Map<String, Object> web01 = sink.devices.get("11").metadata();
        assertEquals("web01.example.com", web01.get(IdentityKeys.FQDN));
        assertEquals("52:54:00:aa:00:10", web01.get(IdentityKeys.PRIMARY_MAC), "the host's mac");
        assertEquals("8GX4QK3", web01.get(IdentityKeys.SERIAL), "dmi::product::serial_number");
        assertEquals("4c4c4544-0047-5810-8034-b8c04f514b33", web01.get(IdentityKeys.SYSTEM_UUID), "dmi::product::uuid");

        Map<String, Object> db01 = sink.devices.get("12").metadata();
        assertEquals("VMware-42 13 d7 a6 0c 8e 4f 1e-9c 55 1f 2e 3d 4c 5b 6a", db01.get(IdentityKeys.SERIAL), "legacy serialnumber");
        assertEquals("4213D7A6-0C8E-4F1E-9C55-1F2E3D4C5B6A", db01.get(IdentityKeys.SYSTEM_UUID), "legacy uuid");

        Map<String, Object> zurich = sink.devices.get("13").metadata();
        assertEquals("52:54:00:13:13:13", zurich.get(IdentityKeys.PRIMARY_MAC), "no host mac: the primary interface's");
        assertFalse(zurich.containsKey(IdentityKeys.SERIAL), "'Not Specified' is no serial");
        assertEquals("2b7f5c1e-3a4d-4e8f-9a1b-0c2d3e4f5a6b", zurich.get(IdentityKeys.SYSTEM_UUID),
                "Ansible's fact, found whatever the case of the host name");

        Map<String, Object> bare = sink.devices.get("15").metadata();
        assertEquals("bare.example.com", bare.get(IdentityKeys.FQDN));
        assertFalse(bare.containsKey(IdentityKeys.PRIMARY_MAC));
        assertFalse(bare.containsKey(IdentityKeys.SERIAL));

        FixtureServer.Request facts = server.requestsTo("/api/fact_values").get(0);
        assertTrue(facts.param("search").contains("name = \"dmi::product::uuid\""), facts.query());
        assertEquals(java.util.List.of("1", "2", "3", "4"), server.requestsTo("/api/fact_values").stream().map(r -> r.param("page")).toList(),
                "7 fact values at 2 per page (page.size) are 4 pages");
        assertTrue(sink.warnings.isEmpty(), sink.warnings.toString());
    }

    @Test
    void aUserWithoutViewFactsGetsHostsWithoutSerialsAndAWarning() throws Exception {
        server.route("GET", "/api/fact_values", r -> Response.status(403));

        CollectingSink sink = fetch();

        assertEquals(5, sink.devices.size(), sink.devices.keySet().toString());
        assertFalse(sink.devices.get("11").metadata().containsKey(IdentityKeys.SERIAL));
        assertEquals("web01.example.com", sink.devices.get("11").metadata().get(IdentityKeys.FQDN));
        assertEquals(1, sink.warnings.size(), sink.warnings.toString());
        assertTrue(sink.warnings.get(0).contains("view_facts"), sink.warnings.get(0));
    }

    @Test
    void aFactsAnswerOfTheWrongShapeIsAWarningNotAFailedRun() throws Exception {
        server.route("GET", "/api/fact_values", r -> Response.json("{\"results\": []}"));

        CollectingSink sink = fetch();

        assertEquals(5, sink.devices.size());
        assertTrue(sink.warnings.get(0).contains("serial numbers and system UUIDs of hosts not read"), sink.warnings.toString());
    }

    @Test
    void badCredentialsStillEndTheRunAtTheFirstRequest() {
        Map<String, Object> cfg = new HashMap<>(foreman.cfg());
        cfg.put(".password", "wrong");
        PermanentSourceException e = assertThrows(PermanentSourceException.class,
                () -> new ForemanConnector(cfg).fetch(new TestContext("foreman-test"), new CollectingSink()));
        assertEquals("auth", e.code());
        assertEquals(1, server.requests.size());
    }
}
