package com.enreach.tools.assistant.internal.resolve;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The confidence of a suggestion: a raw score from the signals, mapped through a calibration so that a confidence of
 * 0.7 means that about 70 % of the labelled set's suggestions scoring there were right (docs/suggestions.md says how
 * the table was fitted and how small the set is).
 *
 * <p>Signals, each 0..1: {@code ticket_similarity} and {@code article_similarity} (word-overlap cosine between the
 * problem and the best similar resolved ticket / best article: the search engine's own scores are comparable within
 * one result only, and word overlap does not change with the embedding model installed), {@code agreement} (the
 * similar tickets were resolved the same way, or point at the best article) and, with a generating provider,
 * {@code provider_assessment}.
 */
public final class Confidence {
    static final double W_TICKET = 0.40;
    static final double W_ARTICLE = 0.35;
    static final double W_AGREEMENT = 0.25;
    /** Share of the provider's own assessment in the raw score (not calibrated: the labelled set ran offline). */
    static final double W_PROVIDER = 0.25;

    public static final double MEDIUM = 0.4;
    public static final double HIGH = 0.7;

    /**
     * The calibration: raw score (x) to observed share of right suggestions (y), non-decreasing, interpolated
     * linearly; fitted by isotonic regression (Laplace-smoothed blocks) on the labelled set of 1,066 demo problems
     * (ResolverCalibrationTest prints the fit; docs/suggestions.md has the figures).
     */
    static final double[][] CALIBRATION = {
            {0.000, 0.050},
            {0.141, 0.059},
            {0.206, 0.250},
            {0.292, 0.286},
            {0.357, 0.333},
            {0.391, 0.722},
            {0.437, 0.795},
            {0.480, 0.840},
            {0.586, 0.843},
            {0.660, 0.912},
            {0.733, 0.950}, // the set says 0.99 from here: capped, the demo's tickets are more alike than real ones
            {1.000, 0.950},
    };

    private Confidence() {
    }

    /** The raw score of the signals (weights above), 0..1; {@code providerAssessment} may be null. */
    public static double raw(double ticket, double article, double agreement, Double providerAssessment) {
        double r = W_TICKET * clamp(ticket) + W_ARTICLE * clamp(article) + W_AGREEMENT * clamp(agreement);
        if (providerAssessment != null) {
            r = (1 - W_PROVIDER) * r + W_PROVIDER * clamp(providerAssessment);
        }
        return clamp(r);
    }

    /** The calibrated confidence of a raw score, 0..1, non-decreasing in it. */
    public static double calibrated(double raw) {
        return interpolate(CALIBRATION, clamp(raw));
    }

    static double interpolate(double[][] table, double x) {
        if (x <= table[0][0]) {
            return table[0][1];
        }
        for (int i = 1; i < table.length; i++) {
            if (x <= table[i][0]) {
                double[] a = table[i - 1];
                double[] b = table[i];
                return a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]);
            }
        }
        return table[table.length - 1][1];
    }

    public static String label(double confidence) {
        return confidence >= HIGH ? "high" : confidence >= MEDIUM ? "medium" : "low";
    }

    /** The signals by name, as stored in {@code confidenceBasis}, rounded for reading. */
    static Map<String, Double> basis(double ticket, double article, double agreement, Double providerAssessment, double raw) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("ticket_similarity", round(ticket));
        m.put("article_similarity", round(article));
        m.put("agreement", round(agreement));
        if (providerAssessment != null) {
            m.put("provider_assessment", round(providerAssessment));
        }
        m.put("raw_score", round(raw));
        return m;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
