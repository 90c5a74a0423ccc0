package com.enreach.tools.netbox.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.enreach.tools.netbox.sandbox.NetBoxResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates, updates and deletes, one object or a list, with NetBox 4.2's semantics: a list is all or nothing
 * (bulk create answers a list of per-object errors, {} for valid ones; bulk update answers the first failing
 * object's errors), every written object gets a change record.
 */
public final class Writes {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** A rejection injected by a test: field → message for an object of the kind, or null to let it pass. */
    public interface Rejector {
        Map<String, String> reject(String kind, JsonNode object);
    }

    private final Store store;
    private final Prepare prepare;
    private final Render render;
    private final Changelog changelog;
    private final Deletes deletes;

    public Writes(Kinds kinds, Store store, Render render, Changelog changelog) {
        this.store = store;
        this.prepare = new Prepare(kinds, store);
        this.render = render;
        this.changelog = changelog;
        this.deletes = new Deletes(kinds, store, changelog);
    }

    /** A context of one request: who, which request id, the base URL for answers, the injected rejections. */
    public record Ctx(String user, String requestId, String base, Rejector rejector) {
    }

    public NetBoxResponse create(Ctx ctx, KindDef kind, JsonNode body) {
        boolean bulk = body.isArray();
        List<JsonNode> items = items(body);
        Tx tx = new Tx();
        ArrayNode errors = F.arrayNode();
        boolean failed = false;
        List<ObjectNode> created = new ArrayList<>();
        for (JsonNode item : items) {
            Prepare.Result r = prepare.prepare(kind, item, null, false);
            FieldErrors fe = injected(ctx, kind, item, r.errors());
            if (fe.isEmpty()) {
                ObjectNode o = r.object();
                String now = store.now();
                o.put("id", store.allocateId(kind.name()));
                o.put("created", now);
                o.put("last_updated", now);
                tx.put(kind.name(), o);
                created.add(o);
            } else {
                failed = true;
            }
            errors.add(fe.toJson());
        }
        if (failed) {
            tx.rollback();
            return Reply.json(400, bulk ? errors : errors.get(0));
        }
        ArrayNode out = F.arrayNode();
        for (ObjectNode o : created) {
            changelog.record(ctx.user(), ctx.requestId(), "create", kind, null, o, render.display(kind, o));
            out.add(render.full(ctx.base(), kind, o));
        }
        return Reply.json(201, bulk ? out : out.get(0));
    }

    /** PUT/PATCH of one object (id given) or of a list of objects each with its id (id null). */
    public NetBoxResponse update(Ctx ctx, KindDef kind, Long id, JsonNode body, boolean partial) {
        boolean bulk = id == null;
        if (bulk && !body.isArray()) {
            return Reply.json(400, errorList("non_field_errors", "Expected a list of items but got type \"dict\"."));
        }
        if (!bulk && !body.isObject()) {
            return Reply.json(400, errorList("non_field_errors", "Invalid data. Expected a dictionary, but got list."));
        }
        List<JsonNode> items = items(body);
        if (bulk) {
            ArrayNode idErrors = F.arrayNode();
            boolean missing = false;
            for (JsonNode item : items) {
                FieldErrors fe = new FieldErrors();
                if (!item.path("id").canConvertToLong()) {
                    fe.add("id", "This field is required.");
                    missing = true;
                }
                idErrors.add(fe.toJson());
            }
            if (missing) {
                return Reply.json(400, idErrors);
            }
        } else if (store.get(kind.name(), id) == null) {
            return notFound(kind);
        }
        Tx tx = new Tx();
        List<ObjectNode[]> changed = new ArrayList<>();
        for (JsonNode item : items) {
            long oid = bulk ? item.get("id").asLong() : id;
            ObjectNode existing = store.get(kind.name(), oid);
            if (existing == null) {
                continue; // NetBox's bulk update skips ids it does not find
            }
            Prepare.Result r = prepare.prepare(kind, item, existing, partial);
            FieldErrors fe = injected(ctx, kind, item, r.errors());
            if (!fe.isEmpty()) {
                tx.rollback();
                return Reply.json(400, fe.toJson());
            }
            ObjectNode o = r.object();
            o.put("id", oid);
            o.put("last_updated", store.now());
            tx.put(kind.name(), o);
            changed.add(new ObjectNode[]{existing, o});
        }
        ArrayNode out = F.arrayNode();
        for (ObjectNode[] c : changed) {
            changelog.record(ctx.user(), ctx.requestId(), "update", kind, c[0], c[1], render.display(kind, c[1]));
            out.add(render.full(ctx.base(), kind, c[1]));
        }
        return Reply.json(200, bulk ? out : out.get(0));
    }

    /** DELETE of one object (id given) or of a list [{"id": n}, ...]. */
    public NetBoxResponse delete(Ctx ctx, KindDef kind, Long id, JsonNode body) {
        List<Long> ids = new ArrayList<>();
        if (id != null) {
            if (store.get(kind.name(), id) == null) {
                return notFound(kind);
            }
            ids.add(id);
        } else {
            if (body == null || !body.isArray()) {
                return Reply.detail(405, "Method \"DELETE\" not allowed.");
            }
            ArrayNode idErrors = F.arrayNode();
            boolean missing = false;
            for (JsonNode item : body) {
                FieldErrors fe = new FieldErrors();
                if (!item.path("id").canConvertToLong()) {
                    fe.add("id", "This field is required.");
                    missing = true;
                } else if (store.get(kind.name(), item.get("id").asLong()) != null) {
                    ids.add(item.get("id").asLong());
                }
                idErrors.add(fe.toJson());
            }
            if (missing) {
                return Reply.json(400, idErrors);
            }
        }
        return deletes.delete(ctx, kind, ids);
    }

    static NetBoxResponse notFound(KindDef kind) {
        return Reply.detail(404, "No " + Deletes.modelName(kind) + " matches the given query.");
    }

    private static FieldErrors injected(Ctx ctx, KindDef kind, JsonNode item, FieldErrors errors) {
        if (errors.isEmpty() && ctx.rejector() != null) {
            Map<String, String> r = ctx.rejector().reject(kind.name(), item);
            if (r != null) {
                r.forEach(errors::add);
            }
        }
        return errors;
    }

    private static List<JsonNode> items(JsonNode body) {
        List<JsonNode> items = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(items::add);
        } else {
            items.add(body);
        }
        return items;
    }

    private static ObjectNode errorList(String field, String message) {
        FieldErrors fe = new FieldErrors();
        fe.add(field, message);
        return fe.toJson();
    }

    /** Writes of one request, undone if any object of the list is refused (NetBox runs a list in one transaction). */
    private final class Tx {
        private final Map<String, Map<Long, ObjectNode>> before = new LinkedHashMap<>();
        private final Map<String, Long> ids = new HashMap<>(store.nextIds());

        void put(String kind, ObjectNode o) {
            long id = o.get("id").asLong();
            before.computeIfAbsent(kind, k -> new LinkedHashMap<>()).putIfAbsent(id, store.get(kind, id));
            store.put(kind, o);
        }

        void rollback() {
            before.forEach((kind, objects) -> objects.forEach((id, old) -> {
                if (old == null) {
                    store.remove(kind, id);
                } else {
                    store.put(kind, old);
                }
            }));
            store.nextIds().clear();
            store.nextIds().putAll(ids);
        }
    }
}
