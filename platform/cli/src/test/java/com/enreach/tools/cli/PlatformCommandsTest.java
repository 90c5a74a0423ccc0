package com.enreach.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** start and demo, as far as they can be run without an assembled distribution. */
class PlatformCommandsTest {
    @TempDir
    Path home;

    @Test
    void demoWritesOneConfigurationPerSourceViewWhenThereIsNone() throws IOException {
        List<String> instances = DemoCommand.ensureConfig(home);

        assertEquals(List.of("demo-vcenter", "demo-puppetdb", "demo-foreman", "demo-oxidized", "demo-commvault", "demo-storage",
                "demo-wiki", "demo-jira"), instances);
        Map<String, String> views = Map.of("demo-vcenter", "vcenter", "demo-puppetdb", "puppetdb", "demo-foreman", "foreman",
                "demo-oxidized", "oxidized", "demo-commvault", "commvault", "demo-storage", "storage", "demo-wiki", "confluence", "demo-jira", "jira");
        for (String instance : instances) {
            String view = views.get(instance);
            String text = Files.readString(home.resolve("etc/source." + instance + ".cfg"));
            for (String line : new String[] {"view=" + view, "size=3000", "seed=42", "churn.percent=1", "schedule.minutes=60"}) {
                assertTrue(text.lines().anyMatch(line::equals), "missing " + line + " in\n" + text);
            }
        }
        assertTrue(Files.notExists(home.resolve("etc/source.demo-estate.cfg")), "the single instance of earlier versions is not written");
    }

    @Test
    void demoCopiesTheShippedExamples() throws IOException {
        Files.createDirectories(home.resolve("examples"));
        Files.writeString(home.resolve("examples/source.demo-foreman.cfg"), "view=foreman\nsize=50\n");

        DemoCommand.ensureConfig(home);

        assertEquals("view=foreman\nsize=50\n", Files.readString(home.resolve("etc/source.demo-foreman.cfg")));
        assertTrue(Files.readString(home.resolve("etc/source.demo-vcenter.cfg")).contains("view=vcenter"), "no example: the defaults");
    }

    @Test
    void demoKeepsExistingConfigurationsAndTheEarlierSingleInstance() throws IOException {
        Files.createDirectories(home.resolve("etc"));
        Files.writeString(home.resolve("etc/source.demo-vcenter.cfg"), "view=vcenter\nsize=7\n");
        Files.writeString(home.resolve("etc/source.demo-estate.cfg"), "size=7\n");

        List<String> instances = DemoCommand.ensureConfig(home);

        assertEquals("view=vcenter\nsize=7\n", Files.readString(home.resolve("etc/source.demo-vcenter.cfg")));
        assertEquals("size=7\n", Files.readString(home.resolve("etc/source.demo-estate.cfg")));
        assertEquals(9, instances.size());
        assertEquals("demo-estate", instances.get(8), "a home from an earlier version keeps its demo instance, synced too");
    }

    @Test
    void startWithoutBundlesFailsWithExitThreeAndSaysWhy() throws IOException {
        Cli.Result r = new Cli(null, home).env("ENREACH_PORT", Integer.toString(freePort())).run("start");

        assertEquals(3, r.exit(), r.all());
        assertTrue(r.err().contains("cannot start Enreach Tools in " + home.toAbsolutePath()), r.err());
        assertTrue(r.err().contains("no bundles in"), r.err());
    }

    @Test
    void startOnABusyPortFailsAtOnce() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Cli.Result r = new Cli(null, home).run("start", "--port", Integer.toString(busy.getLocalPort()));

            assertEquals(1, r.exit(), r.all());
            assertTrue(r.err().contains("already in use"), r.err());
        }
        assertTrue(Files.notExists(home.resolve("data")), "nothing started");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
