package com.enreach.tools.assistant.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.ai.Citation;

class CitationRewriterTest {
    private static Sources sources(int n) {
        Sources s = new Sources();
        for (int i = 1; i <= n; i++) {
            s.add(new Citation(0, "article", i, "A" + i, "Article " + i, "#/ext/articles?id=" + i, null, "q"));
        }
        return s;
    }

    private static final String MODEL = "Hosts [S3] and VMs [S1, S3; S7]. Unknown [S9] is dropped, [s1] case too; "
            + "[1] and [x] and [S] stay. End [S2]";
    private static final String EXPECTED = "Hosts [1] and VMs [2][1]. Unknown  is dropped, [2] case too; "
            + "[1] and [x] and [S] stay. End [3]";

    @Test
    void refsBecomeNumbersInOrderOfFirstUse() {
        RecordingListener l = new RecordingListener();
        CitationRewriter r = new CitationRewriter(sources(3), l);
        r.feed(MODEL);
        r.flush();
        assertEquals(EXPECTED, r.text());
        assertEquals(List.of(3L, 1L, 2L), r.citations().stream().map(Citation::id).toList());
        assertEquals(List.of(1, 2, 3), r.citations().stream().map(Citation::n).toList());
        assertEquals(2, r.dropped(), "S7 and S9");
        assertEquals(r.citations(), l.citations);
    }

    @Test
    void theResultDoesNotDependOnWhereTheStreamIsCut() {
        for (int i = 0; i <= MODEL.length(); i++) {
            for (int j = i; j <= MODEL.length(); j += 7) {
                RecordingListener l = new RecordingListener();
                CitationRewriter r = new CitationRewriter(sources(3), l);
                r.feed(MODEL.substring(0, i));
                r.feed(MODEL.substring(i, j));
                r.feed(MODEL.substring(j));
                r.flush();
                assertEquals(EXPECTED, l.streamed(), "cut at " + i + "," + j);
                assertFalse(l.deltas.stream().anyMatch(d -> d.matches("(?s).*\\[S\\d.*") && !d.contains("[S]")),
                        "no raw ref is ever streamed (cut at " + i + "," + j + ")");
            }
        }
    }

    @Test
    void turnsAreSeparatedAndNumberingContinues() {
        RecordingListener l = new RecordingListener();
        CitationRewriter r = new CitationRewriter(sources(2), l);
        r.newTurn();
        r.feed("Let me look that up [S2].");
        r.newTurn();
        r.feed("Found it [S1] [S2].");
        r.flush();
        assertEquals("Let me look that up [1].\n\nFound it [2] [1].", r.text());
    }
}
