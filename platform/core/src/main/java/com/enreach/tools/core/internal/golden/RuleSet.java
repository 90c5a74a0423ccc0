package com.enreach.tools.core.internal.golden;

import static com.enreach.tools.api.inventory.Attributes.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.enreach.tools.api.inventory.AttributeRule;
import com.enreach.tools.api.inventory.Attributes;
import com.enreach.tools.core.internal.db.Json;

/** A rule for every attribute of {@link Attributes#ALL}; immutable. */
final class RuleSet {
    /** Attributes whose values are whole numbers (the others are text). */
    static final Set<String> NUMERIC = Set.of(CPU_COUNT, MEMORY_BYTES, DISK_BYTES);

    private static final List<String> HARDWARE = List.of("*vcenter*", "*dorado*", "*ontap*", "*foreman*", "*puppetdb*");
    private static final List<String> SOFTWARE = List.of("*puppetdb*", "*foreman*", "*vcenter*");
    private static final List<String> PLACEMENT = List.of("*netbox*", "*foreman*", "*vcenter*");
    private static final RuleSet DEFAULTS = buildDefaults();

    private final Map<String, Rule> rules;

    RuleSet(Map<String, Rule> rules) {
        this.rules = Map.copyOf(rules);
        if (!this.rules.keySet().containsAll(Attributes.ALL)) {
            throw new IllegalArgumentException("a rule set needs a rule for every attribute");
        }
    }

    /** The built-in rules, used when there is no rules file and for attributes a file leaves out. */
    static RuleSet defaults() {
        return DEFAULTS;
    }

    private static RuleSet buildDefaults() {
        Map<String, Rule> m = new LinkedHashMap<>();
        put(m, NAME, List.of("*vcenter*"), Tolerance.HOSTNAME);
        put(m, TYPE, List.of("*vcenter*", "*dorado*", "*ontap*", "*oxidized*", "*foreman*", "*puppetdb*"), Tolerance.CASE_INSENSITIVE);
        put(m, SERIAL, HARDWARE, Tolerance.CASE_INSENSITIVE);
        put(m, SYSTEM_UUID, HARDWARE, Tolerance.CASE_INSENSITIVE);
        put(m, FQDN, SOFTWARE, Tolerance.CASE_INSENSITIVE);
        put(m, VENDOR, HARDWARE, Tolerance.CASE_INSENSITIVE);
        put(m, MODEL, HARDWARE, Tolerance.CASE_INSENSITIVE);
        put(m, OS, SOFTWARE, Tolerance.OPERATING_SYSTEM);
        put(m, CPU_COUNT, HARDWARE, Tolerance.EXACT_MATCH);
        put(m, MEMORY_BYTES, HARDWARE, Tolerance.percent(2));
        put(m, DISK_BYTES, HARDWARE, Tolerance.percent(5));
        put(m, SITE, PLACEMENT, Tolerance.CASE_INSENSITIVE);
        put(m, RACK, PLACEMENT, Tolerance.CASE_INSENSITIVE);
        put(m, ROLE, PLACEMENT, Tolerance.CASE_INSENSITIVE);
        put(m, CLUSTER, List.of("*vcenter*", "*ontap*"), Tolerance.CASE_INSENSITIVE);
        put(m, HOST, List.of("*vcenter*"), Tolerance.HOSTNAME);
        put(m, PRIMARY_IP, List.of("*puppetdb*", "*foreman*", "*vcenter*", "*oxidized*"), Tolerance.EXACT_MATCH);
        put(m, PRIMARY_MAC, List.of("*vcenter*", "*puppetdb*", "*foreman*"), Tolerance.CASE_INSENSITIVE);
        put(m, POWER_STATE, List.of("*vcenter*"), Tolerance.CASE_INSENSITIVE);
        return new RuleSet(m);
    }

    private static void put(Map<String, Rule> m, String attribute, List<String> priority, Tolerance tolerance) {
        m.put(attribute, Rule.of(attribute, Rule.PRIORITY, priority, tolerance));
    }

    Rule rule(String attribute) {
        return rules.get(attribute);
    }

    /** The rules in display order. */
    List<AttributeRule> toApi() {
        List<AttributeRule> out = new ArrayList<>();
        for (String a : Attributes.ALL) {
            out.add(rules.get(a).toApi());
        }
        return out;
    }

    /** The rules in the rules file's format, every attribute spelled out. */
    String toJson() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (String a : Attributes.ALL) {
            Rule r = rules.get(a);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("strategy", r.strategy());
            m.put("priority", r.priority());
            m.put("tolerance", r.tolerance().text());
            attributes.put(a, m);
        }
        return Json.write(Map.of("attributes", attributes));
    }

    /** A stable text of every rule: equal fingerprints choose equal values. */
    String fingerprint() {
        StringBuilder sb = new StringBuilder();
        for (String a : Attributes.ALL) {
            sb.append(rules.get(a).fingerprint()).append('\n');
        }
        return sb.toString();
    }
}
