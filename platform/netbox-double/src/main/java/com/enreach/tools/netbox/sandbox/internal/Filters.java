package com.enreach.tools.netbox.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * NetBox's list filters over the stored objects: several values of one parameter match any, several parameters all.
 * Equality filters on indexed fields pick the candidates; the rest are checked per candidate. Unknown parameters
 * are ignored, as django-filter does.
 */
public final class Filters {
    static final Set<String> NOT_FILTERS = Set.of("limit", "offset", "brief", "ordering", "fields", "exclude", "format", "include");

    private final Kinds kinds;
    private final Store store;
    private final Render render;

    public Filters(Kinds kinds, Store store, Render render) {
        this.kinds = kinds;
        this.store = store;
        this.render = render;
    }

    /** The matching objects in id order. */
    public List<ObjectNode> apply(KindDef kind, Map<String, List<String>> params) {
        Collection<Long> candidates = null;
        List<Predicate<ObjectNode>> checks = new ArrayList<>();
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            String name = p.getKey();
            List<String> values = p.getValue();
            if (NOT_FILTERS.contains(name) || values.isEmpty()) {
                continue;
            }
            String field = indexedField(kind, name);
            if (field != null && values.size() == 1 && !values.get(0).equals("null")) {
                Set<Long> ids = store.lookup(kind.name(), field, values.get(0));
                if (candidates == null || ids.size() < candidates.size()) {
                    candidates = ids;
                }
            }
            Predicate<ObjectNode> check = predicate(kind, name, values);
            if (check != null) {
                checks.add(check);
            }
        }
        List<ObjectNode> out = new ArrayList<>();
        if (candidates != null) {
            candidates.stream().sorted().forEach(id -> add(out, store.get(kind.name(), id), checks));
        } else {
            store.all(kind.name()).forEach(o -> add(out, o, checks));
        }
        return out;
    }

    private static void add(List<ObjectNode> out, ObjectNode o, List<Predicate<ObjectNode>> checks) {
        for (Predicate<ObjectNode> c : checks) {
            if (!c.test(o)) {
                return;
            }
        }
        out.add(o);
    }

    /** The stored field an exact filter maps to, when it is indexed. */
    private String indexedField(KindDef kind, String name) {
        if (name.endsWith("_id") && kind.isReference(name.substring(0, name.length() - 3))) {
            return name.substring(0, name.length() - 3);
        }
        if (kind.fields().contains(name) && !kind.isReference(name) && store.isIndexed(kind.name(), name)) {
            return name;
        }
        return null;
    }

    private Predicate<ObjectNode> predicate(KindDef kind, String name, List<String> values) {
        if (name.equals("id")) {
            return o -> values.contains(o.get("id").asText());
        }
        if (name.equals("q")) {
            String q = values.get(0).toLowerCase(Locale.ROOT);
            return o -> render.display(kind, o).toLowerCase(Locale.ROOT).contains(q)
                    || o.path("description").asText().toLowerCase(Locale.ROOT).contains(q)
                    || o.path("serial").asText().toLowerCase(Locale.ROOT).contains(q);
        }
        if (name.equals("tag") || name.equals("tag_id")) {
            return o -> {
                for (JsonNode t : o.path("tags")) {
                    ObjectNode tag = store.get("extras.tag", t.asLong());
                    if (tag != null && values.contains(name.equals("tag") ? tag.get("slug").asText() : t.asText())) {
                        return true;
                    }
                }
                return false;
            };
        }
        if (name.startsWith("cf_")) {
            String cf = name.substring(3);
            return o -> values.contains(o.path("custom_fields").path(cf).asText());
        }
        if (name.startsWith("created") || name.startsWith("last_updated")) {
            return time(name, values.get(0));
        }
        Predicate<ObjectNode> assigned = assigned(kind, name, values);
        if (assigned != null) {
            return assigned;
        }
        if (name.endsWith("_id") && kind.isReference(name.substring(0, name.length() - 3))) {
            String field = name.substring(0, name.length() - 3);
            return o -> matchesAny(o.path(field), values);
        }
        if (kind.isReference(name) && kind.references().get(name) != null) {
            String target = kind.references().get(name);
            return o -> {
                JsonNode v = o.path(name);
                for (JsonNode id : v.isArray() ? v : List.of(v)) {
                    ObjectNode ref = id.isNull() ? null : store.get(target, id.asLong());
                    if (ref != null && (values.contains(ref.path("slug").asText(null)) || values.contains(ref.path("name").asText(null))
                            || values.contains(ref.path("model").asText(null)))) {
                        return true;
                    }
                }
                return v.isNull() && values.contains("null");
            };
        }
        return lookup(kind, name, values);
    }

    /** Filters of IPs and MACs by the interface, device or VM they are assigned to. */
    private Predicate<ObjectNode> assigned(KindDef kind, String name, List<String> values) {
        if (!kind.name().equals("ipam.ipaddress") && !kind.name().equals("dcim.macaddress")) {
            return null;
        }
        return switch (name) {
            case "interface_id" -> o -> o.path("assigned_object_type").asText().equals("dcim.interface") && values.contains(o.path("assigned_object_id").asText());
            case "vminterface_id" -> o -> o.path("assigned_object_type").asText().equals("virtualization.vminterface") && values.contains(o.path("assigned_object_id").asText());
            case "device_id", "device" -> o -> parentMatches(o, "dcim.interface", "device", "dcim.device", name.endsWith("_id"), values);
            case "virtual_machine_id", "virtual_machine" -> o -> parentMatches(o, "virtualization.vminterface", "virtual_machine",
                    "virtualization.virtualmachine", name.endsWith("_id"), values);
            case "family" -> o -> values.contains(o.path("address").asText().contains(":") ? "6" : "4");
            case "address" -> o -> values.contains(o.path("address").asText()) || values.contains(Store.key("address", o.path("address").asText()));
            case "mac_address" -> o -> values.stream().anyMatch(v -> v.equalsIgnoreCase(o.path("mac_address").asText()));
            default -> null;
        };
    }

    private boolean parentMatches(ObjectNode o, String ifaceKind, String parentField, String parentKind, boolean byId, List<String> values) {
        if (!o.path("assigned_object_type").asText().equals(ifaceKind)) {
            return false;
        }
        ObjectNode iface = store.get(ifaceKind, o.path("assigned_object_id").asLong());
        if (iface == null) {
            return false;
        }
        if (byId) {
            return values.contains(iface.path(parentField).asText());
        }
        ObjectNode parent = store.get(parentKind, iface.path(parentField).asLong());
        return parent != null && values.contains(parent.path("name").asText());
    }

    /** Plain field filters with django-filter's lookups (exact, n, ic, ie, isw, iew, nic, empty). */
    private Predicate<ObjectNode> lookup(KindDef kind, String name, List<String> values) {
        int sep = name.indexOf("__");
        String field = sep < 0 ? name : name.substring(0, sep);
        String op = sep < 0 ? "" : name.substring(sep + 2);
        if (!kind.fields().contains(field)) {
            return null;
        }
        List<String> lower = values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
        return o -> {
            JsonNode node = o.path(field);
            String v = node.isNull() || node.isMissingNode() ? null : node.asText();
            String lv = v == null ? "" : v.toLowerCase(Locale.ROOT);
            return switch (op) {
                case "n" -> !values.contains(v);
                case "ic" -> lower.stream().anyMatch(lv::contains);
                case "nic" -> lower.stream().noneMatch(lv::contains);
                case "ie" -> lower.contains(lv);
                case "isw" -> lower.stream().anyMatch(lv::startsWith);
                case "iew" -> lower.stream().anyMatch(lv::endsWith);
                case "empty" -> Boolean.parseBoolean(values.get(0)) == (v == null || v.isEmpty());
                default -> matchesAny(node, values);
            };
        };
    }

    private static boolean matchesAny(JsonNode node, List<String> values) {
        if (node.isNull() || node.isMissingNode()) {
            return values.contains("null");
        }
        return values.contains(node.asText());
    }

    /** created/last_updated with exact, gt, gte, lt, lte: compared as ISO-8601 text, so a date alone works too. */
    private static Predicate<ObjectNode> time(String name, String value) {
        int sep = name.indexOf("__");
        String field = sep < 0 ? name : name.substring(0, sep);
        String op = sep < 0 ? "" : name.substring(sep + 2);
        String bound = value.replace(' ', 'T');
        return o -> {
            String t = o.path(field).asText();
            int c = t.compareTo(bound);
            return switch (op) {
                case "gt" -> c > 0;
                case "gte" -> c >= 0;
                case "lt" -> c < 0;
                case "lte" -> c <= 0 || t.startsWith(bound);
                default -> t.startsWith(bound);
            };
        };
    }
}
