package com.enreach.tools.netbox.writer.mapping;

import com.enreach.tools.api.plugin.FieldError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads and checks {@code etc/netbox-mapping.json}. It is read afresh at every preview, so an edit applies at once;
 * a file with errors fails the preview with every error and its JSON path, never falls back to defaults. A missing
 * file means the shipped defaults ({@link #DEFAULT_RESOURCE}, the same text as config/etc/netbox-mapping.json).
 */
public final class MappingFile {
    public static final String NAME = "netbox-mapping.json";
    public static final String DEFAULT_RESOURCE = "/netbox-mapping.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP = Set.of("object_types", "include_stale", "derive", "create_missing",
            "role_color", "vm_disk_unit", "mac_addresses", "descriptions", "interface_names", "version");
    private static final Set<String> TARGETS = Set.of(MappingRules.DEVICE, MappingRules.VIRTUAL_MACHINE,
            MappingRules.CLUSTER);
    private static final Set<String> SUPPORTING = Set.of("dcim.site", "dcim.devicerole", "dcim.platform",
            "dcim.manufacturer", "dcim.devicetype", "virtualization.clustertype", "virtualization.clustergroup");
    private static final Set<String> DESCRIBED = Set.of("dcim.device", "virtualization.virtualmachine",
            "virtualization.cluster");
    private static final Map<String, Set<String>> ENUMS = Map.of(
            "device_status", Set.of("offline", "active", "planned", "staged", "failed", "inventory", "decommissioning"),
            "vm_status", Set.of("offline", "active", "planned", "staged", "failed", "decommissioning"),
            "cluster_status", Set.of("planned", "staging", "active", "decommissioning", "offline"));

    private MappingFile() {
    }

    /** The rules of {@code file}, or the shipped defaults when it does not exist. */
    public static MappingRules load(Path file) {
        if (file == null || !Files.exists(file)) {
            return defaults();
        }
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new MappingException(file.toString(), List.of(FieldError.of(null, "unreadable", e.getMessage())));
        }
    }

    /** The shipped defaults. */
    public static MappingRules defaults() {
        try (InputStream in = MappingFile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks its default " + DEFAULT_RESOURCE);
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "(defaults)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses and checks the text of a mapping file; {@code name} names it in errors. */
    public static MappingRules parse(String text, String name) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MappingException(name, List.of(FieldError.of(null, "syntax",
                    "not valid JSON at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new MappingException(name, List.of(FieldError.of(null, "type", "must be a JSON object")));
        }
        unknownKeys(root, TOP, "", errors);
        Map<String, String> types = new LinkedHashMap<>();
        JsonNode ot = root.path("object_types");
        if (!ot.isObject() || ot.isEmpty()) {
            errors.add(FieldError.of("object_types", "required", "map golden types to device, virtual_machine or cluster"));
        } else {
            ot.fields().forEachRemaining(e -> {
                String v = e.getValue().asText();
                if (!TARGETS.contains(v)) {
                    errors.add(FieldError.of("object_types." + e.getKey(), "invalid", "must be one of " + TARGETS + ", not '" + v + "'"));
                } else {
                    types.put(e.getKey(), v);
                }
            });
        }
        Map<String, Derivation> derive = new LinkedHashMap<>();
        JsonNode d = root.path("derive");
        if (!d.isMissingNode()) {
            unknownKeys(d, Set.copyOf(MappingRules.DERIVED), "derive.", errors);
            d.fields().forEachRemaining(e -> {
                Derivation dv = derivation(e.getValue(), "derive." + e.getKey(), errors);
                if (dv != null) {
                    checkEnum(e.getKey(), dv, errors);
                    derive.put(e.getKey(), dv);
                }
            });
        }
        Map<String, Boolean> create = new LinkedHashMap<>();
        JsonNode cm = root.path("create_missing");
        if (!cm.isMissingNode()) {
            unknownKeys(cm, SUPPORTING, "create_missing.", errors);
            cm.fields().forEachRemaining(e -> {
                if (!e.getValue().isBoolean()) {
                    errors.add(FieldError.of("create_missing." + e.getKey(), "type", "must be true or false"));
                } else {
                    create.put(e.getKey(), e.getValue().asBoolean());
                }
            });
        }
        String color = text(root, "role_color", "9e9e9e");
        if (!color.matches("[0-9a-f]{6}")) {
            errors.add(FieldError.of("role_color", "invalid", "must be 6 lower-case hex digits, not '" + color + "'"));
        }
        String disk = text(root, "vm_disk_unit", "auto");
        if (!Set.of("auto", "MB", "GB").contains(disk)) {
            errors.add(FieldError.of("vm_disk_unit", "invalid", "must be auto, MB or GB, not '" + disk + "'"));
        }
        String macs = text(root, "mac_addresses", "auto");
        if (!Set.of("auto", "object", "field").contains(macs)) {
            errors.add(FieldError.of("mac_addresses", "invalid", "must be auto, object or field, not '" + macs + "'"));
        }
        Map<String, String> desc = new LinkedHashMap<>();
        JsonNode ds = root.path("descriptions");
        if (!ds.isMissingNode()) {
            unknownKeys(ds, DESCRIBED, "descriptions.", errors);
            ds.fields().forEachRemaining(e -> desc.put(e.getKey(), e.getValue().asText()));
        }
        JsonNode b = root.path("include_stale");
        if (!b.isMissingNode() && !b.isBoolean()) {
            errors.add(FieldError.of("include_stale", "type", "must be true or false"));
        }
        MappingRules.InterfaceNames names = InterfaceNameParser.parse(root.path("interface_names"), errors);
        if (!errors.isEmpty()) {
            throw new MappingException(name, errors);
        }
        return new MappingRules(types, b.asBoolean(false), derive, create, color, disk, macs, desc, names);
    }

    private static Derivation derivation(JsonNode n, String path, List<FieldError> errors) {
        if (n.isTextual() || n.isNull()) {
            return Derivation.constant(n.isNull() ? null : n.asText());
        }
        if (!n.isObject()) {
            errors.add(FieldError.of(path, "type", "must be a text (a fixed value) or {\"rules\": [...], \"default\": ...}"));
            return null;
        }
        unknownKeys(n, Set.of("rules", "default"), path + ".", errors);
        List<Derivation.Rule> rules = new ArrayList<>();
        JsonNode rs = n.path("rules");
        if (!rs.isMissingNode() && !rs.isArray()) {
            errors.add(FieldError.of(path + ".rules", "type", "must be a list"));
        }
        for (int i = 0; rs.isArray() && i < rs.size(); i++) {
            JsonNode r = rs.get(i);
            String rp = path + ".rules[" + i + "]";
            unknownKeys(r, Set.of("when", "value"), rp + ".", errors);
            if (!r.path("value").isTextual() || r.path("value").asText().isBlank()) {
                errors.add(FieldError.of(rp + ".value", "required", "a value (text, may use ${attribute}) is required"));
                continue;
            }
            Map<String, Pattern> when = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = r.path("when").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> w = it.next();
                try {
                    when.put(w.getKey(), Pattern.compile(w.getValue().asText()));
                } catch (PatternSyntaxException e) {
                    errors.add(FieldError.of(rp + ".when." + w.getKey(), "invalid", "not a valid regular expression: " + e.getDescription()));
                }
            }
            rules.add(new Derivation.Rule(when, r.path("value").asText()));
        }
        JsonNode def = n.path("default");
        return new Derivation(rules, def.isMissingNode() || def.isNull() ? null : def.asText());
    }

    private static void checkEnum(String key, Derivation d, List<FieldError> errors) {
        Set<String> allowed = ENUMS.get(key);
        if (allowed == null) {
            return;
        }
        for (int i = 0; i < d.rules().size(); i++) {
            String v = d.rules().get(i).value();
            if (!v.contains("${") && !allowed.contains(v)) {
                errors.add(FieldError.of("derive." + key + ".rules[" + i + "].value", "invalid", "NetBox accepts " + allowed + ", not '" + v + "'"));
            }
        }
        if (d.defaultValue() != null && !d.defaultValue().contains("${") && !allowed.contains(d.defaultValue())) {
            errors.add(FieldError.of("derive." + key + ".default", "invalid", "NetBox accepts " + allowed + ", not '" + d.defaultValue() + "'"));
        }
    }

    static void unknownKeys(JsonNode n, Set<String> known, String prefix, List<FieldError> errors) {
        if (!n.isObject()) {
            return;
        }
        n.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                errors.add(FieldError.of(prefix + k, "unknown", "unknown key; expected one of " + new java.util.TreeSet<>(known)));
            }
        });
    }

    private static String text(JsonNode root, String key, String def) {
        JsonNode n = root.path(key);
        return n.isMissingNode() || n.isNull() ? def : n.asText();
    }
}
