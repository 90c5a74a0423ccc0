package com.enreach.tools.assistant.internal.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResolverConfidenceTest {
    private static final double[] GRID = {0, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 1};

    @Test
    void theConfidenceStaysIn0To1AndNeverFallsWhenASignalRises() {
        for (double t : GRID) {
            for (double a : GRID) {
                for (double g : GRID) {
                    double c = Confidence.calibrated(Confidence.raw(t, a, g, null));
                    assertTrue(c >= 0 && c <= 1, "confidence " + c);
                    for (double up : GRID) {
                        if (up > t) {
                            assertTrue(Confidence.calibrated(Confidence.raw(up, a, g, null)) >= c, "ticket similarity " + t + " -> " + up);
                        }
                        if (up > a) {
                            assertTrue(Confidence.calibrated(Confidence.raw(t, up, g, null)) >= c, "article similarity");
                        }
                        if (up > g) {
                            assertTrue(Confidence.calibrated(Confidence.raw(t, a, up, null)) >= c, "agreement");
                        }
                        if (up > 0.2) {
                            assertTrue(Confidence.raw(t, a, g, up) >= Confidence.raw(t, a, g, 0.2), "assessment");
                        }
                    }
                }
            }
        }
        assertEquals(0, Confidence.raw(-3, Double.NaN, -1, null));
        assertEquals(1, Confidence.raw(7, 7, 7, 7.0));
        assertTrue(Confidence.calibrated(1) < 1, "never certain");
        assertTrue(Confidence.calibrated(0) > 0, "never sure it is wrong");
    }

    @Test
    void theTableIsNonDecreasingAndTheLabelsFollowTheDocumentedThresholds() {
        double[][] t = Confidence.CALIBRATION;
        for (int i = 1; i < t.length; i++) {
            assertTrue(t[i][0] > t[i - 1][0] && t[i][1] >= t[i - 1][1], "row " + i);
        }
        assertEquals(0, t[0][0]);
        assertEquals(1, t[t.length - 1][0]);
        assertEquals("low", Confidence.label(0.39));
        assertEquals("medium", Confidence.label(0.4));
        assertEquals("medium", Confidence.label(0.69));
        assertEquals("high", Confidence.label(0.7));
    }
}
