package com.enreach.tools.plugin.netbox.api.internal;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A minimal OpenAPI document at {@code /api/schema/}: the served list endpoints with the query parameters they
 * honour. Ansible's nb_inventory reads it to decide which of its {@code query_filters} it may send.
 */
final class Schema {
    static final List<String> HOST_FILTERS = List.of("id", "name", "name__ie", "name__ic", "q", "site", "site_id", "status", "role",
            "role_id", "platform", "platform_id", "tag", "cluster", "cluster_id", "serial", "has_primary_ip", "limit", "offset", "brief");
    static final List<String> DEVICE_FILTERS = List.of("manufacturer", "manufacturer_id", "device_type", "device_type_id", "model");

    private Schema() {
    }

    static ObjectNode document() {
        ObjectNode doc = Render.JSON.createObjectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", "NetBox REST API (Enreach Tools golden records, read-only)");
        info.put("version", "4.2");
        ObjectNode paths = doc.putObject("paths");
        path(paths, "/api/dcim/devices/", HOST_FILTERS, DEVICE_FILTERS);
        path(paths, "/api/virtualization/virtual-machines/", HOST_FILTERS, List.of());
        path(paths, "/api/virtualization/clusters/", List.of("id", "name", "q", "type", "type_id", "tag", "limit", "offset", "brief"), List.of());
        List<String> items = List.of("id", "device_id", "virtual_machine_id", "device", "virtual_machine", "name", "q", "limit", "offset", "brief");
        path(paths, "/api/dcim/interfaces/", items, List.of("mac_address"));
        path(paths, "/api/virtualization/interfaces/", items, List.of("mac_address"));
        path(paths, "/api/ipam/ip-addresses/", List.of("id", "device_id", "virtual_machine_id", "address", "family", "dns_name", "q",
                "interface_id", "vminterface_id", "assigned_to_interface", "limit", "offset", "brief"), List.of());
        for (String named : List.of("/api/dcim/sites/", "/api/dcim/device-roles/", "/api/dcim/platforms/", "/api/dcim/manufacturers/",
                "/api/dcim/device-types/", "/api/virtualization/cluster-types/", "/api/extras/tags/")) {
            path(paths, named, List.of("id", "name", "slug", "q", "limit", "offset", "brief"), List.of());
        }
        return doc;
    }

    private static void path(ObjectNode paths, String path, List<String> a, List<String> b) {
        ArrayNode params = paths.putObject(path).putObject("get").putArray("parameters");
        for (List<String> names : List.of(a, b)) {
            for (String name : names) {
                ObjectNode p = params.addObject();
                p.put("name", name);
                p.put("in", "query");
                p.putObject("schema").put("type", "string");
            }
        }
    }
}
