package com.enreach.tools.core.internal.report;

import com.enreach.tools.core.internal.db.TestDatabases;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.enreach.tools.api.inventory.ReportResult;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Times;

/**
 * A small estate written straight into the tables the reports read: observations (devices), the entities they are
 * linked to, and what hangs off them. Time stands still at {@link #NOW}; {@link #daysAgo} writes timestamps before it.
 */
final class Estate {
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    final Database db;
    final ReportRunner reports;
    private int sourceIds;

    Estate(Path dir) {
        this.db = TestDatabases.open(dir.resolve("reports.db"));
        this.reports = new ReportRunner(db, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static String daysAgo(double days) {
        return Times.format(NOW.minus(Duration.ofMinutes(Math.round(days * 24 * 60))));
    }

    long entity(String name, String type) {
        return entity(name, type, "active");
    }

    long entity(String name, String type, String status) {
        return insert("INSERT INTO entities (name, type, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?)", name, type, status, daysAgo(30), daysAgo(1));
    }

    /** An active observation of the entity by a source instance. */
    long seen(long entity, String system, String instance, String type, String name) {
        return observation(entity, system, instance, type, name, "active", "{}");
    }

    long observation(long entity, String system, String instance, String type, String name, String status, String metadata) {
        long d = insert("INSERT INTO devices (name, type, source_system, source_instance, source_id, metadata, content_hash, status, first_seen,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)", name, type, system, instance, "sid-" + (++sourceIds), metadata, status,
                daysAgo(30), daysAgo(30), daysAgo(0));
        insert("INSERT INTO device_seen (device_id, last_seen) VALUES (?, ?)", d, daysAgo(status.equals("stale") ? 5 : 0));
        insert("INSERT INTO entity_links (device_id, entity_id, rule, confidence, linked_at) VALUES (?, ?, 'test', 1.0, ?)", d, entity, daysAgo(1));
        return d;
    }

    void key(long device, String kind, String value) {
        insert("INSERT INTO identity_keys (device_id, kind, value) VALUES (?, ?, ?)", device, kind, value);
    }

    void facts(long device, String updatedAt) {
        insert("INSERT INTO server_facts (device_id, updated_at) VALUES (?, ?)", device, updatedAt);
    }

    void config(long device, int version, String retrievedAt) {
        insert("INSERT INTO device_configs (device_id, version, config_text, content_hash, line_count, retrieved_at, created_at) VALUES (?, ?, 'hostname x', ?, 1, ?, ?)",
                device, version, "h" + version, retrievedAt, retrievedAt);
    }

    /** A backup of a protected client, linked to an observation and/or naming a VM GUID; lastSuccess null = never succeeded. */
    long backup(String system, String instance, String client, Long device, String vmGuid, String lastSuccess, String status) {
        return insert("INSERT INTO backups (source_system, source_instance, source_id, client_name, device_id, vm_guid, last_job_status, last_success_at,"
                + " content_hash, status, first_seen, last_seen, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'completed', ?, 0, ?, ?, ?, ?, ?)",
                system, instance, "b-" + (++sourceIds), client, device, vmGuid, lastSuccess, status, daysAgo(30), daysAgo(0), daysAgo(30), daysAgo(0));
    }

    void ip(long device, String address, String iface) {
        insert("INSERT INTO ip_addresses (device_id, address, family, interface_name) VALUES (?, ?, ?, ?)", device, address, address.contains(":") ? 6 : 4, iface);
    }

    long conflict(String kind, String key, String detail, String entityIdsJson, String deviceIdsJson, String status) {
        return insert("INSERT INTO identity_conflicts (kind, key, detail, entity_ids, device_ids, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                kind, key, detail, entityIdsJson, deviceIdsJson, status, daysAgo(2));
    }

    private long insert(String sql, Object... values) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    ReportResult run(String report, Map<String, String> params) {
        return reports.run(report, params, 1000, 0);
    }

    /** The names of the rows' entities, in report order. */
    static List<String> names(ReportResult r) {
        return r.rows().stream().map(ReportResult.Row::entityName).toList();
    }

    /** Row values by entity name (the last row of a name wins). */
    static Map<String, Map<String, Object>> byName(ReportResult r) {
        return r.rows().stream().collect(Collectors.toMap(ReportResult.Row::entityName, ReportResult.Row::values, (a, b) -> b));
    }

    void close() {
        db.close();
    }
}
