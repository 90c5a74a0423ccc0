package com.enreach.tools.cli;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * The demo's NetBox: the sandbox the demo plugin serves at /demo-netbox/ (etc/enreach.demo.netbox.cfg), the NetBox
 * source reading it (etc/source.netbox-demo.cfg, instance {@value #SOURCE}) and the writer target "demo"
 * (etc/enreach.netbox.target-demo.cfg). The three files share one token: the examples carry a placeholder that each
 * home replaces with its own random token when they are copied.
 */
final class DemoNetBox {
    /** The NetBox source instance reading the sandbox. */
    static final String SOURCE = "netbox-demo";
    static final String SANDBOX_FILE = "enreach.demo.netbox.cfg";
    /** In the order they are copied: the sandbox before what reads and writes it. */
    static final List<String> FILES = List.of(SANDBOX_FILE, "source." + SOURCE + ".cfg", "enreach.netbox.target-demo.cfg");
    /** The token written in the shipped examples, replaced on copy. */
    static final String EXAMPLE_TOKEN = "0123456789abcdef0123456789abcdef01234567";
    /** The hand editor's token (user adevries) in the shipped sandbox example, replaced on copy by another. */
    static final String EXAMPLE_HAND_TOKEN = "fedcba9876543210fedcba9876543210fedcba98";
    static final String PATH = "/demo-netbox";

    private static final int READY_WAIT_SECONDS = 60;

    private DemoNetBox() {
    }

    /**
     * Copies the three examples that are missing from etc/, with this home's token (the sandbox's, if its file is
     * already there). Without the shipped examples (a home assembled by hand) nothing is set up.
     *
     * @return whether the sandbox is configured and enabled, so the NetBox source is worth syncing
     */
    static boolean ensureConfig(Path home) {
        Path etc = home.resolve("etc");
        Path examples = home.resolve("examples");
        try {
            String token = token(etc.resolve(SANDBOX_FILE));
            if (token == null) {
                token = HexFormat.of().formatHex(new SecureRandom().generateSeed(20));
            }
            for (String file : FILES) {
                Path cfg = etc.resolve(file);
                Path example = examples.resolve(file);
                if (!Files.exists(cfg) && Files.isRegularFile(example)) {
                    Files.createDirectories(etc);
                    String hand = HexFormat.of().formatHex(new SecureRandom().generateSeed(20));
                    Files.writeString(cfg, Files.readString(example, StandardCharsets.UTF_8).replace(EXAMPLE_TOKEN, token)
                            .replace(EXAMPLE_HAND_TOKEN, hand), StandardCharsets.UTF_8);
                }
            }
            Properties sandbox = read(etc.resolve(SANDBOX_FILE));
            return sandbox != null && Boolean.parseBoolean(sandbox.getProperty("enabled", "false").trim())
                    && Files.exists(etc.resolve("source." + SOURCE + ".cfg"));
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "cannot write the demo NetBox configuration in " + etc + ": " + e.getMessage());
        }
    }

    /** The sandbox's token, or null when its file is missing or has none. */
    static String token(Path sandboxCfg) throws IOException {
        Properties p = read(sandboxCfg);
        String token = p == null ? null : p.getProperty(".password");
        return token == null || token.isBlank() ? null : token.trim();
    }

    private static Properties read(Path cfg) throws IOException {
        if (!Files.isRegularFile(cfg)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(cfg, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    /**
     * Waits until the sandbox answers its status route (FileInstall hands etc/ over a moment after the API is up),
     * so the NetBox source does not sync against a NetBox that is not there yet.
     *
     * @return whether it answered
     */
    static boolean awaitSandbox(Enreach root) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String token;
        try {
            token = token(root.home().resolve("etc").resolve(SANDBOX_FILE));
        } catch (IOException e) {
            token = null;
        }
        if (token == null) {
            return false;
        }
        URI status = URI.create(root.baseUrl() + PATH + "/api/status/");
        for (int attempt = 1; attempt <= READY_WAIT_SECONDS; attempt++) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Token " + token).header("Accept", "application/json").build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not there yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            root.sleep(Duration.ofSeconds(1));
        }
        return false;
    }

    /** What to try once the demo is up: the NetBox flow against the sandbox, in the CLI and the UI. */
    static String hints(String baseUrl) {
        return """
                Demo NetBox: a SANDBOX served by this platform at %1$s%2$s/ (API %1$s%2$s/api/, token in etc/%3$s), seeded as a \
                team that filled NetBox by hand would have left it (some machines missing, some drifted, some bad data). \
                Not a real NetBox: the writer target "demo" writes only to it.
                Try the NetBox flow: bin/enreach netbox validate; bin/enreach netbox preview (prints the change set's id); \
                bin/enreach netbox show ID; bin/enreach netbox sync --approve ID (approve, then apply); bin/enreach netbox conflicts; \
                bin/enreach netbox history; bin/enreach netbox rollback ID.
                In the web UI (section NetBox): %1$s/#/ext/netbox-validation, %1$s/#/ext/netbox-changesets, \
                %1$s/#/ext/netbox-conflicts, %1$s/#/ext/netbox-history.""".formatted(baseUrl, PATH, SANDBOX_FILE);
    }
}
