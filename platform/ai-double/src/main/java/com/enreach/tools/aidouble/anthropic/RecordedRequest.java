package com.enreach.tools.aidouble.anthropic;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A request the double received, for assertions. Header names are lower case; the API key headers
 * ({@code x-api-key}, {@code authorization}) are left out, {@link #keyAccepted()} says whether the key was right.
 *
 * @param body the parsed JSON body (a missing node when it was not JSON)
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, JsonNode body,
                              boolean keyAccepted) {
    /** The first value of a header (lower-case name), or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
