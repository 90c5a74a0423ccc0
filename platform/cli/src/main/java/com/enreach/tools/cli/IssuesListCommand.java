package com.enreach.tools.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code enreach issues list}: cached tickets, filtered, searched and paged. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List cached tickets, most recently updated first (best match first with -q).")
final class IssuesListCommand implements Callable<Integer> {
    @ParentCommand
    IssuesCommand issues;

    @Option(names = {"-q", "--q"}, paramLabel = "TEXT", description = "Words in the key, summary, description or comments.")
    String q;

    @Option(names = "--project", paramLabel = "KEY", description = "Project key, e.g. OPS.")
    String project;

    @Option(names = "--type", paramLabel = "TYPE", description = "Issue type, e.g. Incident.")
    String type;

    @Option(names = "--status", paramLabel = "STATUS", description = "Workflow status, e.g. \"In Progress\".")
    String status;

    @Option(names = "--category", paramLabel = "CATEGORY", description = "Status category: new, indeterminate or done.")
    String category;

    @Option(names = "--assignee", paramLabel = "NAME", description = "Assignee.")
    String assignee;

    @Option(names = "--label", paramLabel = "LABEL", description = "Tickets with this label.")
    String label;

    @Option(names = "--source", paramLabel = "INSTANCE", description = "Tickets of this source instance.")
    String source;

    @Option(names = "--record-status", paramLabel = "STATUS", description = "active (default), stale (gone from the source) or all.")
    String recordStatus;

    @ArgGroup(exclusive = true)
    Resolution resolution;

    static final class Resolution {
        @Option(names = "--resolved", description = "Only tickets with a resolution.")
        boolean resolved;

        @Option(names = "--unresolved", description = "Only tickets without a resolution.")
        boolean unresolved;
    }

    @Mixin
    PageOptions page;

    @Override
    public Integer call() {
        Enreach root = issues.root;
        Boolean resolved = resolution == null ? null : resolution.resolved;
        JsonNode r = root.api().get(Api.query("/api/kb/tickets", Api.params("q", q, "source", source, "project", project, "type", type,
                "status", status, "status_category", category, "resolved", resolved, "assignee", assignee, "label", label,
                "record_status", recordStatus, "limit", page.limit, "offset", page.offset)));
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        Table t = new Table("KEY", "TYPE", "STATUS", "RESOLUTION", "SUMMARY", "ASSIGNEE", "UPDATED");
        for (JsonNode i : r.path("results")) {
            t.row(Json.text(i, "key"), Json.text(i, "type"), Json.text(i, "status"), Json.text(i, "resolution"), Json.text(i, "summary"),
                    Json.text(i, "assignee"), Format.time(i, "updated"));
        }
        t.print(root.out());
        page.printCount(root.out(), r, "tickets");
        return ExitCodes.OK;
    }
}
