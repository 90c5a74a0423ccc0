package com.enreach.tools.plugin.netbox.api.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import com.enreach.tools.api.IpAddress;
import com.enreach.tools.api.NetworkInterface;
import com.enreach.tools.api.inventory.Entity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The endpoints whose objects are derived from many entities: sites, roles, platforms, manufacturers, device types,
 * cluster types, the tag, interfaces and IP addresses (and the counts on clusters). All but sites read the details of
 * the entities concerned (cached by {@link Inventory}).
 */
final class Catalog {
    private final Inventory inventory;
    private final Render render;
    private Map<Long, long[]> clusterCounts;

    Catalog(Inventory inventory, Render render) {
        this.inventory = inventory;
        this.render = render;
    }

    Response handle(Request r, String endpoint, Long id) {
        return switch (endpoint) {
            case "dcim/sites" -> sites(r, id);
            case "dcim/device-roles" -> named(r, id, endpoint, "DeviceRole", all(true, true), Derived::role);
            case "dcim/platforms" -> named(r, id, endpoint, "Platform", all(true, true), Derived::platform);
            case "dcim/manufacturers" -> named(r, id, endpoint, "Manufacturer", all(true, false), Derived::manufacturer);
            case "virtualization/cluster-types" -> named(r, id, endpoint, "ClusterType",
                    inventory.hosts(inventory.ofTypes(Derived.CLUSTER_TYPES, true)), Derived::clusterType);
            case "dcim/device-types" -> deviceTypes(r, id);
            case "extras/tags" -> tags(r, id);
            case "dcim/interfaces" -> interfaces(r, id, false);
            case "virtualization/interfaces" -> interfaces(r, id, true);
            case "ipam/ip-addresses" -> ips(r, id);
            default -> Response.detail(404, "Not found.");
        };
    }

    ObjectNode cluster(Host h) {
        if (clusterCounts == null) {
            clusterCounts = new HashMap<>();
            for (Host member : all(true, true)) {
                Entity c = render.clusterEntity(member);
                if (c != null) {
                    clusterCounts.computeIfAbsent(c.id(), k -> new long[2])[Render.isVm(member) ? 1 : 0]++;
                }
            }
        }
        long[] n = clusterCounts.getOrDefault(h.id(), new long[2]);
        return render.cluster(h, n[0], n[1]);
    }

    /** Details of every device (and VM). */
    private List<Host> all(boolean devices, boolean vms) {
        List<Entity> list = new ArrayList<>();
        if (devices) {
            list.addAll(inventory.ofTypes(Derived.NOT_DEVICES, false));
        }
        if (vms) {
            list.addAll(inventory.ofTypes(Derived.VM_TYPES, true));
        }
        return inventory.hosts(list);
    }

    private record Counted(Derived.Named named, long[] counts, Host example) {
    }

    private Response sites(Request r, Long id) {
        Map<Long, Counted> sites = new LinkedHashMap<>();
        for (Entity e : inventory.snapshot().all()) {
            Derived.Named s = Derived.site(e);
            if (s != null && !Derived.CLUSTER_TYPES.contains(e.type())) {
                sites.computeIfAbsent(s.id(), k -> new Counted(s, new long[2], null)).counts()[Derived.VM_TYPES.contains(e.type()) ? 1 : 0]++;
            }
        }
        return list(r, id, "Site", sorted(sites), c -> render.site(c.named(), c.counts()[0], c.counts()[1]),
                c -> render.named("dcim/sites", c.named()));
    }

    private Response named(Request r, Long id, String endpoint, String objectName, List<Host> hosts, Function<Host, Derived.Named> of) {
        Map<Long, Counted> found = new LinkedHashMap<>();
        for (Host h : hosts) {
            Derived.Named n = of.apply(h);
            if (n != null) {
                found.computeIfAbsent(n.id(), k -> new Counted(n, new long[1], h)).counts()[0]++;
            }
        }
        return list(r, id, objectName, sorted(found), c -> render.derived(endpoint, c.named(), c.counts()[0]),
                c -> render.named(endpoint, c.named()));
    }

    private Response deviceTypes(Request r, Long id) {
        Map<Long, Counted> found = new LinkedHashMap<>();
        for (Host h : all(true, false)) {
            Derived.Named n = Derived.deviceType(h);
            found.computeIfAbsent(n.id(), k -> new Counted(n, new long[1], h)).counts()[0]++;
        }
        return list(r, id, "DeviceType", sorted(found), c -> render.deviceType(c.example(), c.counts()[0]),
                c -> render.deviceTypeBrief(c.example()));
    }

    private Response tags(Request r, Long id) {
        long tagged = inventory.snapshot().all().size();
        List<Counted> one = List.of(new Counted(new Derived.Named("extras.tag", "Managed by Enreach Tools", Render.TAG_SLUG, Render.TAG_ID),
                new long[] {tagged}, null));
        return list(r, id, "Tag", one, c -> render.tag(c.counts()[0]), c -> render.tag(c.counts()[0]));
    }

    private static List<Counted> sorted(Map<Long, Counted> found) {
        return found.values().stream().sorted(Comparator.comparing((Counted c) -> c.named().name().toLowerCase(Locale.ROOT))
                .thenComparing(c -> c.named().id())).toList();
    }

