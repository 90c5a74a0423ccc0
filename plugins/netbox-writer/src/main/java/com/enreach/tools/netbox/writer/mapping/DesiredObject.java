package com.enreach.tools.netbox.writer.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One NetBox object as the golden records want it. Immutable once built (the maps given are owned by it and must not
 * be changed by the caller afterwards).
 */
public final class DesiredObject {
    /** {@link #key()} of the item that sets a device's or VM's primary IPs (a second update after the IPs exist). */
    public static final String PRIMARY_IP_KEY = "primary_ip";

    private final String kind;
    private final String ref;
    private final Long entityId;
    private final String name;
    private final String site;
    private final Map<String, Object> fields;
    private final Map<String, String> attributes;
    private final Map<String, Object> createOnly;
    private final boolean managed;
    private final String parentRef;
    private final String key;
    private final List<String> dependsOn;
    private final boolean primaryIps;

    /**
     * @param kind       {@link com.enreach.tools.api.netbox.NetBoxKinds} kind
     * @param ref        unique key ({@code dcim.device:entity:42}, {@code dcim.site:slug:ams1}, ...)
     * @param entityId   the golden entity behind it (for interfaces, MACs and IPs: the entity of their device/VM)
     * @param name       display name
     * @param site       the golden site name, for filtering, or null
     * @param fields     owned NetBox fields → value (scalars, or {@link Ref} for references to other objects); only
     *                   non-null values: a field without a golden value is not written
     * @param attributes field → golden attribute that fed it (absent: derived by a rule)
     * @param createOnly fields written when the object is created and never compared afterwards (interface type,
     *                   the marker, all fields of supporting objects)
     * @param managed    true for objects carrying the managed marker (devices, VMs, clusters, interfaces, MACs, IPs);
     *                   false for supporting objects (sites, roles, ...), created when missing and never updated
     * @param parentRef  the device/VM this object belongs to (held together with it), or null
     * @param key        the natural key used to find it in NetBox: a slug for supporting objects, the interface
     *                   name, the IP host address, the MAC
     */
    public DesiredObject(String kind, String ref, Long entityId, String name, String site, Map<String, Object> fields,
                         Map<String, String> attributes, Map<String, Object> createOnly, boolean managed,
                         String parentRef, String key) {
        this.kind = Objects.requireNonNull(kind, "kind is null");
        this.ref = Objects.requireNonNull(ref, "ref is null");
        this.entityId = entityId;
        this.name = name;
        this.site = site;
        this.fields = fields == null ? Map.of() : Collections.unmodifiableMap(fields);
        this.attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(attributes);
        this.createOnly = createOnly == null ? Map.of() : Collections.unmodifiableMap(createOnly);
        this.managed = managed;
        this.parentRef = parentRef;
        this.key = key;
        Set<String> deps = new LinkedHashSet<>();
        collect(this.fields.values(), deps);
        collect(this.createOnly.values(), deps);
        this.dependsOn = deps.isEmpty() ? List.of() : List.copyOf(deps);
        this.primaryIps = PRIMARY_IP_KEY.equals(key) && parentRef != null && ref.equals(parentRef + ":" + PRIMARY_IP_KEY);
    }

    public String kind() {
        return kind;
    }

    public String ref() {
        return ref;
    }

    public Long entityId() {
        return entityId;
    }

    public String name() {
        return name;
    }

    public String site() {
        return site;
    }

    public Map<String, Object> fields() {
        return fields;
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    public Map<String, Object> createOnly() {
        return createOnly;
    }

    public boolean managed() {
        return managed;
    }

    public String parentRef() {
        return parentRef;
    }

    public String key() {
        return key;
    }

    /** True for the primary-IP update of a device or VM ({@link #parentRef()} is the device/VM). */
    public boolean primaryIps() {
        return primaryIps;
    }

    /** Refs of the objects this one needs (its references that are not lookup-only). */
    public List<String> dependsOn() {
        return dependsOn;
    }

    private static void collect(Iterable<?> values, Set<String> out) {
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

    @Override
    public String toString() {
        return kind + " " + ref + " " + new ArrayList<>(fields.entrySet());
    }
}
