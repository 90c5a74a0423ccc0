package com.enreach.tools.netbox.sandbox;

import java.util.Map;

/**
 * An answer of the double: HTTP status, headers (e.g. {@code Retry-After}) and the JSON body (empty for 204).
 */
public record NetBoxResponse(int status, Map<String, String> headers, String body) {
    public NetBoxResponse {
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }
}
