package com.enreach.tools.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** The tables of the inventory commands: entities, attribute values with their source, conflicts, decisions. */
final class EntityTables {
    /** Attributes in bytes, shown in binary units. */
    private static final Set<String> BYTES = Set.of("memory_bytes", "disk_bytes");

    private EntityTables() {
    }

    static Table entities(JsonNode list) {
        Table t = new Table("ID", "NAME", "TYPE", "STATUS", "SITE", "SOURCES", "CONFLICTS", "LAST SEEN");
        for (JsonNode e : list) {
            t.row(Json.text(e, "id"), Json.text(e, "name"), Json.text(e, "type"), Json.text(e, "status"), Json.text(e, "site"),
                    join(e.path("sources")), Json.text(e, "conflict_count"), Format.time(e, "last_seen"));
        }
        return t;
    }

    static Table conflicts(JsonNode list) {
        Table t = new Table("ENTITY", "NAME", "TYPE", "ATTRIBUTE", "CHOSEN", "CANDIDATES");
        for (JsonNode c : list) {
            String attribute = Json.text(c, "attribute");
            JsonNode chosen = c.path("chosen");
            List<String> candidates = new ArrayList<>();
            for (JsonNode a : c.path("candidates")) {
                candidates.add(value(attribute, a.path("value")) + " (" + Json.text(a.path("source"), "source_instance") + ")");
            }
            t.row(Json.text(c, "entity_id"), Json.text(c, "entity_name"), Json.text(c, "entity_type"), attribute,
                    chosen.isObject() ? value(attribute, chosen.path("value")) + " (" + Json.text(chosen.path("source"), "source_instance") + ")" : "",
                    String.join("; ", candidates));
        }
        return t;
    }

    static Table decisions(JsonNode list) {
        Table t = new Table("ID", "ACTION", "ENTITY", "OBSERVATIONS", "CHANGE", "BY", "WHEN", "STATE", "REASON");
        for (JsonNode d : list) {
            String attribute = Json.text(d, "attribute");
            String state = !Json.text(d, "revoked_at").isEmpty() ? "revoked " + Format.time(d, "revoked_at")
                    : !Json.text(d, "expires_at").isEmpty() ? "until " + Format.time(d, "expires_at") : "in force";
            t.row(Json.text(d, "id"), Json.text(d, "action"), Json.text(d, "entity_id"), join(d.path("observations")),
                    attribute.isEmpty() ? "" : attribute + " = " + value(attribute, d.path("value")), Json.text(d, "actor"), Format.time(d, "created_at"),
                    state, Json.text(d, "reason"));
        }
        return t;
    }

    /** A golden value for people: sizes in binary units, lists and objects as compact JSON. */
    static String value(String attribute, JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        if (BYTES.contains(attribute) && v.isNumber()) {
            return Format.bytes(Json.MAPPER.createObjectNode().set("v", v), "v");
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    static String join(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(n -> parts.add(n.asText()));
        return String.join(", ", parts);
    }
}
