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
        Nb.Answer otherCase = nb.post("/api/dcim/devices/", Map.of("name", "D1", "site", b[0], "role", b[1], "device_type", b[3]));
        assertEquals("Device name must be unique per site.", otherCase.json().at("/__all__/0").asText());
        assertEquals(1, nb.get("/api/dcim/devices/?name=d1").json().get("count").asInt());
        assertEquals(0, nb.get("/api/dcim/devices/?name=D1").json().get("count").asInt());
        assertEquals(1, nb.get("/api/dcim/devices/?name__ie=D1").json().get("count").asInt());
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

    @Test
    void nestedAttributeDictsResolveThroughReferences() {
        long[] b = nb.basics();
        long other = nb.create("dcim/manufacturers", Map.of("name", "HPE", "slug", "hpe"));
        nb.create("dcim/device-types", Map.of("manufacturer", other, "model", "R640", "slug", "r640"));
        Nb.Answer ambiguous = nb.post("/api/dcim/devices/", Map.of("name", "d", "site", b[0], "role", b[1], "device_type", Map.of("model", "R640")));
        assertEquals("Multiple objects match the provided attributes: {'model': 'R640'}", ambiguous.json().at("/device_type/0").asText());
        Nb.Answer ok = nb.post("/api/dcim/devices/", Map.of("name", "d", "site", b[0], "role", b[1],
                "device_type", Map.of("model", "R640", "manufacturer", Map.of("slug", "dell"))));
        assertEquals(201, ok.status(), ok.json()::toString);
        assertEquals(b[3], ok.json().at("/device_type/id").asLong());
    }

    @Test
    void malformedBodiesAndQueriesAnswer400() {
        assertEquals(400, nb.post("/api/dcim/sites/", "{not json").status());
        assertEquals(400, nb.get("/api/dcim/sites/?name=%zz").status());
        Nb.Answer notObjects = nb.post("/api/dcim/sites/", List.of("a", 1));
        assertEquals(400, notObjects.status());
        long s = nb.create("dcim/sites", Map.of("name", "one", "slug", "one"));
        assertEquals(400, nb.patch("/api/dcim/sites/" + s + "/", List.of(Map.of("name", "x"))).status());
        assertEquals("one", nb.netbox.get("dcim.site", s).get("name").asText());
        Nb.Answer noIds = nb.patch("/api/dcim/sites/", List.of(Map.of("name", "x")));
        assertEquals("This field is required.", noIds.json().at("/0/id/0").asText());
        Nb.Answer tagAsText = nb.post("/api/dcim/sites/", Map.of("name", "s", "slug", "s", "tags", List.of("enreach")));
        assertEquals("Related objects must be referenced by numeric ID or by dictionary of attributes. Received an unrecognized value: enreach",
                tagAsText.json().at("/tags/0").asText(), tagAsText.json()::toString);
    }
}
