package com.enreach.tools.plugin.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The knowledge base's clock: anchored at the first run, moving by whole hours, never backwards, still without churn. */
class KbTimelineTest {
    private static final Instant NOW = Instant.parse("2026-03-02T12:34:56Z");

    @Test
    void aFirstRunAnchorsAtItsOwnMinute() {
        KbTimeline t = KbTimeline.of(Map.of(), NOW, 1);
        assertEquals(Instant.parse("2026-03-02T12:34:00Z"), t.anchor());
        assertEquals(t.anchor(), t.at());
    }

    @Test
    void laterRunsSeeTheWholeHoursSinceTheAnchor() {
        Map<String, String> state = DemoConnector.parseState("generation=4;anchor=2026-03-02T12:34:00Z");
        assertEquals("4", state.get("generation"));
        assertEquals(Instant.parse("2026-03-02T14:34:00Z"), KbTimeline.of(state, NOW.plusSeconds(2 * 3600 + 1800), 1).at());
        assertEquals(0, KbTimeline.of(state, NOW.minusSeconds(86_400), 1).hours(), "a clock set back never moves the timeline back");
        assertEquals(0, KbTimeline.of(state, NOW.plusSeconds(86_400), 0).hours(), "without churn the timeline stays at the anchor");
    }

    @Test
    void anUnreadableAnchorStartsAgainAtTheRun() {
        KbTimeline t = KbTimeline.of(DemoConnector.parseState("generation=2;anchor=yesterday"), NOW, 1);
        assertEquals(Instant.parse("2026-03-02T12:34:00Z"), t.anchor());
    }
}
