package com.enreach.tools.plugin.netbox.api.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.enreach.tools.api.inventory.Entity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Routes a read request to its endpoint: NetBox's URL layout, paging, brief and filters over the golden records. */
final class NetBoxApi {
    static final String NETBOX_VERSION = "4.2.0";
    private static final Pattern ROUTE = Pattern.compile("^/api/([a-z]+)/([a-z-]+)/(?:(\\d{1,18})/)?$");
    private static final Pattern APP = Pattern.compile("^/api/([a-z]+)/$");
    /** Endpoints NetBox tooling asks for that the golden records have nothing for: always an empty list. */
    static final Set<String> EMPTY = Set.of("dcim/regions", "dcim/site-groups", "dcim/locations", "dcim/racks", "dcim/rack-groups",
            "dcim/rack-roles", "tenancy/tenants", "tenancy/tenant-groups", "ipam/services", "ipam/prefixes", "ipam/vlans", "ipam/vrfs",
            "virtualization/cluster-groups");
    static final Map<String, List<String>> APPS = Map.of(
            "dcim", List.of("devices", "sites", "interfaces", "device-roles", "platforms", "device-types", "manufacturers", "regions",
                    "site-groups", "locations", "racks", "rack-roles"),
            "virtualization", List.of("virtual-machines", "clusters", "interfaces", "cluster-types", "cluster-groups"),
            "ipam", List.of("ip-addresses", "prefixes", "services", "vlans", "vrfs"),
            "tenancy", List.of("tenants", "tenant-groups"),
            "extras", List.of("tags"));

    private final Inventory inventory;

    NetBoxApi(Inventory inventory) {
        this.inventory = inventory;
    }

    Response handle(Request r) {
        if (!r.method().equals("GET") && !r.method().equals("HEAD") && !r.method().equals("OPTIONS")) {
            return Response.detail(405, "Method \"" + r.method() + "\" not allowed.");
        }
        try {
            return route(r);
        } catch (Paging.BadRequest e) {
            return Response.detail(400, e.getMessage());
        }
    }

    private Response route(Request r) {
        String path = r.path().endsWith("/") ? r.path() : r.path() + "/";
        if (path.equals("/api/")) {
            ObjectNode n = Render.JSON.createObjectNode();
            APPS.keySet().stream().sorted().forEach(app -> n.put(app, r.base() + "/api/" + app + "/"));
            n.put("status", r.base() + "/api/status/");
            return new Response(200, n, Map.of("API-Version", "4.2"));
        }
        if (path.equals("/api/status/")) {
            return Response.ok(status());
        }
        if (path.equals("/api/schema/")) {
            return Response.ok(Schema.document());
        }
        Matcher app = APP.matcher(path);
        if (app.matches() && APPS.containsKey(app.group(1))) {
            ObjectNode n = Render.JSON.createObjectNode();
            APPS.get(app.group(1)).forEach(e -> n.put(e, r.base() + "/api/" + app.group(1) + "/" + e + "/"));
            return Response.ok(n);
        }
        Matcher m = ROUTE.matcher(path);
        if (!m.matches()) {
            return Response.detail(404, "Not found.");
        }
        String endpoint = m.group(1) + "/" + m.group(2);
        Long id = m.group(3) == null ? null : Long.parseLong(m.group(3));
        Render render = new Render(r.base(), inventory.ofTypes(Derived.CLUSTER_TYPES, true), inventory::host);
        Catalog catalog = new Catalog(inventory, render);
        if (EMPTY.contains(endpoint)) {
            return id == null ? Response.ok(Paging.page(r, Paging.window(r), 0, List.of())) : Response.detail(404, "Not found.");
        }
        return switch (endpoint) {
            case "dcim/devices" -> hosts(r, id, Derived.NOT_DEVICES, false, "Device", render, render::device, h -> render.deviceBrief(h.entity()));
            case "virtualization/virtual-machines" -> hosts(r, id, Derived.VM_TYPES, true, "VirtualMachine", render, render::virtualMachine,
                    h -> render.vmBrief(h.entity()));
            case "virtualization/clusters" -> hosts(r, id, Derived.CLUSTER_TYPES, true, "Cluster", render, h -> catalog.cluster(h),
                    h -> render.clusterBrief(h.entity()));
            default -> catalog.handle(r, endpoint, id);
        };
    }

    private static ObjectNode status() {
        ObjectNode n = Render.JSON.createObjectNode();
        n.put("django-version", "5.1");
        n.putObject("installed-apps");
        n.put("netbox-version", NETBOX_VERSION);
        n.put("netbox-full-version", NETBOX_VERSION + "-enreach-golden");
        n.putObject("plugins");
        n.put("python-version", "3.12");
        n.put("rq-workers-running", 0);
        return n;
    }

    /**
     * Devices, VMs or clusters: candidates from the entity rows, narrowed by the row filters, then (only when a filter
     * needs them) by their details; only the page's entities are rendered.
     */
    private Response hosts(Request r, Long id, Set<String> types, boolean include, String objectName, Render render,
                           Function<Host, JsonNode> full, Function<Host, JsonNode> brief) {
        Function<Host, JsonNode> show = r.flag("brief") ? brief : full;
        if (id != null) {
            return inventory.entity(id).filter(e -> types.contains(e.type()) == include).flatMap(e -> inventory.host(e.id()))
                    .<Response>map(h -> Response.ok(show.apply(h))).orElseGet(() -> Response.notFound(objectName));
        }
        Paging.Window w = Paging.window(r);
        List<Entity> candidates = inventory.ofTypes(types, include).stream().filter(Filters.entity(r)).toList();
        List<Host> page;
        long count;
        if (Filters.needsDetails(r)) {
            List<Host> matching = inventory.hosts(candidates).stream().filter(Filters.host(r, render)).toList();
            count = matching.size();
            page = w.of(matching);
        } else {
            count = candidates.size();
            page = inventory.hosts(w.of(candidates));
        }
        List<JsonNode> results = new ArrayList<>();
        page.forEach(h -> results.add(show.apply(h)));
        return Response.ok(Paging.page(r, w, count, results));
    }
}
