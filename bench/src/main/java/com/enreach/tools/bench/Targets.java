package com.enreach.tools.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The ratios a benchmark promises, checked at the end of its run: each is printed as a {@code TARGET} line, and the
 * process exits non-zero when one is missed, so {@code bench/run.sh} and the {@code bench} profile fail on a regression.
 */
final class Targets {
    private final List<String> missed = new ArrayList<>();

    /** A ratio that must be at least {@code min} (a rate against its reference). */
    void atLeast(String name, double ratio, double min) {
        report(name, ratio, ratio >= min, ">= " + min);
    }

    /** A ratio that must be at most {@code max} (a time against its reference). */
    void atMost(String name, double ratio, double max) {
        report(name, ratio, ratio <= max, "<= " + max);
    }

    private void report(String name, double ratio, boolean ok, String bound) {
        System.out.printf("TARGET %-40s %.3fx (target %sx) %s%n", name, ratio, bound, ok ? "ok" : "MISSED");
        if (!ok) {
            missed.add(name);
        }
    }

    /** Exits with status 3 if any target was missed. */
    void exit() {
        if (!missed.isEmpty()) {
            System.out.println("MISSED targets: " + String.join(", ", missed));
            System.exit(3);
        }
    }
}
