package com.enreach.tools.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code enreach sources}: the source instances, and a connection check of one. */
@Command(name = "sources", mixinStandardHelpOptions = true,
        description = "List source instances (configured, or seen before and now absent).")
final class SourcesCommand implements Callable<Integer> {
    @ParentCommand
    Enreach root;

    @Override
    public Integer call() {
        JsonNode sources = root.api().get("/api/sources");
        if (root.json()) {
            root.printJson(sources);
            return ExitCodes.OK;
        }
        Table t = new Table("INSTANCE", "KIND", "PRESENT", "ENABLED", "SCHEDULE", "LAST STATUS", "LAST SUCCESS", "ACTIVE", "STALE", "CONFIG",
                "CONNECTION");
        for (JsonNode s : sources) {
            int minutes = s.path("schedule_minutes").asInt(0);
            int errors = s.path("config_errors").size();
            t.row(Json.text(s, "instance"), Json.text(s, "kind"), Format.yesNo(s, "present"), Format.yesNo(s, "enabled"),
                    minutes > 0 ? "every " + minutes + " min" : "on demand", Json.text(s, "last_status"), Format.time(s, "last_success"),
                    Json.text(s, "active_devices"), Json.text(s, "stale_devices"), errors == 0 ? "ok" : errors + " error(s)", connection(s));
        }
        if (t.isEmpty()) {
            root.out().println("No source instances yet: add etc/source.<kind>-<name>.cfg files (see docs/sources/).");
        } else {
            t.print(root.out());
        }
        for (JsonNode s : sources) {
            for (JsonNode e : s.path("config_errors")) {
                root.out().println(Json.text(s, "instance") + ": " + fieldError(e));
            }
            for (JsonNode e : s.path("connection").path("errors")) {
                root.out().println(Json.text(s, "instance") + ": connection: " + fieldError(e));
            }
        }
        root.out().flush();
        return ExitCodes.OK;
    }

    /** The last connection check: ok, failed, or not checked yet. */
    private static String connection(JsonNode s) {
        JsonNode c = s.path("connection");
        if (c.isMissingNode() || c.isNull()) {
            return "not checked";
        }
        return c.path("ok").asBoolean(false) ? "ok" : "failed";
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check an instance's configuration and connection now.", "Exit code 1 when the check fails."})
    int check(@Parameters(paramLabel = "INSTANCE", description = "Source instance, e.g. vcenter-prod.") String instance) {
        JsonNode r = root.api().post("/api/sources/" + Api.segment(instance) + "/check", null);
        boolean ok = r.path("ok").asBoolean(false);
        if (root.json()) {
            root.printJson(r);
        } else if (ok) {
            root.out().println(instance + ": ok" + (Json.text(r, "detail").isEmpty() ? "" : " (" + Json.text(r, "detail") + ")"));
        } else {
            root.out().println(instance + ": check failed");
            for (JsonNode e : r.path("errors")) {
                root.out().println("  " + fieldError(e));
            }
        }
        root.out().flush();
        return ok ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** {@code field: message (code)}, or without the field when the problem is not about one. */
    static String fieldError(JsonNode e) {
        String field = Json.text(e, "field");
        return (field.isEmpty() ? "" : field + ": ") + Json.text(e, "message") + " (" + Json.text(e, "code") + ")";
    }
}
