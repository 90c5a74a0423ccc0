package com.enreach.tools.core.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.DeviceQuery;
import com.enreach.tools.core.internal.query.DeviceQueries;

/** The search index follows what real sync runs write: added devices, changed metadata, and nothing else. */
class SearchThroughEngineTest {
    @TempDir
    Path dir;

    private Fixtures.Env env;
    private DeviceQueries devices;

    @BeforeEach
    void start() {
        env = new Fixtures.Env(dir);
        devices = new DeviceQueries(env.db);
    }

    @AfterEach
    void stop() {
        env.close();
    }

    private long count(String q) {
        return devices.find(new DeviceQuery(null, null, null, null, q, 10, 0)).count();
    }

    @Test
    void aResyncThatChangesMetadataIsSearchableUnderTheNewValuesOnly() {
        Fixtures.ScriptedConnector c = env.add("test", "a", Fixtures.devices(30, "alpha"));
        env.runToEnd("test-a", false);
        assertEquals(30, count("alpha"));
        assertEquals(1, count("dev-7"));

        c.script = Fixtures.devices(30, "bravo");
        env.runToEnd("test-a", false);
        assertEquals(30, count("bravo"), "updated devices were re-indexed in the run's batches");
        assertEquals(0, count("alpha"));

        env.runToEnd("test-a", false);
        assertEquals(30, count("bravo"), "an unchanged resync leaves the index as it was");
    }
}
