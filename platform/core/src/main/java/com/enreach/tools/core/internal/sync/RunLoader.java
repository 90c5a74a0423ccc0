package com.enreach.tools.core.internal.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import com.enreach.tools.api.spi.BackupRecord;
import com.enreach.tools.api.spi.ConfigRecord;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.RelationshipRecord;
import com.enreach.tools.api.spi.ServerFacts;
import com.enreach.tools.api.spi.StorageVolumeRecord;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Times;
import com.enreach.tools.core.internal.search.SearchIndex;
import com.enreach.tools.core.internal.sql.Dialect;

/**
 * The sink a connector streams into during one run. Buffers a batch, then writes it in one short transaction
 * under the database write lock, so a long run never holds the database and memory stays flat.
 */
final class RunLoader implements RecordSink, AutoCloseable {
    static final OwnedTable DEVICES = OwnedTable.seenIn("device_seen", "idx_devices_lookup", "devices", EntityKinds.DEVICE, "name", "id", "name", "type", "host_key", "metadata");
    static final OwnedTable VOLUMES = new OwnedTable("storage_volumes", EntityKinds.STORAGE_VOLUME, "name", "array_device_id", "array_device_id", "pool_device_id", "name", "kind", "pool", "svm",
            "capacity_bytes", "allocated_bytes", "used_bytes", "thin", "protection", "owner", "wwn", "junction_path", "export_policy",
            "health", "running_status", "snapshot_count", "snapshot_reserve_bytes", "quota_limit_bytes", "quota_used_bytes", "metadata");
    static final OwnedTable BACKUPS = new OwnedTable("backups", EntityKinds.BACKUP, "client_name", "device_id", "client_name", "host_name", "host_key", "client_key", "vm_name", "vm_guid",
            "last_job", "last_job_status", "last_success_at", "jobs");
    static final List<OwnedTable> OWNED = List.of(DEVICES, VOLUMES, BACKUPS, KnowledgeBatch.ARTICLES, KnowledgeBatch.TICKETS);

    private static final int MAX_WARNING_SAMPLES = 20;
    /** Batches with at least this many devices build their rows in parallel. */
    private static final int PARALLEL_ROWS = 256;

    /** The owned table of an entity kind, or null for a kind without one (relationships, configs). */
    static OwnedTable tableOf(String entityKind) {
        for (OwnedTable t : OWNED) {
            if (t.kind().equals(entityKind)) {
                return t;
            }
        }
        return null;
    }
    /** WAL pages (4 KiB) a run's connection lets accumulate before it checkpoints. */
    static final int WAL_CHECKPOINT_PAGES = 16_384;

    private final Database db;
    private final Connection conn;
    private final String system;
    private final String instance;
    private final long runId;
    private final int batchSize;
    private final RunProgress progress;

    /** The batch being filled by the connector. */
    private Batch batch = new Batch();
    /** The batch handed off before it, its rows being built on another thread; written at the next hand-off. */
    private Batch pending;
    private String state;
    private final boolean firstRun;
    private final BiConsumer<String, String> warner = this::warn;
    private final ChangeListener changes;

    RunLoader(Database db, String system, String instance, long runId, int batchSize, RunProgress progress) throws SQLException {
        this(db, system, instance, runId, batchSize, progress, ChangeListener.all(List.of()));
    }

    /** @param changes told after each committed batch that logged changes, and when the run's loading ends */
    RunLoader(Database db, String system, String instance, long runId, int batchSize, RunProgress progress, ChangeListener changes)
            throws SQLException {
        this.changes = changes;
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
        // Every batch rewrites the same index pages; with SQLite's default (checkpoint each 1,000 WAL pages) they were
        // copied back into the database file again and again, which took about half of a fresh load. The run's
        // connection lets the WAL grow to 64 MiB and checkpoints once when it is done (close).
        if (!Dialect.of(conn).postgres()) {
            try (Statement s = conn.createStatement()) {
                s.execute("PRAGMA wal_autocheckpoint = " + WAL_CHECKPOINT_PAGES);
            }
        }
    }

