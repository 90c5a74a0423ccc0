package com.enreach.tools.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.Test;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import com.enreach.tools.api.SyncService;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Syncs of the demo plugin through the real container, driven the way an operator does it: a configuration file
 * dropped in etc/, REST calls, nothing else. Each test uses its own instance, so the order does not matter.
 */
public class SyncIT extends PlatformTestSupport {

    @Test
    public void demoSyncLoadsTheEstateEndToEnd() {
        writeConfig("source.demo-it.cfg", "size=2000\nseed=7\nchurn.percent=0\n.password=itest-s3cret-value\n");
        JsonNode source = awaitLive("demo-it");
        assertEquals("demo", source.path("kind").asText());
        assertEquals(0, source.path("config_errors").size());
        assertEquals("2000", source.at("/config/size").asText());
        assertFalse("a private key's value must not be shown: " + source, source.toString().contains("itest-s3cret-value"));

        // a bundle that listens for change batches on EventAdmin, as a consumer of the change feed would
        List<Event> batches = new java.util.concurrent.CopyOnWriteArrayList<>();
        ServiceRegistration<EventHandler> listener = bundleContext.registerService(EventHandler.class, batches::add,
                new java.util.Hashtable<>(java.util.Map.of(EventConstants.EVENT_TOPIC, "com/enreach/tools/changes/BATCH")));
        JsonNode run = sync("demo-it");
        assertEquals(run.toString(), "succeeded", run.path("status").asText());
        await("change batch events of run " + run.path("id").asLong(), java.time.Duration.ofSeconds(30), () -> batches.stream()
                .filter(e -> Long.valueOf(run.path("id").asLong()).equals(e.getProperty("run.id")))
                .mapToLong(e -> (Long) e.getProperty("position.last") - (Long) e.getProperty("position.first") + 1).sum(), n -> n >= 2000);
        listener.unregister();
        assertEquals("demo-it", run.path("instance").asText());
        assertEquals("demo", run.path("source_system").asText());
        assertEquals(2000, run.path("fetched").asLong());
        assertEquals(2000, run.path("added").asLong());
        assertEquals(0, run.path("stale").asLong());
        assertTrue(run.toString(), run.path("error").isNull());
        assertFalse(run.path("finished_at").isNull());

        assertEquals(2000, count("source_instance=demo-it"));
        assertEquals(2000, count("source_instance=demo-it&status=active"));
        assertEquals(2000, count("source_system=demo&source_instance=demo-it"));
        JsonNode after = api.get("/api/sources/demo-it", admin).json();
        assertEquals(2000, after.path("active_devices").asLong());
        assertEquals("succeeded", after.path("last_status").asText());
        assertEquals(run.path("id").asLong(), after.path("last_run_id").asLong());
        JsonNode history = api.get("/api/sync/runs?instance=demo-it", admin).json();
        assertEquals(1, history.path("count").asLong());
        assertEquals(run.path("id").asLong(), history.at("/results/0/id").asLong());
        // What the run changed: counted in the run's detail, paged per run, and readable from the feed.
        JsonNode detailOfRun = api.get("/api/sync/runs/" + run.path("id").asLong(), admin).json();
        assertEquals(detailOfRun.toString(), 2000, detailOfRun.at("/changes/counts/device/created").asLong());
        JsonNode created = api.get("/api/sync/runs/" + run.path("id").asLong() + "/changes?kind=device&action=created&limit=2", admin).json();
        assertEquals(created.toString(), 2000, created.path("count").asLong());
        assertEquals(created.toString(), "demo-it", created.at("/results/0/instance").asText());
        assertTrue(created.toString(), created.at("/results/1/position").asLong() > created.at("/results/0/position").asLong());
        JsonNode feed = api.get("/api/changes?after=0&limit=1", admin).json();
        assertEquals(feed.toString(), 1, feed.path("results").size());
        assertTrue(feed.toString(), feed.path("latest_position").asLong() >= 2000);

        // A hypervisor: it has relationships (cluster, switch), interfaces, addresses and facts.
        JsonNode page = api.get("/api/devices?source_instance=demo-it&type=server&q=esx-&limit=5", admin).json();
        assertTrue(page.toString(), page.path("count").asLong() > 0);
        long id = page.at("/results/0/id").asLong();
        Api.Reply detail = api.get("/api/devices/" + id, admin);
        assertEquals(detail.toString(), 200, detail.status());
        JsonNode d = detail.json();
        assertEquals("demo-it", d.at("/device/source_instance").asText());
        assertTrue(d.at("/device/name").asText().startsWith("esx-"));
        assertFalse(d.at("/device/metadata/site").asText().isEmpty());
        List<String> relationshipTypes = new ArrayList<>();
        d.path("relationships").forEach(r -> relationshipTypes.add(r.path("type").asText()));
        assertTrue(d.toString(), relationshipTypes.size() >= 2);
        assertTrue(detail.toString(), d.path("interfaces").size() >= 2);
        assertTrue(detail.toString(), d.path("ip_addresses").size() >= 1);
        assertTrue(detail.toString(), d.path("facts").size() >= 1);
        // The same device by its exact name.
        Api.Reply byName = api.get("/api/devices/" + enc(d.at("/device/name").asText()), admin);
        assertEquals(byName.toString(), 200, byName.status());

        // The connection check ran when the instance was configured; the console page shows it, never the secret.
        JsonNode connection = awaitConnection("demo-it");
        assertTrue(connection.toString(), connection.path("ok").asBoolean());
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + admin).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Api.Reply page2 = api.send("GET", "/system/console/enreach-sources", basic, null);
        assertEquals(page2.toString(), 200, page2.status());
        assertTrue(page2.toString(), page2.body().contains("demo-it"));
        assertFalse(page2.body().contains("itest-s3cret-value"));
        assertEquals(401, api.send("GET", "/system/console/enreach-sources", null, null).status());

