package com.enreach.tools.metrics.internal;

import java.util.List;
import java.util.function.Supplier;

import com.enreach.tools.api.DatabaseHealth;
import com.enreach.tools.api.HealthService;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * The master database's gauges, read at scrape time from the core's health service (file sizes and one small read
 * of the migration history): nothing on the request path. Absent while the core is not running.
 */
final class DatabaseCollector implements MultiCollector {
    static final String SIZE = "enreach_db_size_bytes";
    static final String WAL = "enreach_db_wal_size_bytes";
    static final String UP = "enreach_db_up";
    static final String PENDING = "enreach_db_migrations_pending";

    private final Supplier<HealthService> health;

    DatabaseCollector(Supplier<HealthService> health) {
        this.health = health;
    }

    @Override
    public MetricSnapshots collect() {
        HealthService h = health.get();
        if (h == null) {
            return MetricSnapshots.of();
        }
        DatabaseHealth d = h.database();
        return MetricSnapshots.of(
                gauge(SIZE, "Size of the master database file", Unit.BYTES, d.sizeBytes()),
                gauge(WAL, "Size of the master database's write-ahead log (0 when there is none)", Unit.BYTES, d.walBytes()),
                gauge(UP, "1 when the master database answered a read at scrape time, else 0", null, d.ok() ? 1 : 0),
                gauge(PENDING, "Database migrations shipped but not applied (0 once the core is up)", null, d.migrationsPending()));
    }

    @Override
    public List<String> getPrometheusNames() {
        return List.of(SIZE, WAL, UP, PENDING);
    }

    private static GaugeSnapshot gauge(String name, String help, Unit unit, double value) {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
        if (unit != null) {
            b.unit(unit);
        }
        return b.dataPoint(GaugeDataPointSnapshot.builder().value(value).build()).build();
    }
}