    /** What the connector sent since the last hand-off, written in one transaction. */
    private static final class Batch {
        final Map<String, DeviceRecord> devices = new LinkedHashMap<>();
        final List<RelationshipRecord> relationships = new ArrayList<>();
        final List<ConfigRecord> configs = new ArrayList<>();
        final Map<String, StorageVolumeRecord> volumes = new LinkedHashMap<>();
        final Map<String, BackupRecord> backups = new LinkedHashMap<>();
        final KnowledgeBatch knowledge = new KnowledgeBatch();
        /** owned table -> source ids the connector could not refresh this run; their rows are kept as seen. */
        final Map<OwnedTable, List<String>> notRefreshed = new LinkedHashMap<>();
        /** The device and backup rows, being built (a record that cannot be written completes it exceptionally). */
        CompletableFuture<List<List<OwnedTable.Row>>> rows;

        boolean isEmpty() {
            return devices.isEmpty() && relationships.isEmpty() && configs.isEmpty() && volumes.isEmpty() && backups.isEmpty()
                    && notRefreshed.isEmpty() && knowledge.isEmpty();
        }

        /**
         * Starts building the rows: a large batch's on another thread (its rows on every core but the one writing),
         * a small one's here. Metadata text and hash are the CPU-heavy part of a batch whose devices are mostly
         * unchanged; built while the previous batch is written, they cost the run almost nothing.
         */
        void startRows() {
            if (devices.size() < PARALLEL_ROWS) {
                try {
                    rows = CompletableFuture.completedFuture(buildRows(false));
                } catch (RuntimeException e) {
                    rows = CompletableFuture.failedFuture(e);
                }
            } else {
                rows = CompletableFuture.supplyAsync(() -> buildRows(true));
            }
        }

        /** The devices' rows built on every core; a record that cannot be written throws as it would on this thread. */
        private List<OwnedTable.Row> parallelRows() {
            Object[] built = devices.values().parallelStream().map(d -> {
                try {
                    return DeviceRows.row(d);
                } catch (RuntimeException e) {
                    return e; // rethrown below as it is (a worker thread's exception would come back re-wrapped)
                }
            }).toArray();
            List<OwnedTable.Row> rows = new ArrayList<>(built.length);
            for (Object o : built) {
                if (o instanceof RuntimeException e) {
                    throw e;
                }
                rows.add((OwnedTable.Row) o);
            }
            return rows;
        }

        private List<List<OwnedTable.Row>> buildRows(boolean parallel) {
            List<OwnedTable.Row> deviceRows = parallel ? parallelRows() : devices.values().stream().map(DeviceRows::row).toList();
            List<OwnedTable.Row> backupRows = new ArrayList<>(backups.size());
            for (BackupRecord b : backups.values()) {
                backupRows.add(BackupRows.row(b));
            }
            return List.of(deviceRows, backupRows);
        }

        /** The built rows; a record that could not be built throws its own exception here, as it would have on this thread. */
        List<List<OwnedTable.Row>> rows() {
            try {
                return rows.join();
            } catch (java.util.concurrent.CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw e;
            }
        }
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
        received(batch.devices.put(device.sourceId(), device));
        maybeFlush();
    }

    @Override
    public void relationship(RelationshipRecord relationship) {
        batch.relationships.add(relationship);
        if (batch.relationships.size() >= batchSize * 4) {
            flush();
        }
    }

    @Override
    public void config(ConfigRecord config) {
        batch.configs.add(config);
        if (batch.configs.size() >= 200) {
            flush();
        }
    }

    @Override
    public void volume(StorageVolumeRecord volume) {
        received(batch.volumes.put(volume.sourceId(), volume));
        maybeFlush();
    }

    @Override
    public void backup(BackupRecord backup) {
        received(batch.backups.put(backup.sourceId(), backup));
        maybeFlush();
    }

    @Override
    public void article(com.enreach.tools.api.spi.ArticleRecord article) {
        OwnedTable.Row row = KnowledgeRows.article(article, warner);
        if (row != null) {
            received(batch.knowledge.add(row));
            maybeFlushKnowledge();
        }
    }

    @Override
    public void ticket(com.enreach.tools.api.spi.TicketRecord ticket) {
        KnowledgeRows.TicketRow row = KnowledgeRows.ticket(ticket, warner);
        if (row != null) {
            received(batch.knowledge.add(row));
            maybeFlushKnowledge();
        }
    }

