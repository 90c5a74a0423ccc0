package com.enreach.tools.netbox.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/** Test helper: requests to a double without HTTP, as the admin unless told otherwise. */
final class Nb {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BASE = "http://nb.test";

    final NetBoxDouble netbox;
    String auth;

    Nb() {
        this(new NetBoxDouble());
    }

    Nb(NetBoxDouble netbox) {
        this.netbox = netbox;
        this.auth = "Token " + netbox.token();
    }

    record Answer(int status, JsonNode json, Map<String, String> headers) {
        JsonNode get(String field) {
            return json.get(field);
        }
    }

    Answer call(String method, String pathAndQuery, Object body) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? null : pathAndQuery.substring(q + 1);
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            NetBoxResponse r = netbox.handle(new NetBoxRequest(method, BASE, path, query,
                    auth == null ? Map.of() : Map.of("Authorization", auth), text));
            return new Answer(r.status(), r.body().isEmpty() ? null : JSON.readTree(r.body()), r.headers());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Answer get(String path) {
        return call("GET", path, null);
    }

    Answer post(String path, Object body) {
        return call("POST", path, body);
    }

    Answer patch(String path, Object body) {
        return call("PATCH", path, body);
    }

    Answer delete(String path, Object body) {
        return call("DELETE", path, body);
    }

    /** Creates an object and returns its id, failing the test with NetBox's answer otherwise. */
    long create(String endpoint, Object body) {
        Answer a = post("/api/" + endpoint + "/", body);
        if (a.status() != 201) {
            throw new AssertionError("POST " + endpoint + " answered " + a.status() + ": " + a.json());
        }
        return a.json().get("id").asLong();
    }

    /** A site, role, manufacturer and device type, for tests that need a device. */
    long[] basics() {
        long site = create("dcim/sites", Map.of("name", "DC One", "slug", "dc-one"));
        long role = create("dcim/device-roles", Map.of("name", "Server", "slug", "server"));
        long mf = create("dcim/manufacturers", Map.of("name", "Dell", "slug", "dell"));
        long type = create("dcim/device-types", Map.of("manufacturer", mf, "model", "R640", "slug", "r640"));
        return new long[]{site, role, mf, type};
    }
}
