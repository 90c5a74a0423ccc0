package com.enreach.tools.plugin.netbox.api.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import com.enreach.tools.api.IpAddress;
import com.enreach.tools.api.NetworkInterface;
import com.enreach.tools.api.inventory.Attributes;
import com.enreach.tools.api.inventory.Entity;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** NetBox 4.x representations (full and brief) of golden records, with absolute URLs under the request's base. */
final class Render {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TAG_SLUG = "enreach";
    static final long TAG_ID = 1;
    static final String ENTITY_FIELD = "enreach_entity_id";
    private static final long MIB = 1024L * 1024L;

    private final String base;
    private final Clusters clusters;

    /**
     * @param base     e.g. {@code http://host:8080/netbox}
     * @param clusters the cluster entities, to link a VM's golden cluster name to its cluster
     * @param hosts    the details of an entity (for a VM's cluster through the host it runs on)
     */
    Render(String base, Iterable<Entity> clusters, Function<Long, Optional<Host>> hosts) {
        this.base = base;
        this.clusters = new Clusters(clusters, hosts);
    }

    String url(String endpoint, long id) {
        return base + "/api/" + endpoint + "/" + id + "/";
    }

    // ------------------------------------------------------------------ brief objects

    private ObjectNode brief(String endpoint, long id, String display) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", id);
        n.put("url", url(endpoint, id));
        n.put("display", display);
        return n;
    }

    ObjectNode named(String endpoint, Derived.Named d) {
        if (d == null) {
            return null;
        }
        ObjectNode n = brief(endpoint, d.id(), d.name());
        n.put("name", d.name());
        n.put("slug", d.slug());
        n.put("description", "");
        return n;
    }

    ObjectNode deviceBrief(Entity e) {
        ObjectNode n = brief("dcim/devices", e.id(), e.name());
        n.put("name", e.name());
        n.put("description", "");
        return n;
    }

    ObjectNode vmBrief(Entity e) {
        ObjectNode n = brief("virtualization/virtual-machines", e.id(), e.name());
        n.put("name", e.name());
        n.put("description", "");
        return n;
    }

    ObjectNode clusterBrief(Entity e) {
        ObjectNode n = brief("virtualization/clusters", e.id(), e.name());
        n.put("name", e.name());
        n.put("description", "");
        return n;
    }

    ObjectNode deviceTypeBrief(Host h) {
        Derived.Named t = Derived.deviceType(h);
        ObjectNode n = brief("dcim/device-types", t.id(), t.name());
        n.set("manufacturer", named("dcim/manufacturers", Derived.manufacturer(h)));
        n.put("model", t.name());
        n.put("slug", t.slug());
        n.put("description", "");
        return n;
    }

    ObjectNode ipBrief(IpAddress ip) {
        ObjectNode n = brief("ipam/ip-addresses", ip.id(), cidr(ip));
        n.set("family", family(ip.family()));
        n.put("address", cidr(ip));
        n.put("description", "");
        return n;
    }

    ObjectNode interfaceBrief(Host h, NetworkInterface i) {
        boolean vm = isVm(h);
        ObjectNode n = brief(vm ? "virtualization/interfaces" : "dcim/interfaces", i.id(), i.name());
        n.set(vm ? "virtual_machine" : "device", vm ? vmBrief(h.entity()) : deviceBrief(h.entity()));
        n.put("name", i.name());
        n.put("description", "");
        if (!vm) {
            n.putNull("cable");
            n.put("_occupied", false);
        }
        return n;
    }

    static ObjectNode choice(String value, String label) {
        ObjectNode n = JSON.createObjectNode();
        n.put("value", value);
        n.put("label", label);
        return n;
    }

    private static ObjectNode family(int family) {
        ObjectNode n = JSON.createObjectNode();
        n.put("value", family);
        n.put("label", "IPv" + family);
        return n;
    }

    // ------------------------------------------------------------------ full objects

    ObjectNode device(Host h) {
        Entity e = h.entity();
        ObjectNode n = deviceBrief(e);
        n.put("display_url", base + "/dcim/devices/" + e.id() + "/");
        n.set("device_type", deviceTypeBrief(h));
        n.set("role", named("dcim/device-roles", Derived.role(h)));
        n.putNull("tenant");
        n.set("platform", named("dcim/platforms", Derived.platform(h)));
        n.put("serial", h.text(Attributes.SERIAL) == null ? "" : h.text(Attributes.SERIAL));
        n.putNull("asset_tag");
        n.set("site", named("dcim/sites", Derived.site(e)));
        for (String f : new String[] {"location", "rack", "position", "face", "latitude", "longitude", "parent_device", "airflow"}) {
            n.putNull(f);
        }
        n.set("status", choice(Derived.status(h), Derived.statusLabel(Derived.status(h))));
        primaryIps(n, h);
        n.putNull("oob_ip");
        n.set("cluster", clusterOf(h));
        n.putNull("virtual_chassis");
        n.putNull("vc_position");
        n.putNull("vc_priority");
        n.put("comments", "");
        n.putNull("config_template");
        n.putNull("local_context_data");
        common(n, e);
        n.put("interface_count", h.interfaces().size());
        return n;
    }

    ObjectNode virtualMachine(Host h) {
        Entity e = h.entity();
        ObjectNode n = vmBrief(e);
        n.put("display_url", base + "/virtualization/virtual-machines/" + e.id() + "/");
        n.set("status", choice(Derived.status(h), Derived.statusLabel(Derived.status(h))));
        n.set("site", named("dcim/sites", Derived.site(e)));
        n.set("cluster", clusterOf(h));
        n.putNull("device");
        n.put("serial", h.text(Attributes.SERIAL) == null ? "" : h.text(Attributes.SERIAL));
        n.set("role", named("dcim/device-roles", Derived.role(h)));
        n.putNull("tenant");
        n.set("platform", named("dcim/platforms", Derived.platform(h)));
        primaryIps(n, h);
        Long cpus = h.number(Attributes.CPU_COUNT);
        Long memory = h.number(Attributes.MEMORY_BYTES);
        Long disk = h.number(Attributes.DISK_BYTES);
        if (cpus == null) {
            n.putNull("vcpus");
        } else {
            n.put("vcpus", cpus.doubleValue());
        }
        if (memory == null) {
            n.putNull("memory");
        } else {
            n.put("memory", Math.round(memory / (double) MIB));
        }
        if (disk == null) {
            n.putNull("disk");
        } else {
            n.put("disk", Math.round(disk / (double) MIB)); // MB since NetBox 4.0 (the writer's "auto" unit)
        }
        n.put("comments", "");
        n.putNull("config_template");
        n.putNull("local_context_data");
        common(n, e);
        n.put("interface_count", h.interfaces().size());
        n.put("virtual_disk_count", 0);
        return n;
    }

    ObjectNode cluster(Host h, long devices, long vms) {
        Entity e = h.entity();
        ObjectNode n = clusterBrief(e);
        n.set("type", named("virtualization/cluster-types", Derived.clusterType(h)));
        n.putNull("group");
        n.set("status", choice(Derived.status(e), Derived.statusLabel(Derived.status(e))));
        n.putNull("tenant");
        n.putNull("scope_type");
        n.putNull("scope_id");
        n.putNull("scope");
        n.put("comments", "");
        common(n, e);
        n.put("device_count", devices);
        n.put("virtualmachine_count", vms);
        n.put("allocated_vcpus", 0);
        return n;
    }

    ObjectNode site(Derived.Named s, long devices, long vms) {
        ObjectNode n = named("dcim/sites", s);
        n.set("status", choice("active", "Active"));
        for (String f : new String[] {"region", "group", "tenant", "time_zone", "latitude", "longitude"}) {
            n.putNull(f);
        }
        for (String f : new String[] {"facility", "physical_address", "shipping_address", "comments"}) {
            n.put(f, "");
        }
        n.set("asns", JSON.createArrayNode());
        n.set("tags", JSON.createArrayNode());
        n.set("custom_fields", JSON.createObjectNode());
        n.put("device_count", devices);
        n.put("virtualmachine_count", vms);
        n.put("prefix_count", 0);
        n.put("rack_count", 0);
        n.put("circuit_count", 0);
        n.put("vlan_count", 0);
        return n;
    }

    /** Roles, platforms, manufacturers, cluster types, device types as full objects: the brief plus empty extras. */
    ObjectNode derived(String endpoint, Derived.Named d, long count) {
        ObjectNode n = named(endpoint, d);
        n.set("tags", JSON.createArrayNode());
        n.set("custom_fields", JSON.createObjectNode());
        n.putNull("created");
        n.putNull("last_updated");
        if (endpoint.equals("dcim/device-roles")) {
            n.put("color", "9e9e9e");
            n.put("vm_role", true);
            n.put("device_count", count);
        } else if (endpoint.equals("dcim/platforms")) {
            n.putNull("manufacturer");
            n.put("device_count", count);
        } else if (endpoint.equals("virtualization/cluster-types")) {
            n.put("cluster_count", count);
        } else if (endpoint.equals("dcim/manufacturers")) {
            n.put("devicetype_count", count);
        }
        return n;
    }

    ObjectNode deviceType(Host h, long devices) {
        ObjectNode n = deviceTypeBrief(h);
        n.putNull("default_platform");
        n.put("part_number", "");
        n.put("u_height", 1.0);
        n.put("is_full_depth", true);
        n.set("tags", JSON.createArrayNode());
        n.set("custom_fields", JSON.createObjectNode());
        n.put("device_count", devices);
        return n;
    }

    ObjectNode tag(long tagged) {
        ObjectNode n = brief("extras/tags", TAG_ID, "Managed by Enreach Tools");
        n.put("name", "Managed by Enreach Tools");
        n.put("slug", TAG_SLUG);
        n.put("color", "00bcd4");
        n.put("description", "Golden record of the Enreach Tools master database");
        n.put("tagged_items", tagged);
        return n;
    }

    ObjectNode iface(Host h, NetworkInterface i) {
        ObjectNode n = interfaceBrief(h, i);
        boolean vm = isVm(h);
        if (!vm) {
            n.put("label", "");
            String type = InterfaceTypes.of(i.name());
            n.set("type", choice(type, InterfaceTypes.label(type)));
            n.put("mgmt_only", false);
        }
        n.put("enabled", i.enabled() == null || i.enabled());
        n.putNull("parent");
        n.putNull("bridge");
        if (i.mtu() == null) {
            n.putNull("mtu");
        } else {
            n.put("mtu", i.mtu());
        }
        n.put("mac_address", i.mac() == null ? null : i.mac().toUpperCase(Locale.ROOT));
        n.putNull("mode");
        common(n, h.entity());
        n.put("count_ipaddresses", h.ips().stream().filter(ip -> i.name().equals(ip.interfaceName())).count());
        n.put("count_fhrp_groups", 0);
        return n;
    }

    ObjectNode ip(Host h, IpAddress ip) {
        ObjectNode n = ipBrief(ip);
        n.putNull("vrf");
        n.putNull("tenant");
        n.set("status", choice("active", "Active"));
        n.putNull("role");
        NetworkInterface on = h.interfaceOf(ip);
        if (on == null) {
            n.putNull("assigned_object_type");
            n.putNull("assigned_object_id");
            n.putNull("assigned_object");
        } else {
            n.put("assigned_object_type", isVm(h) ? "virtualization.vminterface" : "dcim.interface");
            n.put("assigned_object_id", on.id());
            n.set("assigned_object", interfaceBrief(h, on));
        }
        n.putNull("nat_inside");
        n.set("nat_outside", JSON.createArrayNode());
        n.put("dns_name", ip.dnsName() == null ? "" : ip.dnsName());
        n.put("comments", "");
        common(n, h.entity());
        return n;
    }

    static String cidr(IpAddress ip) {
        int prefix = ip.prefixLength() != null ? ip.prefixLength() : ip.family() == 6 ? 128 : 32;
        return ip.address() + "/" + prefix;
    }

    static boolean isVm(Host h) {
        return Derived.VM_TYPES.contains(h.entity().type());
    }

    Entity clusterEntity(Host h) {
        return clusters.of(h);
    }

    private ObjectNode clusterOf(Host h) {
        Entity c = clusterEntity(h);
        return c == null ? null : clusterBrief(c);
    }

    private void primaryIps(ObjectNode n, Host h) {
        IpAddress v4 = h.primary(4);
        IpAddress v6 = h.primary(6);
        IpAddress primary = v6 != null && v4 == null ? v6 : v4;
        n.set("primary_ip", primary == null ? null : ipBrief(primary));
        n.set("primary_ip4", v4 == null ? null : ipBrief(v4));
        n.set("primary_ip6", v6 == null ? null : ipBrief(v6));
    }

    /** description, tags (the managed tag), custom fields (the entity id), created, last_updated. */
    private void common(ObjectNode n, Entity e) {
        if (!n.has("description")) {
            n.put("description", "");
        }
        ArrayNode tags = n.putArray("tags");
        ObjectNode tag = brief("extras/tags", TAG_ID, "Managed by Enreach Tools");
        tag.put("name", "Managed by Enreach Tools");
        tag.put("slug", TAG_SLUG);
        tag.put("color", "00bcd4");
        tags.add(tag);
        n.putObject("custom_fields").put(ENTITY_FIELD, e.id());
        n.put("created", time(e.createdAt()));
        n.put("last_updated", time(e.updatedAt()));
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
