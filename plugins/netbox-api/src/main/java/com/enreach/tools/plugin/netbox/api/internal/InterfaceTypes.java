package com.enreach.tools.plugin.netbox.api.internal;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** NetBox interface types by name, the rules of the writer's shipped mapping ({@code interface_type}). */
final class InterfaceTypes {
    private record Rule(Pattern name, String type) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("^(Port-channel|Port-Channel|bond|ae)\\d"), "lag"),
            new Rule(Pattern.compile("^(Vlan|Loopback|Tunnel|lo|vlan)"), "virtual"),
            new Rule(Pattern.compile("^HundredGig"), "100gbase-x-qsfp28"),
            new Rule(Pattern.compile("^FortyGig"), "40gbase-x-qsfpp"),
            new Rule(Pattern.compile("^TwentyFiveGig"), "25gbase-x-sfp28"),
            new Rule(Pattern.compile("^TenGig"), "10gbase-x-sfpp"),
            new Rule(Pattern.compile("^GigabitEthernet"), "1000base-t"),
            new Rule(Pattern.compile("^FastEthernet"), "100base-tx"));
    private static final Map<String, String> LABELS = Map.of("lag", "Link Aggregation Group (LAG)", "virtual", "Virtual",
            "100gbase-x-qsfp28", "QSFP28 (100GE)", "40gbase-x-qsfpp", "QSFP+ (40GE)", "25gbase-x-sfp28", "SFP28 (25GE)",
            "10gbase-x-sfpp", "SFP+ (10GE)", "1000base-t", "1000BASE-T (1GE)", "100base-tx", "100BASE-TX (10/100ME)", "other", "Other");

    private InterfaceTypes() {
    }

    static String of(String name) {
        for (Rule r : RULES) {
            if (name != null && r.name().matcher(name).find()) {
                return r.type();
            }
        }
        return "other";
    }

    static String label(String type) {
        return LABELS.getOrDefault(type, type);
    }
}
