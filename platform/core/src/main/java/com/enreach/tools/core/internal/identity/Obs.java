package com.enreach.tools.core.internal.identity;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** One observation (device row) as resolution sees it: where it comes from, its type and its normalised keys. */
final class Obs {
    final long id;
    final String instance;
    final String sourceId;
    final String type;
    final String name;
    /** kind -> values, both sorted so that everything derived from them is in a stable order. */
    final Map<String, Set<String>> keys = new TreeMap<>();

    Obs(long id, String instance, String sourceId, String type, String name) {
        this.id = id;
        this.name = name;
        this.instance = instance;
        this.sourceId = sourceId;
        this.type = type;
    }

    /** The name manual decisions use: stable across rebuilds, unlike the row id. */
    String ref() {
        return ref(instance, sourceId);
    }

    static String ref(String instance, String sourceId) {
        return instance + "/" + sourceId;
    }

    void add(String kind, String value) {
        if (value != null) {
            keys.computeIfAbsent(kind, k -> new TreeSet<>()).add(value);
        }
    }

    Set<String> values(String kind) {
        return keys.getOrDefault(kind, Set.of());
    }

    /** Same keys and type: resolving it again cannot give another answer. */
    boolean sameIdentity(Obs other) {
        return other != null && type.equals(other.type) && keys.equals(other.keys);
    }

    @Override
    public String toString() {
        return ref() + "#" + id;
    }
}
