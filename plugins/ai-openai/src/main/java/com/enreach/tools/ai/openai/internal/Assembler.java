package com.enreach.tools.ai.openai.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.enreach.tools.api.ai.ChatListener;
import com.enreach.tools.api.ai.ChatResponse;
import com.enreach.tools.api.ai.ContentBlock;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Builds one turn from streamed {@code chat.completion.chunk}s (or from a whole {@code chat.completion}): text deltas
 * go to the listener as they come, tool-call fragments are joined by their {@code index}.
 */
final class Assembler {
    private final ChatListener listener;
    private final StringBuilder text = new StringBuilder();
    private final Map<Integer, Call> calls = new TreeMap<>();
    private String finishReason;
    private String model;
    private int inputTokens;
    private int outputTokens;

    private static final class Call {
        String id;
        String name;
        final StringBuilder arguments = new StringBuilder();
    }

    Assembler(ChatListener listener) {
        this.listener = listener;
    }

    /** One streamed chunk. */
    void chunk(JsonNode chunk) {
        if (chunk.hasNonNull("model")) {
            model = chunk.path("model").asText();
        }
        usage(chunk.path("usage"));
        JsonNode choice = chunk.path("choices").path(0);
        if (choice.isMissingNode()) {
            return;
        }
        JsonNode delta = choice.path("delta");
        String piece = delta.path("content").isTextual() ? delta.path("content").asText() : null;
        if (piece != null && !piece.isEmpty()) {
            text.append(piece);
            listener.onText(piece);
        }
        for (JsonNode tc : delta.path("tool_calls")) {
            Call c = calls.computeIfAbsent(tc.path("index").asInt(calls.size()), i -> new Call());
            if (tc.hasNonNull("id")) {
                c.id = tc.path("id").asText();
            }
            JsonNode f = tc.path("function");
            if (f.hasNonNull("name")) {
                c.name = f.path("name").asText();
            }
            if (f.path("arguments").isTextual()) {
                c.arguments.append(f.path("arguments").asText());
            }
        }
        if (choice.hasNonNull("finish_reason")) {
            finishReason = choice.path("finish_reason").asText();
        }
    }

    /** A whole (non-streamed) completion, for servers that answer {@code stream: true} with plain JSON. */
    void completion(JsonNode body) {
        model = body.path("model").asText(null);
        usage(body.path("usage"));
        JsonNode choice = body.path("choices").path(0);
        JsonNode message = choice.path("message");
        if (message.path("content").isTextual() && !message.path("content").asText().isEmpty()) {
            text.append(message.path("content").asText());
            listener.onText(message.path("content").asText());
        }
        int i = 0;
        for (JsonNode tc : message.path("tool_calls")) {
            Call c = new Call();
            c.id = tc.path("id").asText(null);
            c.name = tc.path("function").path("name").asText(null);
            c.arguments.append(tc.path("function").path("arguments").asText(""));
            calls.put(i++, c);
        }
        finishReason = choice.path("finish_reason").asText(null);
    }

    boolean finished() {
        return finishReason != null;
    }

    String finishReason() {
        return finishReason;
    }

    /** Whether any tool call lacks its id or name (a stream that lost a fragment). */
    String incompleteCall() {
        for (Map.Entry<Integer, Call> e : calls.entrySet()) {
            if (e.getValue().id == null || e.getValue().name == null) {
                return "tool call #" + e.getKey() + " came without " + (e.getValue().id == null ? "an id" : "a name");
            }
        }
        return null;
    }

    /** The turn; {@code stopReason} is already mapped onto the contract's reasons. */
    ChatResponse response(String stopReason, String fallbackModel) {
        List<ContentBlock> content = new ArrayList<>();
        if (!text.isEmpty()) {
            content.add(ContentBlock.text(text.toString()));
        }
        for (Call c : calls.values()) {
            String args = c.arguments.toString().isBlank() ? "{}" : c.arguments.toString();
            content.add(ContentBlock.toolUse(c.id, c.name, args));
        }
        return new ChatResponse(content, stopReason, model == null ? fallbackModel : model, inputTokens, outputTokens);
    }

    boolean hasToolCalls() {
        return !calls.isEmpty();
    }

    private void usage(JsonNode usage) {
        if (usage.isObject()) {
            inputTokens = usage.path("prompt_tokens").asInt(inputTokens);
            outputTokens = usage.path("completion_tokens").asInt(outputTokens);
        }
    }
}
