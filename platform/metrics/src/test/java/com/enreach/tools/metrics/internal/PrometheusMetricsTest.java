package com.enreach.tools.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.DatabaseHealth;
import com.enreach.tools.metrics.SyncRunEnd;

class PrometheusMetricsTest {

    private static TextFormat scrape(PrometheusMetrics m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.scrape(out, false);
        return TextFormat.parse(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void syncRunsAreCountedPerInstanceAndOutcome() throws Exception {
        PrometheusMetrics m = new PrometheusMetrics(false);
        Instant end = Instant.parse("2026-01-02T03:04:05Z");
        m.syncRunEnded(new SyncRunEnd("vcenter-prod", "vcenter", "succeeded", Duration.ofSeconds(42), end, 100, 10, 5, 2));
        m.syncRunEnded(new SyncRunEnd("vcenter-prod", "vcenter", "failed", Duration.ofSeconds(3), end.plusSeconds(60), 7, 0, 0, 0));
        m.syncRunEnded(new SyncRunEnd("foreman-a", "foreman", "succeeded", Duration.ofMillis(500), end, 1, 1, 0, 0));
        TextFormat f = scrape(m);

        assertEquals(1, f.value("enreach_sync_runs_total", "source_instance", "vcenter-prod", "outcome", "succeeded"));
        assertEquals(1, f.value("enreach_sync_runs_total", "source_instance", "vcenter-prod", "outcome", "failed"));
        assertEquals(107, f.value("enreach_sync_records_fetched_total", "source_instance", "vcenter-prod", "kind", "vcenter"));
        assertEquals(10, f.value("enreach_sync_records_added_total", "source_instance", "vcenter-prod"));
        assertEquals(5, f.value("enreach_sync_records_updated_total", "source_instance", "vcenter-prod"));
        assertEquals(2, f.value("enreach_sync_records_stale_total", "source_instance", "vcenter-prod"));
        assertEquals(2, f.value("enreach_sync_run_duration_seconds_count", "source_instance", "vcenter-prod"));
        assertEquals(45, f.value("enreach_sync_run_duration_seconds_sum", "source_instance", "vcenter-prod"), 1e-9);
        assertEquals(1, f.value("enreach_sync_run_duration_seconds_bucket", "source_instance", "vcenter-prod", "le", "5.0"));
        assertEquals(2, f.value("enreach_sync_run_duration_seconds_bucket", "source_instance", "vcenter-prod", "le", "+Inf"));
        // the last success stays at the succeeded run; the last end moves to the failed one
        assertEquals(end.getEpochSecond(), f.value("enreach_sync_last_success_timestamp_seconds", "source_instance", "vcenter-prod"), 1e-3);
        assertEquals(end.getEpochSecond() + 60, f.value("enreach_sync_last_run_end_timestamp_seconds", "source_instance", "vcenter-prod"), 1e-3);
        assertEquals(1, f.value("enreach_sync_runs_total", "source_instance", "foreman-a", "kind", "foreman"));
        assertEquals("counter", f.types.get("enreach_sync_runs_total"));
        assertEquals("histogram", f.types.get("enreach_sync_run_duration_seconds"));
    }

    @Test
    void restRequestsAreAHistogramByMethodRouteAndStatus() throws Exception {
        PrometheusMetrics m = new PrometheusMetrics(false);
        m.restRequest("GET", "/api/devices/{id}", 200, 3_000_000);
        m.restRequest("GET", "/api/devices/{id}", 200, 40_000_000);
        m.restRequest("GET", "/api/devices/{id}", 404, 1_000_000);
        m.restRequest("GET", "other", 401, 100_000);
        TextFormat f = scrape(m);
        String h = "enreach_http_request_duration_seconds";
        assertEquals(2, f.value(h + "_count", "method", "GET", "route", "/api/devices/{id}", "status", "200"));
        assertEquals(0.043, f.value(h + "_sum", "route", "/api/devices/{id}", "status", "200"), 1e-9);
        assertEquals(1, f.value(h + "_bucket", "route", "/api/devices/{id}", "status", "200", "le", "0.005"));
        assertEquals(2, f.value(h + "_bucket", "route", "/api/devices/{id}", "status", "200", "le", "0.05"));
        assertEquals(PrometheusMetrics.REST_BUCKETS.length + 1, f.find(h + "_bucket", "route", "/api/devices/{id}", "status", "200").size());
        assertEquals(1, f.value(h + "_count", "route", "/api/devices/{id}", "status", "404"));
        assertEquals(1, f.value(h + "_count", "route", "other", "status", "401"));
    }

    @Test
    void databaseGaugesComeFromTheHealthServiceAtScrapeTime() throws Exception {
        PrometheusMetrics m = new PrometheusMetrics(false);
        assertTrue(scrape(m).find("enreach_db_size_bytes").isEmpty(), "no core, no database gauges");
        m.health = () -> new DatabaseHealth("sqlite", "42", 42, 0, 1_048_576, 4096, true, null);
        m.writeTransaction(2_000_000, true);
        m.writeTransaction(0, false);
        TextFormat f = scrape(m);
        assertEquals(1_048_576, f.value("enreach_db_size_bytes"));
        assertEquals(4096, f.value("enreach_db_wal_size_bytes"));
        assertEquals(1, f.value("enreach_db_up"));
        assertEquals(0, f.value("enreach_db_migrations_pending"));
        assertEquals(2, f.value("enreach_db_write_lock_wait_seconds_count"));
        assertEquals(0.002, f.value("enreach_db_write_lock_wait_seconds_sum"), 1e-9);
        assertEquals(1, f.value("enreach_db_write_transactions_total", "outcome", "committed"));
        assertEquals(1, f.value("enreach_db_write_transactions_total", "outcome", "rolled_back"));
    }

    @Test
    void jvmMetricsAreRegistered() throws Exception {
        TextFormat f = scrape(new PrometheusMetrics(true));
        for (String name : new String[] {"jvm_memory_used_bytes", "jvm_threads_current", "jvm_classes_currently_loaded", "jvm_gc_collection_seconds_count"}) {
            assertFalse(f.find(name).isEmpty(), name + " is missing");
        }
    }

    @Test
    void openMetricsWhenAskedFor() throws Exception {
        PrometheusMetrics m = new PrometheusMetrics(false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.scrape(out, true);
        assertTrue(out.toString(StandardCharsets.UTF_8).endsWith("# EOF\n"));
        assertTrue(PrometheusMetrics.contentType(true).startsWith("application/openmetrics-text"));
        assertTrue(PrometheusMetrics.contentType(false).startsWith("text/plain; version=0.0.4"));
    }
}