    private static Response list(Request r, Long id, String objectName, List<Counted> all, Function<Counted, JsonNode> full,
                                 Function<Counted, JsonNode> brief) {
        Function<Counted, JsonNode> show = r.flag("brief") ? brief : full;
        if (id != null) {
            return all.stream().filter(c -> c.named().id() == id).findFirst().<Response>map(c -> Response.ok(show.apply(c)))
                    .orElseGet(() -> Response.notFound(objectName));
        }
        Predicate<Counted> p = Filters.anyOf(r.values("id"), c -> Long.toString(c.named().id()));
        p = p.and(Filters.anyOf(r.values("slug"), c -> c.named().slug()));
        p = p.and(Filters.anyOf(r.values("name"), c -> c.named().name()));
        List<String> q = r.values("q").stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        if (!q.isEmpty()) {
            p = p.and(c -> q.stream().anyMatch(w -> c.named().name().toLowerCase(Locale.ROOT).contains(w) || c.named().slug().contains(w)));
        }
        List<Counted> matching = all.stream().filter(p).toList();
        Paging.Window w = Paging.window(r);
        return Response.ok(Paging.page(r, w, matching.size(), w.of(matching).stream().map(show).toList()));
    }

    // ------------------------------------------------------------------ interfaces and IPs

    private record Item<T>(Host host, T value) {
    }

    /** The hosts an interface or IP listing covers: those named by device_id / virtual_machine_id, else all of the kind. */
    private List<Host> owners(Request r, boolean devices, boolean vms) {
        List<String> deviceIds = r.values("device_id");
        List<String> vmIds = r.values("virtual_machine_id");
        List<Entity> list = new ArrayList<>();
        boolean narrowed = !deviceIds.isEmpty() || !vmIds.isEmpty();
        if (devices && (!narrowed || !deviceIds.isEmpty())) {
            list.addAll(inventory.ofTypes(Derived.NOT_DEVICES, false).stream().filter(Filters.anyOf(deviceIds, e -> Long.toString(e.id())))
                    .filter(Filters.anyOf(r.values("device"), Entity::name)).toList());
        }
        if (vms && (!narrowed || !vmIds.isEmpty())) {
            list.addAll(inventory.ofTypes(Derived.VM_TYPES, true).stream().filter(Filters.anyOf(vmIds, e -> Long.toString(e.id())))
                    .filter(Filters.anyOf(r.values("virtual_machine"), Entity::name)).toList());
        }
        return inventory.hosts(list);
    }

    private Response interfaces(Request r, Long id, boolean vm) {
        List<Item<NetworkInterface>> items = new ArrayList<>();
        for (Host h : owners(r, !vm, vm)) {
            h.interfaces().forEach(i -> items.add(new Item<>(h, i)));
        }
        Function<Item<NetworkInterface>, JsonNode> show = r.flag("brief") ? i -> render.interfaceBrief(i.host(), i.value())
                : i -> render.iface(i.host(), i.value());
        Predicate<Item<NetworkInterface>> p = Filters.anyOf(r.values("id"), i -> Long.toString(i.value().id()));
        p = p.and(Filters.anyOf(r.values("name"), i -> i.value().name()));
        p = p.and(Filters.anyOf(r.values("mac_address").stream().map(s -> s.toUpperCase(Locale.ROOT)).toList(),
                i -> i.value().mac() == null ? null : i.value().mac().toUpperCase(Locale.ROOT)));
        List<String> q = r.values("q").stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        if (!q.isEmpty()) {
            p = p.and(i -> q.stream().anyMatch(w -> i.value().name().toLowerCase(Locale.ROOT).contains(w)));
        }
        return items(r, id, vm ? "VMInterface" : "Interface", items, i -> i.value().id(), p, show);
    }

    private Response ips(Request r, Long id) {
        List<Item<IpAddress>> items = new ArrayList<>();
        for (Host h : owners(r, true, true)) {
            h.ips().forEach(ip -> items.add(new Item<>(h, ip)));
        }
        Function<Item<IpAddress>, JsonNode> show = r.flag("brief") ? i -> render.ipBrief(i.value()) : i -> render.ip(i.host(), i.value());
        Predicate<Item<IpAddress>> p = Filters.anyOf(r.values("id"), i -> Long.toString(i.value().id()));
        List<String> addresses = r.values("address");
        if (!addresses.isEmpty()) {
            p = p.and(i -> addresses.contains(i.value().address()) || addresses.contains(Render.cidr(i.value())));
        }
        p = p.and(Filters.anyOf(r.values("family"), i -> Integer.toString(i.value().family())));
        p = p.and(Filters.anyOf(r.values("dns_name"), i -> i.value().dnsName()));
        p = p.and(Filters.anyOf(Filters.union(r, "interface_id", "vminterface_id"), i -> {
            NetworkInterface on = i.host().interfaceOf(i.value());
            return on == null ? null : Long.toString(on.id());
        }));
        String assigned = r.first("assigned_to_interface");
        if (assigned != null && !assigned.isBlank()) {
            boolean want = r.flag("assigned_to_interface");
            p = p.and(i -> (i.host().interfaceOf(i.value()) != null) == want);
        }
        List<String> q = r.values("q");
        if (!q.isEmpty()) {
            p = p.and(i -> q.stream().anyMatch(w -> Render.cidr(i.value()).contains(w)));
        }
        return items(r, id, "IPAddress", items, i -> i.value().id(), p, show);
    }

    private static <T> Response items(Request r, Long id, String objectName, List<T> all, Function<T, Long> idOf, Predicate<T> p,
                                      Function<T, JsonNode> show) {
        if (id != null) {
            return all.stream().filter(t -> idOf.apply(t).longValue() == id).findFirst().<Response>map(t -> Response.ok(show.apply(t)))
                    .orElseGet(() -> Response.notFound(objectName));
        }
        List<T> matching = all.stream().filter(p).sorted(Comparator.comparing(idOf)).toList();
        Paging.Window w = Paging.window(r);
        return Response.ok(Paging.page(r, w, matching.size(), w.of(matching).stream().map(show).toList()));
    }
}
