package com.enreach.tools.core.internal.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import com.enreach.tools.api.spi.BackupRecord;
import com.enreach.tools.api.spi.ConfigRecord;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.RelationshipRecord;
import com.enreach.tools.api.spi.StorageVolumeRecord;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.db.Times;
import com.enreach.tools.core.internal.search.SearchIndex;

/**
 * The sink a connector streams into during one run. Buffers a batch, then writes it in one short transaction
 * under the database write lock, so a long run never holds the database and memory stays flat.
 */
final class RunLoader implements RecordSink, AutoCloseable {
    static final OwnedTable DEVICES = new OwnedTable("devices", "name", "type", "host_key", "metadata");
    static final OwnedTable VOLUMES = new OwnedTable("storage_volumes", "array_device_id", "pool_device_id", "name", "kind", "pool", "svm",
            "capacity_bytes", "allocated_bytes", "used_bytes", "thin", "protection", "owner", "wwn", "junction_path", "export_policy",
            "health", "running_status", "snapshot_count", "snapshot_reserve_bytes", "quota_limit_bytes", "quota_used_bytes", "metadata");
    static final OwnedTable BACKUPS = new OwnedTable("backups", "client_name", "host_name", "host_key", "client_key", "vm_name", "vm_guid",
            "last_job", "last_job_status", "last_success_at", "jobs");
    static final List<OwnedTable> OWNED = List.of(DEVICES, VOLUMES, BACKUPS);
    private static final int MAX_WARNING_SAMPLES = 20;
    /** Types whose name is a host name; others (pools, SVMs, clusters) match across sources only by an explicit host name. */
    static final java.util.Set<String> HOST_TYPES = java.util.Set.of("server", "vm", "hypervisor", "network_device");

    private final Database db;
    private final Connection conn;
    private final String system;
    private final String instance;
    private final long runId;
    private final int batchSize;
    private final RunProgress progress;

    private final Map<String, DeviceRecord> devices = new LinkedHashMap<>();
    private final List<RelationshipRecord> relationships = new ArrayList<>();
    private final List<ConfigRecord> configs = new ArrayList<>();
    private final Map<String, StorageVolumeRecord> volumes = new LinkedHashMap<>();
    private final Map<String, BackupRecord> backups = new LinkedHashMap<>();
    /** owned table -> source ids the connector could not refresh this run; their rows are kept as seen. */
    private final Map<OwnedTable, List<String>> notRefreshed = new LinkedHashMap<>();
    private String state;
    private final boolean firstRun;
    private final BiConsumer<String, String> warner = this::warn;

    RunLoader(Database db, String system, String instance, long runId, int batchSize, RunProgress progress) throws SQLException {
        this.db = db;
        this.system = system;
        this.instance = instance;
        this.runId = runId;
        this.batchSize = batchSize;
        this.progress = progress;
        this.conn = db.openWriteConnection();
        db.transaction(conn, c -> {
            Relationships.createStage(c);
            return null;
        });
        this.firstRun = DEVICES.emptyFor(conn, instance);
    }

    /** Live counters of a run, read by other threads for progress. */
    static final class RunProgress {
        final AtomicLong fetched = new AtomicLong();
        final AtomicLong added = new AtomicLong();
        final AtomicLong updated = new AtomicLong();
        final AtomicLong unchanged = new AtomicLong();
        final AtomicLong stale = new AtomicLong();
        final AtomicLong warnings = new AtomicLong();
        final AtomicLong configVersions = new AtomicLong();
        final List<String> warningSamples = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile String phase = "starting";
    }

    @Override
    public void device(DeviceRecord device) {
        devices.put(device.sourceId(), device);
        progress.fetched.incrementAndGet();
        maybeFlush();
    }

    @Override
    public void relationship(RelationshipRecord relationship) {
        relationships.add(relationship);
        if (relationships.size() >= batchSize * 4) {
            flush();
        }
    }

    @Override
    public void config(ConfigRecord config) {
        configs.add(config);
        if (configs.size() >= 200) {
            flush();
        }
    }

