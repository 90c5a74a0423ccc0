package com.enreach.tools.netbox.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelRulesTest {
    private final Nb nb = new Nb();

    private long device(long[] b, String name) {
        return nb.create("dcim/devices", Map.of("name", name, "site", b[0], "role", b[1], "device_type", b[3]));
    }

    @Test
    void customFieldsMustBeDefinedForTheKindWithTheRightType() {
        nb.create("extras/custom-fields", Map.of("name", "enreach_entity_id", "type", "integer", "object_types", List.of("dcim.device")));
        long[] b = nb.basics();
        Nb.Answer bad = nb.post("/api/dcim/devices/", Map.of("name", "d", "site", b[0], "role", b[1], "device_type", b[3],
                "custom_fields", Map.of("enreach_entity_id", "seven")));
        assertEquals("Invalid value for custom field 'enreach_entity_id': Value must be an integer.", bad.json().at("/custom_fields/0").asText());
        Nb.Answer unknown = nb.post("/api/dcim/sites/", Map.of("name", "s", "slug", "s", "custom_fields", Map.of("enreach_entity_id", 1)));
        assertEquals("Unknown field name 'enreach_entity_id' in custom field data.", unknown.json().at("/custom_fields/0").asText());
        long d = nb.create("dcim/devices", Map.of("name", "d", "site", b[0], "role", b[1], "device_type", b[3],
                "custom_fields", Map.of("enreach_entity_id", 7)));
        assertEquals(7, nb.get("/api/dcim/devices/" + d + "/").json().at("/custom_fields/enreach_entity_id").asInt());
        assertEquals(1, nb.get("/api/dcim/devices/?cf_enreach_entity_id=7").json().get("count").asInt());
        long other = device(b, "other");
        assertTrue(nb.get("/api/dcim/devices/" + other + "/").json().at("/custom_fields/enreach_entity_id").isNull());
    }

    @Test
    void tagsMustExistAndAreShownNested() {
        long[] b = nb.basics();
        nb.create("extras/tags", Map.of("name", "Managed by Enreach Tools", "slug", "enreach"));
        Nb.Answer missing = nb.post("/api/dcim/devices/", Map.of("name", "d", "site", b[0], "role", b[1], "device_type", b[3],
                "tags", List.of(Map.of("slug", "nope"))));
        assertEquals("Related object not found using the provided attributes: {'slug': 'nope'}", missing.json().at("/tags/0").asText());
        long d = nb.create("dcim/devices", Map.of("name", "d", "site", b[0], "role", b[1], "device_type", b[3],
                "tags", List.of(Map.of("slug", "enreach"))));
        JsonNode dev = nb.get("/api/dcim/devices/" + d + "/").json();
        assertEquals("enreach", dev.at("/tags/0/slug").asText());
        assertEquals(1, nb.get("/api/dcim/devices/?tag=enreach").json().get("count").asInt());
        assertEquals(0, nb.get("/api/dcim/devices/?tag=other").json().get("count").asInt());
    }

    @Test
    void interfaceNamesAreUniquePerDeviceAndVmNamesPerCluster() {
        long[] b = nb.basics();
        long d = device(b, "d");
        nb.create("dcim/interfaces", Map.of("device", d, "name", "eth0", "type", "1000base-t"));
        Nb.Answer dup = nb.post("/api/dcim/interfaces/", Map.of("device", d, "name", "eth0", "type", "1000base-t"));
        assertEquals("The fields device, name must make a unique set.", dup.json().at("/non_field_errors/0").asText());
        long ct = nb.create("virtualization/cluster-types", Map.of("name", "vSphere", "slug", "vsphere"));
        long c = nb.create("virtualization/clusters", Map.of("name", "c1", "type", ct));
        nb.create("virtualization/virtual-machines", Map.of("name", "vm1", "cluster", c));
        Nb.Answer vm = nb.post("/api/virtualization/virtual-machines/", Map.of("name", "vm1", "cluster", c));
        assertEquals("Virtual machine name must be unique per cluster.", vm.json().at("/__all__/0").asText());
    }

    @Test
    void ipsAssignedToExistingInterfacesAndPrimaryIpsToTheObjectsOwnInterfaces() {
        long[] b = nb.basics();
        long d1 = device(b, "d1");
        long d2 = device(b, "d2");
        long i1 = nb.create("dcim/interfaces", Map.of("device", d1, "name", "eth0", "type", "1000base-t"));
        Nb.Answer orphan = nb.post("/api/ipam/ip-addresses/", Map.of("address", "10.0.0.9/24",
                "assigned_object_type", "dcim.interface", "assigned_object_id", 999));
        assertEquals(400, orphan.status());
        assertTrue(orphan.json().has("assigned_object_id"));
        long ip = nb.create("ipam/ip-addresses", Map.of("address", "10.0.0.1/24", "assigned_object_type", "dcim.interface", "assigned_object_id", i1));
        Nb.Answer dupIp = nb.post("/api/ipam/ip-addresses/", Map.of("address", "10.0.0.1/16"));
        assertEquals("Duplicate IP address found in global table: 10.0.0.1/24", dupIp.json().at("/address/0").asText());
        Nb.Answer wrong = nb.patch("/api/dcim/devices/" + d2 + "/", Map.of("primary_ip4", ip));
        assertEquals("The specified IP address (10.0.0.1/24) is not assigned to this device.", wrong.json().at("/primary_ip4/0").asText());
        Nb.Answer right = nb.patch("/api/dcim/devices/" + d1 + "/", Map.of("primary_ip4", ip));
        assertEquals(200, right.status(), right.json()::toString);
        assertEquals("10.0.0.1/24", right.json().at("/primary_ip4/address").asText());
        assertEquals("10.0.0.1/24", right.json().at("/primary_ip/address").asText());
        JsonNode ipRepr = nb.get("/api/ipam/ip-addresses/" + ip + "/").json();
        assertEquals(4, ipRepr.at("/family/value").asInt());
        assertEquals("eth0", ipRepr.at("/assigned_object/name").asText());
        assertEquals("d1", ipRepr.at("/assigned_object/device/name").asText());
        assertEquals(1, nb.get("/api/ipam/ip-addresses/?device_id=" + d1).json().get("count").asInt());
        assertEquals(1, nb.get("/api/ipam/ip-addresses/?interface_id=" + i1).json().get("count").asInt());
        assertEquals(1, nb.get("/api/ipam/ip-addresses/?address=10.0.0.1").json().get("count").asInt());
        assertEquals(0, nb.get("/api/ipam/ip-addresses/?device_id=" + d2).json().get("count").asInt());
    }

    @Test
    void macAddressesAreNormalisedAndShownOnTheirInterface() {
        long[] b = nb.basics();
        long d = device(b, "d");
        long i = nb.create("dcim/interfaces", Map.of("device", d, "name", "eth0", "type", "1000base-t"));
        long mac = nb.create("dcim/mac-addresses", Map.of("mac_address", "aa-bb-cc-dd-ee-ff", "assigned_object_type", "dcim.interface", "assigned_object_id", i));
        assertEquals("AA:BB:CC:DD:EE:FF", nb.get("/api/dcim/mac-addresses/" + mac + "/").json().get("mac_address").asText());
        nb.patch("/api/dcim/interfaces/" + i + "/", Map.of("primary_mac_address", mac));
        JsonNode iface = nb.get("/api/dcim/interfaces/" + i + "/").json();
        assertEquals("AA:BB:CC:DD:EE:FF", iface.get("mac_address").asText());
        assertEquals(1, iface.get("mac_addresses").size());
        assertEquals(1, nb.get("/api/dcim/mac-addresses/?mac_address=aa:bb:cc:dd:ee:ff").json().get("count").asInt());
        assertEquals(400, nb.post("/api/dcim/mac-addresses/", Map.of("mac_address", "nope")).status());
    }

    @Test
    void deletingADeviceTakesItsInterfacesAndTheirIpsWhileUsedSitesAreProtected() {
        long[] b = nb.basics();
        long d = device(b, "d");
        long i = nb.create("dcim/interfaces", Map.of("device", d, "name", "eth0", "type", "1000base-t"));
        nb.create("ipam/ip-addresses", Map.of("address", "10.0.0.1/24", "assigned_object_type", "dcim.interface", "assigned_object_id", i));
        Nb.Answer site = nb.delete("/api/dcim/sites/" + b[0] + "/", null);
        assertEquals(409, site.status());
        assertEquals(204, nb.delete("/api/dcim/devices/" + d + "/", null).status());
        assertEquals(0, nb.get("/api/dcim/interfaces/").json().get("count").asInt());
        assertEquals(0, nb.get("/api/ipam/ip-addresses/").json().get("count").asInt());
        assertEquals(204, nb.delete("/api/dcim/sites/" + b[0] + "/", null).status());
    }

    @Test
    void requiredCustomFieldsAndDefaults() {
        nb.create("extras/custom-fields", Map.of("name", "owner", "type", "text", "required", true, "object_types", List.of("dcim.site")));
        nb.create("extras/custom-fields", Map.of("name", "tier", "type", "integer", "default", 3, "object_types", List.of("dcim.site")));
        Nb.Answer missing = nb.post("/api/dcim/sites/", Map.of("name", "s", "slug", "s"));
        assertEquals("Missing required custom field 'owner'.", missing.json().at("/custom_fields/0").asText());
        long s = nb.create("dcim/sites", Map.of("name", "s", "slug", "s", "custom_fields", Map.of("owner", "ops")));
        assertEquals(3, nb.get("/api/dcim/sites/" + s + "/").json().at("/custom_fields/tier").asInt());
    }

    @Test
    void putNeedsTheRequiredFieldsPatchDoesNot() {
        long s = nb.create("dcim/sites", Map.of("name", "s", "slug", "s"));
        Nb.Answer put = nb.call("PUT", "/api/dcim/sites/" + s + "/", Map.of("name", "t"));
        assertEquals("This field is required.", put.json().at("/slug/0").asText());
        assertEquals(200, nb.call("PUT", "/api/dcim/sites/" + s + "/", Map.of("name", "t", "slug", "t")).status());
        assertEquals(200, nb.patch("/api/dcim/sites/" + s + "/", Map.of("name", "u")).status());
    }

    @Test
    void aPrimaryIpCannotMoveToAnotherDevice() {
        long[] b = nb.basics();
        long d1 = device(b, "d1");
        long d2 = device(b, "d2");
        long i1 = nb.create("dcim/interfaces", Map.of("device", d1, "name", "eth0", "type", "1000base-t"));
        long i2 = nb.create("dcim/interfaces", Map.of("device", d2, "name", "eth0", "type", "1000base-t"));
        long ip = nb.create("ipam/ip-addresses", Map.of("address", "10.0.0.1/24", "assigned_object_type", "dcim.interface", "assigned_object_id", i1));
        nb.patch("/api/dcim/devices/" + d1 + "/", Map.of("primary_ip4", ip));
        Nb.Answer move = nb.patch("/api/ipam/ip-addresses/" + ip + "/", Map.of("assigned_object_id", i2));
        assertEquals(400, move.status());
        assertTrue(move.json().has("interface"));
        assertEquals(204, nb.delete("/api/ipam/ip-addresses/" + ip + "/", null).status());
        assertTrue(nb.get("/api/dcim/devices/" + d1 + "/").json().get("primary_ip4").isNull());
    }
}
