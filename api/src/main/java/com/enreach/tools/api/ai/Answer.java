package com.enreach.tools.api.ai;

import java.time.Instant;
import java.util.List;

/**
 * An answer (or the error that prevented it; the question is stored either way).
 *
 * @param text       the answer in Markdown; statements carry citation markers {@code [1]}, {@code [2]}, ... that
 *                   are the {@link Citation#n()} of {@link #citations()}; empty when {@link #error()} is set
 * @param extractive true when the answer was assembled from retrieved facts and passages without a language model
 *                   (the offline provider); the text says so too
 * @param toolCalls  the tools called, in order (name and a short summary of the input)
 */
public record Answer(long conversationId, long questionId, Long answerId, String provider, String model,
                     boolean extractive, String text, List<Citation> citations, List<String> toolCalls,
                     AnswerError error, Instant createdAt, long tookMs) {
    public Answer {
        citations = citations == null ? List.of() : List.copyOf(citations);
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    /**
     * Why there is no answer: {@code code} is {@link AiException#code()} (or {@code no_provider}, {@code internal}),
     * {@code message} is fit for the user, {@code retryAfterSeconds} when known.
     */
    public record AnswerError(String code, String message, Long retryAfterSeconds) {
    }
}
