package com.enreach.tools.core.internal.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.enreach.tools.api.inventory.AttributeRule;

/**
 * The rule of one attribute: {@code priority} (patterns, most trusted first; a pattern matches the source system or
 * the source instance, case-insensitively, {@code *} standing for any text) or {@code newest}, and its tolerance.
 */
record Rule(String attribute, String strategy, List<String> priority, Tolerance tolerance, List<Pattern> compiled,
            Map<String, Integer> ranks) {
    static final String PRIORITY = "priority";
    static final String NEWEST = "newest";

    Rule {
        priority = List.copyOf(priority);
        compiled = List.copyOf(compiled);
    }

    /** Equal when attribute, strategy, patterns and tolerance are (the remembered ranks do not count). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Rule r && fingerprint().equals(r.fingerprint());
    }

    @Override
    public int hashCode() {
        return fingerprint().hashCode();
    }

    static Rule of(String attribute, String strategy, List<String> priority, Tolerance tolerance) {
        List<Pattern> compiled = new ArrayList<>();
        for (String p : priority) {
            compiled.add(glob(p));
        }
        return new Rule(attribute, strategy, priority, tolerance, compiled, new ConcurrentHashMap<>());
    }

    /** A glob where only {@code *} is special, matched case-insensitively against the whole text. */
    static Pattern glob(String pattern) {
        List<String> parts = new ArrayList<>();
        for (String part : pattern.split("\\*", -1)) {
            parts.add(part.isEmpty() ? "" : Pattern.quote(part));
        }
        return Pattern.compile(String.join(".*", parts), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    /**
     * The 1-based position of the first pattern matching this source, or 0 when none does (or the strategy is
     * {@code newest}).
     */
    int rank(String sourceSystem, String sourceInstance) {
        if (!PRIORITY.equals(strategy)) {
            return 0;
        }
        // Few distinct sources, matched for every observation and attribute: remember the answers.
        return ranks.computeIfAbsent(sourceSystem + '\u0000' + sourceInstance, k -> match(sourceSystem, sourceInstance));
    }

    private int match(String sourceSystem, String sourceInstance) {
        for (int i = 0; i < compiled.size(); i++) {
            Pattern p = compiled.get(i);
            if (p.matcher(sourceSystem).matches() || p.matcher(sourceInstance).matches()) {
                return i + 1;
            }
        }
        return 0;
    }

    AttributeRule toApi() {
        return new AttributeRule(attribute, strategy, priority, tolerance.text());
    }

    /** A stable text of the rule, for telling whether the rules in force changed. */
    String fingerprint() {
        return attribute + "|" + strategy + "|" + String.join(",", priority).toLowerCase(Locale.ROOT) + "|" + tolerance.text();
    }
}
