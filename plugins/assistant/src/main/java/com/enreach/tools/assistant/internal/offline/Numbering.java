package com.enreach.tools.assistant.internal.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import com.enreach.tools.api.ai.AnswerListener;
import com.enreach.tools.api.ai.Citation;
import com.enreach.tools.assistant.internal.tools.Cite;
import com.enreach.tools.assistant.internal.tools.ToolOutcome;

/**
 * Numbers the sources an answer cites from 1, in the order the text first cites them, and turns a tool's refs
 * ({@code [entity:12]}) into those numbers ({@code [1]}); streams each citation when it gets its number.
 */
final class Numbering {
    private final Map<String, Citation> numbered = new LinkedHashMap<>();
    private final AnswerListener listener;

    Numbering(AnswerListener listener) {
        this.listener = listener;
    }

    /** The text of a tool's outcome with its refs replaced by citation numbers (refs without a source are dropped). */
    String renumber(ToolOutcome outcome) {
        Map<String, Citation> byRef = new LinkedHashMap<>();
        outcome.sources().forEach(c -> byRef.putIfAbsent(Cite.ref(c), c));
        Matcher m = Cite.REF.matcher(outcome.text());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Citation c = byRef.get(m.group(1));
            m.appendReplacement(out, c == null ? "" : "[" + number(c) + "]");
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The number of {@code source}, giving it the next one when it is new. */
    int number(Citation source) {
        String ref = Cite.ref(source);
        Citation c = numbered.get(ref);
        if (c == null) {
            c = new Citation(numbered.size() + 1, source.kind(), source.id(), source.key(), source.title(), source.link(),
                    source.url(), source.quote());
            numbered.put(ref, c);
            listener.onCitation(c);
        }
        return c.n();
    }

    boolean isEmpty() {
        return numbered.isEmpty();
    }

    List<Citation> citations() {
        return new ArrayList<>(numbered.values());
    }
}
