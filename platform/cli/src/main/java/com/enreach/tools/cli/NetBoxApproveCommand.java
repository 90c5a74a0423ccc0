package com.enreach.tools.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code enreach netbox approve ID}: approves all or selected items (approver), bound to the hash of the change set
 * as fetched and shown here, so what is approved is what was seen.
 */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = {"Approve a change set (approver): all items, or --items. Deletes are approved only with --include-deletes or by id.",
            "The approval binds to the change set's hash as shown: a change set that changed since is refused."})
final class NetBoxApproveCommand implements Callable<Integer> {
    @ParentCommand
    NetBoxCommand parent;

    @Parameters(index = "0", paramLabel = "ID", description = "The change set.")
    long id;

    @Mixin
    Choice choice;

    /** What to approve; shared with {@code netbox sync}. */
    static final class Choice {
        @Option(names = "--items", split = ",", paramLabel = "ID", description = "Only these items (ids as 'netbox show' lists them), e.g. 1,2.")
        List<Long> items;

        @Option(names = "--include-deletes", description = "Approving all items approves the deletes too.")
        boolean includeDeletes;

        @Option(names = "--comment", paramLabel = "TEXT", description = "Kept with the approval.")
        String comment;
    }

    @Override
    public Integer call() {
        Enreach root = parent.root;
        JsonNode cs = root.api().get("/api/netbox/changesets/" + id);
        JsonNode r = approve(root, cs, choice);
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        NetBoxTables.header(root.out(), r);
        return ExitCodes.OK;
    }

    /** Approves {@code cs} with the hash it was fetched with; says on stderr what is being approved. */
    static JsonNode approve(Enreach root, JsonNode cs, Choice choice) {
        String hash = Json.text(cs, "hash");
        PrintWriter err = root.err();
        JsonNode counts = cs.path("counts");
        err.println("Approving change set " + Json.text(cs, "id") + " (hash " + hash + "): "
                + (choice.items == null || choice.items.isEmpty() ? "all " + counts.path("total").asInt() + " items"
                        + (counts.path("deletes").asInt() > 0 && !choice.includeDeletes ? " but the " + counts.path("deletes").asInt()
                                + " deletes (add --include-deletes)" : "")
                        : "items " + choice.items));
        err.flush();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hash", hash);
        body.put("item_ids", choice.items == null ? List.of() : choice.items);
        body.put("include_deletes", choice.includeDeletes);
        body.put("comment", choice.comment);
        return root.api().post("/api/netbox/changesets/" + Json.text(cs, "id") + "/approve", body);
    }
}
