package com.enreach.tools.api.ai;

import java.util.List;

/**
 * A complete model turn.
 *
 * @param stopReason {@code end_turn}, {@code tool_use} (the content holds tool calls to answer), {@code max_tokens}
 *                   or {@code stop_sequence} (provider-specific reasons are mapped onto these)
 */
public record ChatResponse(List<ContentBlock> content, String stopReason, String model, int inputTokens, int outputTokens) {
    public ChatResponse {
        content = content == null ? List.of() : List.copyOf(content);
    }

    public String text() {
        return new ChatMessage("assistant", content).text();
    }

    public List<ContentBlock> toolCalls() {
        return content.stream().filter(c -> ContentBlock.TOOL_USE.equals(c.type())).toList();
    }
}
