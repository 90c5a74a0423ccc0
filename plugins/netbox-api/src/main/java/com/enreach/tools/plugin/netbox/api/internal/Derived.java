package com.enreach.tools.plugin.netbox.api.internal;

import java.util.Locale;
import java.util.Set;

import com.enreach.tools.api.inventory.Attributes;
import com.enreach.tools.api.inventory.Entity;
import com.enreach.tools.api.spi.DeviceTypes;

/**
 * NetBox objects that exist only as golden values (sites, roles, platforms, device types, manufacturers, cluster
 * types): name, slug and a stable id, derived the same way everywhere in the read API.
 */
final class Derived {
    static final String UNKNOWN = "Unknown";
    /** Entity types served as virtual machines and clusters; every other type is a device. */
    static final Set<String> VM_TYPES = Set.of(DeviceTypes.VM);
    static final Set<String> CLUSTER_TYPES = Set.of(DeviceTypes.CLUSTER);
    static final Set<String> NOT_DEVICES = Set.of(DeviceTypes.VM, DeviceTypes.CLUSTER);

    /** A derived object: kind (NetBox content type), name, slug, id. */
    record Named(String kind, String name, String slug, long id) {
        static Named of(String kind, String name) {
            if (name == null || name.isBlank()) {
                return null;
            }
            String slug = Slugs.slugify(name.trim());
            return new Named(kind, name.trim(), slug, Slugs.id(kind, slug));
        }
    }

    private Derived() {
    }

    static boolean isDevice(String type) {
        return !NOT_DEVICES.contains(type);
    }

    static Named site(Entity e) {
        return Named.of("dcim.site", e.site());
    }

    /** The golden role, else one named after the entity type ({@code storage_controller} → "Storage controller"). */
    static Named role(Host h) {
        String role = h.text(Attributes.ROLE);
        if (role == null && isDevice(h.entity().type())) {
            role = typeLabel(h.entity().type());
        }
        return Named.of("dcim.devicerole", role);
    }

    static Named platform(Host h) {
        return Named.of("dcim.platform", h.text(Attributes.OS));
    }

    static Named manufacturer(Host h) {
        String vendor = h.text(Attributes.VENDOR);
        return Named.of("dcim.manufacturer", vendor == null ? UNKNOWN : vendor);
    }

    /** Device types are named by model; the id also depends on the manufacturer (two vendors may share a model name). */
    static Named deviceType(Host h) {
        String model = h.text(Attributes.MODEL);
        Named m = manufacturer(h);
        String name = model == null ? UNKNOWN : model;
        String slug = Slugs.slugify(name);
        return new Named("dcim.devicetype", name, slug, Slugs.id("dcim.devicetype", m.slug() + "/" + slug));
    }

    /** A cluster's type: the source system its name came from (e.g. "vcenter"), or Unknown. */
    static Named clusterType(Host h) {
        String system = h.sourceOf().get(Attributes.NAME);
        return Named.of("virtualization.clustertype", system == null || system.equals("manual") ? UNKNOWN : system);
    }

    static String typeLabel(String type) {
        if (type == null || type.isBlank()) {
            return UNKNOWN;
        }
        String s = type.replace('_', ' ').trim();
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** NetBox status of an entity: active, or offline when every observation is stale. */
    static String status(Entity e) {
        return "stale".equals(e.status()) ? "offline" : "active";
    }

    static String statusLabel(String value) {
        return typeLabel(value);
    }
}
