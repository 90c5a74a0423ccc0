package com.enreach.tools.core.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Device;
import com.enreach.tools.api.DeviceDetail;
import com.enreach.tools.api.DeviceQuery;
import com.enreach.tools.api.SyncRun;
import com.enreach.tools.api.SyncStatus;
import com.enreach.tools.api.spi.ConfigRecord;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.InterfaceRecord;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RelationshipRecord;
import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.core.internal.query.DeviceQueries;

class SyncEngineTest {
    @TempDir
    Path dir;
    Fixtures.Env env;
    DeviceQueries devices;

    @BeforeEach
    void setUp() {
        env = new Fixtures.Env(dir);
        devices = new DeviceQueries(env.db);
    }

    @AfterEach
    void tearDown() {
        env.close();
    }

    private List<Device> list(String instance, String status) {
        return devices.find(new DeviceQuery(null, instance, null, status, null, 1000, 0)).results();
    }

    @Test
    void countsAddedUpdatedUnchangedAndStale() {
        Fixtures.ScriptedConnector c = env.add("test", "a", Fixtures.devices(40, "v1"));
        SyncRun first = env.runToEnd("test-a", false);
        assertEquals(SyncStatus.SUCCEEDED, first.status(), first.error());
        assertEquals(40, first.added());
        assertEquals(40, first.fetched());

        SyncRun same = env.runToEnd("test-a", false);
        assertEquals(0, same.added());
        assertEquals(40, same.unchanged());
        assertEquals(0, same.updated());

        c.script = (ctx, sink) -> {
            for (int i = 0; i < 38; i++) {
                sink.device(DeviceRecord.of("d" + i, "dev-" + i, "server").put("tag", i < 3 ? "v2" : "v1").put("index", i));
            }
        };
        SyncRun changed = env.runToEnd("test-a", false);
        assertEquals(SyncStatus.SUCCEEDED, changed.status(), changed.error());
        assertEquals(3, changed.updated());
        assertEquals(35, changed.unchanged());
        assertEquals(2, changed.stale());
        assertEquals(38, list("test-a", "active").size());
        assertEquals(List.of("dev-38", "dev-39"), list("test-a", "stale").stream().map(Device::name).sorted().toList());

        // a stale device that comes back is active again
        c.script = Fixtures.devices(40, "v1");
        SyncRun back = env.runToEnd("test-a", false);
        assertEquals(40, list("test-a", "active").size());
        assertEquals(5, back.updated());
    }

    @Test
    void failureMidStreamKeepsWhatWasCommittedAndMarksNothingStale() {
        Fixtures.ScriptedConnector c = env.add("test", "a", Fixtures.devices(3000, "v1"));
        assertEquals(SyncStatus.SUCCEEDED, env.runToEnd("test-a", false).status());
        c.script = (ctx, sink) -> {
            for (int i = 0; i < 2500; i++) {
                sink.device(DeviceRecord.of("d" + i, "dev-" + i, "server").put("tag", "v2").put("index", i));
            }
            throw PermanentSourceException.malformed("test page 3", "truncated JSON", null);
        };
        SyncRun failed = env.runToEnd("test-a", false);
        assertEquals(SyncStatus.FAILED, failed.status());
        assertTrue(failed.error().contains("truncated JSON"), failed.error());
        assertTrue(failed.error().contains("Nothing was marked stale"), failed.error());
        assertEquals(0, failed.stale());
        // the 2,500 records re-emitted before the failure were written (a full batch and the rest), the others kept
        List<Device> all = all("test-a");
        assertEquals(3000, all.size());
        assertTrue(all.stream().allMatch(d -> "active".equals(d.status())));
        Map<Object, Long> byTag = all.stream().collect(java.util.stream.Collectors.groupingBy(d -> d.metadata().get("tag"), java.util.stream.Collectors.counting()));
        assertEquals(Map.of("v2", 2500L, "v1", 500L), byTag);
        assertTrue(all.stream().filter(d -> "v2".equals(d.metadata().get("tag"))).allMatch(d -> ((Number) d.metadata().get("index")).intValue() < 2500));
    }

