package com.enreach.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code enreach <kind> refresh} for the kinds the platform reports, next to the product verbs. */
class KindVerbsTest extends FakeApiTest {
    /** The platform's instances: a glpi plugin the CLI has never heard of, a vCenter, and a removed Foreman. */
    private void platformWithGlpi() {
        api.on("GET", "/api/sources", 200, "[" + Fixtures.source("glpi-main", "glpi", true) + ","
                + Fixtures.source("vcenter-prod", "vcenter", true) + "," + Fixtures.source("foreman-old", "foreman", false) + "]");
    }

    private List<String> posts() {
        return api.targets().stream().filter(t -> t.startsWith("POST")).toList();
    }

    @Test
    void aKindUnknownToTheCliButReportedByThePlatformRefreshes() {
        platformWithGlpi();
        api.on("GET", "/api/sources", 200, "[" + Fixtures.source("glpi-main", "glpi", true) + "]")
                .on("POST", "/api/sources/glpi-main/sync", 202, Fixtures.run(7, "glpi-main", "succeeded", 12, null));

        Cli.Result r = cli.run("glpi", "refresh");

        assertEquals(0, r.exit(), r.all());
        assertEquals(List.of("GET /api/sources", "GET /api/sources?kind=glpi", "POST /api/sources/glpi-main/sync?trigger=cli"),
                api.targets());
    }

    @Test
    void aDerivedVerbTakesTheRunOptionsAndTheGlobalOnes() throws IOException {
        api.on("GET", "/api/sources", 200, "[" + Fixtures.source("confluence-wiki", "confluence", true) + "]")
                .on("POST", "/api/sources/confluence-wiki/sync", 202, Fixtures.run(8, "confluence-wiki", "succeeded", 3, null));

        Cli.Result r = cli.run("confluence", "refresh", "--confirm", "--json");

        assertEquals(0, r.exit(), r.all());
        assertEquals(List.of("POST /api/sources/confluence-wiki/sync?trigger=cli&confirm=true"), posts());
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertEquals("confluence", n.path("kinds").path(0).asText());
        assertEquals("succeeded", n.path("instances").path(0).path("run").path("status").asText());
    }

    @Test
    void globalOptionsAfterADerivedVerbAlsoApplyToTheKindCheck() throws IOException {
        try (FakeApi other = new FakeApi()) {
            other.on("GET", "/api/sources", 200, "[" + Fixtures.source("glpi-main", "glpi", true) + "]")
                    .on("POST", "/api/sources/glpi-main/sync", 202, Fixtures.run(7, "glpi-main", "succeeded", 12, null));

            Cli.Result r = cli.run("glpi", "refresh", "--port", Integer.toString(other.port()));

            assertEquals(0, r.exit(), r.all());
            assertTrue(api.targets().isEmpty(), "the platform of --port was asked: " + api.targets());
            assertEquals(List.of("GET /api/sources", "GET /api/sources?kind=glpi", "POST /api/sources/glpi-main/sync?trigger=cli"),
                    other.targets());
        }
    }

