package com.enreach.tools.core.internal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which sources play a role ("Foreman-like", "PuppetDB-like"): globs where {@code *} is any text, matched without
 * regard to case against an observation's source system or its source instance name. {@code *foreman*} matches
 * a real instance of system {@code foreman} and the demo's instance {@code demo-foreman} alike. Several globs,
 * comma-separated, match when any does.
 */
record SourcePattern(List<String> globs) {
    SourcePattern {
        globs = List.copyOf(globs);
    }

    /** Parses a comma-separated list; null when it holds no glob at all. */
    static SourcePattern parse(String text) {
        if (text == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String g = part.trim().toLowerCase(Locale.ROOT);
            if (!g.isEmpty()) {
                out.add(g);
            }
        }
        return out.isEmpty() ? null : new SourcePattern(out);
    }

    boolean matches(String sourceSystem, String sourceInstance) {
        for (String g : globs) {
            Pattern p = Pattern.compile(("\\Q" + g + "\\E").replace("*", "\\E.*\\Q"));
            if (p.matcher(sourceSystem.toLowerCase(Locale.ROOT)).matches() || p.matcher(sourceInstance.toLowerCase(Locale.ROOT)).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A condition on the alias's {@code source_instance}: one of the instances in the database that match. Resolved
     * first (a handful of instances) so that the queries compare names, and can search the instance indexes,
     * instead of matching globs row by row.
     *
     * @param instances the system of every source instance in the database, by instance
     * @param indexed   whether the condition may drive the query (a set over all of these sources' rows)
     * @param p         the run, for the engine's spelling of a false condition and of an unindexed column
     */
    Sql sql(String alias, Map<String, String> instances, boolean indexed, ReportParams p) {
        List<String> matching = new ArrayList<>();
        instances.forEach((instance, system) -> {
            if (matches(system, instance)) {
                matching.add(instance);
            }
        });
        // No instance matches: a constant false, which SQLite prunes, instead of an IN list it would still scan for.
        // Not indexed: the unary plus keeps SQLite from driving the query through the instance index, where the
        // condition only filters rows found by a selective lookup (an entity's observations).
        return matching.isEmpty() ? new Sql().add(p.none())
                : new Sql().add((indexed ? alias + ".source_instance" : p.unindexed(alias + ".source_instance")) + " IN ").in(matching);
    }

    /** SQLite's GLOB also knows {@code ?} and {@code [...]}: here they are plain characters. */
    static String sqliteGlob(String g) {
        StringBuilder b = new StringBuilder();
        for (char c : g.toCharArray()) {
            switch (c) {
                case '?' -> b.append("[?]");
                case '[' -> b.append("[[]");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * The glob as a LIKE pattern with a backslash as its escape (PostgreSQL's default): {@code *} is any text, every
     * other character itself, case-sensitive like SQLite's GLOB.
     */
    static String likePattern(String g) {
        StringBuilder b = new StringBuilder();
        for (char c : g.toCharArray()) {
            switch (c) {
                case '*' -> b.append('%');
                case '%', '_', '\\' -> b.append('\\').append(c);
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return String.join(", ", globs);
    }
}
