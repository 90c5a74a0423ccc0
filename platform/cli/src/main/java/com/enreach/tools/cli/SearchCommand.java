package com.enreach.tools.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code enreach search "<text>"}: searches Confluence articles and Jira tickets cached in the platform. */
@Command(name = "search", mixinStandardHelpOptions = true, description = {"Search the cached Confluence articles and Jira tickets by meaning and words.",
    "Hybrid (BM25 + vectors) when the vector index and embedding plugins are installed; otherwise what is possible, and the notes say so."})
final class SearchCommand implements Callable<Integer> {
    @ParentCommand
    Enreach root;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "What to look for (several words are one query).")
    List<String> text;

    @Option(names = "--type", paramLabel = "kb|issue", description = "Articles (kb) or tickets (issue) only.")
    String type;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Most hits (1-100, default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--mode", paramLabel = "hybrid|bm25|vector", description = "How to search (default hybrid); falls back when a plugin is missing.")
    String mode;

    @Option(names = "--space", paramLabel = "KEY", description = "Articles of this Confluence space only.")
    String space;

    @Option(names = "--project", paramLabel = "KEY", description = "Tickets of this Jira project only.")
    String project;

    @Option(names = "--status", paramLabel = "STATUS", description = "Tickets in this workflow status only.")
    String status;

    @Option(names = "--resolved", description = "Resolved tickets only.")
    boolean resolved;

    @Override
    public Integer call() {
        if (type != null && !List.of("kb", "issue", "article", "ticket").contains(type.toLowerCase(Locale.ROOT))) {
            throw new CliException(ExitCodes.USAGE, "--type must be kb or issue, got '" + type + "'");
        }
        if (limit < 1 || limit > 100) {
            throw new CliException(ExitCodes.USAGE, "--limit must be between 1 and 100, got " + limit);
        }
        JsonNode r = root.api().get(Api.query("/api/search", Api.params("q", String.join(" ", text), "type", type, "space", space, "project", project,
                "status", status, "resolved", resolved ? "true" : null, "mode", mode, "limit", limit)));
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        PrintWriter out = root.out();
        Table t = new Table("TYPE", "TITLE", "SCORE", "SNIPPET", "URL");
        for (JsonNode h : r.path("hits")) {
            t.row(Json.text(h, "content_type"), Json.text(h, "title"), String.format(Locale.ROOT, "%.4f", h.path("score").asDouble()),
                    Json.text(h, "snippet"), Json.text(h, "url"));
        }
        if (t.isEmpty()) {
            out.println("No hits.");
        } else {
            t.print(out);
        }
        for (JsonNode n : r.path("notes")) {
            out.println("Note: " + n.asText());
        }
        String model = Json.text(r, "model");
        out.println(r.path("hits").size() + " hits (" + Json.text(r, "mode") + (model.isEmpty() ? "" : ", " + model) + ", "
                + r.path("took_ms").asLong() + " ms)");
        out.flush();
        return ExitCodes.OK;
    }
}
