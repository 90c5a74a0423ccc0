package com.enreach.tools.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The human rendering of {@code entities show}: the entity, its golden attributes with where each value came from,
 * the observations that make it up, then what is attached to them (the sections of {@code devices show}).
 */
final class EntityView {
    private final PrintWriter out;
    private final DeviceView attached;

    EntityView(PrintWriter out) {
        this.out = out;
        this.attached = new DeviceView(out);
    }

    void print(JsonNode detail) {
        JsonNode e = detail.path("entity");
        out.println(Json.text(e, "name") + "  (entity " + Json.text(e, "id") + ", " + Json.text(e, "type") + ", " + Json.text(e, "status") + ")");
        out.println("  sources:   " + EntityTables.join(e.path("sources")));
        out.println("  last seen: " + Format.time(e, "last_seen") + "   conflicts: " + Json.text(e, "conflict_count"));
        attributes(detail.path("attributes"));
        observations(detail.path("observations"));
        relationships(detail.path("relationships"));
        attached.interfaces(detail.path("interfaces"));
        attached.ips(detail.path("ip_addresses"));
        attached.facts(detail.path("facts"));
        attached.configs(detail.path("configs"));
        attached.volumes(detail.path("volumes"));
        attached.backups(detail.path("backups"));
        decisions(detail.path("decisions"));
        identityConflicts(detail.path("identity_conflicts"));
        out.flush();
    }

    private void attributes(JsonNode list) {
        if (list.isEmpty()) {
            return;
        }
        section("Attributes (* sources disagree beyond tolerance)");
        Table t = new Table("ATTRIBUTE", "VALUE", "SOURCE", "RULE", "OTHERS");
        for (JsonNode a : list) {
            String name = Json.text(a, "attribute");
            List<String> others = new ArrayList<>();
            for (JsonNode alt : a.path("alternatives")) {
                others.add(EntityTables.value(name, alt.path("value")) + " (" + Json.text(alt.path("source"), "source_instance") + ")");
            }
            t.row(name + (a.path("conflict").asBoolean() ? " *" : ""), EntityTables.value(name, a.path("value")),
                    Json.text(a.path("source"), "source_instance"), Json.text(a, "rule"), String.join("; ", others));
        }
        t.print(out);
    }

    private void observations(JsonNode list) {
        if (list.isEmpty()) {
            return;
        }
        section("Observations (enreach devices show <device id>)");
        Table t = new Table("DEVICE", "NAME", "SOURCE INSTANCE", "STATUS", "LAST SEEN", "LINKED BY", "CONFIDENCE", "EVIDENCE", "LINK");
        for (JsonNode o : list) {
            JsonNode d = o.path("device");
            t.row(Json.text(d, "id"), Json.text(d, "name"), Json.text(d, "source_instance"), Json.text(d, "status"), Format.time(d, "last_seen"),
                    Json.text(o, "rule"), Json.text(o, "confidence"), Json.text(o, "evidence"), Json.text(o, "source_url"));
        }
        t.print(out);
    }

    private void relationships(JsonNode list) {
        if (list.isEmpty()) {
            return;
        }
        section("Relationships");
        Table t = new Table("TYPE", "DIRECTION", "ENTITY", "TYPE OF ENTITY", "SOURCE");
        for (JsonNode r : list) {
            t.row(Json.text(r, "type"), Json.text(r, "direction"), Json.text(r, "entity_name") + " (" + Json.text(r, "entity_id") + ")",
                    Json.text(r, "entity_type"), Json.text(r, "source_instance"));
        }
        t.print(out);
    }

    private void decisions(JsonNode list) {
        if (list.isEmpty()) {
            return;
        }
        section("Manual decisions");
        EntityTables.decisions(list).print(out);
    }

    private void identityConflicts(JsonNode list) {
        if (list.isEmpty()) {
            return;
        }
        section("Open identity conflicts");
        Table t = new Table("ID", "KIND", "KEY", "ENTITIES", "DETAIL");
        for (JsonNode c : list) {
            t.row(Json.text(c, "id"), Json.text(c, "kind"), Json.text(c, "key"), EntityTables.join(c.path("entity_ids")), Json.text(c, "detail"));
        }
        t.print(out);
    }

    private void section(String title) {
        out.println();
        out.println(title + ":");
    }
}
