package com.enreach.tools.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code enreach status}: is the platform up, and how is each source instance doing. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show whether Enreach Tools is up and the state of every source instance.",
            "Exit code 3 when it is not reachable."})
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    Enreach root;

    @Override
    public Integer call() {
        Api api = root.api();
        JsonNode health;
        try {
            health = api.get("/api/health");
        } catch (CliException e) {
            if (e.exitCode() != ExitCodes.UNREACHABLE) {
                throw e;
            }
            if (root.json()) {
                ObjectNode down = Json.MAPPER.createObjectNode().put("up", false).put("url", api.baseUrl());
                root.printJson(down);
            }
            root.err().println("enreach: down: " + e.getMessage());
            return ExitCodes.UNREACHABLE;
        }
        if (root.json()) {
            ObjectNode up = Json.MAPPER.createObjectNode().put("up", true).put("url", api.baseUrl());
            if (health.has("version")) {
                up.set("health", health);
            }
            up.set("sources", api.get("/api/sources"));
            root.printJson(up);
            return ExitCodes.OK;
        }
        // Say "up" before asking for the sources, so a token problem still shows that the platform runs.
        root.out().println("Enreach Tools is up at " + api.baseUrl());
        details(health);
        root.out().flush();
        JsonNode sources = api.get("/api/sources");
        if (sources.isEmpty()) {
            root.out().println("No source instances yet: add etc/source.<kind>-<name>.cfg files (see docs/sources/).");
            root.out().flush();
            return ExitCodes.OK;
        }
        Table t = new Table("INSTANCE", "KIND", "PRESENT", "LAST STATUS", "LAST SUCCESS", "ACTIVE", "STALE", "RUNNING");
        for (JsonNode s : sources) {
            JsonNode running = s.path("running_run_id");
            t.row(Json.text(s, "instance"), Json.text(s, "kind"), Format.yesNo(s, "present"),
                    Json.text(s, "last_status").isEmpty() ? "never run" : Json.text(s, "last_status"), Format.time(s, "last_success"),
                    Json.text(s, "active_devices"), Json.text(s, "stale_devices"), running.isNumber() ? "run " + running.asText() : "");
        }
        t.print(root.out());
        return ExitCodes.OK;
    }

    /** The health details the platform gives a valid token: version, readiness, database, and what is wrong. */
    private void details(JsonNode health) {
        if (!health.has("version")) {
            return; // an older platform, or no valid token: liveness only
        }
        JsonNode db = health.path("database");
        root.out().println("Version " + Json.text(health, "version") + (health.path("release").isTextual() ? " (release " + Json.text(health, "release") + ")" : "")
                + ", " + (health.path("ready").asBoolean() ? "ready" : "NOT READY")
                + "; database " + Json.text(db, "engine") + " schema v" + Json.text(db, "schema_version") + ", "
                + Format.bytes(db.path("size_bytes").asLong() + db.path("wal_bytes").asLong())
                + (db.path("migrations_pending").asInt() > 0 ? ", " + db.path("migrations_pending").asInt() + " migrations pending" : ""));
        for (JsonNode p : health.path("problems")) {
            root.out().println("Problem: " + p.asText());
        }
    }
}
