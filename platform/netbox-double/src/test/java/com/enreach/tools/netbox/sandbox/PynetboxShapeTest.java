package com.enreach.tools.netbox.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The requests pynetbox sends (nested references as ids, PATCH of changed fields, list bodies) and the answer shapes it reads. */
class PynetboxShapeTest {
    private final Nb nb = new Nb();

    @Test
    void aDeviceAndAnIpAnswerEveryFieldPynetboxReadsWithTheSameType() throws IOException {
        nb.create("extras/custom-fields", Map.of("name", "enreach_entity_id", "type", "integer",
                "object_types", List.of("dcim.device", "ipam.ipaddress")));
        long tag = nb.create("extras/tags", Map.of("name", "enreach", "slug", "enreach"));
        long site = nb.create("dcim/sites", Map.of("name", "TEST1", "slug", "test1"));
        long role = nb.create("dcim/device-roles", Map.of("name", "Router", "slug", "router"));
        long mf = nb.create("dcim/manufacturers", Map.of("name", "Juniper", "slug", "juniper"));
        long type = nb.create("dcim/device-types", Map.of("manufacturer", mf, "model", "MX960", "slug", "mx960"));
        long platform = nb.create("dcim/platforms", Map.of("name", "Junos", "slug", "junos"));
        // pynetbox's create: nested records serialised as their ids, tags as a list of ids
        long dev = nb.create("dcim/devices", Map.of("name", "edge1", "device_type", type, "role", role, "site", site,
                "platform", platform, "serial", "JN123", "tags", List.of(tag), "custom_fields", Map.of("enreach_entity_id", 42)));
        long iface = nb.create("dcim/interfaces", Map.of("device", dev, "name", "xe-0/0/0", "type", "10gbase-x-sfpp"));
        long ip = nb.create("ipam/ip-addresses", Map.of("address", "10.0.0.1/24", "assigned_object_type", "dcim.interface",
                "assigned_object_id", iface));
        // pynetbox's Record.save(): PATCH of the changed fields only
        assertEquals(200, nb.patch("/api/dcim/devices/" + dev + "/", Map.of("primary_ip4", ip)).status());
        // pynetbox's filter(): GET with the filters and a limit; it follows "next"
        JsonNode page = nb.get("/api/dcim/devices/?name=edge1&limit=50").json();
        assertEquals(1, page.get("count").asInt());
        assertSameShape(fixture("device.json"), page.at("/results/0"), "device");
        assertSameShape(fixture("ip_address.json"), nb.get("/api/ipam/ip-addresses/?limit=50").json().at("/results/0"), "ip");
    }

    @Test
    void pynetboxBulkCallsUseListBodies() {
        long a = nb.create("dcim/sites", Map.of("name", "a", "slug", "a"));
        long b = nb.create("dcim/sites", Map.of("name", "b", "slug", "b"));
        // Endpoint.update([...]) and Endpoint.delete([...]) / RecordSet.delete()
        Nb.Answer upd = nb.call("PATCH", "/api/dcim/sites/", List.of(Map.of("id", a, "status", "planned"), Map.of("id", b, "status", "retired")));
        assertEquals(200, upd.status(), upd.json()::toString);
        assertEquals("retired", upd.json().at("/1/status/value").asText());
        assertEquals(204, nb.call("DELETE", "/api/dcim/sites/", List.of(Map.of("id", a), Map.of("id", b))).status());
        assertEquals(0, nb.netbox.count("dcim.site"));
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = PynetboxShapeTest.class.getResourceAsStream("/pynetbox/" + name)) {
            return Nb.JSON.readTree(in);
        }
    }

    /** Every field of the expected answer is present with the same JSON type (objects compared one level down). */
    private static void assertSameShape(JsonNode expected, JsonNode actual, String where) {
        List<String> problems = new ArrayList<>();
        expected.fields().forEachRemaining(e -> {
            JsonNode got = actual.get(e.getKey());
            if (got == null) {
                problems.add(where + "." + e.getKey() + " missing");
            } else if (got.getNodeType() != e.getValue().getNodeType()) {
                problems.add(where + "." + e.getKey() + " is " + got.getNodeType() + ", expected " + e.getValue().getNodeType());
            } else if (e.getValue().isObject() && !where.contains(".")) {
                assertSameShape(e.getValue(), got, where + "." + e.getKey());
            }
        });
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }
}
