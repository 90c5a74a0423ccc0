package com.enreach.tools.aidouble.openai;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** The body checks OpenAI makes before answering, with messages in its style; {@code null} when the body is fine. */
final class RequestCheck {
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");
    private static final Pattern FUNCTION_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    record Problem(String param, String message) {
    }

    private RequestCheck() {
    }

    static Problem check(JsonNode body) {
        if (body == null || !body.isObject()) {
            return new Problem(null, "We could not parse the JSON body of your request. (HINT: This likely means you "
                    + "aren't using your HTTP library correctly.)");
        }
        if (!body.path("model").isTextual() || body.path("model").asText().isBlank()) {
            return new Problem("model", "you must provide a model parameter");
        }
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            return new Problem("messages", "[] is too short - 'messages'");
        }
        Problem p = checkMessages(messages);
        if (p == null) {
            p = checkTools(body.path("tools"));
        }
        if (p == null && body.has("stream_options") && !body.path("stream").asBoolean(false)) {
            p = new Problem("stream_options", "The 'stream_options' parameter is only allowed when 'stream' is enabled.");
        }
        if (p == null && body.has("max_tokens") && !(body.path("max_tokens").canConvertToInt() && body.path("max_tokens").asInt() > 0)) {
            p = new Problem("max_tokens", "Invalid 'max_tokens': integer below minimum value.");
        }
        return p;
    }

    private static Problem checkMessages(JsonNode messages) {
        Set<String> open = new LinkedHashSet<>(); // tool_call ids not yet answered
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String role = m.path("role").asText("");
            String at = "messages[" + i + "]";
            if (!ROLES.contains(role)) {
                return new Problem(at + ".role", "Invalid value: '" + role + "'. Supported values are: 'system', "
                        + "'assistant', 'user', 'tool', 'function', and 'developer'.");
            }
            if ("tool".equals(role)) {
                String id = m.path("tool_call_id").asText("");
                if (!open.remove(id)) {
                    return new Problem(at + ".role", "Invalid parameter: messages with role 'tool' must be a response to "
                            + "a preceeding message with 'tool_calls'.");
                }
                continue;
            }
            if (!open.isEmpty()) {
                return new Problem("messages.[" + i + "].role", "An assistant message with 'tool_calls' must be followed "
                        + "by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have "
                        + "response messages: " + String.join(", ", open));
            }
            JsonNode content = m.path("content");
            boolean hasCalls = m.path("tool_calls").isArray() && !m.path("tool_calls").isEmpty();
            if ("assistant".equals(role) && hasCalls) {
                for (JsonNode call : m.path("tool_calls")) {
                    if (!call.path("id").isTextual() || !"function".equals(call.path("type").asText())
                            || !call.path("function").path("name").isTextual()
                            || !call.path("function").path("arguments").isTextual()) {
                        return new Problem(at + ".tool_calls", "Invalid 'tool_calls': each needs id, type 'function' "
                                + "and function {name, arguments (string)}.");
                    }
                    open.add(call.path("id").asText());
                }
            } else if (!(content.isTextual() || content.isArray())) {
                return new Problem(at + ".content", "Invalid type for '" + at + ".content': expected one of a string or "
                        + "array of objects, but got " + (content.isMissingNode() ? "nothing" : content.getNodeType()
                        .name().toLowerCase(java.util.Locale.ROOT)) + " instead.");
            }
        }
        if (!open.isEmpty()) {
            return new Problem("messages", "An assistant message with 'tool_calls' must be followed by tool messages "
                    + "responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: "
                    + String.join(", ", open));
        }
        return null;
    }

    private static Problem checkTools(JsonNode tools) {
        if (tools.isMissingNode() || tools.isNull()) {
            return null;
        }
        if (!tools.isArray()) {
            return new Problem("tools", "Invalid type for 'tools': expected an array.");
        }
        for (int i = 0; i < tools.size(); i++) {
            JsonNode t = tools.get(i);
            JsonNode f = t.path("function");
            if (!"function".equals(t.path("type").asText()) || !FUNCTION_NAME.matcher(f.path("name").asText("")).matches()) {
                return new Problem("tools[" + i + "].function.name", "Invalid 'tools[" + i + "].function.name': string "
                        + "does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.");
            }
            if (f.has("parameters") && !f.path("parameters").isObject()) {
                return new Problem("tools[" + i + "].function.parameters", "Invalid schema for function '"
                        + f.path("name").asText() + "': parameters must be an object.");
            }
        }
        return null;
    }
}
