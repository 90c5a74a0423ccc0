package com.enreach.tools.core.internal.golden;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.enreach.tools.api.inventory.Attributes;
import com.enreach.tools.core.internal.db.Json;

/**
 * Chooses each attribute's golden value of one entity from its observations: an override in force wins; else the
 * rule (priority by source pattern, then newest; or newest) picks among the active observations, or, when every
 * observation is stale, among the stale ones with the rule marked {@code stale:}. Other sources' differing values
 * become alternatives; one beyond the tolerance makes the attribute a conflict.
 *
 * <p>Sources no pattern matches follow the matched ones, newest first, except mirror sources ({@link #MIRRORS}: a
 * NetBox source mirrors what the NetBox writer wrote from these golden values), which come after every other source
 * unless a pattern names them: otherwise a NetBox read just after an apply would win as "newest" and feed the golden
 * record its own echo.
 */
final class Chooser {
    static final String MANUAL = "manual";
    static final String STALE_PREFIX = "stale:";
    /** Source systems that mirror the golden records rather than observe the machines. */
    static final Set<String> MIRRORS = Set.of("netbox");

    private record Candidate(Observation o, Object value, int rank) {
    }

    private Chooser() {
    }

    /** The golden rows of one entity (attributes nobody has a value for get no row). */
    static List<GoldenRow> choose(long entityId, List<Observation> observations, RuleSet rules, Map<String, ManualValue> overrides) {
        boolean anyActive = observations.stream().anyMatch(o -> o.active);
        List<Observation> contributing = anyActive ? observations.stream().filter(o -> o.active).toList() : observations;
        List<GoldenRow> rows = new ArrayList<>();
        for (String attribute : Attributes.ALL) {
            Rule rule = rules.rule(attribute);
            List<Candidate> candidates = new ArrayList<>();
            for (Observation o : contributing) {
                Object v = Extract.value(o, attribute);
                if (v != null) {
                    candidates.add(new Candidate(o, v, rule.rank(o.sourceSystem, o.sourceInstance)));
                }
            }
            ManualValue manual = overrides.get(attribute);
            GoldenRow row = manual != null ? manual(entityId, manual, candidates)
                    : chosen(entityId, attribute, rule, candidates, anyActive ? "" : STALE_PREFIX);
            if (row != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static GoldenRow manual(long entityId, ManualValue manual, List<Candidate> candidates) {
        Object value = Json.read(manual.value(), Object.class);
        List<Map<String, Object>> alternatives = alternatives(null, value, candidates);
        return new GoldenRow(entityId, manual.attribute(), manual.value(), null, MANUAL, MANUAL, manual.createdAt(), MANUAL,
                Json.write(alternatives), false);
    }

    private static GoldenRow chosen(long entityId, String attribute, Rule rule, List<Candidate> candidates, String prefix) {
        if (candidates.isEmpty()) {
            return null;
        }
        Comparator<Candidate> newest = Comparator.comparing((Candidate c) -> c.o.lastSeen, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparingLong(c -> c.o.deviceId);
        Comparator<Candidate> order = Comparator.comparingInt(Chooser::order).thenComparing(newest);
        candidates.sort(order);
        Candidate best = candidates.get(0);
        Set<String> instances = new HashSet<>();
        candidates.forEach(c -> instances.add(c.o.sourceInstance));
        String how = instances.size() == 1 ? "only-source" : best.rank > 0 ? "priority:" + best.rank : "newest";
        List<Map<String, Object>> alternatives = alternatives(best, best.value, candidates);
        boolean conflict = false;
        for (Map<String, Object> a : alternatives) {
            conflict |= !rule.tolerance().agrees(attribute, best.value, a.get("value"));
        }
        return new GoldenRow(entityId, attribute, Json.write(best.value), best.o.deviceId, best.o.sourceSystem, best.o.sourceInstance,
                best.o.lastSeen, prefix + how, Json.write(alternatives), conflict);
    }

    /** Position of a candidate: its pattern's rank, else after every ranked source, mirrors last of all. */
    private static int order(Candidate c) {
        if (c.rank > 0) {
            return c.rank;
        }
        return c.o.sourceSystem != null && MIRRORS.contains(c.o.sourceSystem) ? Integer.MAX_VALUE : Integer.MAX_VALUE - 1;
    }

    /** Candidates whose value differs from the chosen one, one per value and source instance, in candidate order. */
    private static List<Map<String, Object>> alternatives(Candidate best, Object chosen, List<Candidate> candidates) {
        List<Map<String, Object>> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Candidate c : candidates) {
            if (c == best || sameValue(chosen, c.value) || !seen.add(c.o.sourceInstance + "\u0000" + Json.write(c.value))) {
                continue;
            }
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("value", c.value);
            a.put("device_id", c.o.deviceId);
            a.put("source_system", c.o.sourceSystem);
            a.put("source_instance", c.o.sourceInstance);
            a.put("seen_at", c.o.lastSeen);
            out.add(a);
        }
        return out;
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.longValue() == y.longValue() && x.doubleValue() == y.doubleValue();
        }
        return Objects.equals(a, b);
    }
}
