package com.enreach.tools.assistant.internal.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.enreach.tools.api.ai.AnswerListener;
import com.enreach.tools.api.ai.Citation;

/**
 * Turns the model's source refs ({@code [S3]}, {@code [S3, S5]}) into the answer's citation markers {@code [1]},
 * {@code [2]}, ... numbered in order of first use, while the text streams: a delta ending inside a possible ref
 * ({@code "... [S"}) is held back until the next delta decides it. Refs to sources that were never given are dropped
 * and counted. Emits the rewritten text and each newly used citation to the listener.
 */
final class CitationRewriter {
    private static final Pattern GROUP = Pattern.compile("\\[\\s*([Ss]\\d+(?:\\s*[,;]\\s*[Ss]\\d+)*)\\s*\\]");
    private static final Pattern REF = Pattern.compile("[Ss]\\d+");

    private final Sources sources;
    private final AnswerListener listener;
    private final Map<String, Citation> used = new LinkedHashMap<>();
    private final StringBuilder text = new StringBuilder();
    private String pending = "";
    private int dropped;
    private boolean turnStarted = true;

    CitationRewriter(Sources sources, AnswerListener listener) {
        this.sources = sources;
        this.listener = listener;
    }

    /** Starts a new model turn: its text is separated from the previous turn's by a blank line. */
    void newTurn() {
        flush();
        turnStarted = false;
    }

    /** Takes a piece of model text; emits what can be decided now. */
    void feed(String delta) {
        if (delta == null || delta.isEmpty()) {
            return;
        }
        if (!turnStarted) {
            turnStarted = true;
            if (!text.isEmpty() && !text.toString().endsWith("\n\n")) {
                emit(text.toString().endsWith("\n") ? "\n" : "\n\n");
            }
        }
        String buffer = pending + delta;
        int hold = holdFrom(buffer);
        pending = buffer.substring(hold);
        emit(rewrite(buffer.substring(0, hold)));
    }

    /** Emits whatever was held back (a "[S" that never became a ref stays as written). */
    void flush() {
        String rest = pending;
        pending = "";
        emit(rewrite(rest));
    }

    /** The rewritten text emitted so far. */
    String text() {
        return text.toString();
    }

    /** The cited sources numbered from 1 in order of first use. */
    List<Citation> citations() {
        return new ArrayList<>(used.values());
    }

    /** How many refs named no source given to the model. */
    int dropped() {
        return dropped;
    }

    // Where a possible, unfinished ref group starts at the end of the buffer (the buffer's length when there is none).
    private static int holdFrom(String buffer) {
        int open = buffer.lastIndexOf('[');
        if (open < 0) {
            return buffer.length();
        }
        Matcher m = GROUP.matcher(buffer).region(open, buffer.length());
        if (!m.lookingAt() && m.hitEnd()) {
            return open;
        }
        return buffer.length();
    }

    private String rewrite(String s) {
        Matcher m = GROUP.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            StringBuilder markers = new StringBuilder();
            Matcher r = REF.matcher(m.group(1));
            List<Integer> inGroup = new ArrayList<>();
            while (r.find()) {
                int n = number(r.group());
                if (n == 0) {
                    dropped++;
                } else if (!inGroup.contains(n)) {
                    inGroup.add(n);
                    markers.append('[').append(n).append(']');
                }
            }
            m.appendReplacement(b, Matcher.quoteReplacement(markers.toString()));
        }
        m.appendTail(b);
        return b.toString();
    }

    // The citation number of a ref, numbering it at first use; 0 for a ref to no source.
    private int number(String ref) {
        Citation source = sources.get(ref);
        if (source == null) {
            return 0;
        }
        String key = "S" + Integer.parseInt(ref.substring(1));
        Citation c = used.get(key);
        if (c == null) {
            c = new Citation(used.size() + 1, source.kind(), source.id(), source.key(), source.title(), source.link(),
                    source.url(), source.quote());
            used.put(key, c);
            listener.onCitation(c);
        }
        return c.n();
    }

    private void emit(String s) {
        if (!s.isEmpty()) {
            text.append(s);
            listener.onText(s);
        }
    }
}
