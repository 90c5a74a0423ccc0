package com.enreach.tools.api.ai;

import java.util.List;

/**
 * One request to a model.
 *
 * @param system      the system prompt (instructions); retrieved text is never put here, only in user-side tool
 *                    results or fenced data blocks
 * @param messages    the conversation so far, oldest first, alternating user / assistant
 * @param tools       tools the model may call (empty: none)
 * @param maxTokens   answer budget; 0 = the provider instance's configured default
 * @param temperature {@code null} = the instance's configured default
 */
public record ChatRequest(String system, List<ChatMessage> messages, List<ToolSpec> tools, int maxTokens,
                          Double temperature) {
    public ChatRequest {
        messages = messages == null ? List.of() : List.copyOf(messages);
        tools = tools == null ? List.of() : List.copyOf(tools);
    }
}
