package com.enreach.tools.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code enreach history}: past and running sync runs, newest first; {@code enreach history RUN}: one run in full. */
@Command(name = "history", mixinStandardHelpOptions = true, description = {"Sync runs, newest first.",
    "With a run id: that run in full, with what it changed."})
final class HistoryCommand implements Callable<Integer> {
    /** Long messages are wrapped to this width, never cut. */
    static final int WRAP = 100;

    @ParentCommand
    Enreach root;

    @Parameters(arity = "0..1", paramLabel = "RUN", description = "Show this run: counts, full error and warnings, and its first changes.")
    Long run;

    @Option(names = "--instance", paramLabel = "INSTANCE", description = "Only runs of this source instance.")
    String instance;

    @Option(names = "--changes", paramLabel = "N", defaultValue = "20", description = "With RUN: list its first N changes (default ${DEFAULT-VALUE}).")
    int changes;

    @Option(names = "--kind", paramLabel = "KIND", description = "With RUN: only changes of this kind (device, interface, ip_address, ...).")
    String kind;

    @Option(names = "--action", paramLabel = "ACTION", description = "With RUN: only changes with this action (created, updated, stale, reactivated, deleted).")
    String action;

    @Mixin
    PageOptions page;

    @Override
    public Integer call() {
        return run == null ? list() : detail();
    }

    private Integer list() {
        JsonNode r = root.api().get(Api.query("/api/sync/runs", Api.params("instance", instance, "limit", page.limit, "offset", page.offset)));
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        Table t = new Table("ID", "INSTANCE", "TRIGGER", "STATUS", "STARTED", "TOOK", "ADDED", "UPDATED", "UNCHANGED", "STALE", "ERROR");
        List<JsonNode> cut = new ArrayList<>();
        for (JsonNode run : r.path("results")) {
            t.row(Json.text(run, "id"), Json.text(run, "instance"), Json.text(run, "trigger"), Json.text(run, "status"),
                    Format.time(run, "started_at"), Format.duration(Format.seconds(run, "started_at", "finished_at")),
                    Json.text(run, "added"), Json.text(run, "updated"), Json.text(run, "unchanged"), Json.text(run, "stale"),
                    Json.text(run, "error"));
            String error = Json.text(run, "error");
            if (error.codePointCount(0, error.length()) > Table.MAX_CELL || error.contains("\n")) {
                cut.add(run);
            }
        }
        PrintWriter out = root.out();
        t.print(out);
        page.printCount(out, r, "runs");
        if (!cut.isEmpty()) {
            out.println();
            out.println("Full messages (or: enreach history RUN):");
            for (JsonNode run : cut) {
                printWrapped(out, "run " + Json.text(run, "id") + ": ", Json.text(run, "error"));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private Integer detail() {
        JsonNode r = root.api().get("/api/sync/runs/" + run);
        JsonNode list = changes > 0 || root.json()
                ? root.api().get(Api.query("/api/sync/runs/" + run + "/changes", Api.params("kind", kind, "action", action, "limit", Math.max(1, changes))))
                : null;
        if (root.json()) {
            root.printJson(Json.MAPPER.createObjectNode().<com.fasterxml.jackson.databind.node.ObjectNode>set("run", r).set("changes", list));
            return ExitCodes.OK;
        }
        PrintWriter out = root.out();
        out.println("Run " + Json.text(r, "id") + " of " + Json.text(r, "instance") + " (" + Json.text(r, "source_system") + "), trigger "
                + Json.text(r, "trigger"));
        out.println("Status:   " + Json.text(r, "status") + " (phase " + Json.text(r, "phase") + ")");
        out.println("Started:  " + Format.time(r, "started_at") + (r.hasNonNull("finished_at")
                ? ", took " + Format.duration(Format.seconds(r, "started_at", "finished_at")) : ", still running"));
        out.println("Records:  fetched " + Json.text(r, "fetched") + ", added " + Json.text(r, "added") + ", updated " + Json.text(r, "updated")
                + ", unchanged " + Json.text(r, "unchanged") + ", stale " + Json.text(r, "stale") + ", warnings " + Json.text(r, "warnings"));
        if (r.hasNonNull("error")) {
            printWrapped(out, "Error:    ", Json.text(r, "error"));
        }
        JsonNode samples = r.path("warning_samples");
        if (samples.size() > 0) {
            out.println("Warnings" + (samples.size() < r.path("warnings").asLong() ? " (first " + samples.size() + ")" : "") + ":");
            for (JsonNode w : samples) {
                printWrapped(out, "  - ", w.asText());
            }
        }
        JsonNode summary = r.path("changes");
        out.println("Changes:  " + summary.path("total").asLong(0) + (summary.path("total").asLong(0) == 0 ? "" : ":"));
        for (Iterator<Map.Entry<String, JsonNode>> kinds = summary.path("counts").fields(); kinds.hasNext(); ) {
            Map.Entry<String, JsonNode> k = kinds.next();
            List<String> parts = new ArrayList<>();
            k.getValue().fields().forEachRemaining(a -> parts.add(a.getKey() + " " + a.getValue().asLong()));
            out.println("  " + k.getKey() + ": " + String.join(", ", parts));
        }
        if (list != null && list.path("results").size() > 0) {
            out.println();
            Table t = new Table("POSITION", "KIND", "ACTION", "NAME", "SOURCE ID", "FIELDS");
            for (JsonNode c : list.path("results")) {
                List<String> fields = new ArrayList<>();
                c.path("fields").forEach(f -> fields.add(f.asText()));
                t.row(Json.text(c, "position"), Json.text(c, "kind"), Json.text(c, "action"), Json.text(c, "name"), Json.text(c, "source_id"),
                        String.join(", ", fields));
            }
            t.print(out);
            long count = list.path("count").asLong();
            if (count > list.path("results").size()) {
                out.println(list.path("results").size() + " of " + count + " changes (more: --changes N, or GET /api/sync/runs/" + run + "/changes)");
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Prints text after a label, wrapped at word boundaries to {@link #WRAP} columns and indented under the label. */
    static void printWrapped(PrintWriter out, String label, String text) {
        String indent = " ".repeat(label.length());
        int width = Math.max(20, WRAP - label.length());
        boolean firstLine = true;
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                while (word.length() > width) {
                    // a word longer than a line (a URL, a path) is split rather than cut
                    if (line.length() > 0) {
                        out.println((firstLine ? label : indent) + line);
                        firstLine = false;
                        line.setLength(0);
                    }
                    out.println((firstLine ? label : indent) + word.substring(0, width));
                    firstLine = false;
                    word = word.substring(width);
                }
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    out.println((firstLine ? label : indent) + line);
                    firstLine = false;
                    line.setLength(0);
                }
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
            }
            out.println((firstLine ? label : indent) + line);
            firstLine = false;
        }
    }
}
