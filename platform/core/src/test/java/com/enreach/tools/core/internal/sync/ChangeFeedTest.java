package com.enreach.tools.core.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Change;
import com.enreach.tools.api.ChangeFeed;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.SyncRun;
import com.enreach.tools.api.spi.ConfigRecord;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.EntityKinds;

class ChangeFeedTest {
    @TempDir
    Path dir;
    Fixtures.Env env;
    ChangeFeedService feed;
    final List<long[]> batches = new ArrayList<>();

    @BeforeEach
    void setUp() {
        env = new Fixtures.Env(dir);
        feed = new ChangeFeedService(env.db, 30, 0);
        env.engine.bindChangeListener(feed);
        env.engine.bindChangeListener((runId, instance, first, last) -> batches.add(new long[] {runId, first, last}));
    }

    @AfterEach
    void tearDown() {
        env.close();
    }

    private static String describe(Change c) {
        return c.kind() + " " + c.action() + " " + c.name() + (c.fields().isEmpty() ? "" : " " + c.fields());
    }

    private List<String> changesOf(SyncRun run) {
        return feed.changesOfRun(run.id(), null, null, 1000, 0).results().stream().map(ChangeFeedTest::describe).toList();
    }

    @Test
    void everyRunRecordsWhatItChangedAndOnlyThat() {
        AtomicLong tick = new AtomicLong();
        String[] firstIp = {"10.0.0.1"};
        Fixtures.ScriptedConnector c = env.add("puppetdb", "a", (ctx, sink) -> {
            for (int i = 0; i < 3; i++) {
                QuietChangeTest.node(sink, i, tick.get(), i == 0 ? firstIp[0] : "10.0.0." + (i + 1));
            }
        });
        SyncRun first = env.runToEnd("puppetdb-a", false);
        assertEquals(List.of("device created node-0.example.com", "device created node-1.example.com", "device created node-2.example.com"),
                changesOf(first));

        tick.set(1);
        SyncRun quiet = env.runToEnd("puppetdb-a", false);
        assertEquals(List.of(), changesOf(quiet), "new timestamps and uptimes are no change");

        firstIp[0] = "10.0.9.9";
        SyncRun oneIp = env.runToEnd("puppetdb-a", false);
        assertEquals(List.of("device updated node-0.example.com [ip_addresses]", "ip_address created 10.0.9.9", "ip_address deleted 10.0.0.1"),
                changesOf(oneIp));

        c.script = (ctx, sink) -> {
            sink.device(DeviceRecord.of("n0", "node-0.example.com", "server").put("environment", "staging"));
            sink.device(DeviceRecord.of("n1", "node-1.example.com", "server").put("environment", "production"));
            sink.config(new ConfigRecord("n0", "hostname node-0\n", null));
        };
        SyncRun shrunk = env.runToEnd("puppetdb-a", true);
        List<String> changes = changesOf(shrunk);
        assertTrue(changes.contains("device updated node-0.example.com [metadata.environment, metadata.facts_timestamp, interfaces, ip_addresses, server_facts]"),
                changes.toString());
        assertTrue(changes.contains("interface deleted eth0"), changes.toString());
        assertTrue(changes.contains("server_facts deleted null"), changes.toString());
        assertTrue(changes.contains("device_config created version 1"), changes.toString());
        assertTrue(changes.contains("device stale node-2.example.com"), changes.toString());
        assertEquals(Map.of("created", 1L), feed.countsOfRun(shrunk.id()).get(EntityKinds.DEVICE_CONFIG));
        assertEquals(Map.of("deleted", 4L), feed.countsOfRun(shrunk.id()).get(EntityKinds.INTERFACE));

        c.script = (ctx, sink) -> {
            sink.device(DeviceRecord.of("n0", "node-0.example.com", "server").put("environment", "staging"));
            sink.device(DeviceRecord.of("n1", "node-1.example.com", "server").put("environment", "production"));
            sink.device(DeviceRecord.of("n2", "node-2.example.com", "server"));
        };
        SyncRun back = env.runToEnd("puppetdb-a", false);
        assertEquals("device reactivated node-2.example.com [metadata.environment, metadata.facts_timestamp, interfaces, ip_addresses, server_facts]",
                changesOf(back).get(0));
        assertEquals(Map.of(EntityKinds.DEVICE, Map.of("reactivated", 1L), EntityKinds.INTERFACE, Map.of("deleted", 2L),
                EntityKinds.IP_ADDRESS, Map.of("deleted", 2L), EntityKinds.SERVER_FACTS, Map.of("deleted", 1L)), feed.countsOfRun(back.id()));
    }

