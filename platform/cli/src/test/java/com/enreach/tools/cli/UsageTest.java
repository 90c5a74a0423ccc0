package com.enreach.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageTest {
    @TempDir
    Path home;

    @Test
    void helpDocumentsEveryExitCode() {
        Cli.Result r = new Cli(null, home).run("--help");

        assertEquals(0, r.exit());
        for (String code : new String[] {"0   ok", "1   the operation ran and failed", "2   usage error", "3   platform not reachable",
            "4   sync needs confirmation", "5   authentication", "6   not found"}) {
            assertTrue(r.out().contains(code), "missing '" + code + "' in help:\n" + r.out());
        }
    }

    @Test
    void unknownOptionOrMissingArgumentIsExitTwo() {
        assertEquals(2, new Cli(null, home).run("--bogus").exit());
        assertEquals(2, new Cli(null, home).run("sync").exit());
        assertEquals(2, new Cli(null, home).run("devices", "config", "sw1", "latest").exit());
    }

    @Test
    void badPortIsAUsageError() {
        Cli.Result r = new Cli(null, home).env("ENREACH_PORT", "eighty").run("status");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("ENREACH_PORT must be a port number"), r.err());
    }

    @Test
    void versionIsPrinted() {
        Cli.Result r = new Cli(null, home).run("--version");

        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("Enreach Tools "), r.out());
    }
}
