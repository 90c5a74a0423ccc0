package com.enreach.tools.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /metrics}: runs a demo sync and some REST requests, scrapes with a token, parses the Prometheus text
 * strictly ({@link TextFormat}) and checks the figures against the run's own history; then the configuration
 * (etc/enreach.metrics.cfg): auth=none, and a separate port.
 */
public class MetricsIT extends PlatformTestSupport {
    private static final String INSTANCE = "demo-metrics";
    private static final String REST = "enreach_http_request_duration_seconds";

    private Api.Exchange scrape(Api client, String token) {
        return client.exchange("GET", "/metrics", Api.authorization(token), Map.of("Accept", "text/plain"), null);
    }

    @Test
    public void scrapedMetricsMatchTheRunAndTheRequests() {
        Api.Exchange refused = scrape(api, null);
        assertEquals(refused.toString(), 401, refused.status());
        assertEquals(refused.toString(), "unauthenticated", refused.reply().errorCode());
        assertEquals(401, scrape(api, "enr_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").status());

        writeConfig("source." + INSTANCE + ".cfg", "size=300\nseed=5\nchurn.percent=0\n");
        awaitLive(INSTANCE);
        JsonNode run = sync(INSTANCE);
        assertEquals(run.toString(), "succeeded", run.path("status").asText());
        JsonNode history = api.get("/api/sync/runs/" + run.path("id").asLong(), admin).json();
        assertTrue(history.toString(), history.path("fetched").asLong() > 0);

        // REST requests with a route template: a device by id (200 and 404), and one refused before routing
        JsonNode device = api.get("/api/devices?limit=1&source_instance=" + INSTANCE, admin).json().path("results").get(0);
        String id = device.path("id").asText();
        assertEquals(200, api.get("/api/devices/" + enc(id), admin).status());
        assertEquals(200, api.get("/api/devices/" + enc(id), admin).status());
        assertEquals(404, api.get("/api/devices/no-such-device-4711", admin).status());
        assertEquals(401, api.get("/api/devices", null).status());

        // The run's end is recorded just after its history row: wait for it, then read everything from one scrape.
        TextFormat f = await("the run in /metrics", CHANGE, () -> TextFormat.parse(scrape(api, admin).reply().body()),
                x -> !x.find("enreach_sync_runs_total", "source_instance", INSTANCE).isEmpty());
        Api.Exchange ok = scrape(api, admin);
        assertEquals(ok.toString(), 200, ok.status());
        assertTrue(ok.contentType(), ok.contentType().startsWith("text/plain; version=0.0.4"));
        f = TextFormat.parse(ok.reply().body());

        assertEquals(1, f.value("enreach_sync_runs_total", "source_instance", INSTANCE, "kind", "demo", "outcome", "succeeded"), 0);
        assertEquals(history.path("fetched").asDouble(), f.value("enreach_sync_records_fetched_total", "source_instance", INSTANCE), 0);
        assertEquals(history.path("added").asDouble(), f.value("enreach_sync_records_added_total", "source_instance", INSTANCE), 0);
        assertEquals(history.path("updated").asDouble(), f.value("enreach_sync_records_updated_total", "source_instance", INSTANCE), 0);
        assertEquals(history.path("stale").asDouble(), f.value("enreach_sync_records_stale_total", "source_instance", INSTANCE), 0);
        assertEquals(1, f.value("enreach_sync_run_duration_seconds_count", "source_instance", INSTANCE), 0);
        assertTrue(f.value("enreach_sync_last_success_timestamp_seconds", "source_instance", INSTANCE) > 1.7e9);

        String route = "/api/devices/{id}";
        assertEquals(2, f.value(REST + "_count", "method", "GET", "route", route, "status", "200"), 0);
        assertEquals(1, f.value(REST + "_count", "method", "GET", "route", route, "status", "404"), 0);
        List<TextFormat.Sample> buckets = f.find(REST + "_bucket", "method", "GET", "route", route, "status", "200");
        assertTrue(buckets.toString(), buckets.size() > 5);
        assertEquals(2, f.value(REST + "_bucket", "method", "GET", "route", route, "status", "200", "le", "+Inf"), 0);
        assertTrue(f.value(REST + "_count", "method", "GET", "route", "other", "status", "401") >= 1);
        assertTrue(f.value(REST + "_count", "method", "POST", "route", "/api/sources/{instance}/sync", "status", "202") >= 1);
        assertEquals("histogram", f.types.get(REST));
        for (TextFormat.Sample s : f.samples) {
            String r = s.labels().get("route");
            assertTrue("a route label is a template: " + s, r == null || r.equals("other") || r.startsWith("/api") && !r.contains(id)
                    && !r.contains("no-such-device"));
        }

        assertTrue(f.value("enreach_db_size_bytes") > 0);
        assertTrue(f.value("enreach_db_write_lock_wait_seconds_count") > 0);
        assertTrue(f.value("enreach_db_write_transactions_total", "outcome", "committed") > 0);
        assertEquals(1, f.value("enreach_db_up"), 0);
        for (String jvm : List.of("jvm_memory_used_bytes", "jvm_threads_current", "jvm_classes_currently_loaded", "jvm_gc_collection_seconds_count")) {
            assertFalse(jvm + " is missing", f.find(jvm).isEmpty());
        }

        // Any role reads the metrics.
        Api.Reply viewer = api.post("/api/tokens", admin, Api.json(Map.of("name", "it-metrics-viewer", "role", "viewer")));
        assertEquals(200, scrape(api, viewer.at("/secret").asText()).status());
    }

    @Test
    public void authAndPortAreConfigurable() {
        try {
            writeConfig("enreach.metrics.cfg", "auth=none\n");
            await("/metrics without a token with auth=none", CHANGE, () -> scrape(api, null).status(), s -> s == 200);
            TextFormat.parse(scrape(api, null).reply().body());

            int port = freePort();
            writeConfig("enreach.metrics.cfg", "auth=token\nport=" + port + "\nhost=127.0.0.1\n");
            Api separate = new Api("http://127.0.0.1:" + port);
            await("/metrics on its own port", CHANGE, () -> {
                try {
                    return scrape(separate, admin).status();
                } catch (UncheckedIOException e) {
                    return -1;
                }
            }, s -> s == 200);
            assertEquals(401, scrape(separate, null).status());
            TextFormat f = TextFormat.parse(scrape(separate, admin).reply().body());
            assertFalse(f.find("jvm_memory_used_bytes").isEmpty());
            assertEquals(404, scrape(api, admin).status());
        } finally {
            deleteConfig("enreach.metrics.cfg");
        }
        await("/metrics back on the main port with a token", CHANGE, () -> scrape(api, admin).status(), s -> s == 200);
        assertEquals(401, scrape(api, null).status());
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
