package com.enreach.tools.cli;

import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code enreach netbox sync --approve ID}: approves the change set if it is still pending, then applies it and
 * prints the outcome (approver). Exit 1 when items failed or drifted.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Approve a change set if it is still pending (bound to its hash), then apply it and print the outcome (approver).",
            "Exit 1 when items failed or drifted."})
final class NetBoxSyncCommand implements Callable<Integer> {
    /** States in which the change set is already approved and may be applied (again, to resume). */
    private static final Set<String> APPLICABLE = Set.of("approved", "applying", "partially_applied");

    @ParentCommand
    NetBoxCommand parent;

    @Option(names = "--approve", required = true, paramLabel = "ID", description = "The change set to approve and apply.")
    long id;

    @Mixin
    NetBoxApproveCommand.Choice choice;

    @Override
    public Integer call() {
        Enreach root = parent.root;
        JsonNode cs = root.api().get("/api/netbox/changesets/" + id);
        String status = Json.text(cs, "status");
        JsonNode approval = null;
        if ("pending".equals(status)) {
            approval = NetBoxApproveCommand.approve(root, cs, choice);
        } else if (!APPLICABLE.contains(status)) {
            throw new CliException(ExitCodes.USAGE, "change set " + id + " is " + status + ": it cannot be applied"
                    + ("superseded".equals(status) ? " (a newer preview exists: approve that one)" : ""));
        } else {
            root.err().println("Change set " + id + " is already " + status + "; applying it.");
            root.err().flush();
        }
        JsonNode r = root.api().post("/api/netbox/changesets/" + id + "/apply", null);
        int exit = r.path("failed").asInt() > 0 || r.path("drifted").asInt() > 0 ? ExitCodes.FAILED : ExitCodes.OK;
        if (root.json()) {
            ObjectNode out = Json.MAPPER.createObjectNode();
            out.set("approval", approval);
            out.set("apply", r);
            root.printJson(out);
            return exit;
        }
        return NetBoxTables.applyResult(root.out(), r);
    }
}
