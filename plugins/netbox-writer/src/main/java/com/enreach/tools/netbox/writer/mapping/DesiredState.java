package com.enreach.tools.netbox.writer.mapping;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every NetBox object the golden records want, by ref, in the order they were mapped. Supporting objects (sites,
 * roles, ...) appear once however many objects use them.
 *
 * @param entities how many entities were mapped
 * @param netboxVersion the NetBox version the mapping was made for (units and MAC handling depend on it)
 */
public record DesiredState(Map<String, DesiredObject> byRef, int entities, String netboxVersion,
                           Map<String, List<DesiredObject>> byKind) {
    public DesiredState {
        byRef = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byRef));
        Map<String, List<DesiredObject>> kinds = new java.util.HashMap<>();
        for (DesiredObject o : byRef.values()) {
            kinds.computeIfAbsent(o.kind(), k -> new java.util.ArrayList<>()).add(o);
        }
        kinds.replaceAll((k, v) -> java.util.Collections.unmodifiableList(v));
        byKind = java.util.Collections.unmodifiableMap(kinds);
    }

    public DesiredState(Map<String, DesiredObject> byRef, int entities, String netboxVersion) {
        this(byRef, entities, netboxVersion, null);
    }

    public Collection<DesiredObject> objects() {
        return byRef.values();
    }

    public DesiredObject get(String ref) {
        return byRef.get(ref);
    }

    /** The objects of one kind, in mapping order. */
    public List<DesiredObject> ofKind(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }
}
