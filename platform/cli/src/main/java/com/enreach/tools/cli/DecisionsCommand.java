package com.enreach.tools.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code enreach decisions}: the audit trail of manual merges, splits and overrides; revoke one. */
@Command(name = "decisions", mixinStandardHelpOptions = true,
        description = {"Manual merge, split and override decisions, newest first; --revoke withdraws a merge or split (operator token).",
            "Overrides are withdrawn with 'enreach conflicts revoke ENTITY ATTRIBUTE'."})
final class DecisionsCommand implements Callable<Integer> {
    @ParentCommand
    Enreach root;

    @Option(names = "--revoke", paramLabel = "ID", description = "Withdraw this merge or split; the entities are re-resolved without it.")
    Long revoke;

    @Mixin
    PageOptions page;

    @Override
    public Integer call() {
        if (revoke != null) {
            JsonNode r = root.api().delete("/api/entities/decisions/" + revoke);
            if (root.json()) {
                root.printJson(r);
            } else {
                root.out().println("Revoked decision " + revoke);
                root.out().flush();
            }
            return ExitCodes.OK;
        }
        JsonNode r = root.api().get(Api.query("/api/entities/decisions", Api.params("limit", page.limit, "offset", page.offset)));
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        EntityTables.decisions(r.path("results")).print(root.out());
        page.printCount(root.out(), r, "decisions");
        return ExitCodes.OK;
    }
}
