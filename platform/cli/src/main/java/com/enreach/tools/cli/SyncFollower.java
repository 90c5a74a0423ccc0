package com.enreach.tools.cli;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Starts a sync run (or joins the one already running) and follows it to its end. Shared by sync and refresh. */
final class SyncFollower {
    static final Duration POLL = Duration.ofMillis(500);

    /** How one instance's sync ended; {@code run} is missing when it never started. */
    record Outcome(String instance, int exitCode, JsonNode run) {
    }

    private final Enreach root;

    SyncFollower(Enreach root) {
        this.root = root;
    }

    Outcome sync(String instance, boolean confirm, boolean noWait) {
        JsonNode run = trigger(instance, confirm, noWait);
        if (noWait) {
            return new Outcome(instance, ExitCodes.OK, run);
        }
        run = follow(run);
        return new Outcome(instance, exitCode(run), run);
    }

    private JsonNode trigger(String instance, boolean confirm, boolean noWait) {
        Api api = root.api();
        String path = Api.query("/api/sources/" + Api.segment(instance) + "/sync",
                Api.params("trigger", "cli", "confirm", confirm ? "true" : null));
        try {
            return api.post(path, null);
        } catch (ApiError e) {
            if (!"already_running".equals(e.code())) {
                throw e;
            }
            JsonNode running = e.detail().hasNonNull("id") ? e.detail() : runningRun(instance);
            if (noWait || running.isMissingNode()) {
                throw e;
            }
            root.err().println(instance + " is already syncing (run " + Json.text(running, "id") + ", trigger "
                    + Json.text(running, "trigger") + "); following that run" + (confirm ? " (--confirm does not apply to it)" : ""));
            root.err().flush();
            return running;
        }
    }

    /** The detail of an already_running answer can be empty in a race; ask the instance which run it is. */
    private JsonNode runningRun(String instance) {
        JsonNode id = root.api().get("/api/sources/" + Api.segment(instance)).path("running_run_id");
        return id.isNumber() ? root.api().get("/api/sync/runs/" + id.asLong()) : MissingNode.getInstance();
    }

    JsonNode follow(JsonNode run) {
        Progress progress = new Progress(root, root.terminal() ? previousRecords(run) : 0);
        long id = run.path("id").asLong();
        while ("running".equals(Json.text(run, "status"))) {
            progress.update(run);
            root.sleep(POLL);
            run = root.api().get("/api/sync/runs/" + id);
        }
        progress.done(run);
        return run;
    }

    /** Records fetched by the instance's last successful run: the progress bar's estimated total (0 = unknown). */
    private long previousRecords(JsonNode run) {
        try {
            JsonNode page = root.api().get(Api.query("/api/sync/runs", Api.params("instance", Json.text(run, "instance"), "limit", 20)));
            for (JsonNode r : page.path("results")) {
                if ("succeeded".equals(Json.text(r, "status")) && r.path("id").asLong() != run.path("id").asLong()) {
                    return r.path("fetched").asLong();
                }
            }
        } catch (CliException e) {
            // only an estimate for the bar
        }
        return 0;
    }

    static int exitCode(JsonNode run) {
        return switch (Json.text(run, "status")) {
            case "succeeded", "running" -> ExitCodes.OK;
            case "needs_confirmation" -> ExitCodes.NEEDS_CONFIRMATION;
            default -> ExitCodes.FAILED;
        };
    }

    /** Prints how a run ended for people: the summary on stdout, what went wrong on stderr. */
    void report(Outcome o, String confirmCommand) {
        JsonNode run = o.run();
        String instance = o.instance();
        String status = Json.text(run, "status");
        if ("running".equals(status)) {
            root.out().println(instance + ": run " + Json.text(run, "id") + " started; follow it with 'enreach history --instance "
                    + instance + "'");
            root.out().flush();
            return;
        }
        long secs = Format.seconds(run, "started_at", "finished_at");
        root.out().println(instance + ": run " + Json.text(run, "id") + " " + status + (secs >= 0 ? " in " + Format.duration(secs) : "")
                + ": " + run.path("fetched").asLong() + " fetched, " + run.path("added").asLong() + " added, "
                + run.path("updated").asLong() + " updated, " + run.path("unchanged").asLong() + " unchanged, "
                + run.path("stale").asLong() + " stale, " + run.path("warnings").asLong() + " warnings");
        for (JsonNode w : run.path("warning_samples")) {
            root.out().println("  warning: " + w.asText());
        }
        root.out().flush();
        String error = Json.text(run, "error");
        if ("needs_confirmation".equals(status)) {
            root.err().println("enreach: " + instance + " needs confirmation: " + error);
            root.err().println("  Check the source first; to accept, re-run: " + confirmCommand);
        } else if (!"succeeded".equals(status)) {
            root.err().println("enreach: " + instance + ": run " + Json.text(run, "id") + " " + status + (error.isEmpty() ? "" : ": " + error));
        }
        root.err().flush();
    }
}
