package com.enreach.tools.api.ai;

import java.time.Instant;
import java.util.List;

/**
 * One stored message.
 *
 * @param role      {@code user} (a question) or {@code assistant} (an answer or an error)
 * @param errorCode set on an assistant message that records a failure (then {@code text} is the error message)
 */
public record ConversationMessage(long id, long conversationId, String role, String text, List<Citation> citations,
                                  List<String> toolCalls, String provider, String model, boolean extractive,
                                  String errorCode, Long retryAfterSeconds, Instant createdAt, long tookMs) {
    public ConversationMessage {
        citations = citations == null ? List.of() : List.copyOf(citations);
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }
}