    @Override
    public void unchanged(String entityKind, String sourceId) {
        progress.fetched.incrementAndGet();
        if (batch.knowledge.unchanged(entityKind, sourceId) >= batchSize * 4) {
            flush();
        }
    }

    private void maybeFlushKnowledge() {
        if (batch.knowledge.full(batchSize)) {
            flush();
        }
    }

    /**
     * Counts a record as fetched when it arrives (live), unless the batch already holds its source id. A record that an
     * earlier batch of the run already wrote (re-read after a lost session) is subtracted when its batch is written
     * ({@link OwnedTable.Outcome#recounted}), so {@code fetched} counts distinct source ids without remembering them.
     */
    private void received(Object replaced) {
        if (replaced == null) {
            progress.fetched.incrementAndGet();
        }
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
        OwnedTable table = tableOf(entityKind);
        if (table == null) {
            throw new IllegalArgumentException("notRefreshed: entity kind must be device, storage_volume, backup, article or ticket, not "
                    + entityKind);
        }
        warn(sourceId, "not refreshed, previous state kept: " + reason);
        batch.notRefreshed.computeIfAbsent(table, t -> new ArrayList<>()).add(java.util.Objects.requireNonNull(sourceId, "sourceId is null"));
        if (batch.notRefreshed.get(table).size() >= batchSize) {
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
        if (batch.devices.size() + batch.volumes.size() + batch.backups.size() >= batchSize) {
            flush();
        }
    }

    /**
     * Hands the batch being filled off: its rows start building on another thread while the batch handed off before
     * it is written (one transaction). A run's batches are written one at a time, in the order they arrived.
     */
    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        Batch full = batch;
        batch = new Batch();
        full.startRows();
        writePending();
        pending = full;
    }

    /** Writes everything received: the batch handed off last, then the one being filled. */
    void drain() {
        flush();
        writePending();
    }

    private void writePending() {
        Batch b = pending;
        if (b == null) {
            return;
        }
        // taken before it is written: a batch whose rows could not be built, or that failed to write, is not tried again
        pending = null;
        List<List<OwnedTable.Row>> rows = b.rows();
        String now = Times.format(Times.now());
        long[] positions;
        try {
            positions = db.transaction(conn, c -> {
                long before = ChangeLog.lastPosition(c);
                writeBatch(b, rows.get(0), rows.get(1), now);
                return new long[] {before, ChangeLog.lastPosition(c)};
            });
        } catch (SQLException | RuntimeException e) {
            throw new LoadException("writing a batch of " + instance + " failed: " + e.getMessage(), e);
        }
        committed(positions);
    }

    private void committed(long[] positions) {
        if (positions[1] > positions[0]) {
            changes.committed(runId, instance, positions[0] + 1, positions[1]);
        }
    }

    private void writeBatch(Batch b, List<OwnedTable.Row> deviceRows, List<OwnedTable.Row> backupRows, String now) throws SQLException {
        ChangeLog log = new ChangeLog();
        writeDevices(b, deviceRows, now, log);
        if (!b.relationships.isEmpty()) {
            Relationships.stage(conn, b.relationships);
        }
        if (!b.configs.isEmpty()) {
            progress.configVersions.addAndGet(ConfigVersions.store(conn, instance, b.configs, now, warner, log));
        }
        if (!b.volumes.isEmpty()) {
            List<OwnedTable.Row> rows = VolumeRows.rows(conn, instance, b.volumes.values(), warner);
            count(VOLUMES.apply(conn, VOLUMES.plan(conn, instance, runId, rows, false), system, instance, runId, now, false, log));
        }
        if (!backupRows.isEmpty()) {
            count(BACKUPS.apply(conn, BACKUPS.plan(conn, instance, runId, backupRows, false), system, instance, runId, now, false, log));
        }
        b.knowledge.write(conn, system, instance, runId, now, log, this::count);
        for (Map.Entry<OwnedTable, List<String>> e : b.notRefreshed.entrySet()) {
            e.getKey().keepSeen(conn, instance, runId, now, e.getValue());
        }
        progress.unchanged.addAndGet(b.knowledge.keepUnchanged(conn, instance, runId, now));
        log.write(conn, runId, instance, now);
        SyncHistory.progress(conn, runId, progress);
    }

