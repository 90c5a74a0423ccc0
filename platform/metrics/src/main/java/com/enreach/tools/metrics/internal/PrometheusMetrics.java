package com.enreach.tools.metrics.internal;

import java.io.IOException;
import java.io.OutputStream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.HealthService;
import com.enreach.tools.metrics.PlatformMetrics;
import com.enreach.tools.metrics.SyncRunEnd;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * The platform's one metrics registry (Prometheus Java client, embedded in this bundle): sync runs, REST requests,
 * the master database and the JVM. Names, labels and meaning are listed in docs/metrics.md.
 */
@Component(service = {PlatformMetrics.class, PrometheusMetrics.class}, immediate = true)
public class PrometheusMetrics implements PlatformMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(PrometheusMetrics.class);
    private static final double NANOS_PER_SECOND = 1e9;
    /** REST latency: from 1 ms (cached reads) to 30 s (a report or an assistant answer). */
    static final double[] REST_BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
    /** Sync runs: from a second (a small source) to two hours (a large vCenter over a slow link). */
    static final double[] SYNC_BUCKETS = {1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200};
    /** Write-lock wait: from 0.1 ms (no contention) to a minute (behind a long load batch). */
    static final double[] LOCK_BUCKETS = {0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 60};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter syncRuns;
    private final Histogram syncDuration;
    private final Counter fetched;
    private final Counter added;
    private final Counter updated;
    private final Counter stale;
    private final Gauge lastSuccess;
    private final Gauge lastEnd;
    private final Histogram rest;
    private final Histogram lockWait;
    private final Counter transactions;
    private final DatabaseCollector database = new DatabaseCollector(this::health);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile HealthService health;

    @Activate
    public PrometheusMetrics() {
        this(true);
    }

    /** @param jvm whether to register the JVM's metrics (memory, GC, threads, classes...) */
    PrometheusMetrics(boolean jvm) {
        syncRuns = Counter.builder().name("enreach_sync_runs_total").help("Sync runs ended, by source instance, plugin kind and outcome")
                .labelNames("source_instance", "kind", "outcome").register(registry);
        syncDuration = Histogram.builder().name("enreach_sync_run_duration_seconds").help("Duration of ended sync runs, start to end")
                .unit(Unit.SECONDS).labelNames("source_instance", "kind").classicOnly().classicUpperBounds(SYNC_BUCKETS).register(registry);
        fetched = records("fetched", "Records read from the source by ended sync runs");
        added = records("added", "Records new to the master database, by ended sync runs");
        updated = records("updated", "Records changed in the master database by ended sync runs");
        stale = records("stale", "Records marked stale (no longer reported by the source) by ended sync runs");
        lastSuccess = Gauge.builder().name("enreach_sync_last_success_timestamp_seconds")
                .help("When the last successful sync run of the instance ended (Unix time); absent until one succeeded in this process")
                .labelNames("source_instance", "kind").register(registry);
        lastEnd = Gauge.builder().name("enreach_sync_last_run_end_timestamp_seconds")
                .help("When the last sync run of the instance ended, whatever its outcome (Unix time)")
                .labelNames("source_instance", "kind").register(registry);
        rest = Histogram.builder().name("enreach_http_request_duration_seconds")
                .help("REST requests under /api by method, route template and status code; _count is the request count")
                .unit(Unit.SECONDS).labelNames("method", "route", "status").classicOnly().classicUpperBounds(REST_BUCKETS).register(registry);
        lockWait = Histogram.builder().name("enreach_db_write_lock_wait_seconds")
                .help("Time write transactions waited for the master database's write lock").unit(Unit.SECONDS)
                .classicOnly().classicUpperBounds(LOCK_BUCKETS).register(registry);
        transactions = Counter.builder().name("enreach_db_write_transactions_total")
                .help("Write transactions of the master database, by outcome (committed, rolled_back)")
                .labelNames("outcome").register(registry);
        // Both outcomes are present from the start, so rate() works from the first scrape.
        transactions.labelValues("committed");
        transactions.labelValues("rolled_back");
        registry.register(database);
        if (jvm) {
            JvmMetrics.builder().register(registry);
        }
    }

    private HealthService health() {
        return health;
    }

    private Counter records(String what, String help) {
        return Counter.builder().name("enreach_sync_records_" + what + "_total").help(help).labelNames("source_instance", "kind").register(registry);
    }

    @Deactivate
    void deactivate() {
        registry.clear();
    }

    @Override
    public void syncRunEnded(SyncRunEnd run) {
        try {
            String i = run.instance();
            String k = run.kind();
            syncRuns.labelValues(i, k, run.outcome()).inc();
            syncDuration.labelValues(i, k).observe(run.duration().toNanos() / NANOS_PER_SECOND);
            fetched.labelValues(i, k).inc(run.fetched());
            added.labelValues(i, k).inc(run.added());
            updated.labelValues(i, k).inc(run.updated());
            stale.labelValues(i, k).inc(run.stale());
            double end = run.endedAt().toEpochMilli() / 1000.0;
            lastEnd.labelValues(i, k).set(end);
            if ("succeeded".equals(run.outcome())) {
                lastSuccess.labelValues(i, k).set(end);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not record the end of a sync run of {}", run.instance(), e);
        }
    }

    @Override
    public void restRequest(String method, String route, int status, long nanos) {
        try {
            rest.labelValues(method, route, StatusCodes.of(status)).observe(nanos / NANOS_PER_SECOND);
        } catch (RuntimeException e) {
            LOG.debug("Could not record a REST request", e);
        }
    }

    @Override
    public void writeTransaction(long lockWaitNanos, boolean committed) {
        lockWait.observe(lockWaitNanos / NANOS_PER_SECOND);
        transactions.labelValues(committed ? "committed" : "rolled_back").inc();
    }

    /** Writes every metric: OpenMetrics when asked for it, else the Prometheus text format 0.0.4. */
    void scrape(OutputStream out, boolean openMetrics) throws IOException {
        writer(openMetrics).write(out, registry.scrape());
    }

    static ExpositionFormatWriter writer(boolean openMetrics) {
        return openMetrics ? OpenMetricsTextFormatWriter.create() : PrometheusTextFormatWriter.create();
    }

    static String contentType(boolean openMetrics) {
        return writer(openMetrics).getContentType();
    }

    PrometheusRegistry registry() {
        return registry;
    }
}