    @Override
    public void volume(StorageVolumeRecord volume) {
        volumes.put(volume.sourceId(), volume);
        progress.fetched.incrementAndGet();
        maybeFlush();
    }

    @Override
    public void backup(BackupRecord backup) {
        backups.put(backup.sourceId(), backup);
        progress.fetched.incrementAndGet();
        maybeFlush();
    }

    @Override
    public void warn(String sourceId, String message) {
        progress.warnings.incrementAndGet();
        if (progress.warningSamples.size() < MAX_WARNING_SAMPLES) {
            progress.warningSamples.add((sourceId == null ? "" : sourceId + ": ") + message);
        }
    }

    @Override
    public void notRefreshed(String entityKind, String sourceId, String reason) {
        OwnedTable table = switch (String.valueOf(entityKind)) {
            case com.enreach.tools.api.spi.EntityKinds.DEVICE -> DEVICES;
            case com.enreach.tools.api.spi.EntityKinds.STORAGE_VOLUME -> VOLUMES;
            case com.enreach.tools.api.spi.EntityKinds.BACKUP -> BACKUPS;
            default -> throw new IllegalArgumentException("notRefreshed: entity kind must be device, storage_volume or backup, not " + entityKind);
        };
        warn(sourceId, "not refreshed, previous state kept: " + reason);
        notRefreshed.computeIfAbsent(table, t -> new ArrayList<>()).add(java.util.Objects.requireNonNull(sourceId, "sourceId is null"));
        if (notRefreshed.get(table).size() >= batchSize) {
            flush();
        }
    }

    @Override
    public void phase(String phase) {
        progress.phase = phase;
    }

    @Override
    public void state(String newState) {
        this.state = newState;
    }

    String savedState() {
        return state;
    }

    private void maybeFlush() {
        if (devices.size() + volumes.size() + backups.size() >= batchSize) {
            flush();
        }
    }

