package com.enreach.tools.netbox.sandbox.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.enreach.tools.netbox.sandbox.NetBoxResponse;

import java.io.UncheckedIOException;
import java.util.Map;

/** JSON answers. */
public final class Reply {
    public static final ObjectMapper JSON = new ObjectMapper();
    /** NetBox sends its major.minor version on every API answer; pynetbox reads it as {@code api.version}. */
    public static final String API_VERSION = "4.2";

    private Reply() {
    }

    public static NetBoxResponse json(int status, JsonNode body) {
        try {
            return new NetBoxResponse(status, Map.of("Content-Type", "application/json", "API-Version", API_VERSION),
                    JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static NetBoxResponse detail(int status, String detail) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("detail", detail);
        return json(status, o);
    }

    public static NetBoxResponse noContent() {
        return new NetBoxResponse(204, Map.of("API-Version", API_VERSION), "");
    }
}
