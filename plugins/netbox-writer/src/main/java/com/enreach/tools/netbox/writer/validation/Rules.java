package com.enreach.tools.netbox.writer.validation;

import com.enreach.tools.api.netbox.NetBoxKinds;
import com.enreach.tools.api.netbox.ValidationFinding;
import com.enreach.tools.netbox.writer.mapping.DesiredObject;
import com.enreach.tools.netbox.writer.mapping.Ref;

import java.util.List;
import java.util.Map;

/** The built-in rules that look at one object at a time. */
final class Rules {
    private Rules() {
    }

    private static final Map<String, List<String>> REQUIRED = Map.of(
            NetBoxKinds.DEVICE, List.of("name", "site", "role", "device_type", "status"),
            NetBoxKinds.VIRTUAL_MACHINE, List.of("name", "status"),
            NetBoxKinds.CLUSTER, List.of("name", "type", "status"),
            NetBoxKinds.IP_ADDRESS, List.of("address"),
            NetBoxKinds.MAC_ADDRESS, List.of("mac_address"));

    /** NetBox's length limits of names. */
    static final Map<String, Integer> NAME_LIMITS = Map.of(NetBoxKinds.DEVICE, 64, NetBoxKinds.VIRTUAL_MACHINE, 64,
            NetBoxKinds.CLUSTER, 100, NetBoxKinds.INTERFACE, 64, NetBoxKinds.VM_INTERFACE, 64);

    /** A rule that looks at each managed object of some kinds on its own. */
    record Simple(String id, String description, String defaultSeverity, List<String> kinds, Checker checker) implements ValidationRule {
        @Override
        public void check(ValidationContext context, FindingSink sink) {
            for (String kind : kinds) {
                for (DesiredObject o : context.state().ofKind(kind)) {
                    if (o.managed() && !o.primaryIps()) {
                        checker.check(o, context, sink);
                    }
                }
            }
        }
    }



    @FunctionalInterface
    interface Checker {
        void check(DesiredObject o, ValidationContext ctx, FindingSink sink);
    }

    static ValidationRule requiredFields() {
        return new Simple("required-fields", "NetBox's required fields are present (devices: name, site, role, device type, status; VMs: name, status; clusters: name, type, status)",
                ValidationFinding.ERROR, List.of(NetBoxKinds.DEVICE, NetBoxKinds.VIRTUAL_MACHINE, NetBoxKinds.CLUSTER, NetBoxKinds.IP_ADDRESS, NetBoxKinds.MAC_ADDRESS), (o, ctx, sink) -> {
                    for (String f : REQUIRED.getOrDefault(o.kind(), List.of())) {
                        if (o.field(f) == null) {
                            sink.report(o, f, f + " is required by NetBox and no golden attribute or mapping rule gives one"
                                    + hint(f));
                        }
                    }
                });
    }

    private static String hint(String field) {
        return switch (field) {
            case "site" -> " (set the golden site, or a derive.site rule/default in etc/netbox-mapping.json)";
            case "role" -> " (derive.device_role in etc/netbox-mapping.json)";
            case "device_type" -> " (golden vendor/model, or derive.manufacturer/device_type defaults)";
            case "type" -> " (derive.cluster_type)";
            case "status" -> " (derive.*_status default)";
            default -> "";
        };
    }

    static ValidationRule nameValid() {
        return new Simple("name-valid", "names fit NetBox: not blank, no control characters, within NetBox's length limits",
                ValidationFinding.ERROR, List.of(NetBoxKinds.DEVICE, NetBoxKinds.VIRTUAL_MACHINE, NetBoxKinds.CLUSTER, NetBoxKinds.INTERFACE, NetBoxKinds.VM_INTERFACE), (o, ctx, sink) -> {
                    Integer limit = NAME_LIMITS.get(o.kind());
                    if (limit == null || !(o.field("name") instanceof String name)) {
                        return;
                    }
                    if (name.isBlank()) {
                        sink.report(o, "name", "the name is blank");
                    } else if (name.length() > limit) {
                        sink.report(o, "name", "'" + name + "' is " + name.length() + " characters long; NetBox allows " + limit);
                    } else if (name.chars().anyMatch(Character::isISOControl)) {
                        sink.report(o, "name", "the name contains control characters");
                    }
                });
    }

    static ValidationRule knownSiteRole() {
        return new Simple("known-site-role", "devices have a site and a role that NetBox knows or that the mapping may create",
                ValidationFinding.ERROR, List.of(NetBoxKinds.DEVICE), (o, ctx, sink) -> {
                    for (String f : List.of("site", "role")) {
                        if (o.field(f) instanceof Ref r && !ctx.netbox().exists(r.ref()) && !ctx.rules().mayCreate(r.kind())) {
                            sink.report(o, f, f + " '" + r.display() + "' does not exist in NetBox and create_missing."
                                    + r.kind() + " is false in etc/netbox-mapping.json");
                        }
                    }
                });
    }

    static ValidationRule macValid() {
        return new Simple("mac-valid", "MAC addresses are 6 bytes in a known notation",
                ValidationFinding.ERROR, List.of(NetBoxKinds.MAC_ADDRESS, NetBoxKinds.INTERFACE, NetBoxKinds.VM_INTERFACE), (o, ctx, sink) -> {
                    if (o.field("mac_address") instanceof String mac
                            && com.enreach.tools.netbox.writer.mapping.Addresses.mac(mac) == null) {
                        sink.report(o, "mac_address", "'" + mac + "' is not a MAC address");
                    }
                });
    }

    static ValidationRule ipValid() {
        return new Simple("ip-valid", "IP addresses are valid and carry a prefix length",
                ValidationFinding.ERROR, List.of(NetBoxKinds.IP_ADDRESS), (o, ctx, sink) -> {
                    if (NetBoxKinds.IP_ADDRESS.equals(o.kind()) && o.field("address") instanceof String a) {
                        String problem = com.enreach.tools.netbox.writer.mapping.Addresses.problem(a);
                        if (problem != null) {
                            sink.report(o, "address", problem);
                        }
                    }
                });
    }
}
