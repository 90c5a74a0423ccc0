package com.enreach.tools.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.enreach.tools.api.SyncRun;
import com.enreach.tools.api.plugin.CheckResult;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceConnector;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceDescriptor;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.db.Times;
import com.enreach.tools.core.internal.sync.SourceRegistry;
import com.enreach.tools.core.internal.sync.SyncEngine;

/** Shared pieces of the benchmarks: the raw-insert reference and running a connector through the real engine. */
final class BenchSupport {
    private BenchSupport() {
    }

    static final String RAW_INSERT = "INSERT INTO devices (name, type, host_key, metadata, source_system, source_instance, source_id, content_hash,"
            + " status, first_seen, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)";

    /** Column values of the devices, computed before timing so the reference measures only the insert. */
    static List<Object[]> rawRows(List<DeviceRecord> devices) {
        List<Object[]> rows = new ArrayList<>(devices.size());
        for (DeviceRecord d : devices) {
            String meta = Json.write(d.metadata());
            rows.add(new Object[] {d.name(), d.type(), d.name().toLowerCase(), meta, "bench", "bench-raw", d.sourceId(), Json.hash(meta)});
        }
        return rows;
    }

    /** Inserts the rows into a fresh master database with one executeBatch in one transaction; returns rows per second. */
    static double rawInsert(Path dir, List<Object[]> rows) throws Exception {
        Database db = new Database(dir.resolve("raw-" + System.nanoTime() + ".db"));
        String now = Times.format(Times.now());
        try (Connection c = db.openWriteConnection()) {
            long t0 = System.nanoTime();
            c.setAutoCommit(false);
            insertRows(c, rows, now);
            c.commit();
            return rows.size() / seconds(t0);
        }
    }