    /** Writes everything buffered in one transaction. */
    void flush() {
        if (devices.isEmpty() && relationships.isEmpty() && configs.isEmpty() && volumes.isEmpty() && backups.isEmpty()
                && notRefreshed.isEmpty()) {
            return;
        }
        List<OwnedTable.Row> deviceRows = new ArrayList<>(devices.size());
        boolean children = false;
        for (DeviceRecord d : devices.values()) {
            deviceRows.add(deviceRow(d));
            children |= !d.interfaces().isEmpty() || !d.ipAddresses().isEmpty() || d.facts() != null;
        }
        boolean needIds = children;
        List<OwnedTable.Row> backupRows = new ArrayList<>(backups.size());
        for (BackupRecord b : backups.values()) {
            backupRows.add(BackupRows.row(b));
        }
        String now = Times.format(Times.now());
        try {
            db.transaction(conn, c -> {
                writeBatch(deviceRows, backupRows, now, needIds);
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            throw new LoadException("writing a batch of " + instance + " failed: " + e.getMessage(), e);
        }
        devices.clear();
        relationships.clear();
        configs.clear();
        volumes.clear();
        backups.clear();
        notRefreshed.clear();
    }

    private void writeBatch(List<OwnedTable.Row> deviceRows, List<OwnedTable.Row> backupRows, String now, boolean needIds) throws SQLException {
        OwnedTable.Outcome o = DEVICES.upsert(conn, system, instance, runId, now, deviceRows, needIds, firstRun);
        count(o);
        Map<Long, DeviceRecord> changed = new LinkedHashMap<>();
        o.ids().forEach((sid, id) -> changed.put(id, devices.get(sid)));
        SearchIndex.changed(conn, changed.keySet()); // updated devices re-indexed with this batch
        DeviceChildren.replace(conn, changed, now, warner);
        if (!relationships.isEmpty()) {
            Relationships.stage(conn, relationships);
        }
        if (!configs.isEmpty()) {
            progress.configVersions.addAndGet(ConfigVersions.store(conn, instance, configs, now, warner));
        }
        if (!volumes.isEmpty()) {
            count(VOLUMES.upsert(conn, system, instance, runId, now, VolumeRows.rows(conn, instance, volumes.values(), warner), false, false));
        }
        if (!backupRows.isEmpty()) {
            count(BACKUPS.upsert(conn, system, instance, runId, now, backupRows, false, false));
        }
        for (Map.Entry<OwnedTable, List<String>> e : notRefreshed.entrySet()) {
            e.getKey().keepSeen(conn, instance, runId, now, e.getValue());
        }
        SyncHistory.progress(conn, runId, progress);
    }

    private void count(OwnedTable.Outcome o) {
        progress.added.addAndGet(o.added());
        progress.updated.addAndGet(o.updated());
        progress.unchanged.addAndGet(o.unchanged());
    }

    private OwnedTable.Row deviceRow(DeviceRecord d) {
        String hostKey = d.hostname() != null ? Normalize.hostKey(d.hostname()) : HOST_TYPES.contains(d.type()) ? Normalize.hostKey(d.name()) : null;
        String meta = Json.write(d.metadata());
        long h = Json.hash(d.name() + '\u0000' + d.type() + '\u0000' + hostKey + '\u0000' + meta);
        Object children = DeviceChildren.canonical(d, warner);
        if (children != null) {
            h = h * 31 + Json.hash(Json.write(children));
        }
        return new OwnedTable.Row(d.sourceId(), h, new Object[] {d.name(), d.type(), hostKey, meta});
    }

    /** Outcome of finishing a complete fetch. */
    record Finish(boolean needsConfirmation, String message, long stale) {
    }

    /**
     * After a complete fetch: resolves relationships, applies the delete budget and marks unseen rows stale.
     *
     * @param budgetPercent largest share of active rows that may go stale without confirmation
     */
    Finish finishComplete(int budgetPercent, boolean confirmed) {
        flush();
        String now = Times.format(Times.now());
        try {
            return db.transaction(conn, c -> finishInTransaction(budgetPercent, confirmed, now));
        } catch (SQLException | RuntimeException e) {
            throw new LoadException("finishing the run of " + instance + " failed: " + e.getMessage(), e);
        }
    }

    private Finish finishInTransaction(int budgetPercent, boolean confirmed, String now) throws SQLException {
        long unresolved = Relationships.resolve(conn, instance, runId, now, true);
        if (unresolved > 0) {
            warn(null, unresolved + " relationships name a device this run did not emit; skipped");
        }
        List<String> over = new ArrayList<>();
        for (OwnedTable t : OWNED) {
            long active = t.countActive(conn, instance);
            long unseen = t.countUnseenActive(conn, instance, runId);
            if (!confirmed && unseen > 0 && unseen * 100 > (long) budgetPercent * active) {
                over.add(unseen + " of " + active + " active " + t.table().replace('_', ' '));
            }
        }
        if (!over.isEmpty()) {
            return new Finish(true, "This run would mark " + String.join(" and ", over) + " stale, more than the delete budget of "
                    + budgetPercent + "%. Nothing was marked stale. Check the source, then re-run with confirmation.", 0);
        }
        long stale = 0;
        for (OwnedTable t : OWNED) {
            stale += t.markStale(conn, instance, runId, now);
        }
        progress.stale.set(stale);
        BackupLinks.relink(conn);
        SyncHistory.progress(conn, runId, progress);
        return new Finish(false, null, stale);
    }

    /** After a failed fetch: keeps what arrived (it was valid), resolves its relationships, marks nothing stale. */
    void finishFailed() {
        try {
            flush();
            db.transaction(conn, c -> Relationships.resolve(c, instance, runId, Times.format(Times.now()), false));
        } catch (SQLException | RuntimeException e) {
            // what could not be written is lost with the failed run; what was committed stays
            org.slf4j.LoggerFactory.getLogger(RunLoader.class).warn("Could not keep the last batch of failed run {}: {}", runId, e.toString());
        }
    }

    @Override
    public void close() {
        try {
            conn.close();
        } catch (SQLException ignored) {
            // nothing left to write
        }
    }

    /** A failure while writing to the master database (not the source's fault). */
    static final class LoadException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LoadException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
