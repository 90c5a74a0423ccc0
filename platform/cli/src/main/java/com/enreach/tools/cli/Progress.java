package com.enreach.tools.cli;

import java.io.PrintWriter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Progress of a running sync on stderr: a bar redrawn in place on a terminal, else a plain line every few seconds
 * (log files and CI output stay readable). The bar's total is the previous successful run's record count, so it is
 * an estimate; without one, or once a run outgrows it, the bar just moves to show life.
 */
final class Progress {
    static final long PLAIN_EVERY_MILLIS = 5_000;
    private static final int BAR = 24;

    private final Enreach root;
    private final boolean bar;
    private final long expected;
    private long lastPlain = Long.MIN_VALUE;
    private int tick;
    private int drawn;

    Progress(Enreach root, long expected) {
        this.root = root;
        this.bar = root.terminal();
        this.expected = expected;
    }

    void update(JsonNode run) {
        PrintWriter err = root.err();
        if (bar) {
            draw(run, false);
        } else {
            long now = root.nowMillis();
            if (lastPlain == Long.MIN_VALUE || now - lastPlain >= PLAIN_EVERY_MILLIS) {
                lastPlain = now;
                err.println(Json.text(run, "instance") + " run " + Json.text(run, "id") + ": " + counters(run));
            }
        }
        err.flush();
    }

    /** Leaves the bar at its final state on its own line, so the summary starts on a fresh one. */
    void done(JsonNode run) {
        if (bar && drawn > 0) {
            draw(run, true);
            root.err().println();
            root.err().flush();
        }
    }

    private void draw(JsonNode run, boolean finished) {
        long fetched = run.path("fetched").asLong();
        String gauge;
        if (finished && "succeeded".equals(Json.text(run, "status"))) {
            gauge = "[" + "#".repeat(BAR) + "] 100%";
        } else if (expected > 0 && fetched < expected) {
            int pct = (int) Math.min(99, fetched * 100 / expected);
            int filled = pct * BAR / 100;
            gauge = "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "] " + String.format("%3d%%", pct);
        } else {
            int pos = tick++ % (BAR - 3);
            gauge = "[" + " ".repeat(pos) + "<=>" + " ".repeat(BAR - 3 - pos) + "]     ";
        }
        String line = gauge + " " + Json.text(run, "instance") + " " + counters(run);
        root.redrawLine(line + " ".repeat(Math.max(0, drawn - line.length())));
        drawn = line.length();
    }

    static String counters(JsonNode run) {
        String phase = Json.text(run, "phase");
        return (phase.isEmpty() ? Json.text(run, "status") : phase) + ", " + run.path("fetched").asLong() + " fetched, "
                + run.path("added").asLong() + " added, " + run.path("updated").asLong() + " updated, "
                + run.path("unchanged").asLong() + " unchanged";
    }
}
