package com.enreach.tools.netbox.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** NetBox's model rules the pipeline meets: uniqueness, custom fields, IP/MAC assignment, primary IPs. */
final class Rules {
    private static final Pattern MAC = Pattern.compile("^([0-9A-Fa-f]{2})([:-]?[0-9A-Fa-f]{2}){5}$");
    private static final Pattern IPV4 = Pattern.compile("^(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$");
    private static final Set<String> SLUGGED = Set.of("extras.tag", "dcim.manufacturer", "dcim.site", "dcim.devicerole",
            "dcim.platform", "virtualization.clustertype", "virtualization.clustergroup");
    static final Set<String> INTERFACE_TYPES = Set.of("dcim.interface", "virtualization.vminterface");

    private final Kinds kinds;
    private final Store store;

    Rules(Kinds kinds, Store store) {
        this.kinds = kinds;
        this.store = store;
    }

    void check(KindDef kind, ObjectNode o, ObjectNode existing, FieldErrors errors) {
        long self = o.get("id").asLong();
        String k = kind.name();
        if (SLUGGED.contains(k)) {
            unique(kind, o, self, errors, "name");
            unique(kind, o, self, errors, "slug");
        }
        switch (k) {
            case "extras.customfield" -> unique(kind, o, self, errors, "name");
            case "dcim.devicetype" -> {
                together(kind, o, self, errors, "manufacturer", "model");
                together(kind, o, self, errors, "manufacturer", "slug");
            }
            case "virtualization.cluster" -> {
                if (!o.path("group").isNull()) {
                    together(kind, o, self, errors, "group", "name");
                }
            }
            case "dcim.device" -> {
                if (!o.path("name").isNull() && clashIgnoringCase(kind, o, self, "site")) {
                    errors.add("__all__", "Device name must be unique per site.");
                }
                primaryIps(o, self, "dcim.interface", "device", "device", errors);
            }
            case "virtualization.virtualmachine" -> {
                if (clashIgnoringCase(kind, o, self, "cluster")) {
                    errors.add("__all__", "Virtual machine name must be unique per cluster.");
                }
                if (o.path("cluster").isNull() && o.path("site").isNull()) {
                    errors.add("__all__", "A virtual machine must be assigned to a site and/or cluster.");
                }
                primaryIps(o, self, "virtualization.vminterface", "virtual_machine", "VM", errors);
            }
            case "dcim.interface" -> together(kind, o, self, errors, "device", "name");
            case "virtualization.vminterface" -> together(kind, o, self, errors, "virtual_machine", "name");
            case "ipam.ipaddress" -> {
                ipAddress(o, errors);
                assignment(o, errors);
                if (existing != null && errors.isEmpty()) {
                    primaryStaysOnItsParent(o, errors);
                }
            }
            case "dcim.macaddress" -> {
                String mac = o.path("mac_address").asText();
                if (!MAC.matcher(mac).matches()) {
                    errors.add("mac_address", "Invalid MAC address format: " + mac);
                } else {
                    String hex = mac.replaceAll("[:-]", "").toUpperCase(Locale.ROOT);
                    o.put("mac_address", hex.replaceAll("(..)(?!$)", "$1:"));
                }
                assignment(o, errors);
            }
            default -> {
            }
        }
        customFields(k, o, existing == null, errors);
    }

    /** An IP that is the primary IP of a device or VM cannot move to an interface of another parent. */
    private void primaryStaysOnItsParent(ObjectNode ip, FieldErrors errors) {
        String id = ip.get("id").asText();
        for (String[] p : new String[][]{{"dcim.device", "dcim.interface", "device"}, {"virtualization.virtualmachine", "virtualization.vminterface", "virtual_machine"}}) {
            for (String field : List.of("primary_ip4", "primary_ip6")) {
                for (Long parent : store.lookup(p[0], field, id)) {
                    ObjectNode iface = p[1].equals(ip.path("assigned_object_type").asText())
                            ? store.get(p[1], ip.path("assigned_object_id").asLong()) : null;
                    if (iface == null || iface.path(p[2]).asLong() != parent) {
                        errors.add("interface", "Cannot reassign IP address while it is designated as the primary IP for the parent object");
                        return;
                    }
                }
            }
        }
    }

    private void unique(KindDef kind, ObjectNode o, long self, FieldErrors errors, String field) {
        if (clash(kind, o, self, field)) {
            errors.add(field, kind.model().replace("devicerole", "device role").replace("clustertype", "cluster type")
                    .replace("clustergroup", "cluster group").replace("customfield", "custom field") + " with this " + field + " already exists.");
        }
    }

    private void together(KindDef kind, ObjectNode o, long self, FieldErrors errors, String a, String b) {
        if (clash(kind, o, self, a, b)) {
            errors.add("non_field_errors", "The fields " + a + ", " + b + " must make a unique set.");
        }
    }

    /** Another object of the kind has the same values in all the fields (candidates from the most selective index). */
    private boolean clash(KindDef kind, ObjectNode o, long self, String... fields) {
        java.util.Set<Long> candidates = null;
        for (String f : fields) {
            JsonNode v = o.path(f);
            if (v.isNull() || v.isMissingNode()) {
                return false;
            }
            java.util.Set<Long> ids = store.lookup(kind.name(), f, v.asText());
            if (candidates == null || ids.size() < candidates.size()) {
                candidates = ids;
            }
        }
        for (Long id : candidates) {
            if (id == self) {
                continue;
            }
            ObjectNode other = store.get(kind.name(), id);
            boolean same = true;
            for (String f : fields) {
                same &= other.path(f).asText().equals(o.path(f).asText());
            }
            if (same) {
                return true;
            }
        }
        return false;
    }

