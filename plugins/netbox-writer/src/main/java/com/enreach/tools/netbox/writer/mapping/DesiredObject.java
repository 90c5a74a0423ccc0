package com.enreach.tools.netbox.writer.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One NetBox object as the golden records want it.
 *
 * @param kind       {@link com.enreach.tools.api.netbox.NetBoxKinds} kind
 * @param ref        unique key ({@code dcim.device:entity:42}, {@code dcim.site:slug:ams1}, ...)
 * @param entityId   the golden entity behind it (for interfaces, MACs and IPs: the entity of their device/VM)
 * @param name       display name
 * @param site       the golden site name, for filtering, or null
 * @param fields     owned NetBox fields → value (scalars, or {@link Ref} for references to other objects); only
 *                   non-null values: a field without a golden value is not written
 * @param attributes field → golden attribute that fed it (absent: derived by a rule)
 * @param createOnly fields written when the object is created and never compared afterwards (interface type, ...)
 * @param managed    true for objects carrying the managed marker (devices, VMs, clusters, interfaces, MACs, IPs);
 *                   false for supporting objects (sites, roles, ...), which are created when missing and never updated
 * @param parentRef  the device/VM/cluster this object belongs to (held together with it), or null
 * @param key        the natural key used to find it in NetBox: a slug or name for supporting objects, the interface
 *                   name, the IP host address, the MAC
 */
public record DesiredObject(String kind, String ref, Long entityId, String name, String site,
                            Map<String, Object> fields, Map<String, String> attributes, Map<String, Object> createOnly,
                            boolean managed, String parentRef, String key) {
    public DesiredObject {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(ref, "ref is null");
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        createOnly = createOnly == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(createOnly));
    }

    /** {@link #key()} of the item that sets a device's or VM's primary IPs (a second update after the IPs exist). */
    public static final String PRIMARY_IP_KEY = "primary_ip";

    /** True for the primary-IP update of a device or VM ({@link #parentRef()} is the device/VM). */
    public boolean primaryIps() {
        return PRIMARY_IP_KEY.equals(key) && parentRef != null && ref.equals(parentRef + ":" + PRIMARY_IP_KEY);
    }

    /** Refs of the objects this one needs (its references that are not lookup-only). */
    public List<String> dependsOn() {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        collect(fields.values(), out);
        collect(createOnly.values(), out);
        return List.copyOf(out);
    }

    private static void collect(Iterable<?> values, java.util.Set<String> out) {
        for (Object v : values) {
            if (v instanceof Ref r && !r.lookupOnly()) {
                out.add(r.ref());
            } else if (v instanceof List<?> l) {
                collect(l, out);
            }
        }
    }

    /** The value of a field, from the compared or the create-only fields. */
    public Object field(String field) {
        Object v = fields.get(field);
        return v != null ? v : createOnly.get(field);
    }
}
