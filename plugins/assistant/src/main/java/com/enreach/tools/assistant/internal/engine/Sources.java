package com.enreach.tools.assistant.internal.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.enreach.tools.api.ai.Citation;

/**
 * The sources given to the model for one question, each under a short ref ({@code S1}, {@code S2}, ...) the model cites
 * as {@code [S1]}. The same source (kind, id, key) always gets the same ref.
 */
final class Sources {
    private final List<Citation> byRef = new ArrayList<>();
    private final Map<String, String> refs = new HashMap<>();

    /** The ref of {@code source} ({@link Citation#n()} is ignored), adding it when new. */
    String add(Citation source) {
        return refs.computeIfAbsent(identity(source), k -> {
            byRef.add(source);
            return "S" + byRef.size();
        });
    }

    /** The ref {@code source} has or would get, without adding it. */
    String peek(Citation source) {
        String ref = refs.get(identity(source));
        return ref != null ? ref : "S" + (byRef.size() + 1);
    }

    private static String identity(Citation source) {
        return source.kind() + "\u0000" + source.id() + "\u0000" + (source.id() == 0 ? source.key() : "");
    }

    /** The source under {@code ref} ({@code S3}, any case), or null when there is none. */
    Citation get(String ref) {
        String r = ref.trim().toUpperCase(Locale.ROOT);
        if (!r.startsWith("S")) {
            return null;
        }
        try {
            int i = Integer.parseInt(r.substring(1));
            return i >= 1 && i <= byRef.size() ? byRef.get(i - 1) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    int size() {
        return byRef.size();
    }
}
