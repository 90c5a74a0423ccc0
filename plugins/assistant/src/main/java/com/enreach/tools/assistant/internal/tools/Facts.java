package com.enreach.tools.assistant.internal.tools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.ai.Citation;

/** Builds a tool's outcome: lines of facts, each ending with its source's ref, and the sources (once each). */
final class Facts {
    private final List<String> lines = new ArrayList<>();
    private final Map<String, Citation> sources = new LinkedHashMap<>();

    /** A line that names no source (a heading, a count of what follows). */
    Facts line(String text) {
        lines.add(text);
        return this;
    }

    /** A fact from {@code source}; the first fact quoted from a source becomes its quote. */
    Facts fact(String text, Citation source) {
        sources.putIfAbsent(Cite.ref(source), source);
        lines.add(text + " " + Cite.marker(source));
        return this;
    }

    boolean empty() {
        return lines.isEmpty();
    }

    ToolOutcome done() {
        return new ToolOutcome(String.join("\n", lines), new ArrayList<>(sources.values()), false);
    }
}
