package com.enreach.tools.netbox.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.enreach.tools.netbox.sandbox.NetBoxResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deletes with NetBox's on_delete behaviour: interfaces go with their device or VM, IPs and MACs with their
 * interface; sites, roles, types, manufacturers, clusters and groups still used are protected (409, nothing
 * deleted); other references are cleared; tags are taken off the objects that carry them.
 */
final class Deletes {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> CASCADE = Set.of("dcim.interface.device", "virtualization.vminterface.virtual_machine");
    private static final Set<String> PROTECT = Set.of("dcim.device.device_type", "dcim.device.role", "dcim.device.site",
            "dcim.devicetype.manufacturer", "virtualization.cluster.type", "virtualization.cluster.group",
            "virtualization.virtualmachine.cluster", "virtualization.virtualmachine.site");

    private final Kinds kinds;
    private final Store store;
    private final Changelog changelog;

    Deletes(Kinds kinds, Store store, Changelog changelog) {
        this.kinds = kinds;
        this.store = store;
        this.changelog = changelog;
    }

    NetBoxResponse delete(Writes.Ctx ctx, KindDef kind, List<Long> ids) {
        Map<String, ObjectNode> plan = new LinkedHashMap<>();
        List<String> protectedBy = new ArrayList<>();
        for (Long id : ids) {
            collect(kind, store.get(kind.name(), id), plan, protectedBy);
        }
        if (!protectedBy.isEmpty()) {
            ObjectNode o = F.objectNode();
            o.put("detail", "Unable to delete object. " + protectedBy.size() + " dependent objects were found: "
                    + String.join(", ", protectedBy));
            ArrayNode deps = o.putArray("dependent_objects");
            protectedBy.forEach(deps::add);
            return Reply.json(409, o);
        }
        List<Map.Entry<String, ObjectNode>> order = new ArrayList<>(plan.entrySet());
        for (int i = order.size() - 1; i >= 0; i--) { // dependants first, as NetBox's collector does
            String k = order.get(i).getKey().substring(0, order.get(i).getKey().indexOf('#'));
            ObjectNode o = order.get(i).getValue();
            KindDef def = kinds.get(k);
            store.remove(k, o.get("id").asLong());
            clearReferences(def, o.get("id").asLong());
            changelog.record(ctx.user(), ctx.requestId(), "delete", def, o, null, new Render(kinds, store).display(def, o));
        }
        return Reply.noContent();
    }

    private void collect(KindDef kind, ObjectNode o, Map<String, ObjectNode> plan, List<String> protectedBy) {
        if (o == null) {
            return;
        }
        String key = kind.name() + "#" + o.get("id").asLong();
        if (plan.containsKey(key)) {
            return;
        }
        plan.put(key, o);
        String id = o.get("id").asText();
        for (KindDef other : kinds.all()) {
            for (Map.Entry<String, String> ref : other.references().entrySet()) {
                if (!kind.name().equals(ref.getValue()) || other.isMultiReference(ref.getKey())) {
                    continue;
                }
                String rule = other.name() + "." + ref.getKey();
                for (Long dep : List.copyOf(store.lookup(other.name(), ref.getKey(), id))) {
                    ObjectNode d = store.get(other.name(), dep);
                    if (CASCADE.contains(rule)) {
                        collect(other, d, plan, protectedBy);
                    } else if (PROTECT.contains(rule) && !plan.containsKey(other.name() + "#" + dep)) {
                        protectedBy.add(other.model() + " " + new Render(kinds, store).display(other, d) + " (" + dep + ")");
                    }
                }
            }
        }
        if (Rules.INTERFACE_TYPES.contains(kind.name())) {
            for (String child : List.of("ipam.ipaddress", "dcim.macaddress")) {
                for (Long dep : List.copyOf(store.lookup(child, "assigned_object_id", id))) {
                    ObjectNode d = store.get(child, dep);
                    if (kind.name().equals(d.path("assigned_object_type").asText())) {
                        collect(kinds.get(child), d, plan, protectedBy);
                    }
                }
            }
        }
    }

    /** References to a deleted object become null (SET_NULL) and tags are taken off (m2m). */
    private void clearReferences(KindDef kind, long id) {
        for (KindDef other : kinds.all()) {
            for (Map.Entry<String, String> ref : other.references().entrySet()) {
                if (!kind.name().equals(ref.getValue())) {
                    continue;
                }
                for (Long dep : List.copyOf(store.lookup(other.name(), ref.getKey(), String.valueOf(id)))) {
                    ObjectNode d = store.get(other.name(), dep).deepCopy();
                    JsonNode v = d.get(ref.getKey());
                    if (v.isArray()) {
                        ArrayNode kept = F.arrayNode();
                        v.forEach(x -> {
                            if (x.asLong() != id) {
                                kept.add(x);
                            }
                        });
                        d.set(ref.getKey(), kept);
                    } else {
                        d.putNull(ref.getKey());
                    }
                    store.put(other.name(), d);
                }
            }
        }
    }

    static String modelName(KindDef kind) {
        return switch (kind.name()) {
            case "dcim.devicetype" -> "DeviceType";
            case "dcim.devicerole" -> "DeviceRole";
            case "dcim.macaddress" -> "MACAddress";
            case "ipam.ipaddress" -> "IPAddress";
            case "virtualization.clustertype" -> "ClusterType";
            case "virtualization.clustergroup" -> "ClusterGroup";
            case "virtualization.virtualmachine" -> "VirtualMachine";
            case "virtualization.vminterface" -> "VMInterface";
            case "extras.customfield" -> "CustomField";
            default -> Character.toUpperCase(kind.model().charAt(0)) + kind.model().substring(1);
        };
    }
}
