package com.enreach.tools.netbox.writer.preview;

import com.enreach.tools.api.netbox.NetBoxKinds;
import com.enreach.tools.netbox.client.NetBoxClient;
import com.enreach.tools.netbox.client.NetBoxException;
import com.enreach.tools.netbox.writer.mapping.Addresses;
import com.enreach.tools.netbox.writer.mapping.Marker;
import com.enreach.tools.netbox.writer.mapping.Slugs;
import com.enreach.tools.netbox.writer.mapping.Versions;
import com.enreach.tools.netbox.writer.validation.NetBoxFacts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * NetBox's current state as far as the preview needs it, indexed: supporting objects by slug and name, managed
 * objects by their key ({@code dcim.device:entity:42}, {@code dcim.interface:entity:42:eth0}, ...), and the
 * unmanaged devices, VMs, clusters and IPs by name, serial and address (to find hand-made objects matching an
 * entity).
 */
public final class NetBoxSnapshot implements NetBoxFacts {
    private static final List<String> SUPPORTING = List.of(NetBoxKinds.TAG, NetBoxKinds.CUSTOM_FIELD,
            NetBoxKinds.MANUFACTURER, NetBoxKinds.DEVICE_TYPE, NetBoxKinds.SITE, NetBoxKinds.DEVICE_ROLE,
            NetBoxKinds.PLATFORM, NetBoxKinds.CLUSTER_TYPE, NetBoxKinds.CLUSTER_GROUP);

    final String version;
    /** supporting ref ({@code dcim.site:slug:ams1}, also {@code ...:name:<lower name>}) → object */
    private final Map<String, Map<String, Object>> supporting = new HashMap<>();
    /** managed key → object (the first one; duplicates go to {@link #duplicates}) */
    final Map<String, Map<String, Object>> managed = new LinkedHashMap<>();
    final List<Map.Entry<String, Map<String, Object>>> duplicates = new ArrayList<>();
    private final Map<String, List<Map<String, Object>>> unmanaged = new HashMap<>();
    private final Map<String, List<Map<String, Object>>> ipsByHost = new HashMap<>();
    private final Map<String, Map<String, Object>> byKindId = new HashMap<>();

    private NetBoxSnapshot(String version) {
        this.version = version;
    }

    /** Reads what the preview needs from NetBox. */
    public static NetBoxSnapshot read(NetBoxClient client) {
        return read(client, true);
    }

