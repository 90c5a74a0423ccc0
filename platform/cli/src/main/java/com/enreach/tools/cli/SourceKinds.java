package com.enreach.tools.cli;

import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Source kinds as people type them. A kind is whatever an installed plugin calls itself; the CLI knows none in
 * advance, only the few product names that differ from their plugin's kind.
 */
final class SourceKinds {
    /** Product names of plugin kinds: the one alias table (verbs, {@code refresh} and {@code storage --type} use it). */
    private static final Map<String, String> ALIASES = Map.of("puppet", "puppetdb", "netapp", "ontap");

    private SourceKinds() {
    }

    /** The plugin kind a name stands for: itself unless it is a product name. */
    static String kindOf(String name) {
        return ALIASES.getOrDefault(name, name);
    }

    /**
     * The kinds of every source instance the platform reports (configured now or seen before), sorted. A plugin
     * becomes visible here once it has an instance: the platform registers a plugin's service per configuration.
     */
    static SortedSet<String> reported(Api api) {
        SortedSet<String> kinds = new TreeSet<>();
        for (JsonNode s : api.get("/api/sources")) {
            String k = Json.text(s, "kind");
            if (!k.isEmpty()) {
                kinds.add(k);
            }
        }
        return kinds;
    }

    /** The kinds for an error message. */
    static String describe(Set<String> kinds) {
        return kinds.isEmpty() ? "the platform has no source instances yet (see 'enreach sources')"
                : "source kinds of the platform: " + String.join(", ", kinds);
    }
}
