package com.enreach.tools.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code enreach kb analyze}: knowledge-base maintenance findings, one table per kind. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Knowledge-base health: gaps (resolved tickets with no close article), outdated articles, duplicates;",
            "each with evidence and a suggested action. --draft (operator token) drafts an article per gap with a provider."})
final class KbAnalyzeCommand implements Callable<Integer> {
    static final List<String> KINDS = List.of("gap", "outdated", "duplicate");

    @ParentCommand
    KbCommand kb;

    @Option(names = "--stale-months", paramLabel = "N", description = "Not updated for N months while tickets keep coming = outdated (default 12).")
    Integer staleMonths;

    @Option(names = "--similarity", paramLabel = "X", description = "Cosine similarity from which two articles are near-duplicates, 0..1 (default 0.9).")
    Double similarity;

    @Option(names = "--draft", description = "Draft an article for each gap with a generating provider (operator token).")
    boolean draft;

    @Option(names = "--provider", paramLabel = "NAME", description = "Provider for drafts (default: the platform's).")
    String provider;

    @Override
    public Integer call() {
        Enreach root = kb.root;
        JsonNode r = root.api().send("GET", Api.query("/api/kb/analysis", Api.params("stale_months", staleMonths,
                "duplicate_similarity", similarity, "draft", draft ? Boolean.TRUE : null, "provider", provider)), null,
                java.time.Duration.ofMinutes(10));
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        PrintWriter out = root.out();
        out.println("Knowledge-base analysis: stale after " + r.path("stale_months").asInt() + " months, duplicates from similarity "
                + String.format(Locale.ROOT, "%.2f", r.path("duplicate_similarity").asDouble()) + " (" + r.path("took_ms").asLong() + " ms)");
        for (String kind : KINDS) {
            List<JsonNode> findings = new java.util.ArrayList<>();
            r.path("findings").forEach(f -> {
                if (kind.equals(f.path("kind").asText())) {
                    findings.add(f);
                }
            });
            out.println();
            out.println(heading(kind) + " (" + findings.size() + ")");
            if (findings.isEmpty()) {
                out.println("  none");
                continue;
            }
            Table t = new Table("SCORE", "TITLE", "EVIDENCE", "ACTION");
            for (JsonNode f : findings) {
                StringBuilder ev = new StringBuilder();
                for (JsonNode e : f.path("evidence")) {
                    ev.append(ev.length() == 0 ? "" : ", ").append(e.path("key").asText(e.path("title").asText("")));
                }
                t.row(String.format(Locale.ROOT, "%.2f", f.path("score").asDouble()), f.path("title").asText(), ev,
                        f.path("suggested_action").asText(""));
            }
            t.print(out);
        }
        for (JsonNode f : r.path("findings")) {
            if (f.hasNonNull("draft") && !f.path("draft").asText().isBlank()) {
                out.println();
                out.println("Draft for gap \"" + f.path("title").asText() + "\":");
                out.println(f.path("draft").asText());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String heading(String kind) {
        return switch (kind) {
            case "gap" -> "Gaps: resolved tickets with no close article";
            case "outdated" -> "Outdated articles";
            default -> "Duplicates and overlaps";
        };
    }
}
