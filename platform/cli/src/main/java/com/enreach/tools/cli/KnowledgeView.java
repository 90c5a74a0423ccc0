package com.enreach.tools.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The human rendering of {@code kb show} and {@code issues show}: header, text, comments, linked entities, vectors. */
final class KnowledgeView {
    private final PrintWriter out;

    KnowledgeView(PrintWriter out) {
        this.out = out;
    }

    void article(JsonNode detail) {
        JsonNode a = detail.path("article");
        out.println(Json.text(a, "title") + "  (article " + Json.text(a, "id") + ", " + Json.text(a, "status") + ")");
        field("space", join(" ", Json.text(a, "space_key"), paren(Json.text(a, "space_name"))));
        field("path", String.join(" > ", texts(a.path("ancestors"))));
        field("updated", join(" by ", Format.time(a, "last_updated"), Json.text(a, "author")) + versionOf(a));
        field("labels", String.join(", ", texts(a.path("labels"))));
        field("source", Json.text(a, "source_instance") + " page " + Json.text(a, "source_id"));
        field("link", Json.text(a, "url"));
        vectors(detail.path("vectors"));
        text(detail.path("body_text").asText(""));
        entities(detail.path("entities"));
        out.flush();
    }

    void ticket(JsonNode detail) {
        JsonNode t = detail.path("ticket");
        out.println(Json.text(t, "key") + "  " + Json.text(t, "summary") + "  (ticket " + Json.text(t, "id") + ", " + Json.text(t, "record_status") + ")");
        field("type", join(" / ", Json.text(t, "type"), Json.text(t, "priority")));
        field("status", join(" ", Json.text(t, "status"), paren(Json.text(t, "status_category"))));
        field("resolution", join(" on ", Json.text(t, "resolution"), Format.time(t, "resolution_date")));
        field("assignee", Json.text(t, "assignee"));
        field("reporter", Json.text(t, "reporter"));
        field("created", Format.time(t, "created"));
        field("updated", Format.time(t, "updated"));
        field("labels", String.join(", ", texts(t.path("labels"))));
        field("components", String.join(", ", texts(t.path("components"))));
        field("source", Json.text(t, "source_instance") + " issue " + Json.text(t, "source_id"));
        field("link", Json.text(t, "url"));
        vectors(detail.path("vectors"));
        text(detail.path("description").asText(""));
        JsonNode comments = detail.path("comments");
        if (!comments.isEmpty()) {
            out.println();
            out.println("Comments:");
            for (JsonNode c : comments) {
                out.println("  " + join(", ", TerminalText.escape(Json.text(c, "author")), Format.time(c, "created")) + ":");
                for (String line : c.path("body").asText("").split("\n", -1)) {
                    out.println("    " + line);
                }
            }
        }
        entities(detail.path("entities"));
        out.flush();
    }

    private void vectors(JsonNode v) {
        if (!v.isMissingNode() && !v.isNull()) {
            String model = Json.text(v, "model");
            field("vectors", Json.text(v, "status") + (model.isEmpty() ? "" : ", " + Json.text(v, "chunks") + " chunks, " + model)
                    + (Json.text(v, "reason").isEmpty() ? "" : ": " + Json.text(v, "reason")));
        }
    }

    private void text(String body) {
        if (!body.isBlank()) {
            out.println();
            out.println(body);
        }
    }

    private void entities(JsonNode list) {
        if (list.isEmpty()) {
            return;
        }
        out.println();
        out.println("Mentioned inventory (enreach entities show <id>):");
        Table t = new Table("ENTITY", "NAME", "TYPE", "MENTION", "MATCHED BY");
        for (JsonNode e : list) {
            t.row(Json.text(e, "entity_id"), Json.text(e, "entity_name"), Json.text(e, "entity_type"), Json.text(e, "mention"), Json.text(e, "matched_by"));
        }
        t.print(out);
    }

    /** One header line; a single value, so line breaks in it are escaped. */
    private void field(String name, String value) {
        if (!value.isBlank()) {
            out.printf("  %-11s %s%n", name + ":", TerminalText.escape(value));
        }
    }

    private static String versionOf(JsonNode a) {
        String v = Json.text(a, "version");
        return v.isEmpty() ? "" : " (version " + v + ")";
    }

    private static String paren(String s) {
        return s.isEmpty() ? "" : "(" + s + ")";
    }

    private static String join(String sep, String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + sep + b;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
