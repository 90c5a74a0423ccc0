package com.enreach.tools.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code enreach split}: these observations are a thing of their own; the decision survives every later sync and rebuild. */
@Command(name = "split", mixinStandardHelpOptions = true,
        description = "Move observations (device ids, see 'enreach entities show') out of an entity into a new entity of their own "
                + "(a manual decision, audited). Needs an operator token.")
final class SplitCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand
    Enreach root;

    @Parameters(index = "0", paramLabel = "ENTITY", description = "Entity id, name, FQDN, serial or IP.")
    String entity;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "DEVICE", description = "Device ids of the observations to split off.")
    List<Long> devices;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (kept in the audit trail).")
    String reason;

    @Override
    public Integer call() {
        long id = EntityRef.id(root, entity);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("device_ids", devices);
        body.put("reason", reason);
        JsonNode e = root.api().post("/api/entities/" + id + "/split", body);
        if (root.json()) {
            root.printJson(e);
        } else {
            root.out().println("Split device " + devices.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("") + " off entity " + id
                    + " into new entity " + Json.text(e, "id") + " " + Json.text(e, "name") + " (" + Json.text(e, "type") + ")");
            root.out().flush();
        }
        return ExitCodes.OK;
    }
}
