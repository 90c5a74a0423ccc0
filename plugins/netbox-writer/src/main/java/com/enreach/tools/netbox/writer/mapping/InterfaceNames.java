package com.enreach.tools.netbox.writer.mapping;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Standardises interface names per vendor ({@code Gi1/0/1} → {@code GigabitEthernet1/0/1}). */
public final class InterfaceNames {
    private static final Pattern SPLIT = Pattern.compile("^([A-Za-z][A-Za-z-]*?)\\s*(\\d.*)$");

    private InterfaceNames() {
    }

    /**
     * The standard name, or the name unchanged when its prefix is no known abbreviation (full names stay as they
     * are; a prefix that is a full name in another case is set to the table's spelling).
     */
    public static String standardise(String name, String vendor, MappingRules.InterfaceNames rules) {
        if (name == null || rules == null || !rules.enabled()) {
            return name;
        }
        Matcher m = SPLIT.matcher(name.trim());
        if (!m.matches()) {
            return name;
        }
        String prefix = m.group(1);
        String full = null;
        if (vendor != null) {
            String v = vendor.toLowerCase(Locale.ROOT);
            for (Map.Entry<String, Map<String, String>> e : rules.vendors().entrySet()) {
                if (v.contains(e.getKey())) {
                    full = lookup(e.getValue(), prefix);
                    if (full != null) {
                        break;
                    }
                }
            }
        }
        if (full == null) {
            full = lookup(rules.abbreviations(), prefix);
        }
        return full == null ? name : full + m.group(2);
    }

    private static String lookup(Map<String, String> table, String prefix) {
        for (Map.Entry<String, String> e : table.entrySet()) {
            if (e.getKey().equalsIgnoreCase(prefix) || e.getValue().equalsIgnoreCase(prefix)) {
                return e.getValue();
            }
        }
        return null;
    }
}
