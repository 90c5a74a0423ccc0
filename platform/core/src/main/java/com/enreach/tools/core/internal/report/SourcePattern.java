package com.enreach.tools.core.internal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    /** A condition on the alias's {@code source_system} and {@code source_instance} columns. */
    Sql sql(String alias) {
        Sql s = new Sql().add("(");
        String sep = "";
        for (String g : globs) {
            String glob = sqliteGlob(g);
            s.add(sep + "lower(" + alias + ".source_system) GLOB ? OR lower(" + alias + ".source_instance) GLOB ?", glob, glob);
            sep = " OR ";
        }
        return s.add(")");
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

    @Override
    public String toString() {
        return String.join(", ", globs);
    }
}
