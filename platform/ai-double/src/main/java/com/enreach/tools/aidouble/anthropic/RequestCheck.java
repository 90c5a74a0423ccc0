package com.enreach.tools.aidouble.anthropic;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Set;

/**
 * Checks a Messages API request body as Anthropic does, returning the {@code invalid_request_error} message for the
 * first problem found (worded like Anthropic's), or null when the body is acceptable.
 */
final class RequestCheck {
    private static final Set<String> BLOCK_TYPES = Set.of("text", "tool_use", "tool_result");

    private RequestCheck() {
    }

    static String problem(JsonNode body) {
        if (body == null || !body.isObject()) {
            return "There was an error parsing the body of your request: it must be a JSON object";
        }
        if (!body.path("model").isTextual() || body.path("model").asText().isBlank()) {
            return "model: Field required";
        }
        JsonNode maxTokens = body.path("max_tokens");
        if (!maxTokens.isIntegralNumber() || maxTokens.asLong() < 1) {
            return maxTokens.isMissingNode() ? "max_tokens: Field required" : "max_tokens: Input should be a positive integer";
        }
        JsonNode temperature = body.path("temperature");
        if (!temperature.isMissingNode() && (!temperature.isNumber() || temperature.asDouble() < 0 || temperature.asDouble() > 1)) {
            return "temperature: Input should be less than or equal to 1";
        }
        if (!body.path("system").isMissingNode() && !body.path("system").isTextual() && !body.path("system").isArray()) {
            return "system: Input should be a valid string";
        }
        String tools = tools(body.path("tools"));
        return tools != null ? tools : messages(body.path("messages"));
    }

    private static String tools(JsonNode tools) {
        if (tools.isMissingNode()) {
            return null;
        }
        if (!tools.isArray()) {
            return "tools: Input should be a valid list";
        }
        for (int i = 0; i < tools.size(); i++) {
            JsonNode t = tools.get(i);
            if (!t.path("name").asText("").matches("^[a-zA-Z0-9_-]{1,128}$")) {
                return "tools." + i + ".name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'";
            }
            if (!t.path("input_schema").isObject() || !"object".equals(t.path("input_schema").path("type").asText())) {
                return "tools." + i + ".input_schema: Input should be a JSON Schema object with type \"object\"";
            }
        }
        return null;
    }

    private static String messages(JsonNode messages) {
        if (!messages.isArray()) {
            return "messages: Field required";
        }
        if (messages.isEmpty()) {
            return "messages: at least one message is required";
        }
        Set<String> previousToolUses = Set.of();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String role = m.path("role").asText();
            if (!role.equals("user") && !role.equals("assistant")) {
                return "messages." + i + ".role: Input should be 'user' or 'assistant'";
            }
            if (i == 0 && !role.equals("user")) {
                return "messages: first message must use the \"user\" role";
            }
            if (i > 0 && role.equals(messages.get(i - 1).path("role").asText())) {
                return "messages: roles must alternate between \"user\" and \"assistant\", but found multiple \""
                        + role + "\" roles in a row";
            }
            String content = content(i, role, m.path("content"), previousToolUses);
            if (content != null) {
                return content;
            }
            previousToolUses = toolUseIds(m.path("content"));
        }
        return null;
    }

    private static String content(int i, String role, JsonNode content, Set<String> previousToolUses) {
        if (content.isTextual()) {
            return content.asText().isEmpty() ? "messages." + i + ": content must be non-empty" : null;
        }
        if (!content.isArray() || content.isEmpty()) {
            return "messages." + i + ".content: Input should be a valid string or a non-empty list of content blocks";
        }
        for (int j = 0; j < content.size(); j++) {
            JsonNode block = content.get(j);
            String type = block.path("type").asText();
            String where = "messages." + i + ".content." + j;
            if (!BLOCK_TYPES.contains(type)) {
                return where + ".type: Input tag '" + type + "' found using 'type' does not match any of the expected tags";
            }
            if (type.equals("text") && !block.path("text").isTextual()) {
                return where + ".text: Field required";
            }
            if (type.equals("tool_use") && (!role.equals("assistant") || !block.path("id").isTextual()
                    || !block.path("name").isTextual() || !block.path("input").isObject())) {
                return where + ": tool_use blocks need id, name and an input object, in an assistant message";
            }
            if (type.equals("tool_result")) {
                String id = block.path("tool_use_id").asText(null);
                if (!role.equals("user") || id == null || !previousToolUses.contains(id)) {
                    return where + ": unexpected `tool_use_id` found in `tool_result` blocks: " + id
                            + ". Each `tool_result` block must have a corresponding `tool_use` block in the previous message.";
                }
            }
        }
        return null;
    }

    private static Set<String> toolUseIds(JsonNode content) {
        Set<String> ids = new HashSet<>();
        if (content.isArray()) {
            content.forEach(b -> {
                if ("tool_use".equals(b.path("type").asText())) {
                    ids.add(b.path("id").asText());
                }
            });
        }
        return ids;
    }
}
