package com.enreach.tools.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code enreach kb list}: cached articles, filtered, searched and paged. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List cached articles, newest first (best match first with -q).")
final class KbListCommand implements Callable<Integer> {
    @ParentCommand
    KbCommand kb;

    @Option(names = {"-q", "--q"}, paramLabel = "TEXT", description = "Words in the title or text (database text search).")
    String q;

    @Option(names = "--space", paramLabel = "KEY", description = "Space key, e.g. OPS.")
    String space;

    @Option(names = "--label", paramLabel = "LABEL", description = "Articles with this label.")
    String label;

    @Option(names = "--source", paramLabel = "INSTANCE", description = "Articles of this source instance.")
    String source;

    @Option(names = "--status", paramLabel = "STATUS", description = "active (default), stale or all.")
    String status;

    @Mixin
    PageOptions page;

    @Override
    public Integer call() {
        Enreach root = kb.root;
        JsonNode r = root.api().get(Api.query("/api/kb/articles", Api.params("q", q, "source", source, "space", space, "label", label,
                "status", status, "limit", page.limit, "offset", page.offset)));
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        Table t = new Table("ID", "SPACE", "TITLE", "UPDATED", "AUTHOR", "STATUS", "VECTORS");
        for (JsonNode a : r.path("results")) {
            t.row(Json.text(a, "id"), Json.text(a, "space_key"), Json.text(a, "title"), Format.time(a, "last_updated"), Json.text(a, "author"),
                    Json.text(a, "status"), Json.text(a, "vector_status"));
        }
        t.print(root.out());
        page.printCount(root.out(), r, "articles");
        return ExitCodes.OK;
    }
}
