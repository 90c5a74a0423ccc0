package com.enreach.tools.netbox.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * NetBox's change log (core.ObjectChange): one record per created, updated or deleted object with the user, the
 * request id and the object's data before and after (serialised as NetBox does: references as ids, tags as names).
 */
public final class Changelog {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Kinds kinds;
    private final Store store;
    private final List<ObjectNode> changes = new ArrayList<>();

    public Changelog(Kinds kinds, Store store) {
        this.kinds = kinds;
        this.store = store;
    }

    public void record(String user, String requestId, String action, KindDef kind, ObjectNode before, ObjectNode after, String repr) {
        ObjectNode c = F.objectNode();
        c.put("id", changes.size() + 1L);
        c.put("time", store.now());
        c.put("user_name", user);
        c.put("request_id", requestId);
        c.put("action", action);
        c.put("changed_object_type", kind.name());
        c.put("changed_object_id", (after != null ? after : before).get("id").asLong());
        c.put("object_repr", repr);
        c.set("prechange_data", before == null ? F.nullNode() : serialize(before));
        c.set("postchange_data", after == null ? F.nullNode() : serialize(after));
        changes.add(c);
    }

    public List<ObjectNode> all() {
        return Collections.unmodifiableList(changes);
    }

    public void clear() {
        changes.clear();
    }

    public void restore(JsonNode saved) {
        changes.clear();
        saved.forEach(c -> changes.add((ObjectNode) c));
    }

    /** The object-changes matching NetBox's filters, newest first (NetBox's default ordering is -time). */
    public List<ObjectNode> filter(Map<String, List<String>> params) {
        List<ObjectNode> out = new ArrayList<>();
        for (int i = changes.size() - 1; i >= 0; i--) {
            ObjectNode c = changes.get(i);
            if (matches(c, params)) {
                out.add(c);
            }
        }
        return out;
    }

    private static boolean matches(ObjectNode c, Map<String, List<String>> params) {
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            List<String> v = p.getValue();
            boolean ok = switch (p.getKey()) {
                case "id" -> v.contains(c.get("id").asText());
                case "user_name", "user" -> v.contains(c.get("user_name").asText());
                case "request_id" -> v.contains(c.get("request_id").asText());
                case "action" -> v.contains(c.get("action").asText());
                case "changed_object_type" -> v.contains(c.get("changed_object_type").asText());
                case "changed_object_id" -> v.contains(c.get("changed_object_id").asText());
                case "object_repr" -> v.contains(c.get("object_repr").asText());
                case "time_after" -> c.get("time").asText().compareTo(v.get(0).replace(' ', 'T')) >= 0;
                case "time_before" -> c.get("time").asText().compareTo(v.get(0).replace(' ', 'T')) <= 0;
                case "q" -> c.get("object_repr").asText().toLowerCase(Locale.ROOT).contains(v.get(0).toLowerCase(Locale.ROOT));
                default -> true;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public ObjectNode render(String base, ObjectNode c, boolean brief) {
        ObjectNode r = F.objectNode();
        r.put("id", c.get("id").asLong());
        r.put("url", base + "/api/core/object-changes/" + c.get("id").asLong() + "/");
        r.put("display", c.get("object_repr").asText() + " (" + c.get("action").asText() + ")");
        r.put("time", c.get("time").asText());
        if (brief) {
            return r;
        }
        ObjectNode user = r.putObject("user");
        user.put("username", c.get("user_name").asText());
        user.put("display", c.get("user_name").asText());
        r.put("user_name", c.get("user_name").asText());
        r.put("request_id", c.get("request_id").asText());
        ObjectNode action = r.putObject("action");
        String a = c.get("action").asText();
        action.put("value", a);
        action.put("label", a.equals("create") ? "Created" : a.equals("update") ? "Updated" : "Deleted");
        r.put("changed_object_type", c.get("changed_object_type").asText());
        r.put("changed_object_id", c.get("changed_object_id").asLong());
        KindDef kind = kinds.get(c.get("changed_object_type").asText());
        ObjectNode now = store.get(kind.name(), c.get("changed_object_id").asLong());
        r.set("changed_object", now == null ? F.nullNode() : new Render(kinds, store).brief(base, kind, now));
        r.put("object_repr", c.get("object_repr").asText());
        r.set("prechange_data", c.get("prechange_data"));
        r.set("postchange_data", c.get("postchange_data"));
        return r;
    }

    /** Stored form with tags as names, like NetBox's serialize_object. */
    private ObjectNode serialize(ObjectNode o) {
        ObjectNode s = o.deepCopy();
        if (s.has("tags")) {
            ArrayNode names = F.arrayNode();
            for (JsonNode t : o.get("tags")) {
                ObjectNode tag = store.get("extras.tag", t.asLong());
                names.add(tag == null ? t.asText() : tag.get("name").asText());
            }
            s.set("tags", names);
        }
        return s;
    }
}