    @Test
    void consumersReadIncrementallyFromTheirPositionAndAreToldOfEachCommittedBatch() {
        Fixtures.ScriptedConnector c = env.add("test", "a", Fixtures.devices(4500, "v1"));
        assertEquals(0, feed.latestPosition());
        SyncRun first = env.runToEnd("test-a", false);

        List<Change> seen = new ArrayList<>();
        long position = 0;
        for (List<Change> page = feed.read(position, 1000); !page.isEmpty(); page = feed.read(position, 1000)) {
            seen.addAll(page);
            position = page.get(page.size() - 1).position();
        }
        assertEquals(4500, seen.size());
        assertEquals(feed.latestPosition(), position);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i).position() > seen.get(i - 1).position());
        }
        // three batches of at most 2,000 records, each announced with its own position range
        assertEquals(3, batches.size());
        assertEquals(1, batches.get(0)[1]);
        assertEquals(position, batches.get(2)[2]);
        assertTrue(batches.stream().allMatch(b -> b[0] == first.id()));

        c.script = Fixtures.devices(4500, "v2");
        env.runToEnd("test-a", false);
        List<Change> next = feed.read(position, 10);
        assertEquals(10, next.size());
        assertEquals(position + 1, next.get(0).position());
        assertEquals(Change.UPDATED, next.get(0).action());
        assertEquals(List.of("metadata.tag"), next.get(0).fields());
        assertEquals(Page.class, feed.changesOfRun(first.id(), EntityKinds.DEVICE, Change.CREATED, 5, 4495).getClass());
        assertEquals(5, feed.changesOfRun(first.id(), EntityKinds.DEVICE, Change.CREATED, 5, 4495).results().size());
        assertEquals(0, feed.changesOfRun(first.id(), EntityKinds.DEVICE, Change.UPDATED, 5, 0).count());
        assertThrows(ApiException.class, () -> feed.read(0, 0));
    }

    @Test
    void retentionKeepsTheNewestEntriesAndPositionsNeverGoBack() {
        ChangeFeedService small = new ChangeFeedService(env.db, 30, 100);
        env.engine.unbindChangeListener(feed);
        env.engine.bindChangeListener(small);
        Fixtures.ScriptedConnector c = env.add("test", "a", Fixtures.devices(250, "v1"));
        env.runToEnd("test-a", false);
        assertEquals(250, small.latestPosition());
        assertEquals(151, small.oldestPosition());
        assertEquals(151, small.read(0, 10).get(0).position());
        c.script = Fixtures.devices(1, "v2");
        env.runToEnd("test-a", true);
        assertEquals(500, small.latestPosition(), "1 updated and 249 stale after 250 created");
        assertEquals(401, small.oldestPosition());
        assertThrows(IllegalArgumentException.class, () -> new ChangeFeedService(env.db, -1, 0));
    }

    @Test
    void eventAdminGetsOneEventPerCommittedBatch() {
        List<Event> posted = new ArrayList<>();
        EventAdmin admin = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                posted.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                throw new AssertionError("events are posted, never sent synchronously");
            }
        };
        env.engine.bindChangeListener(new ChangeEvents(admin));
        env.add("test", "a", Fixtures.devices(10, "v1"));
        SyncRun run = env.runToEnd("test-a", false);
        assertEquals(1, posted.size());
        Event e = posted.get(0);
        assertEquals(ChangeFeed.TOPIC_BATCH, e.getTopic());
        assertEquals(run.id(), e.getProperty(ChangeFeed.EVENT_RUN_ID));
        assertEquals("test-a", e.getProperty(ChangeFeed.EVENT_INSTANCE));
        assertEquals(1L, e.getProperty(ChangeFeed.EVENT_FIRST_POSITION));
        assertEquals(10L, e.getProperty(ChangeFeed.EVENT_LAST_POSITION));
        env.runToEnd("test-a", false);
        assertEquals(1, posted.size(), "a run that changed nothing posts nothing");
    }
}
