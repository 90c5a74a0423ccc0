package com.enreach.tools.netbox.writer.validation;

import com.enreach.tools.api.netbox.NetBoxKinds;
import com.enreach.tools.api.netbox.ValidationFinding;
import com.enreach.tools.netbox.writer.mapping.Addresses;
import com.enreach.tools.netbox.writer.mapping.DesiredObject;
import com.enreach.tools.netbox.writer.mapping.Marker;
import com.enreach.tools.netbox.writer.mapping.Ref;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Rules across objects: unique names, unique IPs, standard interface names. */
final class UniquenessRules {
    private static final java.util.regex.Pattern ABBREVIATED = java.util.regex.Pattern.compile("^[A-Z][a-z]?\\d.*");
    private UniquenessRules() {
    }

    static ValidationRule nameUnique() {
        return new ValidationRule() {
            @Override
            public String id() {
                return "name-unique";
            }

            @Override
            public String description() {
                return "device names are unique per site, VM names per cluster, cluster names overall (NetBox's constraints)";
            }

            @Override
            public String defaultSeverity() {
                return ValidationFinding.ERROR;
            }

            @Override
            public void check(ValidationContext ctx, FindingSink sink) {
                Map<String, List<DesiredObject>> groups = new LinkedHashMap<>();
                List<DesiredObject> named = new ArrayList<>(ctx.state().ofKind(NetBoxKinds.DEVICE));
                named.addAll(ctx.state().ofKind(NetBoxKinds.VIRTUAL_MACHINE));
                named.addAll(ctx.state().ofKind(NetBoxKinds.CLUSTER));
                for (DesiredObject o : named) {
                    if (!(o.fields().get("name") instanceof String name) || !o.managed()) {
                        continue;
                    }
                    String scope = switch (o.kind()) {
                        case NetBoxKinds.DEVICE -> "site " + display(o.fields().get("site"));
                        case NetBoxKinds.VIRTUAL_MACHINE -> "cluster " + display(o.fields().get("cluster"));
                        case NetBoxKinds.CLUSTER -> "NetBox";
                        default -> null;
                    };
                    if (scope != null) {
                        groups.computeIfAbsent(o.kind() + "|" + scope + "|" + name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(o);
                    }
                }
                for (Map.Entry<String, List<DesiredObject>> g : groups.entrySet()) {
                    if (g.getValue().size() > 1) {
                        String scope = g.getKey().split("\\|")[1];
                        List<Long> ids = g.getValue().stream().map(DesiredObject::entityId).toList();
                        for (DesiredObject o : g.getValue()) {
                            sink.report(o, "name", "'" + o.fields().get("name") + "' is used by " + g.getValue().size()
                                    + " entities " + ids + " in " + scope + "; NetBox needs unique names there (merge the entities or rename one)");
                        }
                    }
                }
            }
        };
    }

    private static String display(Object ref) {
        return ref instanceof Ref r ? r.display() : "(none)";
    }

    static ValidationRule ipUnique() {
        return new ValidationRule() {
            @Override
            public String id() {
                return "ip-unique";
            }

            @Override
            public String description() {
                return "an IP address is assigned to one entity only, and not already held in NetBox by another managed object";
            }

            @Override
            public String defaultSeverity() {
                return ValidationFinding.ERROR;
            }

            @Override
            public void check(ValidationContext ctx, FindingSink sink) {
                Map<String, List<DesiredObject>> byHost = new LinkedHashMap<>();
                for (DesiredObject o : ctx.state().ofKind(NetBoxKinds.IP_ADDRESS)) {
                    String host = Addresses.host(String.valueOf(o.fields().get("address")));
                    if (host != null) {
                        byHost.computeIfAbsent(host, k -> new ArrayList<>()).add(o);
                    }
                }
                for (Map.Entry<String, List<DesiredObject>> e : byHost.entrySet()) {
                    if (e.getValue().size() > 1) {
                        List<Long> ids = e.getValue().stream().map(DesiredObject::entityId).toList();
                        for (DesiredObject o : e.getValue()) {
                            sink.report(o, "address", e.getKey() + " is claimed by " + ids.size() + " entities " + ids);
                        }
                        continue;
                    }
                    DesiredObject o = e.getValue().get(0);
                    for (Map<String, Object> held : ctx.netbox().ipAddresses(e.getKey())) {
                        Long owner = Marker.entityId(held);
                        if (Marker.managed(held) && owner != null && !owner.equals(o.entityId())) {
                            sink.report(o, "address", e.getKey() + " is already in NetBox (ip-address " + held.get("id")
                                    + ") for entity " + owner);
                        }
                    }
                }
            }
        };
    }

    static ValidationRule interfaceName() {
        return new Rules.Simple("interface-name", "interface names of network devices are in their vendor's standard form (Gi1/0/1 → GigabitEthernet1/0/1)",
                ValidationFinding.WARNING, List.of(NetBoxKinds.INTERFACE), (o, ctx, sink) -> {
                    if (!(o.fields().get("name") instanceof String name)) {
                        return;
                    }
                    String[] parts = o.ref().split(":", 4);
                    if (ABBREVIATED.matcher(name).matches() && !ctx.rules().interfaceNames().abbreviations().isEmpty()) {
                        sink.report(o, "name", "'" + name + "' (" + parts[2] + ") looks abbreviated and no rule of "
                                + "interface_names in etc/netbox-mapping.json expands it");
                    }
                });
    }
}
