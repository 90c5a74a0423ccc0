package com.enreach.tools.assistant.internal.tools;

import java.util.List;

import com.enreach.tools.api.ai.Citation;

/**
 * A tool's answer.
 *
 * @param text    what the model reads (compact JSON or lines of facts); each fact names its source's {@code ref}
 * @param sources the entities, articles, tickets, reports or syncs the text came from, with {@link Citation#n()} 0:
 *                the engine numbers them in the order the answer cites them
 * @param error   true when the call failed ({@code text} says why)
 */
public record ToolOutcome(String text, List<Citation> sources, boolean error) {
    public ToolOutcome {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public static ToolOutcome failure(String message) {
        return new ToolOutcome(message, List.of(), true);
    }
}
