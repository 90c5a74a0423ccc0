package com.enreach.tools.netbox.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthAndServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void tokensV1AndV2AreAcceptedAndOthersRefusedLikeNetBox() {
        Nb nb = new Nb();
        nb.auth = null;
        Nb.Answer none = nb.get("/api/dcim/sites/");
        assertEquals(403, none.status());
        assertEquals("Authentication credentials were not provided.", none.json().get("detail").asText());
        nb.auth = "Token 0123456789012345678901234567890123456789";
        assertEquals("Invalid token", nb.get("/api/dcim/sites/").json().get("detail").asText());
        nb.netbox.addToken("robot", "nbt_abc123.s3cr3t");
        nb.auth = "Bearer nbt_abc123.s3cr3t";
        assertEquals(200, nb.get("/api/dcim/sites/").status());
        nb.auth = "Bearer nbt_abc123.wrong";
        assertEquals(403, nb.get("/api/dcim/sites/").status());
        assertThrows(IllegalArgumentException.class, () -> nb.netbox.addToken("x", "short"));
    }

    @Test
    void theRootPageAndTheApiRootNeedNoTokenEverythingElseDoes() {
        Nb nb = new Nb();
        nb.auth = null;
        NetBoxResponse page = nb.netbox.handle(new NetBoxRequest("GET", "http://h/demo-netbox", "/", null, null, null));
        assertEquals(200, page.status());
        assertTrue(page.body().contains("not a real NetBox"));
        assertTrue(page.body().contains("http://h/demo-netbox/api/"));
        Nb.Answer root = nb.get("/api/");
        assertEquals(200, root.status());
        assertEquals("4.2", root.headers().get("API-Version"));
        assertEquals(403, nb.get("/api/status/").status());
        assertEquals(403, nb.post("/api/dcim/sites/", java.util.Map.of("name", "s", "slug", "s")).status());
    }

    @Test
    void statusSaysNetBox422AndThatItIsADouble() {
        JsonNode s = new Nb().get("/api/status/").json();
        assertEquals("4.2.2", s.get("netbox-version").asText());
        assertTrue(s.get("sandbox").asBoolean());
    }

    @Test
    void serverServesTheApiOnLocalhost() throws Exception {
        try (NetBoxDoubleServer server = new NetBoxDoubleServer()) {
            assertTrue(server.url().startsWith("http://127.0.0.1:"));
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/dcim/sites/"))
                    .header("Authorization", "Token " + server.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"S\", \"slug\": \"s\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
            assertTrue(Nb.JSON.readTree(created.body()).get("url").asText().startsWith(server.url() + "/api/dcim/sites/"));
            HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/dcim/sites/?slug=s"))
                    .header("Authorization", "Token " + server.token()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(1, Nb.JSON.readTree(list.body()).get("count").asInt());
            assertEquals(1, server.netbox().count("dcim.site"));
            assertEquals("4.2", list.headers().firstValue("API-Version").orElse(null));
        }
    }
}
