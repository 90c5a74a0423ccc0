package com.enreach.tools.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.Callable;

import com.enreach.tools.launcher.Platform;
import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code enreach demo}: start with the demo estate configured as six overlapping source instances (one per view of
 * the same generated estate) plus its knowledge base (a wiki and a Jira about the same machines), and sync them all
 * once the platform is up, so there is something to look at.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Like 'start', but first configure the demo estate as six source instances, one per source view",
            "(etc/source.demo-vcenter.cfg, -puppetdb, -foreman, -oxidized, -commvault, -storage), and its knowledge base",
            "(etc/source.demo-wiki.cfg: runbooks and post-mortems, etc/source.demo-jira.cfg: tickets), and sync them all",
            "once the platform is up, so there is one estate seen by several sources to look at.",
            "It also starts the demo NetBox, a sandbox served by the platform at /demo-netbox/ (etc/enreach.demo.netbox.cfg),",
            "seeded as a hand-filled, partly drifted NetBox, with its NetBox source (etc/source.netbox-demo.cfg) and the",
            "writer target demo (etc/enreach.netbox.target-demo.cfg), to try validate, preview, approve, apply and rollback."})
final class DemoCommand implements Callable<Integer> {
    /** The demo's instances and the view each shows, in the order they are synced. */
    static final Map<String, String> INSTANCES = instances();
    /** The single instance of earlier versions; kept and synced too where a home still has it. */
    static final String LEGACY_INSTANCE = "demo-estate";

    private static final int CONFIG_WAIT_SECONDS = 30;

    @ParentCommand
    Enreach root;

    private List<String> instances = List.of();
    private boolean netbox;

    @Override
    public Integer call() {
        instances = ensureConfig(root.home());
        root.err().println("Demo source configurations: " + root.home().resolve("etc").resolve("source.demo-*.cfg")
                + " (instances " + String.join(", ", instances) + ")");
        netbox = DemoNetBox.ensureConfig(root.home());
        if (netbox) {
            root.err().println("Demo NetBox (a sandbox, not a real NetBox): " + root.home().resolve("etc").resolve(DemoNetBox.SANDBOX_FILE)
                    + ", its source " + DemoNetBox.SOURCE + " and the writer target demo (etc/enreach.netbox.target-demo.cfg)");
        }
        return PlatformRunner.run(root, false, this::firstSync);
    }

