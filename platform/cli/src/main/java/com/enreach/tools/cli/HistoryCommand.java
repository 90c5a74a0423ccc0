package com.enreach.tools.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code enreach history}: past and running sync runs, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "Sync runs, newest first.")
final class HistoryCommand implements Callable<Integer> {
    @ParentCommand
    Enreach root;

    @Option(names = "--instance", paramLabel = "INSTANCE", description = "Only runs of this source instance.")
    String instance;

    @Mixin
    PageOptions page;

    @Override
    public Integer call() {
        JsonNode r = root.api().get(Api.query("/api/sync/runs", Api.params("instance", instance, "limit", page.limit, "offset", page.offset)));
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        Table t = new Table("ID", "INSTANCE", "TRIGGER", "STATUS", "STARTED", "TOOK", "ADDED", "UPDATED", "UNCHANGED", "STALE", "ERROR");
        for (JsonNode run : r.path("results")) {
            t.row(Json.text(run, "id"), Json.text(run, "instance"), Json.text(run, "trigger"), Json.text(run, "status"),
                    Format.time(run, "started_at"), Format.duration(Format.seconds(run, "started_at", "finished_at")),
                    Json.text(run, "added"), Json.text(run, "updated"), Json.text(run, "unchanged"), Json.text(run, "stale"),
                    Json.text(run, "error"));
        }
        t.print(root.out());
        page.printCount(root.out(), r, "runs");
        return ExitCodes.OK;
    }
}