    @Test
    void aMistakeAfterADerivedVerbGetsTheUsualUsageError() {
        platformWithGlpi();

        Cli.Result r = cli.run("glpi", "refresh", "--bogus");

        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().startsWith("Unknown option: '--bogus'"), r.err());
        assertTrue(posts().isEmpty());
    }

    @Test
    void anUnknownKindIsAUsageErrorThatListsThePlatformsKinds() {
        platformWithGlpi();

        Cli.Result r = cli.run("netbx", "refresh");

        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("'netbx'"), r.err());
        assertTrue(r.err().contains("foreman, glpi, vcenter"), r.err());
        assertEquals(List.of("GET /api/sources"), api.targets(), "nothing is synced");
    }

    @Test
    void aMistypedCommandStillSuggestsTheCommand() {
        platformWithGlpi();

        Cli.Result r = cli.run("devics", "list");

        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("'devics'"), r.err());
        assertTrue(r.err().contains("devices"), "suggests the command it resembles: " + r.err());
        assertTrue(r.err().contains("foreman, glpi, vcenter"), r.err());
    }

    @Test
    void aPlatformWithoutInstancesSaysSo() {
        api.on("GET", "/api/sources", 200, "[]");

        Cli.Result r = cli.run("glpi", "refresh");

        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("no source instances"), r.err());
    }

    @Test
    void aDerivedVerbWithThePlatformDownExitsThree() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }

        Cli.Result r = new Cli(null, home).env("ENREACH_PORT", Integer.toString(port)).env("ENREACH_TOKEN", "t").run("glpi", "refresh");

        assertEquals(3, r.exit(), r.all());
        assertTrue(r.err().contains("'glpi'"), r.err());
    }

    @Test
    void aReportedKindWithoutItsSubcommandIsAUsageError() {
        platformWithGlpi();

        Cli.Result r = cli.run("glpi");

        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("refresh"), r.err());
        assertTrue(posts().isEmpty());
    }

    @Test
    void aDerivedVerbHasHelp() {
        platformWithGlpi();

        Cli.Result r = cli.run("glpi", "refresh", "--help");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("--confirm"), r.out());
        assertTrue(r.out().contains("glpi"), r.out());
        assertTrue(posts().isEmpty());
    }

    @Test
    void theNetappAliasWorksAsAVerbToo() {
        api.on("GET", "/api/sources", 200, "[" + Fixtures.source("ontap-fra", "ontap", true) + "]")
                .on("POST", "/api/sources/ontap-fra/sync", 202, Fixtures.run(3, "ontap-fra", "succeeded", 5, null));

        Cli.Result r = cli.run("netapp", "refresh");

        assertEquals(0, r.exit(), r.all());
        assertEquals(List.of("GET /api/sources", "GET /api/sources?kind=ontap", "POST /api/sources/ontap-fra/sync?trigger=cli"),
                api.targets());
    }

    @Test
    void refreshTakesTheAliasesToo() {
        api.on("GET", "/api/sources", 200, "[" + Fixtures.source("puppetdb-main", "puppetdb", true) + "]")
                .on("POST", "/api/sources/puppetdb-main/sync", 202, Fixtures.run(3, "puppetdb-main", "succeeded", 5, null));

        Cli.Result r = cli.run("refresh", "puppet");

        assertEquals(0, r.exit(), r.all());
        assertEquals("GET /api/sources?kind=puppetdb", api.targets().get(0));
    }

    @Test
    void refreshOfAKindThePlatformDoesNotReportListsTheKinds() {
        api.on("GET", "/api/sources", 200, "[]");
        platformWithGlpi();

        Cli.Result r = cli.run("refresh", "netbx");

        assertEquals(6, r.exit(), r.all());
        assertTrue(r.err().contains("no live instances of kind netbx"), r.err());
        assertTrue(r.err().contains("foreman, glpi, vcenter"), r.err());
    }

    @ParameterizedTest
    @CsvSource({"vcenter, vcenter", "foreman, foreman", "puppet, puppetdb", "commvault, commvault", "oxidized, oxidized",
        "backups, commvault"})
    void productVerbsRefreshTheirKindWithoutAskingForTheKindList(String verb, String kind) {
        api.on("GET", "/api/sources", 200, "[" + Fixtures.source(kind + "-a", kind, true) + "]")
                .on("POST", "/api/sources/" + kind + "-a/sync", 202, Fixtures.run(1, kind + "-a", "succeeded", 5, null));

        Cli.Result r = cli.run(verb, "refresh");

        assertEquals(0, r.exit(), r.all());
        assertEquals(List.of("GET /api/sources?kind=" + kind, "POST /api/sources/" + kind + "-a/sync?trigger=cli"), api.targets());
    }

    @Test
    void helpListsTheProductVerbsAndTheGenericFormWithoutAskingThePlatform() {
        Cli.Result r = cli.run("--help");

        assertEquals(0, r.exit(), r.all());
        for (String verb : List.of("vcenter", "foreman", "puppet", "oxidized", "commvault", "backups", "storage")) {
            assertTrue(r.out().lines().anyMatch(l -> l.trim().startsWith(verb + " ")), "'" + verb + "' missing in:\n" + r.out());
        }
        assertTrue(r.out().contains("<verb> refresh = refresh <kind>"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.trim().startsWith("<kind> ")), r.out());
        assertTrue(api.targets().isEmpty(), api.targets().toString());
    }

    @Test
    void anUnknownOptionDoesNotAskThePlatform() {
        Cli.Result r = cli.run("--bogus");

        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("Unknown option: '--bogus'"), r.err());
        assertFalse(r.err().contains("neither a command"), r.err());
        assertTrue(api.targets().isEmpty(), api.targets().toString());
    }
}
