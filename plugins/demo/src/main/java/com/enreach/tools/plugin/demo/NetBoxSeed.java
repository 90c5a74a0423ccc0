package com.enreach.tools.plugin.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.enreach.tools.api.netbox.NetBoxKinds;

/**
 * What the demo NetBox holds before Enreach Tools ever wrote to it: the state a team that filled NetBox by hand would
 * have left, derived from the demo estate of the same seed and size (docs/demo.md, "The demo NetBox"). The catalog
 * (sites, manufacturers, device types, roles, platforms, cluster type, clusters) is complete; a good part of the
 * machines is there, some with drifted values; some objects no source knows; a few bad data; the rest is missing.
 *
 * <p>Every object is a NetBox request body; references to objects created earlier in the plan are {@link Ref}s, so
 * the plan is data (testable without a NetBox) and {@link #load} resolves them to the ids NetBox assigns.
 */
final class NetBoxSeed {

    /** A reference to the id of an object created earlier in the plan. */
    record Ref(String key) {
    }

    /** One object to create: its plan key, NetBox object kind ({@code dcim.device}, see NetBoxKinds) and body. */
    record Item(String key, String kind, Map<String, Object> body) {
    }

    /** Creates one object in NetBox and returns its id. */
    interface Writer {
        long create(String kind, Map<String, Object> body);
    }

    private final Estate e;
    private final List<Item> items = new ArrayList<>();

    private NetBoxSeed(Estate estate) {
        this.e = estate;
    }

    /** The seed of the estate with these settings, in creation order (every reference points backwards). */
    static List<Item> plan(DemoSettings settings) {
        NetBoxSeed s = new NetBoxSeed(new Estate(settings, 1));
        s.catalog();
        NetBoxSeedMachines machines = new NetBoxSeedMachines(s.e, s::add);
        machines.servers();
        machines.switchesAndArrays();
        machines.vms();
        machines.unknownToSources();
        machines.badData();
        return Collections.unmodifiableList(s.items);
    }

    /** Creates every item through the writer; returns the ids by plan key. */
    static Map<String, Long> load(List<Item> plan, Writer writer) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (Item item : plan) {
            Map<String, Object> body = new LinkedHashMap<>();
            for (Map.Entry<String, Object> field : item.body().entrySet()) {
                body.put(field.getKey(), resolve(field.getValue(), ids, item));
            }
            ids.put(item.key(), writer.create(item.kind(), body));
        }
        return ids;
    }

    private static Object resolve(Object value, Map<String, Long> ids, Item item) {
        if (value instanceof Ref ref) {
            Long id = ids.get(ref.key());
            if (id == null) {
                throw new IllegalStateException("seed item " + item.key() + " refers to " + ref.key() + ", not created before it");
            }
            return id;
        }
        return value;
    }

    private void add(Item item) {
        items.add(item);
    }

    private void catalog() {
        for (int i = 0; i < Estate.SITES.length; i++) {
            add(new Item("site:" + Estate.SITES[i], NetBoxKinds.SITE,
                    body("name", Estate.SITE_NAMES[i], "slug", Estate.SITES[i], "status", "active",
                            "description", "Data centre " + Estate.SITE_NAMES[i])));
        }
        // a site being built that no source has machines in yet
        add(new Item("site:rtm", NetBoxKinds.SITE, body("name", "Rotterdam", "slug", "rtm", "status", "planned")));
        for (String m : manufacturers()) {
            add(new Item("manufacturer:" + m, NetBoxKinds.MANUFACTURER, body("name", m, "slug", slug(m))));
        }
        for (int v = 0; v < Estate.VENDORS.length; v++) {
            deviceType(manufacturer(Estate.VENDORS[v]), Estate.MODELS[v]);
        }
        for (String model : Estate.NET_MODELS) {
            deviceType(networkVendor(model), model);
        }
        deviceType("Huawei", "OceanStor Dorado 5000 V6");
        deviceType("NetApp", "AFF A400");
        role("hypervisor", "Hypervisor", "2196f3");
        for (String r : Estate.ROLES) {
            role(r, r.toUpperCase(Locale.ROOT).charAt(0) + r.substring(1) + " server", "9e9e9e");
        }
        role("network", "Network", "4caf50");
        role("storage", "Storage array", "ff9800");
        platform("VMware ESXi 8.0.2", "VMware");
        for (String[] os : Estate.OS) {
            platform(os[0] + " " + os[1], null);
        }
        add(new Item("cluster-type:vsphere", NetBoxKinds.CLUSTER_TYPE, body("name", "VMware vSphere", "slug", "vmware-vsphere")));
        for (int c = 0; c < e.clusters; c++) {
            // clusters were entered without a scope: hand-made NetBoxes rarely tie a cluster to a site
            add(new Item("cluster:" + c, NetBoxKinds.CLUSTER,
                    body("name", e.clusterName(c), "type", new Ref("cluster-type:vsphere"), "status", "active")));
        }
    }

    private static List<String> manufacturers() {
        List<String> names = new ArrayList<>();
        for (String vendor : Estate.VENDORS) {
            names.add(manufacturer(vendor));
        }
        for (String model : Estate.NET_MODELS) {
            names.add(networkVendor(model));
        }
        names.addAll(List.of("Huawei", "NetApp", "VMware"));
        return names;
    }

    private void deviceType(String manufacturer, String model) {
        add(new Item("device-type:" + model, NetBoxKinds.DEVICE_TYPE,
                body("manufacturer", new Ref("manufacturer:" + manufacturer), "model", model, "slug", slug(model), "u_height", 2)));
    }

    private void role(String slug, String name, String color) {
        add(new Item("role:" + slug, NetBoxKinds.DEVICE_ROLE, body("name", name, "slug", slug, "color", color, "vm_role", true)));
    }

    private void platform(String name, String manufacturer) {
        Map<String, Object> b = body("name", name, "slug", slug(name));
        if (manufacturer != null) {
            b.put("manufacturer", new Ref("manufacturer:" + manufacturer));
        }
        add(new Item("platform:" + name, NetBoxKinds.PLATFORM, b));
    }

    /** How the team named a vendor in NetBox: "Dell", not the SMBIOS "Dell Inc." (as the shipped mapping does). */
    static String manufacturer(String vendor) {
        return vendor.endsWith(" Inc.") ? vendor.substring(0, vendor.length() - 5) : vendor;
    }

    /** The vendor of a network model, the first word of its name ("Cisco Nexus 93180YC-FX"). */
    static String networkVendor(String model) {
        return model.substring(0, model.indexOf(' '));
    }

    /** NetBox's slugify: lower case, runs of anything but letters and digits become one dash. */
    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** A mutable body from key/value pairs, in order. */
    static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> b = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            b.put((String) keyValues[i], keyValues[i + 1]);
        }
        return b;
    }
}
