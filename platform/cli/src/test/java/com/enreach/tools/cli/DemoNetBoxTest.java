package com.enreach.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** {@code enreach demo}'s NetBox: the sandbox, its source and the writer target set up with one token per home. */
class DemoNetBoxTest extends FakeApiTest {

    private void examples() throws Exception {
        Path examples = Files.createDirectories(home.resolve("examples"));
        Files.writeString(examples.resolve(DemoNetBox.SANDBOX_FILE), "enabled=true\n.password=" + DemoNetBox.EXAMPLE_TOKEN
                + "\n.hand.password=" + DemoNetBox.EXAMPLE_HAND_TOKEN + "\n");
        Files.writeString(examples.resolve("source.netbox-demo.cfg"), "url=http://x/demo-netbox\n.password=" + DemoNetBox.EXAMPLE_TOKEN + "\n");
        Files.writeString(examples.resolve("enreach.netbox.target-demo.cfg"), "source=netbox-demo\n.password=" + DemoNetBox.EXAMPLE_TOKEN + "\n");
    }

    private String etc(String file) throws Exception {
        return Files.readString(home.resolve("etc").resolve(file), StandardCharsets.UTF_8);
    }

    @Test
    void theThreeFilesAreCopiedWithOneFreshTokenOfThisHome() throws Exception {
        examples();

        assertTrue(DemoNetBox.ensureConfig(home));

        String token = DemoNetBox.token(home.resolve("etc").resolve(DemoNetBox.SANDBOX_FILE));
        assertNotEquals(DemoNetBox.EXAMPLE_TOKEN, token, "the well-known example token is never used");
        assertTrue(token.matches("[0-9a-f]{40}"), token);
        String hand = etc(DemoNetBox.SANDBOX_FILE).replaceAll("(?s).*\\.hand\\.password=([0-9a-f]+)\n.*", "$1");
        assertTrue(hand.matches("[0-9a-f]{40}") && !hand.equals(DemoNetBox.EXAMPLE_HAND_TOKEN) && !hand.equals(token),
                "the hand editor gets a token of its own: " + etc(DemoNetBox.SANDBOX_FILE));
        for (String file : DemoNetBox.FILES) {
            assertTrue(etc(file).contains(".password=" + token + "\n"), file + ": " + etc(file));
        }
    }

    @Test
    void aMissingFileIsCopiedWithTheSandboxTokenAndExistingOnesAreKept() throws Exception {
        examples();
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc").resolve(DemoNetBox.SANDBOX_FILE), "enabled=true\n.password=abc123\n");
        Files.writeString(home.resolve("etc").resolve("source.netbox-demo.cfg"), "url=http://mine\n.password=abc123\n");

        assertTrue(DemoNetBox.ensureConfig(home));

        assertEquals("url=http://mine\n.password=abc123\n", etc("source.netbox-demo.cfg"));
        assertTrue(etc("enreach.netbox.target-demo.cfg").contains(".password=abc123\n"), etc("enreach.netbox.target-demo.cfg"));
    }

    @Test
    void aDisabledSandboxIsNotSynced() throws Exception {
        examples();
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc").resolve(DemoNetBox.SANDBOX_FILE), "enabled=false\n.password=abc123\n");

        assertFalse(DemoNetBox.ensureConfig(home));
        assertFalse(DemoNetBox.ensureConfig(home.resolve("elsewhere")), "no examples, nothing set up");
    }

    @Test
    void waitsForTheSandboxWithItsNetBoxToken() throws Exception {
        examples();
        DemoNetBox.ensureConfig(home);
        String token = DemoNetBox.token(home.resolve("etc").resolve(DemoNetBox.SANDBOX_FILE));
        api.on("GET", "/demo-netbox/api/status/", 404, "{}").on("GET", "/demo-netbox/api/status/", 200, "{\"netbox-version\":\"4.2.2\"}");

        assertTrue(DemoNetBox.awaitSandbox(root()));

        List<FakeApi.Request> asked = api.requests();
        assertEquals(2, asked.size(), "asked again after the 404: " + api.targets());
        assertEquals("Token " + token, asked.get(1).authorization());
    }

    @Test
    void theHintsNameTheFlowAndTheSandbox() {
        String hints = DemoNetBox.hints("http://127.0.0.1:8080");
        assertTrue(hints.contains("SANDBOX") && hints.contains("http://127.0.0.1:8080/demo-netbox/api/"), hints);
        for (String step : List.of("netbox validate", "netbox preview", "netbox show ID", "netbox sync --approve ID", "netbox history",
                "netbox rollback ID", "#/ext/netbox-changesets")) {
            assertTrue(hints.contains(step), step + " in " + hints);
        }
    }

    private Enreach root() {
        AtomicLong clock = new AtomicLong();
        Enreach root = new Enreach(k -> switch (k) {
            case "ENREACH_HOME" -> home.toString();
            case "ENREACH_PORT" -> Integer.toString(api.port());
            case "ENREACH_TOKEN" -> "tok-1";
            default -> null;
        }, d -> { }, false, () -> clock.addAndGet(1000));
        CommandLine cl = Enreach.commandLine(root);
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        return root;
    }
}
