package com.enreach.tools.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code enreach netbox show ID}: one change set, every item's fields side by side (current | proposed), conflicts marked. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "One change set: each item's fields side by side (field, current, proposed), conflicts and findings marked.")
final class NetBoxShowCommand implements Callable<Integer> {
    @ParentCommand
    NetBoxCommand parent;

    @Parameters(index = "0", paramLabel = "ID", description = "The change set.")
    long id;

    @Option(names = "--kind", paramLabel = "KIND", description = "Only items of this NetBox kind, e.g. dcim.device.")
    String kind;

    @Option(names = "--action", paramLabel = "ACTION", description = "create, update or delete.")
    String action;

    @Option(names = "--site", paramLabel = "SITE", description = "Only items of this site.")
    String site;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only items in this status (pending, applied, failed, drifted, ...).")
    String status;

    @Option(names = "--q", paramLabel = "TEXT", description = "Only objects whose name contains TEXT.")
    String q;

    @Override
    public Integer call() {
        Enreach root = parent.root;
        JsonNode cs = root.api().get(Api.query("/api/netbox/changesets/" + id, Api.params("object_type", kind, "action", action, "site", site,
                "status", status, "q", q)));
        if (root.json()) {
            root.printJson(cs);
            return ExitCodes.OK;
        }
        NetBoxTables.header(root.out(), cs);
        root.out().println();
        NetBoxTables.sideBySide(cs.path("items")).print(root.out());
        root.out().println(cs.path("items").size() + " items shown" + (kind != null || action != null || site != null || status != null || q != null
                ? " (filtered)" : ""));
        for (JsonNode a : cs.path("approvals")) {
            root.out().println(Json.text(a, "decision") + " by " + Json.text(a, "actor") + " at " + Format.time(a, "at") + " (" + Json.text(a, "scope")
                    + (a.path("include_deletes").asBoolean() ? ", deletes included" : "") + ")"
                    + (Json.text(a, "comment").isEmpty() ? "" : ": " + Json.text(a, "comment")));
        }
        NetBoxTables.held(root.out(), cs.path("held"));
        root.out().flush();
        return ExitCodes.OK;
    }
}
