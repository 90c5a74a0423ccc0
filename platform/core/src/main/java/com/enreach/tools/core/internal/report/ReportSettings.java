package com.enreach.tools.core.internal.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.enreach.tools.api.plugin.FieldError;

/**
 * The reports' configuration, PID {@code enreach.reports} ({@code etc/enreach.reports.cfg}): which sources play
 * which role, which entity types are network devices, and what every source is expected to know. Every key is
 * optional; a bad value is reported as a field error naming its key and its default is used instead.
 */
record ReportSettings(SourcePattern inventory, SourcePattern facts, SourcePattern configs, SourcePattern backups,
                      List<String> networkTypes, List<Expectation> expectations) {
    static final String PID = "enreach.reports";
    static final String INVENTORY = "source.inventory";
    static final String FACTS = "source.facts";
    static final String CONFIGS = "source.configs";
    static final String BACKUPS = "source.backups";
    static final String NETWORK_TYPES = "network.types";
    private static final Map<String, String> DEFAULTS = Map.of(INVENTORY, "*foreman*", FACTS, "*puppetdb*", CONFIGS, "*oxidized*",
            BACKUPS, "*commvault*", NETWORK_TYPES, "network_device, switch, router, firewall, load_balancer");
    private static final Pattern EXPECT_KEY = Pattern.compile("expect\\.([^.]*)\\.(.*)");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Pattern TYPE = Pattern.compile("[a-z0-9_]+");
    private static final Set<String> EXPECT_FIELDS = Set.of("types", "seen.by", "known.to");

    ReportSettings {
        networkTypes = List.copyOf(networkTypes);
        expectations = List.copyOf(expectations);
    }

    /** The shipped expectations, used when the configuration names none. */
    static List<Expectation> defaultExpectations() {
        return List.of(
                new Expectation("vcenter-vms", List.of("vm"), SourcePattern.parse("*vcenter*"),
                        List.of(SourcePattern.parse("*puppetdb*"), SourcePattern.parse("*commvault*"))),
                new Expectation("foreman-hosts", List.of(), SourcePattern.parse("*foreman*"), List.of(SourcePattern.parse("*puppetdb*"))));
    }

    static ReportSettings defaults() {
        return read(Map.of(), new ArrayList<>());
    }

    /** Reads the configuration's properties; problems go to {@code errors}, each naming its key. */
    static ReportSettings read(Map<String, ?> props, List<FieldError> errors) {
        Map<String, Map<String, String>> expect = new TreeMap<>();
        for (Map.Entry<String, ?> e : props.entrySet()) {
            String key = e.getKey();
            // Properties that ConfigAdmin, FileInstall and DS add to every configuration are not ours to check.
            if (DEFAULTS.containsKey(key) || key.startsWith("service.") || key.startsWith("component.") || key.startsWith("felix.")
                    || key.startsWith("osgi.")) {
                continue;
            }
            Matcher m = EXPECT_KEY.matcher(key);
            if (!m.matches()) {
                errors.add(FieldError.of(key, "unknown", "unknown key " + key + "; the keys are " + String.join(", ", new TreeMap<>(DEFAULTS).keySet())
                        + " and expect.<name>.types|seen.by|known.to"));
            } else if (!NAME.matcher(m.group(1)).matches()) {
                errors.add(FieldError.of(key, "invalid", "the expectation name in " + key + " must be lower-case letters, digits, '-' or '_'"));
            } else if (!EXPECT_FIELDS.contains(m.group(2))) {
                errors.add(FieldError.of(key, "unknown", "unknown key " + key + "; an expectation has types, seen.by and known.to"));
            } else {
                expect.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(m.group(2), e.getValue() == null ? "" : String.valueOf(e.getValue()));
            }
        }
        List<Expectation> expectations = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> e : expect.entrySet()) {
            Expectation x = expectation(e.getKey(), e.getValue(), errors);
            if (x != null) {
                expectations.add(x);
            }
        }
        return new ReportSettings(pattern(props, INVENTORY, errors), pattern(props, FACTS, errors), pattern(props, CONFIGS, errors),
                pattern(props, BACKUPS, errors), networkTypes(props, errors),
                expect.isEmpty() ? defaultExpectations() : expectations);
    }

    private static Expectation expectation(String name, Map<String, String> fields, List<FieldError> errors) {
        String prefix = "expect." + name + ".";
        int before = errors.size();
        SourcePattern seenBy = SourcePattern.parse(fields.get("seen.by"));
        if (seenBy == null) {
            errors.add(FieldError.of(prefix + "seen.by", "required", prefix + "seen.by is required: the sources (globs) that see the entities"));
        }
        List<SourcePattern> knownTo = new ArrayList<>();
        for (String part : fields.getOrDefault("known.to", "").split(",")) {
            SourcePattern p = SourcePattern.parse(part);
            if (p != null) {
                knownTo.add(p);
            }
        }
        if (knownTo.isEmpty()) {
            errors.add(FieldError.of(prefix + "known.to", "required", prefix + "known.to is required: the sources (globs) that should know them"));
        }
        String rawTypes = fields.getOrDefault("types", "").trim();
        List<String> types = rawTypes.isEmpty() || rawTypes.equals("*") ? List.of() : types(prefix + "types", rawTypes, errors);
        return errors.size() > before ? null : new Expectation(name, types, seenBy, knownTo);
    }

    private static String text(Map<String, ?> props, String key) {
        Object v = props.get(key);
        return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v).trim();
    }

    private static SourcePattern pattern(Map<String, ?> props, String key, List<FieldError> errors) {
        String v = text(props, key);
        SourcePattern p = SourcePattern.parse(v);
        if (v != null && p == null) {
            errors.add(FieldError.of(key, "invalid", key + " must name at least one source glob, got '" + v + "'"));
        }
        return p != null ? p : SourcePattern.parse(DEFAULTS.get(key));
    }

    /** A comma-separated list of entity types (lower-case words); null, with an error naming the key, when malformed or empty. */
    static List<String> types(String key, String value, List<FieldError> errors) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : value.split(",")) {
            String s = t.trim().toLowerCase(Locale.ROOT);
            if (!s.isEmpty() && !TYPE.matcher(s).matches()) {
                errors.add(FieldError.of(key, "invalid", key + " must list entity types (lower-case words, comma-separated), got '" + t.trim() + "'"));
                return null;
            }
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        if (out.isEmpty()) {
            errors.add(FieldError.of(key, "invalid", key + " must list at least one entity type"));
            return null;
        }
        return List.copyOf(out);
    }

    private static List<String> networkTypes(Map<String, ?> props, List<FieldError> errors) {
        String v = text(props, NETWORK_TYPES);
        List<String> t = v == null ? null : types(NETWORK_TYPES, v, errors);
        return t != null ? t : types(NETWORK_TYPES, DEFAULTS.get(NETWORK_TYPES), errors);
    }

    Map<String, String> expectationText() {
        Map<String, String> m = new TreeMap<>();
        for (Expectation x : expectations) {
            m.put(x.name(), (x.types().isEmpty() ? "every entity" : String.join("/", x.types())) + " seen by " + x.seenBy() + " known to "
                    + String.join(" and ", x.knownTo().stream().map(SourcePattern::toString).toList()));
        }
        return m;
    }
}
