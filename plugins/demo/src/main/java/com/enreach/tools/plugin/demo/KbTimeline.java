package com.enreach.tools.plugin.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The knowledge base's clock. Everything in the demo wiki and Jira lies on one deterministic timeline: the history
 * before the anchor (the instance's first sync, kept in its sync state) and, when churn is on, what happens after it
 * hour by hour. A run shows the timeline as of the last full hour since the anchor, so two runs within the same hour
 * see the same content, a run a day later sees a day's tickets and edits, and nothing is ever dated in the future.
 * Without churn the timeline stays at the anchor.
 */
record KbTimeline(Instant anchor, long hours) {
    static final String STATE_KEY = "anchor";

    /** The timeline of a run at {@code now}, anchored where the sync state says (or at {@code now} on a first run). */
    static KbTimeline of(Map<String, String> state, Instant now, int churnPercent) {
        Instant anchor = parse(state.get(STATE_KEY));
        if (anchor == null) {
            anchor = now.truncatedTo(ChronoUnit.MINUTES);
        }
        long hours = churnPercent <= 0 || now.isBefore(anchor) ? 0 : Duration.between(anchor, now).toHours();
        return new KbTimeline(anchor, hours);
    }

    private static Instant parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The moment the run shows: the anchor plus the whole hours since. */
    Instant at() {
        return anchor.plus(Duration.ofHours(hours));
    }

    boolean reached(Instant t) {
        return t != null && !t.isAfter(at());
    }
}