    /**
     * The fresh load's other required work done the raw way, for comparison: the same rows, then in the same
     * transaction one change-log entry per new row (the change feed) and the search index's documents (the core's
     * own set-based catch-up); one transaction. Returns rows per second.
     */
    static double rawInsertSameWork(Path dir, List<Object[]> rows) throws Exception {
        Database db = new Database(dir.resolve("raw-same-" + System.nanoTime() + ".db"));
        String now = Times.format(Times.now());
        try (Connection c = db.openWriteConnection()) {
            long t0 = System.nanoTime();
            c.setAutoCommit(false);
            insertRows(c, rows, now);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO change_log (run_id, source_instance, kind, action, entity_id, device_id,"
                    + " source_id, name, changed_at) SELECT 1, source_instance, 'device', 'created', id, id, source_id, name, ? FROM devices ORDER BY id")) {
                ps.setString(1, now);
                ps.executeUpdate();
            }
            com.enreach.tools.core.internal.search.SearchIndex.catchUp(c);
            c.commit();
            return rows.size() / seconds(t0);
        }
    }

    private static void insertRows(Connection c, List<Object[]> rows, String now) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(RAW_INSERT)) {
            for (Object[] r : rows) {
                for (int i = 0; i < 7; i++) {
                    ps.setString(i + 1, (String) r[i]);
                }
                ps.setLong(8, (Long) r[7]);
                for (int i = 9; i <= 11; i++) {
                    ps.setString(i, now);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        // when each was seen, beside it (one set-based statement, as the load path does)
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO device_seen (device_id, seen_run_id, last_seen) SELECT id, 1, ? FROM devices")) {
            ps.setString(1, now);
            ps.executeUpdate();
        }
    }

    /**
     * The reference for a no-change resync: the least work that must be done for rows that are all there already,
     * done with plain JDBC — look the batch's rows up by (instance, source id), compare the hash, and touch them
     * (seen run, last seen in device_seen), one transaction per 2,000 rows. Returns rows per second of each of
     * {@code passes} passes over the same database.
     */
    static double[] rawTouch(Path dir, List<Object[]> rows, int passes) throws Exception {
        Database db = new Database(dir.resolve("touch-" + System.nanoTime() + ".db"));
        String now = Times.format(Times.now());
        try (Connection c = db.openWriteConnection()) {
            c.setAutoCommit(false);
            insertRows(c, rows, now);
            c.commit();
            double[] rates = new double[passes];
            for (int pass = 0; pass < passes; pass++) {
                long t0 = System.nanoTime();
                touchPass(c, rows, now, 2 + pass);
                rates[pass] = rows.size() / seconds(t0);
            }
            return rates;
        }
    }

    /** One look-up-and-touch pass over every row, as run {@code runId}. */
    private static void touchPass(Connection c, List<Object[]> rows, String now, long runId) throws java.sql.SQLException {
        for (int from = 0; from < rows.size(); from += 2000) {
            List<Object[]> batch = rows.subList(from, Math.min(rows.size(), from + 2000));
            java.util.Map<String, long[]> found = new java.util.HashMap<>();
            for (int s = 0; s < batch.size(); s += 500) {
                List<Object[]> part = batch.subList(s, Math.min(batch.size(), s + 500));
                try (PreparedStatement q = c.prepareStatement("SELECT source_id, id, content_hash FROM devices WHERE source_instance = ? AND source_id IN ("
                        + "?,".repeat(part.size() - 1) + "?)")) {
                    q.setString(1, "bench-raw");
                    for (int i = 0; i < part.size(); i++) {
                        q.setString(i + 2, (String) part.get(i)[6]);
                    }
                    try (java.sql.ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            found.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                        }
                    }
                }
            }
            try (PreparedStatement touch = c.prepareStatement("UPDATE device_seen SET seen_run_id = ?, last_seen = ? WHERE device_id = ?")) {
                for (Object[] r : batch) {
                    long[] e = found.get((String) r[6]);
                    if (e != null && e[1] == (Long) r[7]) {
                        touch.setLong(1, runId);
                        touch.setString(2, now);
                        touch.setLong(3, e[0]);
                        touch.addBatch();
                    }
                }
                touch.executeBatch();
            }
            c.commit();
        }
    }

    static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** An engine on a fresh database, the way the core runs in the container (scheduler off). */
    static final class Engine implements AutoCloseable {
        final Database db;
        final SourceRegistry registry = new SourceRegistry();
        final SyncEngine engine;

        Engine(Path file) {
            db = new Database(file);
            // -Denreach.bench.batch=N tries another batch size (the core configuration's batch.size)
            String batch = System.getProperty("enreach.bench.batch");
            engine = batch == null ? new SyncEngine(db, registry, 0)
                    : new SyncEngine(db, registry, Map.of("batch.size", batch, "scheduler.tick.seconds", "3600"));
        }

        void add(String instance, SourceConnector c) {
            registry.bindConnector(c, Map.of("instance", instance, "delete.budget.percent", "100"));
        }

        /** Runs one sync to its end; returns it. */
        SyncRun run(String instance) throws InterruptedException {
            long id = engine.trigger(instance, "bench", true).id();
            Instant deadline = Instant.now().plus(Duration.ofHours(1));
            while (Instant.now().isBefore(deadline)) {
                SyncRun r = engine.run(id).orElseThrow();
                if (r.finished()) {
                    if (!"succeeded".equals(r.status())) {
                        throw new IllegalStateException("run " + id + " ended " + r.status() + ": " + r.error());
                    }
                    return r;
                }
                Thread.sleep(5);
            }
            throw new IllegalStateException("run " + id + " did not end");
        }

        @Override
        public void close() {
            engine.stop();
        }
    }

    /** A connector replaying records held in memory. */
    static SourceConnector replay(List<DeviceRecord> devices) {
        return replay(() -> devices);
    }

    /** A connector replaying, at each run, the records the supplier gives then. */
    static SourceConnector replay(java.util.function.Supplier<List<DeviceRecord>> devices) {
        return new SourceConnector() {
            @Override
            public SourceDescriptor descriptor() {
                return new SourceDescriptor("bench", "Benchmark replay", java.util.Set.of("device"), "replays generated records");
            }

            @Override
            public List<FieldError> validate() {
                return List.of();
            }

            @Override
            public CheckResult checkConnection(SourceContext context) {
                return CheckResult.ok("in memory");
            }

            @Override
            public void fetch(SourceContext context, RecordSink sink) {
                devices.get().forEach(sink::device);
            }
        };
    }

    /** Sum of the peak usage of the heap pools since start (or the last reset). */
    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static Path tempDir(String prefix) throws IOException {
        return Files.createTempDirectory(prefix);
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
