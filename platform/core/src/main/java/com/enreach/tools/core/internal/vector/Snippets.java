package com.enreach.tools.core.internal.vector;

import java.util.List;
import java.util.Locale;

/** The passage of a chunk shown with a hit: its body (the prefix removed), around the first query word it contains. */
final class Snippets {
    static final int LENGTH = 240;

    private Snippets() {
    }

    static String of(String chunkText, String prefix, List<String> words) {
        String body = chunkText == null ? "" : chunkText;
        if (prefix != null && body.startsWith(prefix)) {
            body = body.substring(prefix.length());
        }
        body = body.replaceAll("\\s+", " ").strip();
        if (body.length() <= LENGTH) {
            return body;
        }
        String lower = body.toLowerCase(Locale.ROOT);
        int at = -1;
        for (String w : words) {
            int i = lower.indexOf(w);
            if (i >= 0 && (at < 0 || i < at)) {
                at = i;
            }
        }
        int from = at < 0 ? 0 : Math.max(0, at - LENGTH / 4);
        if (from > 0) {
            int space = body.indexOf(' ', from);
            from = space < 0 || space > at ? from : space + 1;
        }
        int to = Math.min(body.length(), from + LENGTH);
        if (to < body.length()) {
            int space = body.lastIndexOf(' ', to);
            to = space > from + LENGTH / 2 ? space : to;
        }
        return (from > 0 ? "…" : "") + body.substring(from, to) + (to < body.length() ? "…" : "");
    }
}
