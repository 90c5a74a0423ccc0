package com.enreach.tools.netbox.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The objects of the double, per kind, in their stored (flat) form: references as ids, tags as an array of tag ids,
 * choices as raw values. Equality indexes on reference fields and a few lookup fields keep filters fast at 10k+
 * objects. Not thread-safe: {@link com.enreach.tools.netbox.sandbox.NetBoxDouble} serialises access.
 */
public final class Store {
    /** Fields indexed besides the reference fields; {@code address} is indexed by its host part. */
    private static final Set<String> LOOKUP_FIELDS = Set.of("name", "slug", "model", "address", "mac_address", "serial",
            "assigned_object_type", "assigned_object_id", "status");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final Kinds kinds;
    private final Map<String, TreeMap<Long, ObjectNode>> objects = new LinkedHashMap<>();
    private final Map<String, Map<String, Map<String, Set<Long>>>> indexes = new HashMap<>();
    private final Map<String, Long> nextId = new HashMap<>();
    private Instant lastTime = Instant.EPOCH;

    public Store(Kinds kinds) {
        this.kinds = kinds;
        for (KindDef k : kinds.all()) {
            objects.put(k.name(), new TreeMap<>());
        }
    }

    /** A timestamp strictly after the previous one, so last_updated orders writes even within one microsecond. */
    public String now() {
        Instant t = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (!t.isAfter(lastTime)) {
            t = lastTime.plus(1, ChronoUnit.MICROS);
        }
        lastTime = t;
        return TIME.format(t);
    }

    public long allocateId(String kind) {
        long id = nextId.getOrDefault(kind, 1L);
        nextId.put(kind, id + 1);
        return id;
    }

    public ObjectNode get(String kind, long id) {
        return objects.get(kind).get(id);
    }

    public Collection<ObjectNode> all(String kind) {
        return Collections.unmodifiableCollection(objects.get(kind).values());
    }

    public int size(String kind) {
        return objects.get(kind).size();
    }

    public void put(String kind, ObjectNode object) {
        long id = object.get("id").asLong();
        ObjectNode old = objects.get(kind).put(id, object);
        if (old != null) {
            unindex(kind, old);
        }
        index(kind, object);
        if (id >= nextId.getOrDefault(kind, 1L)) {
            nextId.put(kind, id + 1);
        }
    }

    public ObjectNode remove(String kind, long id) {
        ObjectNode old = objects.get(kind).remove(id);
        if (old != null) {
            unindex(kind, old);
        }
        return old;
    }

    /** Ids whose field equals the value, or null when the field is not indexed. */
    public Set<Long> lookup(String kind, String field, String value) {
        Map<String, Map<String, Set<Long>>> byField = indexes.get(kind);
        if (!isIndexed(kind, field)) {
            return null;
        }
        Map<String, Set<Long>> idx = byField == null ? null : byField.get(field);
        Set<Long> ids = idx == null ? null : idx.get(key(field, value));
        return ids == null ? Set.of() : ids;
    }

    public boolean isIndexed(String kind, String field) {
        return LOOKUP_FIELDS.contains(field) || kinds.get(kind).isReference(field);
    }

    public void clear() {
        objects.values().forEach(Map::clear);
        indexes.clear();
        nextId.clear();
    }

    public Map<String, Long> nextIds() {
        return nextId;
    }

    private void index(String kind, ObjectNode o) {
        forEachKey(kind, o, (field, key) -> indexes.computeIfAbsent(kind, k -> new HashMap<>())
                .computeIfAbsent(field, f -> new HashMap<>()).computeIfAbsent(key, v -> new HashSet<>()).add(o.get("id").asLong()));
    }

    private void unindex(String kind, ObjectNode o) {
        forEachKey(kind, o, (field, key) -> {
            Set<Long> ids = indexes.get(kind).get(field).get(key);
            if (ids != null) {
                ids.remove(o.get("id").asLong());
            }
        });
    }

    private void forEachKey(String kind, ObjectNode o, java.util.function.BiConsumer<String, String> action) {
        o.fieldNames().forEachRemaining(field -> {
            if (!isIndexed(kind, field)) {
                return;
            }
            JsonNode v = o.get(field);
            if (v.isArray()) {
                v.forEach(x -> action.accept(field, key(field, x.asText())));
            } else if (!v.isNull()) {
                action.accept(field, key(field, v.asText()));
            }
        });
    }

    static String key(String field, String value) {
        if (field.equals("address")) {
            int slash = value.indexOf('/');
            return slash < 0 ? value : value.substring(0, slash);
        }
        if (field.equals("name")) {
            return value.toLowerCase(java.util.Locale.ROOT); // candidates only: callers compare exactly or not, as NetBox does
        }
        if (field.equals("mac_address")) {
            return value.toUpperCase(java.util.Locale.ROOT);
        }
        return value;
    }
}