    /**
     * Devices, then their children: changed devices have theirs diffed in place (before the device row is written,
     * so a device whose only change is a child counts as updated), new devices get theirs inserted, unchanged
     * devices only get their uptime refreshed.
     */
    private void writeDevices(Batch b, List<OwnedTable.Row> rows, String now, ChangeLog log) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        OwnedTable.Plan plan = DEVICES.plan(conn, instance, runId, rows, firstRun);
        ChangeLog childLog = new ChangeLog();
        try (DeviceChildren children = new DeviceChildren(conn, now); ChildDiff diff = new ChildDiff(conn, now)) {
            for (OwnedTable.Update u : plan.updates()) {
                u.fields().addAll(diff.sync(u.id(), DeviceChildren.desired(b.devices.get(u.row().sourceId()), warner), childLog));
            }
            boolean needIds = false;
            for (OwnedTable.Row r : plan.inserts()) {
                needIds |= !DeviceChildren.canonicalEmpty(b.devices.get(r.sourceId()));
            }
            OwnedTable.Outcome o = DEVICES.apply(conn, plan, system, instance, runId, now, needIds, log);
            count(o);
            // updated devices are re-indexed for search with this batch (new rows are picked up by rowid)
            SearchIndex.changed(conn, plan.updates().stream().map(OwnedTable.Update::id).toList());
            for (Map.Entry<String, Long> e : o.ids().entrySet()) {
                DeviceChildren.Desired d = DeviceChildren.desired(b.devices.get(e.getKey()), warner);
                if (!d.isEmpty()) {
                    children.insert(e.getValue(), d);
                }
            }
            for (int i = 0; i < plan.touches().size(); i++) {
                ServerFacts f = b.devices.get(plan.touches().get(i).sourceId()).facts();
                if (f != null) {
                    children.refreshUptime(plan.touchIds()[i], f.uptimeSeconds());
                }
            }
            children.flush();
        }
        log.append(childLog);
    }

    private void count(OwnedTable.Outcome o) {
        progress.added.addAndGet(o.added());
        progress.updated.addAndGet(o.updated());
        progress.unchanged.addAndGet(o.unchanged());
        progress.fetched.addAndGet(-o.recounted());
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
        drain();
        String now = Times.format(Times.now());
        long[] positions = new long[2];
        try {
            Finish f = db.transaction(conn, c -> {
                positions[0] = ChangeLog.lastPosition(c);
                Finish result = finishInTransaction(budgetPercent, confirmed, now);
                positions[1] = ChangeLog.lastPosition(c);
                return result;
            });
            committed(positions);
            return f;
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
        Map<OwnedTable, Long> unseenBy = new java.util.HashMap<>();
        for (OwnedTable t : OWNED) {
            long[] counts = t.countActiveUnseen(conn, instance, runId);
            long active = counts[0];
            long unseen = counts[1];
            unseenBy.put(t, unseen);
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
            // counted in this transaction: a table with nothing unseen has nothing to mark (two scans saved)
            stale += unseenBy.get(t) == 0 ? 0 : t.markStale(conn, instance, runId, now);
        }
        progress.stale.set(stale);
        // backups are linked by identity resolution, which follows this transaction through the change feed
        SyncHistory.progress(conn, runId, progress);
        return new Finish(false, null, stale);
    }

    /** After a failed fetch: keeps what arrived (it was valid), resolves its relationships, marks nothing stale. */
    void finishFailed() {
        try {
            drain();
            db.transaction(conn, c -> Relationships.resolve(c, instance, runId, Times.format(Times.now()), false));
        } catch (SQLException | RuntimeException e) {
            // what could not be written is lost with the failed run; what was committed stays
            org.slf4j.LoggerFactory.getLogger(RunLoader.class).warn("Could not keep the last batch of failed run {}: {}", runId, e.toString());
        }
    }

    @Override
    public void close() {
        changes.runEnded(runId, instance);
        try (Statement s = conn.createStatement()) {
            // PASSIVE never waits for readers; what a reader still holds is copied by a later checkpoint
            if (!Dialect.of(conn).postgres()) {
                s.execute("PRAGMA wal_checkpoint(PASSIVE)");
            }
        } catch (SQLException e) {
            org.slf4j.LoggerFactory.getLogger(RunLoader.class).warn("Checkpoint after run {} failed: {}", runId, e.toString());
        }
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