    /** Devices and VMs: NetBox's constraint is on Lower(name) with the site or cluster (and tenant). */
    private boolean clashIgnoringCase(KindDef kind, ObjectNode o, long self, String scope) {
        JsonNode name = o.path("name");
        if (name.isNull() || name.isMissingNode()) {
            return false;
        }
        for (Long id : store.lookup(kind.name(), "name", name.asText())) {
            ObjectNode other = store.get(kind.name(), id);
            if (id != self && other.path("name").asText().equalsIgnoreCase(name.asText())
                    && other.path(scope).asText().equals(o.path(scope).asText())
                    && other.path("tenant").asText().equals(o.path("tenant").asText())) {
                return true;
            }
        }
        return false;
    }

    private void ipAddress(ObjectNode o, FieldErrors errors) {
        String address = o.path("address").asText();
        String host = Store.key("address", address);
        String mask = address.contains("/") ? address.substring(address.indexOf('/') + 1) : null;
        boolean v4 = IPV4.matcher(host).matches();
        boolean v6 = !v4 && IPV6.matcher(host).matches();
        int max = v4 ? 32 : 128;
        if ((!v4 && !v6) || (mask != null && !mask.matches("\\d{1,3}")) || (mask != null && Integer.parseInt(mask) > max)) {
            errors.add("address", "Enter a valid IPv4 or IPv6 address with optional mask.");
            return;
        }
        o.put("address", host.toLowerCase(Locale.ROOT) + "/" + (mask == null ? max : Integer.parseInt(mask)));
        String role = o.path("role").asText("");
        if (o.path("vrf").isNull() && !Set.of("anycast", "vip", "vrrp", "hsrp", "glbp", "carp").contains(role)) {
            for (Long id : store.lookup("ipam.ipaddress", "address", host)) {
                if (id != o.get("id").asLong() && store.get("ipam.ipaddress", id).path("vrf").isNull()) {
                    errors.add("address", "Duplicate IP address found in global table: " + store.get("ipam.ipaddress", id).get("address").asText());
                    return;
                }
            }
        }
    }

    /** The object an IP or MAC is assigned to (assigned_object_type/id) must exist. */
    private void assignment(ObjectNode o, FieldErrors errors) {
        JsonNode type = o.path("assigned_object_type");
        JsonNode id = o.path("assigned_object_id");
        if (type.isNull() || type.isMissingNode()) {
            if (!id.isNull() && !id.isMissingNode()) {
                errors.add("assigned_object_type", "This field is required when assigned_object_id is set.");
            }
            return;
        }
        if (!INTERFACE_TYPES.contains(type.asText())) {
            errors.add("assigned_object_type", "Invalid content type: " + type.asText());
        } else if (id.isNull() || id.isMissingNode()) {
            errors.add("assigned_object_id", "This field is required when assigned_object_type is set.");
        } else if (store.get(type.asText(), id.asLong()) == null) {
            errors.add("assigned_object_id", "Related object not found using the provided numeric ID: " + id.asLong());
        }
    }

    private void primaryIps(ObjectNode o, long self, String ifaceKind, String parentField, String noun, FieldErrors errors) {
        for (String field : List.of("primary_ip4", "primary_ip6")) {
            JsonNode ref = o.path(field);
            if (ref.isNull() || ref.isMissingNode()) {
                continue;
            }
            ObjectNode ip = store.get("ipam.ipaddress", ref.asLong());
            String address = ip.get("address").asText();
            boolean v4 = !address.contains(":");
            if (field.equals("primary_ip4") != v4) {
                errors.add(field, address + " is not an IPv" + (field.equals("primary_ip4") ? 4 : 6) + " address.");
                continue;
            }
            ObjectNode iface = ifaceKind.equals(ip.path("assigned_object_type").asText())
                    ? store.get(ifaceKind, ip.path("assigned_object_id").asLong()) : null;
            if (iface == null || iface.path(parentField).asLong() != self) {
                errors.add(field, "The specified IP address (" + address + ") is not assigned to this " + noun + ".");
            }
        }
    }

    private void customFields(String kind, ObjectNode o, boolean create, FieldErrors errors) {
        ObjectNode cf = o.with("custom_fields");
        for (ObjectNode def : store.all("extras.customfield")) {
            if (!appliesTo(def, kind)) {
                continue;
            }
            String name = def.get("name").asText();
            if (create && !cf.has(name) && !def.path("default").isNull() && !def.path("default").isMissingNode()) {
                cf.set(name, def.get("default")); // NetBox fills defaults in on create
            }
            if (def.path("required").asBoolean() && (!cf.has(name) || cf.get(name).isNull())) {
                errors.add("custom_fields", "Missing required custom field '" + name + "'.");
            }
        }
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) cf::fields) {
            ObjectNode def = definition(kind, e.getKey());
            if (def == null) {
                errors.add("custom_fields", "Unknown field name '" + e.getKey() + "' in custom field data.");
                continue;
            }
            String problem = CustomFieldTypes.problem(def.path("type").asText("text"), e.getValue());
            if (problem != null) {
                errors.add("custom_fields", "Invalid value for custom field '" + e.getKey() + "': " + problem);
            }
        }
    }

    /** The custom field of that name defined for the object kind, or null. */
    ObjectNode definition(String kind, String name) {
        for (Long id : store.lookup("extras.customfield", "name", name)) {
            ObjectNode def = store.get("extras.customfield", id);
            if (appliesTo(def, kind)) {
                return def;
            }
        }
        return null;
    }

    private static boolean appliesTo(ObjectNode def, String kind) {
        for (JsonNode t : def.path("object_types")) {
            if (t.asText().equals(kind)) {
                return true;
            }
        }
        return false;
    }
}
