package com.enreach.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bearer token: where it comes from, what a refusal looks like, and that it is never shown. */
class AuthTest {
    private static final String SECRET = "tok-SECRET-4711";

    @TempDir
    Path home;

    private FakeApi api;

    @BeforeEach
    void setUp() throws IOException {
        api = new FakeApi();
        api.on("GET", "/api/sources", 200, "[" + Fixtures.source("vcenter-prod", "vcenter", true) + "]");
    }

    @AfterEach
    void tearDown() {
        api.close();
    }

    private String lastAuthorization() {
        return api.requests().get(api.requests().size() - 1).authorization();
    }

    @Test
    void tokenFromTheEnvironment() {
        Cli.Result r = new Cli(api, home).env("ENREACH_TOKEN", SECRET).run("sources");

        assertEquals(0, r.exit(), r.all());
        assertEquals("Bearer " + SECRET, lastAuthorization());
    }

    @Test
    void tokenFromTheAdminTokenFileTrimmed() throws IOException {
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/admin.token"), "  file-token-1\n");

        Cli.Result r = new Cli(api, home).run("sources");

        assertEquals(0, r.exit(), r.all());
        assertEquals("Bearer file-token-1", lastAuthorization());
    }

    @Test
    void tokenFileUnderHomeOption() throws IOException {
        Path other = Files.createDirectories(home.resolve("other/etc")).getParent();
        Files.writeString(other.resolve("etc/admin.token"), "other-token\n");

        assertEquals(0, new Cli(api, home).run("sources", "--home", other.toString()).exit());
        assertEquals("Bearer other-token", lastAuthorization());
    }

    @Test
    void environmentWinsOverTheFile() throws IOException {
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/admin.token"), "file-token-1");

        new Cli(api, home).env("ENREACH_TOKEN", "env-token").run("sources");

        assertEquals("Bearer env-token", lastAuthorization());
    }

    @Test
    void rejectedTokenExitsFiveWithoutShowingIt() {
        api.requireToken("the-right-one");

        Cli.Result r = new Cli(api, home).env("ENREACH_TOKEN", SECRET).run("sources");

        assertEquals(5, r.exit());
        assertTrue(r.err().contains("The token is unknown or revoked"), r.err());
        assertTrue(r.err().contains("ENREACH_TOKEN"), "says where the token came from: " + r.err());
        assertFalse(r.all().contains(SECRET));
    }

    @Test
    void missingTokenExitsFiveAndSaysHowToProvideOne() {
        api.requireToken("the-right-one");

        Cli.Result r = new Cli(api, home).run("devices", "list");

        assertEquals(5, r.exit());
        assertTrue(r.err().contains("No token: set ENREACH_TOKEN"), r.err());
        assertEquals(null, lastAuthorization());
    }

    @Test
    void forbiddenExitsFive() {
        api.on("GET", "/api/tokens", 403, FakeApi.error("forbidden", "This needs the admin role"));

        Cli.Result r = new Cli(api, home).env("ENREACH_TOKEN", SECRET).run("token", "list");

        assertEquals(5, r.exit());
        assertTrue(r.err().contains("This needs the admin role"), r.err());
    }

    @Test
    void theTokenIsNeverPrintedByAnyCommand() {
        api.requireToken(SECRET);
        api.on("GET", "/api/devices", 200, Fixtures.page(1, false, Fixtures.device(1, "sw1", "switch", "oxidized-lab")))
                .on("GET", "/api/sync/runs", 200, Fixtures.page(0, false))
                .on("GET", "/api/tokens", 200, "[{\"id\": 1, \"name\": \"admin\", \"role\": \"ADMIN\", \"prefix\": \"tok-SEC\"}]")
                .on("POST", "/api/sources/vcenter-prod/sync", 202, Fixtures.run(1, "vcenter-prod", "succeeded", 1, null));
        Cli cli = new Cli(api, home).env("ENREACH_TOKEN", SECRET);
        String[][] commands = {{"status"}, {"sources"}, {"devices", "list"}, {"history"}, {"token", "list"}, {"sync", "vcenter-prod"},
            {"refresh", "vcenter"}, {"devices", "show", "missing"}, {"--json", "status"}, {"--json", "sync", "vcenter-prod"}, {"--help"}};
        for (String[] c : commands) {
            Cli.Result r = cli.run(c);
            assertFalse(r.all().contains(SECRET), String.join(" ", c) + " printed the token");
        }
        assertTrue(api.requests().size() > commands.length, "the commands did talk to the API");
    }
}
