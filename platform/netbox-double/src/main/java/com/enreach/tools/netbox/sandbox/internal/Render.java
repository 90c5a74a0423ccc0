package com.enreach.tools.netbox.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** NetBox 4.2 representations of stored objects: full and brief, nested briefs for references, choices as {value,label}. */
public final class Render {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> NESTED_IN_BRIEF = Set.of("manufacturer", "device", "virtual_machine");

    private final Kinds kinds;
    private final Store store;

    public Render(Kinds kinds, Store store) {
        this.kinds = kinds;
        this.store = store;
    }

    public String url(String base, KindDef kind, long id) {
        return base + "/api/" + kind.endpoint() + "/" + id + "/";
    }

    public String display(KindDef kind, JsonNode o) {
        return switch (kind.name()) {
            case "dcim.devicetype" -> o.path("model").asText();
            case "ipam.ipaddress" -> o.path("address").asText();
            case "dcim.macaddress" -> o.path("mac_address").asText();
            case "extras.customfield" -> o.path("label").asText("").isEmpty() ? o.path("name").asText() : o.path("label").asText();
            case "dcim.device" -> o.path("name").isNull() ? "Unnamed device (" + o.path("id").asLong() + ")" : o.path("name").asText();
            default -> o.path("name").asText();
        };
    }

    public ObjectNode full(String base, KindDef kind, ObjectNode o) {
        ObjectNode r = head(base, kind, o);
        r.put("display_url", base + "/" + kind.endpoint() + "/" + o.get("id").asLong() + "/");
        for (String field : kind.fields()) {
            if (field.equals("custom_fields")) {
                continue;
            }
            r.set(field, value(base, kind, field, o.path(field)));
        }
        extras(base, kind, o, r);
        r.set("custom_fields", customFields(kind, o.path("custom_fields")));
        r.set("created", o.path("created"));
        r.set("last_updated", o.path("last_updated"));
        return r;
    }

    public ObjectNode brief(String base, KindDef kind, ObjectNode o) {
        ObjectNode r = head(base, kind, o);
        for (String field : kind.brief()) {
            if (field.equals("family")) {
                continue;
            }
            if (NESTED_IN_BRIEF.contains(field)) {
                r.set(field, value(base, kind, field, o.path(field)));
            } else if (field.equals("color") || kind.fields().contains(field)) {
                r.set(field, o.path(field).isMissingNode() ? F.nullNode() : o.get(field));
            }
        }
        if (kind.name().equals("ipam.ipaddress")) {
            r.set("family", family(o.path("address").asText()));
        }
        return r;
    }

    private ObjectNode head(String base, KindDef kind, ObjectNode o) {
        ObjectNode r = F.objectNode();
        long id = o.get("id").asLong();
        r.put("id", id);
        r.put("url", url(base, kind, id));
        r.put("display", display(kind, o));
        return r;
    }

    private JsonNode value(String base, KindDef kind, String field, JsonNode v) {
        if (v.isMissingNode()) {
            return F.nullNode();
        }
        if (kind.isReference(field)) {
            String target = kind.references().get(field);
            if (v.isArray()) {
                ArrayNode a = F.arrayNode();
                v.forEach(id -> {
                    ObjectNode ref = target == null ? null : store.get(target, id.asLong());
                    if (ref != null) {
                        a.add(brief(base, kinds.get(target), ref));
                    }
                });
                return a;
            }
            ObjectNode ref = v.isNull() || target == null ? null : store.get(target, v.asLong());
            return ref == null ? F.nullNode() : brief(base, kinds.get(target), ref);
        }
        Map<String, String> labels = kind.choices().get(field);
        if (labels != null) {
            if (v.isNull() || v.asText().isEmpty()) {
                return F.nullNode();
            }
            ObjectNode c = F.objectNode();
            c.set("value", v);
            c.put("label", labels.getOrDefault(v.asText(), v.asText()));
            return c;
        }
        return v;
    }

    private void extras(String base, KindDef kind, ObjectNode o, ObjectNode r) {
        switch (kind.name()) {
            case "dcim.device", "virtualization.virtualmachine" -> {
                JsonNode ip6 = r.path("primary_ip6");
                r.set("primary_ip", ip6.isNull() || ip6.isMissingNode() ? r.path("primary_ip4") : ip6);
                boolean vm = kind.name().equals("virtualization.virtualmachine");
                String ifaceKind = vm ? "virtualization.vminterface" : "dcim.interface";
                r.put("interface_count", store.lookup(ifaceKind, vm ? "virtual_machine" : "device", o.get("id").asText()).size());
            }
            case "ipam.ipaddress", "dcim.macaddress" -> {
                if (kind.name().equals("ipam.ipaddress")) {
                    r.set("family", family(o.path("address").asText()));
                    r.putArray("nat_outside");
                }
                r.set("assigned_object", assigned(base, o));
            }
            case "dcim.interface", "virtualization.vminterface" -> {
                ObjectNode mac = o.path("primary_mac_address").isNull() ? null : store.get("dcim.macaddress", o.path("primary_mac_address").asLong());
                r.set("mac_address", mac == null ? F.nullNode() : mac.get("mac_address"));
                ArrayNode macs = r.putArray("mac_addresses");
                KindDef macKind = kinds.get("dcim.macaddress");
                for (Long id : store.lookup("dcim.macaddress", "assigned_object_id", o.get("id").asText())) {
                    ObjectNode m = store.get("dcim.macaddress", id);
                    if (kind.name().equals(m.path("assigned_object_type").asText())) {
                        macs.add(brief(base, macKind, m));
                    }
                }
            }
            default -> {
            }
        }
    }

    private JsonNode assigned(String base, ObjectNode o) {
        String type = o.path("assigned_object_type").asText(null);
        if (type == null || !kinds.has(type)) {
            return F.nullNode();
        }
        ObjectNode target = store.get(type, o.path("assigned_object_id").asLong());
        return target == null ? F.nullNode() : brief(base, kinds.get(type), target);
    }

    private static ObjectNode family(String address) {
        ObjectNode f = F.objectNode();
        boolean v6 = address.contains(":");
        f.put("value", v6 ? 6 : 4);
        f.put("label", v6 ? "IPv6" : "IPv4");
        return f;
    }

    /** Every custom field defined for the kind, null where the object has no value, as NetBox shows them. */
    private ObjectNode customFields(KindDef kind, JsonNode values) {
        TreeMap<String, JsonNode> all = new TreeMap<>();
        for (ObjectNode def : store.all("extras.customfield")) {
            for (JsonNode t : def.path("object_types")) {
                if (t.asText().equals(kind.name())) {
                    all.put(def.get("name").asText(), values.has(def.get("name").asText()) ? values.get(def.get("name").asText()) : F.nullNode());
                }
            }
        }
        ObjectNode cf = F.objectNode();
        all.forEach(cf::set);
        return cf;
    }
}
