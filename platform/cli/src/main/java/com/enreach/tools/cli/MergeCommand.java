package com.enreach.tools.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code enreach merge}: these entities are one real thing; the decision survives every later sync and rebuild. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge entities into the one with the lowest id (a manual decision, audited; revoke with 'enreach decisions --revoke ID'). "
                + "Needs an operator token.")
final class MergeCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand
    Enreach root;

    @Parameters(arity = "2..*", paramLabel = "ID", description = "Entity ids (at least two).")
    List<Long> ids;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (kept in the audit trail).")
    String reason;

    @Override
    public Integer call() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entity_ids", ids);
        body.put("reason", reason);
        JsonNode e = root.api().post("/api/entities/merge", body);
        if (root.json()) {
            root.printJson(e);
        } else {
            root.out().println("Merged into entity " + Json.text(e, "id") + " " + Json.text(e, "name") + " (" + Json.text(e, "type") + "), sources: "
                    + EntityTables.join(e.path("sources")));
            root.out().flush();
        }
        return ExitCodes.OK;
    }
}
