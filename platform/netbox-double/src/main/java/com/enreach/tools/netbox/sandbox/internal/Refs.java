package com.enreach.tools.netbox.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves references given as a numeric id or as a dict of attributes ({"name": ...}, {"slug": ...}), like
 * NetBox's nested serializers, with NetBox's messages when nothing or more than one object matches.
 */
final class Refs {
    private final Kinds kinds;
    private final Store store;

    Refs(Kinds kinds, Store store) {
        this.kinds = kinds;
        this.store = store;
    }

    /** The id the value references, or null with a message added to errors under the field. */
    Long resolve(String targetKind, JsonNode value, String field, FieldErrors errors) {
        if (value.isIntegralNumber()) {
            long id = value.asLong();
            if (targetKind == null || store.get(targetKind, id) == null) {
                errors.add(field, "Related object not found using the provided numeric ID: " + id);
                return null;
            }
            return id;
        }
        if (value.isObject()) {
            if (targetKind == null) {
                errors.add(field, "Related object not found using the provided attributes: " + pyDict(value));
                return null;
            }
            List<Long> matches = match(targetKind, (ObjectNode) value);
            if (matches.size() == 1) {
                return matches.get(0);
            }
            errors.add(field, matches.isEmpty()
                    ? "Related object not found using the provided attributes: " + pyDict(value)
                    : "Multiple objects match the provided attributes: " + pyDict(value));
            return null;
        }
        errors.add(field, "Related objects must be referenced by numeric ID or by dictionary of attributes. Received an unrecognized value: " + value.asText());
        return null;
    }

    List<Long> match(String kind, ObjectNode attrs) {
        Collection<Long> candidates = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = attrs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> a = it.next();
            if (a.getValue().isValueNode() && !a.getValue().isNull()) {
                Set<Long> ids = store.lookup(kind, a.getKey(), a.getValue().asText());
                if (ids != null && (candidates == null || ids.size() < candidates.size())) {
                    candidates = ids;
                }
            }
        }
        List<Long> result = new ArrayList<>();
        Iterable<Long> scan = candidates != null ? candidates : store.all(kind).stream().map(o -> o.get("id").asLong()).toList();
        for (Long id : scan) {
            ObjectNode o = store.get(kind, id);
            if (o != null && matches(kinds.get(kind), o, attrs)) {
                result.add(id);
            }
        }
        return result;
    }

    /**
     * Whether the object has all the attributes; a dict value matches the referenced object's attributes
     * ({"manufacturer": {"slug": "dell"}}), as NetBox flattens it to manufacturer__slug.
     */
    private boolean matches(KindDef kind, ObjectNode o, ObjectNode attrs) {
        for (Iterator<Map.Entry<String, JsonNode>> it = attrs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> a = it.next();
            JsonNode have = o.get(a.getKey());
            JsonNode want = a.getValue();
            if (have == null) {
                return false;
            }
            if (want.isObject()) {
                String target = kind.references().get(a.getKey());
                ObjectNode ref = target == null || have.isNull() ? null : store.get(target, have.asLong());
                if (ref == null || !matches(kinds.get(target), ref, (ObjectNode) want)) {
                    return false;
                }
            } else if (want.isArray() || !have.asText().equals(want.asText()) || have.isNull() != want.isNull()) {
                return false;
            }
        }
        return true;
    }

    /** Python's repr of a dict, as NetBox prints the attributes in its messages. */
    static String pyDict(JsonNode v) {
        StringBuilder b = new StringBuilder("{");
        v.fields().forEachRemaining(e -> {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append('\'').append(e.getKey()).append("': ");
            b.append(e.getValue().isTextual() ? "'" + e.getValue().asText() + "'" : e.getValue().toString());
        });
        return b.append('}').toString();
    }
}