        // Running again with the same estate loads nothing twice.
        JsonNode second = sync("demo-it");
        assertEquals(second.toString(), "succeeded", second.path("status").asText());
        assertEquals(0, second.path("added").asLong());
        assertEquals(0, second.path("stale").asLong());
        assertEquals(second.toString(), 2000, second.path("unchanged").asLong());
        assertEquals(0, api.get("/api/sync/runs/" + second.path("id").asLong(), admin).json().at("/changes/total").asLong());
        assertEquals(2000, count("source_instance=demo-it"));
    }

    @Test
    public void configChangeIsAppliedLiveByTheNextSync() {
        long syncServiceId = serviceId();
        writeConfig("source.demo-grow.cfg", "size=2000\nseed=11\n");
        awaitLive("demo-grow");
        JsonNode first = sync("demo-grow");
        assertEquals(first.toString(), "succeeded", first.path("status").asText());
        assertEquals(2000, first.path("added").asLong());

        writeConfig("source.demo-grow.cfg", "size=2500\nseed=11\n");
        awaitSource("demo-grow", "to show size=2500", s -> s.path("present").asBoolean() && "2500".equals(s.at("/config/size").asText()));
        JsonNode second = sync("demo-grow");
        assertEquals(second.toString(), "succeeded", second.path("status").asText());
        assertEquals(2500, second.path("fetched").asLong());
        assertEquals(500, second.path("added").asLong());
        assertEquals(0, second.path("stale").asLong());
        assertEquals(2500, count("source_instance=demo-grow&status=active"));
        // Applied without restarting the core: its services are the same registrations as before.
        assertEquals(syncServiceId, serviceId());
    }

    @Test
    public void invalidConfigIsReportedAndRefusedUntilFixed() {
        writeConfig("source.demo-bad.cfg", "size=lots\n");
        JsonNode source = awaitSource("demo-bad", "to report a configuration error", s -> s.path("config_errors").size() > 0);
        JsonNode error = source.at("/config_errors/0");
        assertEquals(source.toString(), "size", error.path("field").asText());
        assertEquals("invalid", error.path("code").asText());
        assertTrue(error.toString(), error.path("message").asText().contains("lots"));

        Api.Reply refused = api.post("/api/sources/demo-bad/sync", admin);
        assertEquals(refused.toString(), 409, refused.status());
        assertEquals("config_invalid", refused.errorCode());
        assertEquals("size", refused.at("/error/field").asText());
        assertEquals("size", refused.at("/error/detail/0/field").asText());
        Api.Reply check = api.post("/api/sources/demo-bad/check", admin);
        assertEquals(check.toString(), 200, check.status());
        assertFalse(check.toString(), check.at("/ok").asBoolean(true));
        // Nothing else is affected.
        assertEquals(200, api.get("/api/health", null).status());
        assertEquals(200, api.get("/api/sources", admin).status());
        assertEquals(0, api.get("/api/sync/runs?instance=demo-bad", admin).json().path("count").asLong());

        writeConfig("source.demo-bad.cfg", "size=50\n");
        awaitSource("demo-bad", "to clear its configuration errors", s -> s.path("present").asBoolean() && s.path("config_errors").size() == 0);
        JsonNode run = sync("demo-bad");
        assertEquals(run.toString(), "succeeded", run.path("status").asText());
        assertEquals(50, run.path("added").asLong());
    }

    @Test
    public void pluginFailingMidStreamLeavesEverythingActive() {
        writeConfig("source.demo-fault.cfg", "size=2000\nseed=5\n");
        awaitLive("demo-fault");
        JsonNode ok = sync("demo-fault");
        assertEquals(ok.toString(), "succeeded", ok.path("status").asText());
        assertEquals(2000, ok.path("added").asLong());

        writeConfig("source.demo-fault.cfg", "size=2000\nseed=5\nfault.after=500\n");
        awaitSource("demo-fault", "to show fault.after=500", s -> s.path("present").asBoolean() && "500".equals(s.at("/config/fault.after").asText()));
        JsonNode failed = sync("demo-fault");
        assertEquals(failed.toString(), "failed", failed.path("status").asText());
        assertTrue(failed.toString(), failed.path("error").asText().toLowerCase().contains("fault"));
        assertEquals(0, failed.path("stale").asLong());
        assertTrue(failed.toString(), failed.path("fetched").asLong() < 2000);

        assertEquals(2000, count("source_instance=demo-fault&status=active"));
        assertEquals(0, count("source_instance=demo-fault&status=stale"));
        JsonNode source = api.get("/api/sources/demo-fault", admin).json();
        assertEquals("failed", source.path("last_status").asText());
        assertFalse("the last success is kept: " + source, source.path("last_success").isNull());
        assertEquals(2000, source.path("active_devices").asLong());
        assertEquals(0, source.path("stale_devices").asLong());
    }

    private long serviceId() {
        ServiceReference<SyncService> ref = bundleContext.getServiceReference(SyncService.class);
        assertTrue("SyncService is registered", ref != null);
        return (Long) ref.getProperty("service.id");
    }

    private JsonNode awaitConnection(String instance) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            JsonNode c = api.get("/api/sources/" + instance, admin).json().path("connection");
            if (!c.isMissingNode() && !c.isNull()) {
                return c;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no connection check for " + instance);
    }
}
