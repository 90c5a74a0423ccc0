package com.enreach.tools.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import com.enreach.tools.launcher.Platform;
import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code enreach demo}: start with the generated demo estate configured, and sync it once. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Like 'start', but first configure the demo estate source (etc/source.demo-estate.cfg)",
            "and sync it once the platform is up, so there is something to look at."})
final class DemoCommand implements Callable<Integer> {
    static final String INSTANCE = "demo-estate";
    static final String FILE = "source." + INSTANCE + ".cfg";
    static final String DEFAULT_CONFIG = """
            # Demo estate: a generated, deterministic inventory to try Enreach Tools with.
            size=3000
            seed=42
            churn.percent=1
            schedule.minutes=60
            """;

    private static final int CONFIG_WAIT_SECONDS = 30;

    @ParentCommand
    Enreach root;

    @Override
    public Integer call() {
        Path cfg = ensureConfig(root.home());
        root.err().println("Demo source configuration: " + cfg);
        return PlatformRunner.run(root, false, this::firstSync);
    }

    /** Keeps an existing configuration; else copies the shipped example, else writes the defaults. */
    static Path ensureConfig(Path home) {
        Path cfg = home.resolve("etc").resolve(FILE);
        if (Files.exists(cfg)) {
            return cfg;
        }
        try {
            Files.createDirectories(cfg.getParent());
            Path example = home.resolve("examples").resolve(FILE);
            if (Files.isRegularFile(example)) {
                Files.copy(example, cfg);
            } else {
                Files.writeString(cfg, DEFAULT_CONFIG, StandardCharsets.UTF_8);
            }
            return cfg;
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "cannot write " + cfg + ": " + e.getMessage());
        }
    }

    /**
     * FileInstall hands etc/ to the platform a moment after the API is up, so the instance may not exist yet
     * (404, or 409 plugin_absent): ask again for a while.
     */
    private JsonNode triggerWhenConfigured() {
        for (int attempt = 1; ; attempt++) {
            try {
                return root.api().post("/api/sources/" + Api.segment(INSTANCE) + "/sync?trigger=cli", null);
            } catch (ApiError e) {
                boolean notYet = e.status() == 404 || "plugin_absent".equals(e.code());
                if (!notYet || attempt >= CONFIG_WAIT_SECONDS) {
                    throw e;
                }
                root.sleep(Duration.ofSeconds(1));
            }
        }
    }

    /** The platform keeps running whatever happens here, so problems are reported, not thrown. */
    private void firstSync(Platform platform) {
        String where = "Browse it: bin/enreach devices list, bin/enreach history; REST " + platform.baseUrl()
                + "/api/devices (Bearer token, routes in /api/openapi.json); web console " + platform.baseUrl()
                + "/system/console (password: the admin token)";
        try {
            JsonNode run = triggerWhenConfigured();
            root.out().println("Demo sync started (run " + run.path("id").asText() + "). " + where);
        } catch (ApiError e) {
            if ("already_running".equals(e.code())) {
                root.out().println("Demo sync already running (run " + e.detail().path("id").asText() + "). " + where);
            } else {
                root.err().println("enreach: could not start the demo sync: " + e.getMessage());
                root.out().println(where);
            }
        } catch (CliException e) {
            root.err().println("enreach: could not start the demo sync: " + e.getMessage());
        }
        root.out().flush();
        root.err().flush();
    }
}