    private static Map<String, String> instances() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String view : List.of("vcenter", "puppetdb", "foreman", "oxidized", "commvault", "storage")) {
            m.put("demo-" + view, view);
        }
        m.put("demo-wiki", "confluence");
        m.put("demo-jira", "jira");
        return Collections.unmodifiableMap(m);
    }

    static String defaultConfig(String view) {
        return """
                # Demo estate as %s sees it: one of the views of the same generated estate (same seed and size).
                view=%s
                size=3000
                seed=42
                churn.percent=1
                schedule.minutes=60
                """.formatted(view, view);
    }

    /**
     * Makes sure every view's configuration exists: an existing file is kept; else the shipped example is copied;
     * else the defaults are written.
     *
     * @return the demo instances to sync: the six source views, the wiki and Jira, and the earlier single instance if
     *         its file is there
     */
    static List<String> ensureConfig(Path home) {
        Path etc = home.resolve("etc");
        List<String> instances = new ArrayList<>();
        for (Map.Entry<String, String> instance : INSTANCES.entrySet()) {
            String view = instance.getValue();
            String file = "source." + instance.getKey() + ".cfg";
            Path cfg = etc.resolve(file);
            instances.add(instance.getKey());
            if (Files.exists(cfg)) {
                continue;
            }
            try {
                Files.createDirectories(etc);
                Path example = home.resolve("examples").resolve(file);
                if (Files.isRegularFile(example)) {
                    Files.copy(example, cfg);
                } else {
                    Files.writeString(cfg, defaultConfig(view), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new CliException(ExitCodes.FAILED, "cannot write " + cfg + ": " + e.getMessage());
            }
        }
        if (Files.exists(etc.resolve("source." + LEGACY_INSTANCE + ".cfg"))) {
            instances.add(LEGACY_INSTANCE);
        }
        return instances;
    }

    /** The platform keeps running whatever happens here, so problems are reported, not thrown. */
    private void firstSync(Platform platform) {
        List<String> all = new ArrayList<>(instances);
        if (netbox) {
            // the NetBox source reads the sandbox this platform serves: only once it answers
            if (DemoNetBox.awaitSandbox(root)) {
                all.add(DemoNetBox.SOURCE);
            } else {
                root.err().println("enreach: the demo NetBox did not answer at " + platform.baseUrl() + DemoNetBox.PATH
                        + "/api/status/; " + DemoNetBox.SOURCE + " is not synced (see log/)");
            }
        }
        // its schedule may have started a run before the sandbox answered: that one is let end, and a new one started
        syncAll(root, all, netbox ? Set.of(DemoNetBox.SOURCE) : Set.of());
        root.out().println("Browse it: bin/enreach devices list, bin/enreach history, bin/enreach search \"nfs stale file handle\"; REST " + platform.baseUrl()
                + "/api/devices (Bearer token, routes in /api/openapi.json); web console " + platform.baseUrl()
                + "/system/console (password: the admin token)");
        root.out().println("Ask the assistant (offline, extractive, with sources): bin/enreach ask \"which VMs on esx-ams-0005 have no backup?\", "
                + "bin/enreach ask \"how did we fix the NFS stale file handles?\", bin/enreach issues suggest OPS-12, bin/enreach kb analyze; "
                + "web UI " + platform.baseUrl() + "/#/ext/assistant");
        if (netbox) {
            root.out().println(DemoNetBox.hints(platform.baseUrl()));
        }
        root.out().flush();
    }

    /**
     * Starts a sync of every instance (they run side by side, as many at once as the core has workers), then follows
     * each to its end with the usual progress, and prints how each ended. Returns how many succeeded.
     */
    static int syncAll(Enreach root, List<String> instances) {
        return syncAll(root, instances, Set.of());
    }

    /**
     * @param fresh instances whose run must start now: a run already in progress (started before what it reads was
     *              ready) is let end quietly and a new one is started
     */
    static int syncAll(Enreach root, List<String> instances, Set<String> fresh) {
        SyncFollower follower = new SyncFollower(root);
        List<JsonNode> started = new ArrayList<>();
        for (String instance : instances) {
            JsonNode run = trigger(root, instance, fresh.contains(instance));
            if (run != null) {
                root.out().println("Demo sync of " + instance + " started (run " + run.path("id").asText() + ")");
                started.add(run);
            }
        }
        root.out().flush();
        int succeeded = 0;
        for (JsonNode run : started) {
            try {
                JsonNode end = follower.follow(run);
                follower.report(new SyncFollower.Outcome(Json.text(end, "instance"), SyncFollower.exitCode(end), end),
                        "bin/enreach sync " + Json.text(end, "instance") + " --confirm");
                succeeded += "succeeded".equals(Json.text(end, "status")) ? 1 : 0;
            } catch (CliException e) {
                root.err().println("enreach: could not follow the demo sync of " + Json.text(run, "instance") + ": " + e.getMessage());
            }
        }
        root.err().flush();
        return succeeded;
    }

    /** Waits, without progress output, until run {@code id} is no longer running. */
    private static void awaitEnd(Enreach root, long id) {
        for (int i = 0; i < CONFIG_WAIT_SECONDS * 10; i++) {
            try {
                if (!"running".equals(Json.text(root.api().get("/api/sync/runs/" + id), "status"))) {
                    return;
                }
            } catch (CliException e) {
                return; // the next start says what is wrong
            }
            root.sleep(Duration.ofSeconds(1));
        }
    }

    /**
     * FileInstall hands etc/ to the platform a moment after the API is up, so the instance may not exist yet
     * (404, or 409 plugin_absent): ask again for a while. A run already in progress is followed instead.
     *
     * @return the run, or null when it could not be started (said on stderr)
     */
    private static JsonNode trigger(Enreach root, String instance, boolean fresh) {
        for (int attempt = 1; ; attempt++) {
            try {
                return root.api().post("/api/sources/" + Api.segment(instance) + "/sync?trigger=cli", null);
            } catch (ApiError e) {
                if ("already_running".equals(e.code()) && e.detail().hasNonNull("id")) {
                    if (!fresh || attempt >= CONFIG_WAIT_SECONDS) {
                        return e.detail();
                    }
                    awaitEnd(root, e.detail().path("id").asLong());
                    continue;
                }
                boolean notYet = e.status() == 404 || "plugin_absent".equals(e.code());
                if (!notYet || attempt >= CONFIG_WAIT_SECONDS) {
                    root.err().println("enreach: could not start the demo sync of " + instance + ": " + e.getMessage());
                    return null;
                }
                root.sleep(Duration.ofSeconds(1));
            } catch (CliException e) {
                root.err().println("enreach: could not start the demo sync of " + instance + ": " + e.getMessage());
                return null;
            }
        }
    }
}
