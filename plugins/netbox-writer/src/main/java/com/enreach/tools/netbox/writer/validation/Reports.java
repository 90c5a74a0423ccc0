package com.enreach.tools.netbox.writer.validation;

import com.enreach.tools.api.netbox.ValidationFinding;
import com.enreach.tools.api.netbox.ValidationQuery;
import com.enreach.tools.api.netbox.ValidationReport;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** Builds a {@link ValidationReport} from findings: counts over all of them, the query's filters and page on the list. */
public final class Reports {
    private static final List<String> SEVERITIES = List.of(ValidationFinding.ERROR, ValidationFinding.WARNING, ValidationFinding.INFO);

    private Reports() {
    }

    /**
     * @param objects  how many objects were validated
     * @param siteOf   the golden site of a finding's object (for the site filter), may answer null
     * @param query    filters and paging; null or limit ≤ 0 = everything
     */
    public static ValidationReport report(String target, Instant at, int objects, List<ValidationFinding> findings,
                                          ValidationQuery query, Function<ValidationFinding, String> siteOf,
                                          Map<String, String> rules) {
        Map<String, Map<String, Integer>> byRule = new TreeMap<>();
        int errors = 0;
        int warnings = 0;
        int infos = 0;
        Set<String> blocked = new HashSet<>();
        for (ValidationFinding f : findings) {
            byRule.computeIfAbsent(f.rule(), k -> new TreeMap<>()).merge(f.severity(), 1, Integer::sum);
            switch (f.severity()) {
                case ValidationFinding.ERROR -> {
                    errors++;
                    blocked.add(f.objectType() + "|" + f.entityId() + "|" + f.object());
                }
                case ValidationFinding.WARNING -> warnings++;
                default -> infos++;
            }
        }
        List<ValidationFinding> matching = findings.stream().filter(f -> matches(f, query, siteOf))
                .sorted(Comparator.comparingInt((ValidationFinding f) -> SEVERITIES.indexOf(f.severity()))
                        .thenComparing(ValidationFinding::rule)
                        .thenComparing(f -> f.object() == null ? "" : f.object()))
                .toList();
        int limit = query == null || query.limit() <= 0 ? matching.size() : query.limit();
        int offset = query == null ? 0 : Math.max(0, query.offset());
        List<ValidationFinding> page = matching.subList(Math.min(offset, matching.size()), Math.min(matching.size(), offset + limit));
        return new ValidationReport(target, at, objects, blocked.size(), errors, warnings, infos, byRule, matching.size(),
                limit, offset, page, rules);
    }

    private static boolean matches(ValidationFinding f, ValidationQuery q, Function<ValidationFinding, String> siteOf) {
        if (q == null) {
            return true;
        }
        return (q.severity() == null || q.severity().equalsIgnoreCase(f.severity()))
                && (q.rule() == null || q.rule().equals(f.rule()))
                && (q.objectType() == null || q.objectType().equals(f.objectType()))
                && (q.entityId() == null || q.entityId().equals(f.entityId()))
                && (q.site() == null || q.site().equalsIgnoreCase(siteOf.apply(f)));
    }
}
