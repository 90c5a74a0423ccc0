package com.enreach.tools.netbox.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrudTest {
    private final Nb nb = new Nb();

    @Test
    void createsADeviceAndAnswersWithNetBoxsRepresentation() {
        long[] b = nb.basics();
        Nb.Answer a = nb.post("/api/dcim/devices/", Map.of("name", "web01", "site", Map.of("slug", "dc-one"),
                "role", b[1], "device_type", b[3], "serial", "SN1"));
        assertEquals(201, a.status(), a.json()::toString);
        JsonNode d = a.json();
        assertEquals("http://nb.test/api/dcim/devices/" + d.get("id").asLong() + "/", d.get("url").asText());
        assertEquals("web01", d.get("display").asText());
        assertEquals("active", d.at("/status/value").asText());
        assertEquals("Active", d.at("/status/label").asText());
        assertEquals(b[0], d.at("/site/id").asLong());
        assertEquals("dc-one", d.at("/site/slug").asText());
        assertEquals("R640", d.at("/device_type/model").asText());
        assertEquals("dell", d.at("/device_type/manufacturer/slug").asText());
        assertTrue(d.get("primary_ip4").isNull());
        assertTrue(d.get("tags").isArray());
        assertTrue(d.get("custom_fields").isObject());
        assertFalse(d.get("created").asText().isEmpty());
        assertEquals(d.get("created"), d.get("last_updated"));
    }

    @Test
    void getsPatchesAndDeletesOneObject() {
        long site = nb.create("dcim/sites", Map.of("name", "A", "slug", "a"));
        Nb.Answer p = nb.patch("/api/dcim/sites/" + site + "/", Map.of("description", "first site", "status", "planned"));
        assertEquals(200, p.status(), p.json()::toString);
        assertEquals("planned", nb.get("/api/dcim/sites/" + site + "/").json().at("/status/value").asText());
        assertEquals("first site", nb.get("/api/dcim/sites/" + site + "/").json().get("description").asText());
        assertEquals(204, nb.delete("/api/dcim/sites/" + site + "/", null).status());
        Nb.Answer gone = nb.get("/api/dcim/sites/" + site + "/");
        assertEquals(404, gone.status());
        assertEquals("No Site matches the given query.", gone.json().get("detail").asText());
    }

    @Test
    void pagesWithAbsoluteNextAndPreviousLinks() {
        for (int i = 0; i < 7; i++) {
            nb.create("extras/tags", Map.of("name", "t" + i, "slug", "t" + i));
        }
        Nb.Answer first = nb.get("/api/extras/tags/?limit=3");
        assertEquals(7, first.json().get("count").asInt());
        assertEquals(3, first.json().get("results").size());
        assertEquals("http://nb.test/api/extras/tags/?limit=3&offset=3", first.json().get("next").asText());
        assertTrue(first.json().get("previous").isNull());
        Nb.Answer last = nb.get("/api/extras/tags/?limit=3&offset=6");
        assertEquals(1, last.json().get("results").size());
        assertTrue(last.json().get("next").isNull());
        assertEquals("http://nb.test/api/extras/tags/?limit=3&offset=3", last.json().get("previous").asText());
        assertEquals("t6", last.json().at("/results/0/name").asText());
    }

    @Test
    void bulkCreateUpdateAndDelete() {
        Nb.Answer created = nb.post("/api/dcim/manufacturers/", List.of(Map.of("name", "HPE", "slug", "hpe"),
                Map.of("name", "Cisco", "slug", "cisco")));
        assertEquals(201, created.status(), created.json()::toString);
        assertEquals(2, created.json().size());
        long hpe = created.json().get(0).get("id").asLong();
        long cisco = created.json().get(1).get("id").asLong();
        Nb.Answer updated = nb.patch("/api/dcim/manufacturers/", List.of(Map.of("id", hpe, "description", "x"),
                Map.of("id", cisco, "description", "y")));
        assertEquals(200, updated.status(), updated.json()::toString);
        assertEquals("y", nb.get("/api/dcim/manufacturers/" + cisco + "/").json().get("description").asText());
        assertEquals(204, nb.delete("/api/dcim/manufacturers/", List.of(Map.of("id", hpe), Map.of("id", cisco))).status());
        assertEquals(0, nb.get("/api/dcim/manufacturers/").json().get("count").asInt());
    }

    @Test
    void briefAnswersOnlyTheBriefFields() {
        nb.basics();
        JsonNode r = nb.get("/api/dcim/device-types/?brief=true").json().at("/results/0");
        assertEquals("R640", r.get("model").asText());
        assertEquals("dell", r.at("/manufacturer/slug").asText());
        assertNull(r.get("u_height"));
        assertNull(r.get("created"));
    }
}
