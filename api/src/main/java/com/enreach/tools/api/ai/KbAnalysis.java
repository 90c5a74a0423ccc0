package com.enreach.tools.api.ai;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The knowledge-base analysis: findings by kind, and the parameters used. */
public record KbAnalysis(List<KbFinding> findings, Map<String, Integer> counts, int staleMonths,
                         double duplicateSimilarity, Instant generatedAt, long tookMs) {
    public KbAnalysis {
        findings = findings == null ? List.of() : List.copyOf(findings);
        counts = counts == null ? Map.of() : Map.copyOf(counts);
    }

    /**
     * One finding.
     *
     * @param kind            {@code gap} (resolved tickets with no close article), {@code outdated} (stale while
     *                        tickets keep coming, or naming hosts/IPs/versions the inventory no longer has) or
     *                        {@code duplicate} (near-duplicate or overlapping articles)
     * @param evidence        the tickets, articles and entities behind it
     * @param detail          why, in a sentence or two
     * @param suggestedAction what to do
     * @param draft           a drafted article (Markdown) for a gap, when requested and a provider generated one
     */
    public record KbFinding(String kind, String title, String detail, String suggestedAction, double score,
                            List<Citation> evidence, String draft) {
        public KbFinding {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }
}