    /**
     * @param racks read racks too (only needed when some device has a golden rack); a NetBox that answers 404 for
     *              racks (a trimmed-down double) simply has none
     */
    public static NetBoxSnapshot read(NetBoxClient client, boolean racks) {
        Object v = client.status().get("netbox-version");
        NetBoxSnapshot s = new NetBoxSnapshot(v == null ? null : String.valueOf(v));
        for (String kind : SUPPORTING) {
            for (Map<String, Object> o : client.list(NetBoxKinds.endpoint(kind), Map.of(), false)) {
                s.addSupporting(kind, o);
            }
        }
        if (racks) {
            try {
                for (Map<String, Object> r : client.list("dcim/racks", Map.of(), false)) {
                    s.supporting.put("dcim.rack:name:" + slug(r.get("site")) + "/" + lower(r.get("name")), r);
                }
            } catch (NetBoxException e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
        }
        for (String kind : List.of(NetBoxKinds.CLUSTER, NetBoxKinds.DEVICE, NetBoxKinds.VIRTUAL_MACHINE, NetBoxKinds.IP_ADDRESS)) {
            for (Map<String, Object> o : client.list(NetBoxKinds.endpoint(kind), Map.of(), false)) {
                s.add(kind, o);
            }
        }
        // every interface: a hand-made one on a managed device must not be created a second time
        for (String kind : List.of(NetBoxKinds.INTERFACE, NetBoxKinds.VM_INTERFACE)) {
            for (Map<String, Object> o : client.list(NetBoxKinds.endpoint(kind), Map.of(), false)) {
                s.add(kind, o);
            }
        }
        if (!Versions.before(s.version, 4, 2)) {
            for (Map<String, Object> o : client.list(NetBoxKinds.endpoint(NetBoxKinds.MAC_ADDRESS), Map.of("tag", Marker.TAG_SLUG), false)) {
                s.add(NetBoxKinds.MAC_ADDRESS, o);
            }
        }
        return s;
    }

    private void addSupporting(String kind, Map<String, Object> o) {
        if (NetBoxKinds.CUSTOM_FIELD.equals(kind)) {
            supporting.put(kind + ":name:" + o.get("name"), o);
        } else if (NetBoxKinds.DEVICE_TYPE.equals(kind)) {
            String m = slug(o.get("manufacturer"));
            supporting.put(kind + ":slug:" + m + "/" + o.get("slug"), o);
            supporting.put(kind + ":slug:" + m + "/" + Slugs.slugify(String.valueOf(o.get("model"))), o);
        } else {
            supporting.put(kind + ":slug:" + o.get("slug"), o);
            supporting.putIfAbsent(kind + ":slug:" + Slugs.slugify(String.valueOf(o.get("name"))), o);
        }
    }

    private void add(String kind, Map<String, Object> o) {
        byKindId.put(kind + "#" + o.get("id"), o);
        if (NetBoxKinds.CLUSTER.equals(kind)) {
            supporting.putIfAbsent(kind + ":name:" + lower(o.get("name")), o);
        }
        if (NetBoxKinds.IP_ADDRESS.equals(kind)) {
            String host = Addresses.host(String.valueOf(o.get("address")));
            if (host != null) {
                ipsByHost.computeIfAbsent(host, k -> new ArrayList<>()).add(o);
            }
        }
        if (Marker.managed(o)) {
            String key = key(kind, o);
            if (managed.putIfAbsent(key, o) != null) {
                duplicates.add(Map.entry(key, o));
            }
        } else if (NetBoxKinds.INTERFACE.equals(kind) || NetBoxKinds.VM_INTERFACE.equals(kind)) {
            Object parent = o.get(NetBoxKinds.INTERFACE.equals(kind) ? "device" : "virtual_machine");
            if (parent instanceof Map<?, ?> p && p.get("id") != null) {
                unmanaged.computeIfAbsent(kind + "|" + p.get("id") + "|" + lower(o.get("name")), k -> new ArrayList<>()).add(o);
            }
        } else if (!NetBoxKinds.IP_ADDRESS.equals(kind)) {
            unmanaged.computeIfAbsent(kind + "|name|" + lower(o.get("name")), k -> new ArrayList<>()).add(o);
            Object serial = o.get("serial");
            if (serial instanceof String sn && !sn.isBlank()) {
                unmanaged.computeIfAbsent(kind + "|serial|" + sn.trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(o);
            }
        }
    }

    /** The key of a managed NetBox object, the same as the ref of the desired object it stands for. */
    static String key(String kind, Map<String, Object> o) {
        String base = kind + ":entity:" + Marker.entityId(o);
        return switch (kind) {
            case NetBoxKinds.INTERFACE, NetBoxKinds.VM_INTERFACE -> base + ":" + o.get("name");
            case NetBoxKinds.IP_ADDRESS -> {
                String host = Addresses.host(String.valueOf(o.get("address")));
                yield base + ":" + (host != null ? host : o.get("address"));
            }
            case NetBoxKinds.MAC_ADDRESS -> {
                String mac = Addresses.mac(String.valueOf(o.get("mac_address")));
                yield base + ":" + (mac != null ? mac : o.get("mac_address"));
            }
            default -> base;
        };
    }

    /** The NetBox object a ref stands for: a managed object by its key, a supporting one by slug/name; or null. */
    /**
     * Lets other objects reference a hand-made object that an entity matched (a cluster its VMs belong to): found by
     * the entity's ref from now on, as a supporting object, so it is referenced but never updated or deleted.
     */
    void useExisting(String ref, Map<String, Object> object) {
        supporting.put(ref, object);
    }

    public Map<String, Object> find(String ref) {
        Map<String, Object> m = managed.get(ref);
        return m != null ? m : supporting.get(ref);
    }

    /** An object by kind and NetBox id, among the devices, VMs, clusters and IPs read. */
    public Map<String, Object> byId(String kind, Object id) {
        return byKindId.get(kind + "#" + id);
    }

    /** Unmanaged objects of a kind with this name (case-insensitive). */
    public List<Map<String, Object>> unmanagedByName(String kind, String name) {
        return unmanaged.getOrDefault(kind + "|name|" + lower(name), List.of());
    }

    /** Unmanaged interfaces of a kind with this name on the device or VM of NetBox id {@code parentId}. */
    public List<Map<String, Object>> unmanagedInterfaces(String kind, Object parentId, String name) {
        return unmanaged.getOrDefault(kind + "|" + NetBoxValues.comparable(parentId) + "|" + lower(name), List.of());
    }

    /** Unmanaged objects of a kind with this serial number. */
    public List<Map<String, Object>> unmanagedBySerial(String kind, String serial) {
        return serial == null ? List.of() : unmanaged.getOrDefault(kind + "|serial|" + serial.trim().toLowerCase(Locale.ROOT), List.of());
    }

    @Override
    public boolean exists(String ref) {
        return find(ref) != null;
    }

    @Override
    public List<Map<String, Object>> ipAddresses(String host) {
        return ipsByHost.getOrDefault(host, List.of());
    }

    public String version() {
        return version;
    }

    private static String lower(Object o) {
        return o == null ? "" : String.valueOf(o).trim().toLowerCase(Locale.ROOT);
    }

    private static String slug(Object nested) {
        if (nested instanceof Map<?, ?> m) {
            Object s = m.get("slug");
            return s != null ? String.valueOf(s) : Slugs.slugify(String.valueOf(m.get("name")));
        }
        return "";
    }
}
