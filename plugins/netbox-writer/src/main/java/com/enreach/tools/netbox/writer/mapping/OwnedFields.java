package com.enreach.tools.netbox.writer.mapping;

import com.enreach.tools.api.netbox.NetBoxKinds;

import java.util.List;
import java.util.Map;

/**
 * The fields the platform may write per managed kind: the only ones it compares, writes and hashes for the drift
 * check. Everything else of a NetBox object (comments, tenant, tags beyond the marker, custom fields beyond
 * {@code enreach_entity_id}, config context, local context, ...) is never touched; {@code description} only when
 * the mapping file configures a template for the kind. Supporting objects (sites, roles, ...) are created when
 * missing and never updated.
 */
public final class OwnedFields {
    private static final Map<String, List<String>> OWNED = Map.of(
            NetBoxKinds.DEVICE, List.of("name", "device_type", "role", "site", "rack", "platform", "serial", "status",
                    "description", "primary_ip4", "primary_ip6"),
            NetBoxKinds.VIRTUAL_MACHINE, List.of("name", "cluster", "vcpus", "memory", "disk", "platform", "status",
                    "description", "primary_ip4", "primary_ip6"),
            NetBoxKinds.CLUSTER, List.of("name", "type", "group", "status", "description"),
            NetBoxKinds.INTERFACE, List.of("device", "name", "enabled", "mtu", "mac_address"),
            NetBoxKinds.VM_INTERFACE, List.of("virtual_machine", "name", "enabled", "mtu", "mac_address"),
            NetBoxKinds.MAC_ADDRESS, List.of("mac_address", "assigned_object_type", "assigned_object_id"),
            NetBoxKinds.IP_ADDRESS, List.of("address", "status", "assigned_object_type", "assigned_object_id", "dns_name"));

    private OwnedFields() {
    }

    /** The owned fields of a kind; empty for supporting kinds (never updated). */
    public static List<String> of(String kind) {
        return OWNED.getOrDefault(kind, List.of());
    }
}
