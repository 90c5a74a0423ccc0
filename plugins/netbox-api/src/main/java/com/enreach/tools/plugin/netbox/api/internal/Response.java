package com.enreach.tools.plugin.netbox.api.internal;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A status, a JSON body and extra headers. */
record Response(int status, JsonNode body, Map<String, String> headers) {

    static Response ok(JsonNode body) {
        return new Response(200, body, Map.of());
    }

    /** NetBox's error shape: {@code {"detail": "..."}}. */
    static Response detail(int status, String detail) {
        ObjectNode n = Render.JSON.createObjectNode();
        n.put("detail", detail);
        return new Response(status, n, status == 405 ? Map.of("Allow", "GET, HEAD, OPTIONS") : Map.of());
    }

    static Response notFound(String objectName) {
        return detail(404, "No " + objectName + " matches the given query.");
    }
}
