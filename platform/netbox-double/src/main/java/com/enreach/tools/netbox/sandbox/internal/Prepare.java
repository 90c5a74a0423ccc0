package com.enreach.tools.netbox.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Turns one object of a request body into the stored form: schema check, references resolved to ids, merged over
 * the existing object for updates, then NetBox's model rules ({@link Rules}). Nothing is written here.
 */
public final class Prepare {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Kinds kinds;
    private final Store store;
    private final Refs refs;
    private final Rules rules;

    public Prepare(Kinds kinds, Store store) {
        this.kinds = kinds;
        this.store = store;
        this.refs = new Refs(kinds, store);
        this.rules = new Rules(kinds, store);
    }

    /** The result: the object to store, or the errors (NetBox's field → messages). */
    public record Result(ObjectNode object, FieldErrors errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /**
     * @param existing the stored object for an update, null for a create
     * @param partial  PATCH (only given fields) rather than POST/PUT (required fields needed on create)
     */
    public Result prepare(KindDef kind, JsonNode body, ObjectNode existing, boolean partial) {
        FieldErrors errors = SchemaCheck.check(kind, body, partial); // PUT needs the required fields, as NetBox's serializer does
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        ObjectNode o = existing != null ? existing.deepCopy() : defaults(kind);
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = e.getKey();
            JsonNode v = e.getValue();
            if (!kind.fields().contains(field)) {
                continue; // NetBox ignores fields it does not know, and read-only ones
            }
            if (field.equals("custom_fields")) {
                ObjectNode cf = o.with("custom_fields");
                v.fields().forEachRemaining(c -> cf.set(c.getKey(), c.getValue()));
            } else if (kind.isMultiReference(field)) {
                ArrayNode ids = F.arrayNode();
                for (JsonNode item : v) {
                    Long id = refs.resolve(kind.references().get(field), item, field, errors);
                    if (id != null && !contains(ids, id)) {
                        ids.add(id);
                    }
                }
                o.set(field, ids);
            } else if (kind.isReference(field)) {
                if (v.isNull()) {
                    o.putNull(field);
                } else {
                    Long id = refs.resolve(kind.references().get(field), v, field, errors);
                    if (id != null) {
                        o.put(field, id);
                    }
                }
            } else {
                o.set(field, v);
            }
        }
        if (errors.isEmpty()) {
            rules.check(kind, o, existing, errors);
        }
        return new Result(errors.isEmpty() ? o : null, errors);
    }

    private ObjectNode defaults(KindDef kind) {
        ObjectNode o = F.objectNode();
        o.put("id", 0L);
        kind.defaults().forEach((f, d) -> o.set(f, d.deepCopy()));
        o.set("custom_fields", F.objectNode());
        return o;
    }

    private static boolean contains(ArrayNode a, long id) {
        for (JsonNode x : a) {
            if (x.asLong() == id) {
                return true;
            }
        }
        return false;
    }

    Store store() {
        return store;
    }

    Kinds kinds() {
        return kinds;
    }
}
