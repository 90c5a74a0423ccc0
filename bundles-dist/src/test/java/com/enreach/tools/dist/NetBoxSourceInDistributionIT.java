package com.enreach.tools.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.enreach.tools.netbox.client.BulkResult;
import com.enreach.tools.netbox.client.NetBoxConnection;
import com.enreach.tools.netbox.internal.HttpNetBoxClient;
import com.enreach.tools.netbox.sandbox.NetBoxDoubleServer;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The NetBox source plugin inside the assembled distribution: a NetBox double in the test JVM, seeded through the
 * plugin's own client with a site, a hypervisor with an interface, MAC and IP, a cluster and a VM; an
 * etc/source.netbox-it.cfg; a check and a sync through the CLI; then the devices and the entities they became through
 * REST. The tests share one platform and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetBoxSourceInDistributionIT {
    private static final String INSTANCE = "netbox-it";
    private static Distribution dist;
    private static NetBoxDoubleServer netbox;

    @BeforeAll
    static void start() throws IOException {
        netbox = new NetBoxDoubleServer();
        seed(new HttpNetBoxClient(new NetBoxConnection(netbox.url(), netbox.token(), 100, 50, Duration.ofSeconds(30), false, null)));
        dist = Distribution.copy("netbox");
        dist.start();
        dist.writeConfig("source." + INSTANCE + ".cfg", "# written by NetBoxSourceInDistributionIT\nurl=" + netbox.url()
                + "\n.password=" + netbox.token() + "\npage.size=2\n");
        JsonNode s = dist.awaitSource(INSTANCE, n -> n.path("present").asBoolean() && n.path("config_errors").isArray());
        assertTrue(s.path("config_errors").isEmpty(), s.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        if (dist != null) {
            dist.close();
        }
        if (netbox != null) {
            netbox.close();
        }
    }

    private static long id(BulkResult r) {
        assertTrue(r.allOk(), () -> r.items().get(0).message());
        return r.items().get(0).id();
    }

    private static long create(HttpNetBoxClient c, String endpoint, Map<String, Object> body) {
        return id(c.create(endpoint, List.of(body)));
    }

    private static void seed(HttpNetBoxClient c) {
        long site = create(c, "dcim/sites", Map.of("name", "AMS1", "slug", "ams1", "status", "active"));
        long dell = create(c, "dcim/manufacturers", Map.of("name", "Dell", "slug", "dell"));
        long type = create(c, "dcim/device-types", Map.of("manufacturer", dell, "model", "PowerEdge R650", "slug", "r650"));
        long role = create(c, "dcim/device-roles", Map.of("name", "Hypervisor", "slug", "hypervisor", "color", "ff0000"));
        long clusterType = create(c, "virtualization/cluster-types", Map.of("name", "VMware", "slug", "vmware"));
        long cluster = create(c, "virtualization/clusters", Map.of("name", "prod-cl", "type", clusterType, "status", "active",
                "scope_type", "dcim.site", "scope_id", site));
        long esx = create(c, "dcim/devices", Map.of("name", "esx-nb-01.example.com", "device_type", type, "role", role,
                "site", site, "serial", "NB-SN-0001", "status", "active", "cluster", cluster));
        long nic = create(c, "dcim/interfaces", Map.of("device", esx, "name", "vmnic0", "type", "10gbase-x-sfpp"));
        create(c, "dcim/mac-addresses", Map.of("mac_address", "AA:BB:CC:0B:00:01", "assigned_object_type", "dcim.interface",
                "assigned_object_id", nic));
        long ip = create(c, "ipam/ip-addresses", Map.of("address", "10.20.0.11/24", "status", "active",
                "assigned_object_type", "dcim.interface", "assigned_object_id", nic));
        assertTrue(c.update("dcim/devices", List.of(Map.of("id", esx, "primary_ip4", ip))).allOk());
        create(c, "virtualization/virtual-machines", Map.of("name", "app-nb-01", "cluster", cluster, "status", "active",
                "vcpus", 4, "memory", 8192, "disk", 51200));
    }

    @Test
    @Order(1)
    void theCheckNamesNetBox() {
        Distribution.Result check = dist.cli("sources", "check", INSTANCE);
        assertEquals(0, check.exit(), check.toString());
        assertTrue(check.out().startsWith(INSTANCE + ": ok"), check.toString());
        assertTrue(check.out().contains("NetBox"), check.toString());
    }

    @Test
    @Order(2)
    void aSyncShowsNetBoxDevicesVmsAndClustersAsObservationsAndEntities() {
        Distribution.Result r = dist.cli("refresh", "netbox");
        assertEquals(0, r.exit(), "bin/enreach refresh netbox: " + r);
        assertTrue(r.out().contains(" succeeded"), r.toString());

        JsonNode devices = dist.get("/api/devices?source_instance=" + INSTANCE + "&limit=100");
        assertEquals(3, devices.path("count").asInt(), devices.toString());
        JsonNode esx = find(devices, "esx-nb-01.example.com");
        assertEquals("hypervisor", esx.path("type").asText());
        assertEquals("NB-SN-0001", esx.at("/metadata/serial").asText(), esx.toString());
        assertEquals("Dell", esx.at("/metadata/vendor").asText());
        assertEquals("PowerEdge R650", esx.at("/metadata/model").asText());
        assertEquals("AMS1", esx.at("/metadata/site").asText());
        assertEquals("10.20.0.11", esx.at("/metadata/primary_ip").asText());
        JsonNode vm = find(devices, "app-nb-01");
        assertEquals("vm", vm.path("type").asText());
        assertEquals(8192L * 1024 * 1024, vm.at("/metadata/memory_bytes").asLong());
        assertEquals("cluster", find(devices, "prod-cl").path("type").asText());

        JsonNode detail = dist.get("/api/devices/" + esx.path("id").asLong());
        assertTrue(detail.toString().contains("vmnic0"), detail.toString());
        assertTrue(detail.toString().toLowerCase().contains("aa:bb:cc:0b:00:01"), detail.toString());

        JsonNode entities = Distribution.await("NetBox entities", Duration.ofSeconds(60),
                () -> dist.get("/api/entities?source=" + INSTANCE + "&limit=100"), e -> e.path("count").asInt() == 3);
        long entityId = find(entities, "esx-nb-01.example.com").path("id").asLong();
        JsonNode entity = dist.get("/api/entities/" + entityId);
        assertEquals("NB-SN-0001", golden(entity, "serial"), entity.toString());
        assertEquals("AMS1", golden(entity, "site"), entity.toString());
    }

    @Test
    @Order(3)
    void theTokenIsNeverShownNorLogged() throws IOException {
        String token = netbox.token();
        assertFalse(dist.get("/api/sources/" + INSTANCE).toString().contains(token));
        try (Stream<Path> logs = Files.walk(dist.home().resolve("log"))) {
            for (Path p : logs.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1).contains(token), p + " holds the NetBox token");
            }
        }
    }

    private static JsonNode find(JsonNode page, String name) {
        for (JsonNode d : page.path("results")) {
            if (name.equals(d.path("name").asText())) {
                return d;
            }
        }
        throw new AssertionError(name + " not in " + page);
    }

    private static String golden(JsonNode entity, String attribute) {
        for (JsonNode a : entity.path("attributes")) {
            if (attribute.equals(a.path("attribute").asText())) {
                return a.path("value").asText();
            }
        }
        return null;
    }
}