    private List<Device> all(String instance) {
        List<Device> out = new ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            List<Device> page = devices.find(new DeviceQuery(null, instance, null, null, null, 1000, offset)).results();
            out.addAll(page);
            if (page.size() < 1000) {
                return out;
            }
        }
    }

    @Test
    void pluginRuntimeExceptionFailsTheRunCleanly() {
        Fixtures.ScriptedConnector c = env.add("test", "a", Fixtures.devices(10, "v1"));
        env.runToEnd("test-a", false);
        c.script = (ctx, sink) -> {
            sink.device(DeviceRecord.of("d0", "dev-0", "server"));
            throw new IllegalStateException("bug in plugin");
        };
        SyncRun r = env.runToEnd("test-a", false);
        assertEquals(SyncStatus.FAILED, r.status());
        assertTrue(r.error().contains("bug in plugin"));
        assertEquals(10, list("test-a", "active").size());
    }

    @Test
    void deleteBudgetStopsAnEmptyAnswerUntilConfirmed() {
        Fixtures.ScriptedConnector c = env.add("test", "a", Fixtures.devices(100, "v1"));
        env.runToEnd("test-a", false);
        c.script = (ctx, sink) -> { };
        SyncRun r = env.runToEnd("test-a", false);
        assertEquals(SyncStatus.NEEDS_CONFIRMATION, r.status());
        assertTrue(r.error().contains("100 of 100 active devices"), r.error());
        assertEquals(100, list("test-a", "active").size());

        SyncRun confirmed = env.runToEnd("test-a", true);
        assertEquals(SyncStatus.SUCCEEDED, confirmed.status());
        assertEquals(100, confirmed.stale());
        assertEquals(0, list("test-a", "active").size());
    }

    @Test
    void quarantinedDevicesKeepTheirStatusThroughSyncs() {
        Fixtures.ScriptedConnector c = env.add("test", "a", Fixtures.devices(20, "v1"));
        env.runToEnd("test-a", false);
        Device held = list("test-a", null).stream().filter(d -> d.name().equals("dev-19")).findFirst().orElseThrow();
        assertEquals("quarantined", devices.quarantine(held.id(), true).status());
        c.script = Fixtures.devices(19, "v2");
        SyncRun r = env.runToEnd("test-a", false);
        assertEquals(0, r.stale());
        assertEquals("quarantined", devices.get(held.id()).orElseThrow().device().status());
        assertEquals("active", devices.quarantine(held.id(), false).status());
        assertEquals(ApiException.Reason.CONFLICT, assertThrows(ApiException.class, () -> devices.quarantine(held.id(), false)).reason());
        assertEquals(1, env.runToEnd("test-a", false).stale());
    }

    @Test
    void deleteBudgetIsConfigurablePerInstance() {
        Fixtures.ScriptedConnector c = env.add("test", "a", Fixtures.devices(100, "v1"), Map.of("delete.budget.percent", "30"));
        env.runToEnd("test-a", false);
        c.script = Fixtures.devices(75, "v1");
        SyncRun r = env.runToEnd("test-a", false);
        assertEquals(SyncStatus.SUCCEEDED, r.status());
        assertEquals(25, r.stale());
        c.script = Fixtures.devices(40, "v1");
        assertEquals(SyncStatus.NEEDS_CONFIRMATION, env.runToEnd("test-a", false).status());
    }

    @Test
    void oneRunPerInstanceAtATime() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch inside = new CountDownLatch(1);
        env.add("test", "a", (ctx, sink) -> {
            inside.countDown();
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        env.add("test", "b", Fixtures.devices(5, "v1"));
        SyncRun first = env.engine.trigger("test-a", "test", false);
        assertTrue(inside.await(1, TimeUnit.MINUTES));
        ApiException e = assertThrows(ApiException.class, () -> env.engine.trigger("test-a", "test", false));
        assertEquals(ApiException.Reason.CONFLICT, e.reason());
        assertTrue(e.getMessage().contains("run " + first.id()), e.getMessage());
        assertEquals(first.id(), ((SyncRun) e.detail()).id());
        // another instance runs meanwhile
        assertEquals(SyncStatus.SUCCEEDED, env.runToEnd("test-b", false).status());
        release.countDown();
        assertEquals(SyncStatus.SUCCEEDED, Fixtures.await(env.engine, first.id()).status());
        assertEquals(SyncStatus.SUCCEEDED, env.runToEnd("test-a", true).status());
    }

    @Test
    void twoInstancesNeverTouchEachOthersData() {
        Fixtures.ScriptedConnector a = env.add("test", "a", Fixtures.devices(20, "a"));
        env.add("test", "b", Fixtures.devices(20, "b"));
        env.runToEnd("test-a", false);
        env.runToEnd("test-b", false);
        a.script = Fixtures.devices(19, "a2");
        SyncRun r = env.runToEnd("test-a", false);
        assertEquals(1, r.stale());
        assertEquals(19, r.updated());
        assertEquals(20, list("test-b", "active").size());
        assertTrue(list("test-b", null).stream().allMatch(d -> d.metadata().get("tag").equals("b")));
    }

    @Test
    void relationshipsResolveAtTheEndAndUnknownEndsAreWarned() {
        env.add("test", "a", (ctx, sink) -> {
            sink.relationship(new RelationshipRecord("vm1", "runs_on", "host1"));
            sink.relationship(new RelationshipRecord("vm1", "runs_on", "nowhere"));
            sink.device(DeviceRecord.of("vm1", "vm-1", "vm"));
            sink.device(DeviceRecord.of("host1", "esx-1", "server"));
        });
        SyncRun r = env.runToEnd("test-a", false);
        assertEquals(SyncStatus.SUCCEEDED, r.status());
        assertEquals(1, r.warnings());
        Device vm = list("test-a", null).stream().filter(d -> d.name().equals("vm-1")).findFirst().orElseThrow();
        DeviceDetail detail = devices.get(vm.id()).orElseThrow();
        assertEquals(1, detail.relationships().size());
        assertEquals("esx-1", detail.relationships().get(0).toName());
    }

    @Test
    void interfacesAddressesAreNormalisedAndMalformedAddressesReported() {
        env.add("test", "a", (ctx, sink) -> sink.device(DeviceRecord.of("s1", "srv1.example.com", "server")
                .addInterface(new InterfaceRecord("eth0", "00-50-56-AB-CD-EF", "physical", true, 1500, "prod"))
                .addIpAddress(new IpAddressRecord("10.0.0.5/24", "eth0", "srv1.example.com"))
                .addIpAddress(new IpAddressRecord("2001:0db8:0000:0000:0000:0000:0000:0001/64", "eth0", null))
                .addIpAddress(new IpAddressRecord("10.0.0.300", "eth0", null))));
        SyncRun r = env.runToEnd("test-a", false);
        assertEquals(1, r.warnings());
        assertTrue(r.warningSamples().get(0).contains("10.0.0.300"), r.warningSamples().toString());
        DeviceDetail d = devices.resolve("srv1.example.com").orElseThrow();
        assertEquals("00:50:56:ab:cd:ef", d.interfaces().get(0).mac());
        assertEquals(List.of("10.0.0.5", "2001:db8::1"), d.ipAddresses().stream().map(ip -> ip.address()).sorted().toList());
        assertEquals(24, d.ipAddresses().stream().filter(ip -> ip.family() == 4).findFirst().orElseThrow().prefixLength());
    }

    @Test
    void configsAreVersionedOnlyWhenTheyChangeAndDiffed() {
        String[] text = {"hostname sw1\ninterface e1\n  vlan 10\n"};
        env.add("test", "a", (ctx, sink) -> {
            sink.device(DeviceRecord.of("sw1", "sw1", "network_device"));
            sink.config(new ConfigRecord("sw1", text[0], null));
        });
        env.runToEnd("test-a", false);
        env.runToEnd("test-a", false);
        long id = list("test-a", null).get(0).id();
        assertEquals(1, devices.versions(id).size());
        text[0] = "hostname sw1\ninterface e1\n  vlan 20\n";
        env.runToEnd("test-a", false);
        assertEquals(List.of(2, 1), devices.versions(id).stream().map(v -> v.version()).toList());
        String diff = devices.diff(id, 1, 2);
        assertTrue(diff.contains("-  vlan 10") && diff.contains("+  vlan 20"), diff);
        assertEquals(ApiException.Reason.NOT_FOUND, assertThrows(ApiException.class, () -> devices.diff(id, 1, 7)).reason());
    }

    @Test
    void stateIsSavedOnlyBySuccessfulRunsAndHandedBack() {
        List<String> seen = new ArrayList<>();
        AtomicInteger run = new AtomicInteger();
        env.add("test", "a", (ctx, sink) -> {
            seen.add(ctx.previousState().orElse("none"));
            int n = run.incrementAndGet();
            sink.device(DeviceRecord.of("d", "d", "server"));
            sink.state("cursor-" + n);
            if (n == 2) {
                throw new PermanentSourceException("malformed", "bad page");
            }
        });
        env.runToEnd("test-a", false);
        env.runToEnd("test-a", false);
        env.runToEnd("test-a", false);
        assertEquals(List.of("none", "cursor-1", "cursor-1"), seen);
    }

    @Test
    void retryableFailuresAreRetriedByTheCore() {
        AtomicInteger calls = new AtomicInteger();
        env.add("test", "a", (ctx, sink) -> {
            String page = ctx.call("GET /page", () -> {
                if (calls.incrementAndGet() < 3) {
                    throw new RetryableSourceException("unavailable", "HTTP 503", null, Duration.ZERO, null);
                }
                return "ok";
            });
            sink.device(DeviceRecord.of("d", page, "server"));
        });
        SyncRun r = env.runToEnd("test-a", false);
        assertEquals(SyncStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(3, calls.get());
    }

    @Test
    void unknownAndAbsentInstancesAreRefusedClearly() {
        assertEquals(ApiException.Reason.NOT_FOUND, assertThrows(ApiException.class, () -> env.engine.trigger("nope", "t", false)).reason());
        Fixtures.ScriptedConnector c = env.add("test", "a", Fixtures.devices(3, "v"));
        env.runToEnd("test-a", false);
        env.registry.unbindConnector(c, Map.of());
        ApiException e = assertThrows(ApiException.class, () -> env.engine.trigger("test-a", "t", false));
        assertEquals("plugin_absent", e.code());
        var source = env.engine.source("test-a").orElseThrow();
        assertEquals(false, source.present());
        assertEquals(3, source.activeDevices());
        assertNotNull(source.lastSuccess());
    }

    @Test
    void aConfiguredInstanceIsCheckedAndTheResultShownWithTheSource() throws Exception {
        env.add("test", "a", Fixtures.devices(1, "v"));
        Instant deadline = Instant.now().plusSeconds(60);
        while (env.engine.source("test-a").orElseThrow().connection() == null && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        var connection = env.engine.source("test-a").orElseThrow().connection();
        assertTrue(connection.ok());
        assertEquals("test", connection.detail());

        Fixtures.ScriptedConnector refusing = new Fixtures.ScriptedConnector("test", Fixtures.devices(1, "v")) {
            @Override
            public com.enreach.tools.api.plugin.CheckResult checkConnection(com.enreach.tools.api.spi.SourceContext context) {
                return com.enreach.tools.api.plugin.CheckResult.failed(com.enreach.tools.api.plugin.FieldError.of("username", "auth", "Test rejected the credentials"));
            }
        };
        env.registry.bindConnector(refusing, Map.of("service.pid", "source.test~b"));
        assertEquals(false, env.engine.check("test-b").ok());
        var b = env.engine.source("test-b").orElseThrow().connection();
        assertEquals(false, b.ok());
        assertEquals("username", b.errors().get(0).field());
    }

    @Test
    void interruptedRunsAreClosedOnRestart() {
        env.add("test", "a", Fixtures.devices(3, "v"));
        env.db.write(c -> SyncHistory.start(c, "test-a", "test", "test", false, "2026-01-01T00:00:00.000Z"));
        env.close();
        Fixtures.Env again = new Fixtures.Env(dir);
        try {
            SyncRun r = again.engine.runs("test-a", 10, 0).results().get(0);
            assertEquals(SyncStatus.FAILED, r.status());
        } finally {
            again.close();
        }
    }
}
