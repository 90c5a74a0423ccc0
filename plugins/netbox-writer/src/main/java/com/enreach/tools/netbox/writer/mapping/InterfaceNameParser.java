package com.enreach.tools.netbox.writer.mapping;

import com.enreach.tools.api.plugin.FieldError;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code interface_names} section of the mapping file. */
final class InterfaceNameParser {
    private InterfaceNameParser() {
    }

    static MappingRules.InterfaceNames parse(JsonNode n, List<FieldError> errors) {
        if (n.isMissingNode()) {
            return new MappingRules.InterfaceNames(false, List.of(), Map.of(), Map.of());
        }
        MappingFile.unknownKeys(n, Set.of("enabled", "entity_types", "abbreviations", "vendors"), "interface_names.", errors);
        List<String> types = new ArrayList<>();
        n.path("entity_types").forEach(t -> types.add(t.asText()));
        Map<String, String> common = table(n.path("abbreviations"), "interface_names.abbreviations", errors);
        Map<String, Map<String, String>> vendors = new LinkedHashMap<>();
        n.path("vendors").fields().forEachRemaining(e -> vendors.put(e.getKey().toLowerCase(java.util.Locale.ROOT),
                table(e.getValue(), "interface_names.vendors." + e.getKey(), errors)));
        return new MappingRules.InterfaceNames(n.path("enabled").asBoolean(true), types, common, vendors);
    }

    private static Map<String, String> table(JsonNode n, String path, List<FieldError> errors) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n.isMissingNode()) {
            return out;
        }
        if (!n.isObject()) {
            errors.add(FieldError.of(path, "type", "must map abbreviations to full names, e.g. {\"Gi\": \"GigabitEthernet\"}"));
            return out;
        }
        n.fields().forEachRemaining(e -> {
            if (!e.getKey().matches("[A-Za-z][A-Za-z-]*") || !e.getValue().asText().matches("[A-Za-z][A-Za-z-]*")) {
                errors.add(FieldError.of(path + "." + e.getKey(), "invalid", "abbreviation and full name must be letters (and hyphens)"));
            } else {
                out.put(e.getKey(), e.getValue().asText());
            }
        });
        return out;
    }
}
