package com.enreach.tools.plugin.netbox.api.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.enreach.tools.api.inventory.Attributes;
import com.enreach.tools.api.inventory.Entity;
import com.enreach.tools.api.spi.DeviceTypes;

/**
 * NetBox objects that exist only as golden values (sites, roles, platforms, device types, manufacturers, cluster
 * types): name, slug and a stable id, derived the same way everywhere in the read API.
 */
final class Derived {
    static final String UNKNOWN = "Unknown";
    static final String GENERIC = "Generic";
    private static final Pattern POWERED_OFF = Pattern.compile("(?i)^(off|poweredoff|stopped|down|suspended)$");
    /** Vendor spellings unified (regex, name), as in the writer's shipped config/etc/netbox-mapping.json. */
    private static final String[][] VENDORS = {{"^dell", "Dell"}, {"^(hp|hpe|hewlett)", "HPE"}, {"^cisco", "Cisco"},
        {"^arista", "Arista"}, {"^juniper", "Juniper"}, {"^netapp", "NetApp"}, {"^huawei", "Huawei"}, {"^vmware", "VMware"}};
    /** Entity types served as virtual machines and clusters; every other type is a device. */
    static final Set<String> VM_TYPES = Set.of(DeviceTypes.VM);
    static final Set<String> CLUSTER_TYPES = Set.of(DeviceTypes.CLUSTER);
    static final Set<String> NOT_DEVICES = Set.of(DeviceTypes.VM, DeviceTypes.CLUSTER);

    private static final int MAX_KNOWN = 10_000;
    private static final Map<String, Named> KNOWN = new ConcurrentHashMap<>();

    /** A derived object: kind (NetBox content type), name, slug, id. */
    record Named(String kind, String name, String slug, long id) {
        static Named of(String kind, String name) {
            if (name == null || name.isBlank()) {
                return null;
            }
            // a listing derives the same few names for up to every entity: slugify each once
            String key = kind + '\u0000' + name;
            Named known = KNOWN.get(key);
            if (known == null) {
                String slug = Slugs.slugify(name.trim());
                known = new Named(kind, name.trim(), slug, Slugs.id(kind, slug));
                if (KNOWN.size() >= MAX_KNOWN) {
                    KNOWN.clear();
                }
                KNOWN.put(key, known);
            }
            return known;
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

    /**
     * The golden role, else by type as the writer's shipped mapping derives it: Hypervisor, Network, Storage, Server;
     * none for other types.
     */
    static Named role(Host h) {
        String role = h.text(Attributes.ROLE);
        String type = h.entity().type() == null ? "" : h.entity().type();
        if (role == null && isDevice(type)) {
            role = type.equals("hypervisor") ? "Hypervisor" : type.startsWith("network") ? "Network" : type.startsWith("storage") ? "Storage"
                    : type.equals("server") ? "Server" : null;
        }
        return Named.of("dcim.devicerole", role);
    }

    static Named platform(Host h) {
        return Named.of("dcim.platform", h.text(Attributes.OS));
    }

    /** The golden vendor, with the well-known vendors' spellings unified as the shipped mapping does; else Generic. */
    static Named manufacturer(Host h) {
        String vendor = h.text(Attributes.VENDOR);
        String name = vendor == null ? GENERIC : vendor;
        for (String[] rule : VENDORS) {
            if (vendor != null && Pattern.compile(rule[0], Pattern.CASE_INSENSITIVE).matcher(vendor).find()) {
                name = rule[1];
                break;
            }
        }
        return Named.of("dcim.manufacturer", name);
    }

    /** Device types are named by model; the id also depends on the manufacturer (two vendors may share a model name). */
    static Named deviceType(Host h) {
        String model = h.text(Attributes.MODEL);
        Named m = manufacturer(h);
        String name = model == null ? UNKNOWN : model;
        String slug = Slugs.slugify(name);
        return new Named("dcim.devicetype", name, slug, Slugs.id("dcim.devicetype", m.slug() + "/" + slug));
    }

    /** A cluster's type: NetApp ONTAP when an ONTAP source sees it, else VMware vSphere (the shipped mapping's rule). */
    static Named clusterType(Host h) {
        boolean ontap = h.entity().sources().stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).contains("ontap"));
        return Named.of("virtualization.clustertype", ontap ? "NetApp ONTAP" : "VMware vSphere");
    }

    static String typeLabel(String type) {
        if (type == null || type.isBlank()) {
            return UNKNOWN;
        }
        String s = type.replace('_', ' ').trim();
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** NetBox status: offline when every observation is stale or the golden power state is off, else active. */
    static String status(Entity e) {
        return "stale".equals(e.status()) ? "offline" : "active";
    }

    static String status(Host h) {
        String power = h.text(Attributes.POWER_STATE);
        return power != null && POWERED_OFF.matcher(power).matches() ? "offline" : status(h.entity());
    }

    static String statusLabel(String value) {
        return typeLabel(value);
    }
}
