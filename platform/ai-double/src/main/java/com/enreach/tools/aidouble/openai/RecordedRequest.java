package com.enreach.tools.aidouble.openai;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A request the double received. Headers carrying the key ({@code Authorization}, {@code api-key}) are recorded as
 * {@code <redacted>}, so a test can see that one was sent without the recording holding the key.
 *
 * @param path    the path, e.g. {@code /v1/chat/completions}
 * @param query   the raw query or {@code null}
 * @param headers header names in lower case
 * @param body    the body as received (text)
 * @param json    the body parsed, or {@code null} when it was not JSON
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, String body,
                              JsonNode json) {
    /** The first value of a header (case-insensitive) or {@code null}. */
    public String header(String name) {
        List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** The text of the last {@code user} message (string content or text parts), or "". */
    public String lastUserText() {
        if (json == null || !json.path("messages").isArray()) {
            return "";
        }
        String last = "";
        for (JsonNode m : json.path("messages")) {
            if ("user".equals(m.path("role").asText())) {
                last = textOf(m.path("content"));
            }
        }
        return last;
    }

    /** The {@code content} of the {@code tool} message answering {@code toolCallId}, or {@code null}. */
    public String toolResult(String toolCallId) {
        if (json == null) {
            return null;
        }
        for (JsonNode m : json.path("messages")) {
            if ("tool".equals(m.path("role").asText()) && toolCallId.equals(m.path("tool_call_id").asText())) {
                return textOf(m.path("content"));
            }
        }
        return null;
    }

    static String textOf(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder b = new StringBuilder();
        for (JsonNode part : content) {
            if ("text".equals(part.path("type").asText())) {
                b.append(part.path("text").asText());
            }
        }
        return b.toString();
    }
}
