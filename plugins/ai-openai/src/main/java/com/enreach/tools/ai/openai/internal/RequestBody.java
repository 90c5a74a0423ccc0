package com.enreach.tools.ai.openai.internal;

import java.io.IOException;

import com.enreach.tools.api.ai.ChatMessage;
import com.enreach.tools.api.ai.ChatRequest;
import com.enreach.tools.api.ai.ContentBlock;
import com.enreach.tools.api.ai.ToolSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The chat-completions body for a {@link ChatRequest}. The contract carries tool results in user messages
 * (Anthropic's convention); here each becomes a {@code tool} message answering its {@code tool_call_id}, placed right
 * after the assistant message that made the calls, as OpenAI requires.
 */
final class RequestBody {
    private final ObjectMapper json;

    RequestBody(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode of(ChatRequest request, Settings s, boolean stream) {
        ObjectNode body = json.createObjectNode().put("model", s.model());
        ArrayNode messages = body.putArray("messages");
        if (request.system() != null && !request.system().isBlank()) {
            messages.addObject().put("role", "system").put("content", request.system());
        }
        for (ChatMessage m : request.messages()) {
            if ("assistant".equals(m.role())) {
                assistant(messages, m);
            } else {
                user(messages, m);
            }
        }
        if (s.tools() && !request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            for (ToolSpec t : request.tools()) {
                ObjectNode f = tools.addObject().put("type", "function").putObject("function").put("name", t.name())
                        .put("description", t.description());
                f.set("parameters", schema(t));
            }
        }
        body.put(s.maxTokensParam(), request.maxTokens() > 0 ? request.maxTokens() : s.maxTokens());
        body.put("temperature", request.temperature() != null ? request.temperature() : s.temperature());
        if (stream) {
            body.put("stream", true);
            if (s.streamUsage()) {
                body.putObject("stream_options").put("include_usage", true);
            }
        }
        return body;
    }

    private static void assistant(ArrayNode messages, ChatMessage m) {
        ObjectNode out = messages.addObject().put("role", "assistant");
        String text = m.text();
        ArrayNode calls = null;
        for (ContentBlock c : m.content()) {
            if (ContentBlock.TOOL_USE.equals(c.type())) {
                if (calls == null) {
                    calls = out.putArray("tool_calls");
                }
                ObjectNode call = calls.addObject().put("id", c.toolUseId()).put("type", "function");
                call.putObject("function").put("name", c.toolName())
                        .put("arguments", c.inputJson() == null || c.inputJson().isBlank() ? "{}" : c.inputJson());
            }
        }
        if (text.isEmpty() && calls != null) {
            out.putNull("content");
        } else {
            out.put("content", text);
        }
    }

    private static void user(ArrayNode messages, ChatMessage m) {
        for (ContentBlock c : m.content()) {
            if (ContentBlock.TOOL_RESULT.equals(c.type())) {
                String text = c.text() == null ? "" : c.text();
                messages.addObject().put("role", "tool").put("tool_call_id", c.toolUseId())
                        .put("content", c.error() ? "Error: " + text : text);
            }
        }
        String text = m.text();
        if (!text.isEmpty() || m.content().isEmpty()) {
            messages.addObject().put("role", "user").put("content", text);
        }
    }

    private JsonNode schema(ToolSpec t) {
        if (t.inputSchemaJson() == null || t.inputSchemaJson().isBlank()) {
            return json.createObjectNode().put("type", "object");
        }
        try {
            return json.readTree(t.inputSchemaJson());
        } catch (IOException e) {
            throw new IllegalArgumentException("tool " + t.name() + " has an input schema that is not JSON", e);
        }
    }
}
