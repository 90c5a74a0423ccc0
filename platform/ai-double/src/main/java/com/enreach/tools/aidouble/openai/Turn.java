package com.enreach.tools.aidouble.openai;

import java.util.List;

/**
 * One scripted model turn: text, tool calls, or both, and the {@code finish_reason} the double reports.
 *
 * @param text         the assistant text (may be empty)
 * @param toolCalls    the tool calls (may be empty)
 * @param finishReason {@code stop}, {@code tool_calls}, {@code length} or {@code content_filter}
 */
public record Turn(String text, List<ToolCall> toolCalls, String finishReason) {
    public Turn {
        text = text == null ? "" : text;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        if (finishReason == null) {
            finishReason = toolCalls.isEmpty() ? "stop" : "tool_calls";
        }
    }

    /** A plain answer, finished with {@code stop}. */
    public static Turn text(String text) {
        return new Turn(text, List.of(), null);
    }

    /** Tool calls (no text), finished with {@code tool_calls}. */
    public static Turn toolCalls(ToolCall... calls) {
        return new Turn("", List.of(calls), null);
    }

    /** The same turn with another {@code finish_reason} (e.g. {@code length}, {@code content_filter}). */
    public Turn finishedBy(String reason) {
        return new Turn(text, toolCalls, reason);
    }

    /**
     * A function call the model makes.
     *
     * @param id            the call id ({@code call_...}); tool messages must answer it
     * @param name          the function name
     * @param argumentsJson the arguments, a JSON object as text (streamed in pieces)
     */
    public record ToolCall(String id, String name, String argumentsJson) {
    }
}
