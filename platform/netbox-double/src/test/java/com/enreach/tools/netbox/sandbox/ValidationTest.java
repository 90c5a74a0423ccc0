package com.enreach.tools.netbox.sandbox;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ValidationTest {
    private final Nb nb = new Nb();

    @Test
    void requiredFieldsTypesEnumsAndLengthsAnswer400PerField() {
        Nb.Answer a = nb.post("/api/dcim/sites/", Map.of("name", "x".repeat(101), "status", "bogus"));
        assertEquals(400, a.status());
        assertEquals("This field is required.", a.json().at("/slug/0").asText());
        assertEquals("\"bogus\" is not a valid choice.", a.json().at("/status/0").asText());
        assertEquals("Ensure this field has no more than 100 characters.", a.json().at("/name/0").asText());
        Nb.Answer t = nb.post("/api/virtualization/virtual-machines/", Map.of("name", "vm", "vcpus", "many", "memory", "x"));
        assertEquals("A valid integer is required.", t.json().at("/memory/0").asText(), t.json()::toString);
    }

    @Test
    void referencesByIdOrAttributesMustExist() {
        long[] b = nb.basics();
        Nb.Answer a = nb.post("/api/dcim/devices/", Map.of("name", "d", "site", 999, "role", Map.of("slug", "nope"), "device_type", b[3]));
        assertEquals(400, a.status());
        assertEquals("Related object not found using the provided numeric ID: 999", a.json().at("/site/0").asText());
        assertEquals("Related object not found using the provided attributes: {'slug': 'nope'}", a.json().at("/role/0").asText());
    }

    @Test
    void uniqueSlugsAndDeviceNamesPerSite() {
        long[] b = nb.basics();
        Nb.Answer dup = nb.post("/api/dcim/sites/", Map.of("name", "Other", "slug", "dc-one"));
        assertEquals("site with this slug already exists.", dup.json().at("/slug/0").asText());
        nb.create("dcim/devices", Map.of("name", "d1", "site", b[0], "role", b[1], "device_type", b[3]));
        Nb.Answer again = nb.post("/api/dcim/devices/", Map.of("name", "d1", "site", b[0], "role", b[1], "device_type", b[3]));
        assertEquals("Device name must be unique per site.", again.json().at("/__all__/0").asText());
    }

    @Test
    void aBulkCreateWithOneBadObjectWritesNothingAndAnswersAListOfErrors() {
        Nb.Answer a = nb.post("/api/dcim/manufacturers/", List.of(Map.of("name", "A", "slug", "a"), Map.of("name", "B")));
        assertEquals(400, a.status());
        assertEquals(2, a.json().size());
        assertEquals(0, a.json().get(0).size());
        assertEquals("This field is required.", a.json().at("/1/slug/0").asText());
        assertEquals(0, nb.get("/api/dcim/manufacturers/").json().get("count").asInt());
    }
}
