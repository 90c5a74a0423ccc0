package com.enreach.tools.ai.anthropic.internal;

import com.anthropic.core.ObjectMappers;
import com.anthropic.models.messages.MessageCreateParams;
import com.enreach.tools.api.ai.AiException;
import com.enreach.tools.api.ai.ChatMessage;
import com.enreach.tools.api.ai.ChatRequest;
import com.enreach.tools.api.ai.ContentBlock;
import com.enreach.tools.api.ai.ToolSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

/**
 * Maps a {@link ChatRequest} onto a Messages API request. The body is written in Anthropic's published wire format
 * (one place to read it) and handed to the SDK as its typed {@link MessageCreateParams.Body}.
 */
final class Requests {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Requests() {
    }

    static MessageCreateParams params(Settings s, ChatRequest request) {
        ObjectNode body = body(s, request);
        return MessageCreateParams.builder()
                .body(ObjectMappers.jsonMapper().convertValue(body, MessageCreateParams.Body.class))
                .build();
    }

    /** The request body (without {@code stream}, which the SDK adds for a streamed call). */
    static ObjectNode body(Settings s, ChatRequest request) {
        ObjectNode body = JSON.createObjectNode()
                .put("model", s.model())
                .put("max_tokens", request.maxTokens() > 0 ? request.maxTokens() : s.maxTokens())
                .put("temperature", request.temperature() != null ? request.temperature() : s.temperature());
        if (request.system() != null && !request.system().isBlank()) {
            body.put("system", request.system());
        }
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage m : request.messages()) {
            ObjectNode message = messages.addObject().put("role", m.role());
            ArrayNode content = message.putArray("content");
            for (ContentBlock b : m.content()) {
                block(s, content, b);
            }
            if (content.isEmpty()) {
                content.addObject().put("type", "text").put("text", "(empty)"); // Anthropic refuses empty content
            }
        }
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolSpec t : request.tools()) {
                ObjectNode tool = tools.addObject().put("name", t.name());
                if (t.description() != null) {
                    tool.put("description", t.description());
                }
                tool.set("input_schema", object(s, t.inputSchemaJson(), "the input schema of tool " + t.name()));
            }
        }
        return body;
    }

    private static void block(Settings s, ArrayNode content, ContentBlock b) {
        switch (b.type()) {
            case ContentBlock.TEXT -> {
                if (b.text() != null && !b.text().isEmpty()) {
                    content.addObject().put("type", "text").put("text", b.text());
                }
            }
            case ContentBlock.TOOL_USE -> content.addObject().put("type", "tool_use").put("id", b.toolUseId())
                    .put("name", b.toolName()).set("input", object(s, b.inputJson(), "the input of tool call " + b.toolUseId()));
            case ContentBlock.TOOL_RESULT -> {
                ObjectNode r = content.addObject().put("type", "tool_result").put("tool_use_id", b.toolUseId())
                        .put("content", b.text() == null ? "" : b.text());
                if (b.error()) {
                    r.put("is_error", true);
                }
            }
            default -> throw new AiException(AiException.Kind.BAD_REQUEST, s.name(),
                    "Anthropic provider '" + s.name() + "': unknown content block type " + b.type());
        }
    }

    private static JsonNode object(Settings s, String json, String what) {
        try {
            JsonNode node = JSON.readTree(json == null || json.isBlank() ? "{}" : json);
            if (node.isObject()) {
                return node;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new AiException(AiException.Kind.BAD_REQUEST, s.name(),
                "Anthropic provider '" + s.name() + "': " + what + " is not a JSON object");
    }
}
