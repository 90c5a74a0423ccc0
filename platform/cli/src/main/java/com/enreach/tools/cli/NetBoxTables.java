package com.enreach.tools.cli;

import java.io.PrintWriter;
import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;

/** How the netbox commands show change sets, their items side by side, and apply outcomes. */
final class NetBoxTables {
    private NetBoxTables() {
    }

    /** One line about a change set: id, kind, target, status, counts, who built it, its hash. */
    static void header(PrintWriter out, JsonNode cs) {
        JsonNode c = cs.path("counts");
        out.println("Change set " + Json.text(cs, "id") + " (" + Json.text(cs, "kind") + ") for " + Json.text(cs, "target") + ": "
                + Json.text(cs, "status") + (cs.path("dry_run").asBoolean() ? " (dry run: the target is not write-enabled)" : ""));
        out.println("  " + c.path("total").asInt() + " items: " + c.path("creates").asInt() + " create, " + c.path("updates").asInt()
                + " update, " + c.path("deletes").asInt() + " delete; " + c.path("approved").asInt() + " approved, "
                + c.path("applied").asInt() + " applied, " + c.path("failed").asInt() + " failed, " + c.path("drifted").asInt() + " drifted; "
                + c.path("held").asInt() + " held out, " + c.path("conflicts").asInt() + " conflicts");
        out.println("  created by " + Json.text(cs, "created_by") + " at " + Format.time(cs, "created_at") + ", hash " + Json.text(cs, "hash")
                + (cs.hasNonNull("applied_by") ? "; applied by " + Json.text(cs, "applied_by") + " at " + Format.time(cs, "applied_at") : ""));
        out.flush();
    }

    /** Every item with its fields side by side: one row per field, the item's columns on its first row. */
    static Table sideBySide(JsonNode items) {
        Table t = new Table("ITEM", "ACTION", "KIND", "OBJECT", "SITE", "APPROVAL", "STATUS", "FIELD", "CURRENT", "PROPOSED", "NOTE");
        for (JsonNode i : items) {
            Object[] item = {Json.text(i, "id"), Json.text(i, "action"), Json.text(i, "object_type"), Json.text(i, "name"), Json.text(i, "site"),
                Json.text(i, "approval"), Json.text(i, "status")};
            boolean first = true;
            for (JsonNode f : i.path("fields")) {
                Object[] row = new Object[11];
                if (first) {
                    System.arraycopy(item, 0, row, 0, item.length);
                }
                row[7] = Json.text(f, "field");
                row[8] = value(f.path("current"));
                row[9] = value(f.path("proposed"));
                row[10] = f.path("conflict").asBoolean() ? "CONFLICT (not written until resolved)" : "";
                t.row(row);
                first = false;
            }
            if (first) {
                t.row(item);
            }
            if (!Json.text(i, "message").isEmpty()) {
                t.row("", "", "", "", "", "", "", "message", "", "", Json.text(i, "message"));
            }
            for (JsonNode f : i.path("findings")) {
                t.row("", "", "", "", "", "", "", Json.text(f, "field"), "", "", Json.text(f, "severity") + " " + Json.text(f, "rule") + ": "
                        + Json.text(f, "message"));
            }
        }
        return t;
    }

    /** Objects kept out of the change set by blocking findings or conflicts. */
    static void held(PrintWriter out, JsonNode held) {
        if (held.isEmpty()) {
            return;
        }
        out.println();
        out.println("Held out (" + held.size() + "): fix these and preview again");
        findings(held).print(out);
    }

    static Table findings(JsonNode findings) {
        Table t = new Table("SEVERITY", "RULE", "KIND", "OBJECT", "ENTITY", "FIELD", "MESSAGE");
        for (JsonNode f : findings) {
            t.row(Json.text(f, "severity"), Json.text(f, "rule"), Json.text(f, "object_type"), Json.text(f, "object"), Json.text(f, "entity_id"),
                    Json.text(f, "field"), Json.text(f, "message"));
        }
        return t;
    }

    /** An apply's outcome and the items that did not apply; exit 1 when anything failed or drifted. */
    static int applyResult(PrintWriter out, JsonNode r) {
        out.println("Change set " + Json.text(r, "change_set_id") + ": " + Json.text(r, "status") + (r.path("dry_run").asBoolean()
                ? " (dry run: nothing was sent, the target is not write-enabled)" : ""));
        out.println("  " + r.path("applied").asInt() + " applied, " + r.path("failed").asInt() + " failed, " + r.path("drifted").asInt()
                + " drifted (preview again), " + r.path("skipped").asInt() + " skipped, " + r.path("resumed").asInt() + " resumed");
        if (!r.path("problems").isEmpty()) {
            Table t = new Table("ITEM", "ACTION", "KIND", "OBJECT", "STATUS", "MESSAGE");
            for (JsonNode i : r.path("problems")) {
                t.row(Json.text(i, "id"), Json.text(i, "action"), Json.text(i, "object_type"), Json.text(i, "name"), Json.text(i, "status"),
                        Json.text(i, "message"));
            }
            t.print(out);
        }
        out.flush();
        return r.path("failed").asInt() > 0 || r.path("drifted").asInt() > 0 || "failed".equals(Json.text(r, "status"))
                ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /** A field value for a cell: text as is, null blank, lists and objects as compact JSON. */
    static String value(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        if (v.isObject() && v.size() == 1) {
            Iterator<String> names = v.fieldNames();
            String name = names.next();
            if (name.equals("$ref")) {
                return "(new) " + v.path(name).asText();
            }
        }
        return v.toString();
    }
}
