package com.enreach.tools.core.internal.golden;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.db.Times;
import com.enreach.tools.core.internal.inventory.EntityRefresher;
import com.enreach.tools.core.internal.sync.ChangeListener;

/**
 * Golden records: recomputes entities' golden attributes and derived columns from their observations
 * ({@link #refresh}), in chunks with set-based reads and batched writes that skip unchanged rows. In the background
 * it watches the rules file (a stat every {@value #RULES_POLL_SECONDS} s: the platform's FileInstall polls etc/ the
 * same way, and a poll also sees edits on file systems where inotify does not, e.g. mounted configuration) and
 * recomputes every entity when valid rules change, and re-chooses values whose override expired.
 */
@Component(service = {EntityRefresher.class, GoldenRefresher.class, ChangeListener.class}, immediate = true)
public class GoldenRefresher implements EntityRefresher, ChangeListener {
    static final int CHUNK = 500;
    static final int RULES_POLL_SECONDS = 2;
    static final int EXPIRY_SWEEP_SECONDS = 30;
    private static final String RULES = "rules";
    private static final Logger LOG = LoggerFactory.getLogger(GoldenRefresher.class);

    /** What one refresh did. */
    record Stats(int entities, int rowsWritten, int entitiesWritten) {
    }

    private final Database db;
    private final RulesFile rulesFile;
    private final ScheduledExecutorService background;
    private final AtomicBoolean recomputePending = new AtomicBoolean();
    private volatile String lastSweep = Times.format(Instant.EPOCH);

    @Activate
    public GoldenRefresher(@Reference Database db, BundleContext context) {
        this(db, Database.homeOf(context).resolve("etc").resolve(RulesFile.NAME), true);
    }

    /**
     * Outside the container (tests, benchmarks).
     *
     * @param watch false in tests: no background thread; call {@link #checkRules()} and {@link #sweepExpired} directly
     */
    public GoldenRefresher(Database db, Path rulesFile, boolean watch) {
        this.db = db;
        this.rulesFile = new RulesFile(rulesFile);
        this.rulesFile.check();
        this.background = watch ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "enreach-golden-records");
            t.setDaemon(true);
            return t;
        }) : null;
        boolean stale = resume();
        if (watch) {
            if (stale) {
                scheduleRecompute("the rules differ from those the stored values were chosen with");
            }
            background.scheduleWithFixedDelay(this::pollRules, RULES_POLL_SECONDS, RULES_POLL_SECONDS, TimeUnit.SECONDS);
            background.scheduleWithFixedDelay(this::sweepQuietly, 1, EXPIRY_SWEEP_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Deactivate
    public void close() {
        if (background != null) {
            background.shutdownNow();
        }
    }

    RulesFile rulesFile() {
        return rulesFile;
    }

    @Override
    public void refresh(Connection c, Collection<Long> entityIds) throws SQLException {
        refreshCounted(c, entityIds);
    }

    Stats refreshCounted(Connection c, Collection<Long> entityIds) throws SQLException {
        RuleSet rules = rulesFile.rules();
        String now = Times.format(Times.now());
        Set<Long> ids = new LinkedHashSet<>(entityIds);
        ids.addAll(Overrides.reanchor(c, now));
        List<Long> all = new ArrayList<>(ids);
        int rows = 0;
        int entities = 0;
        try (GoldenStore store = new GoldenStore(c)) {
            for (int from = 0; from < all.size(); from += CHUNK) {
                refreshChunk(c, store, all.subList(from, Math.min(all.size(), from + CHUNK)), rules, now);
                store.flush();
            }
            rows = store.rowsWritten();
            entities = store.entitiesWritten();
        }
        return new Stats(all.size(), rows, entities);
    }

    private static void refreshChunk(Connection c, GoldenStore store, List<Long> chunk, RuleSet rules, String now) throws SQLException {
        String ids = Json.write(chunk);
        Map<Long, EntitySummary> entities = GoldenStore.entities(c, ids);
        if (entities.isEmpty()) {
            return;
        }
        Map<Long, List<Observation>> observations = ObservationLoader.load(c, entities.keySet());
        Map<Long, Map<String, GoldenRow>> stored = GoldenStore.rows(c, ids);
        Map<Long, Map<String, ManualValue>> overrides = Overrides.inForce(c, ids, now);
        Map<Long, Integer> identityConflicts = GoldenStore.identityConflicts(c, ids);
        for (Map.Entry<Long, EntitySummary> e : entities.entrySet()) {
            long id = e.getKey();
            List<Observation> obs = observations.getOrDefault(id, List.of());
            List<GoldenRow> rows = Chooser.choose(id, obs, rules, overrides.getOrDefault(id, Map.of()));
            store.diff(id, stored.get(id), rows);
            store.entity(id, e.getValue(), EntitySummary.of(e.getValue(), obs, rows, identityConflicts.getOrDefault(id, 0)), now);
        }
    }

    @Override
    public void committed(long runId, String instance, long firstPosition, long lastPosition) {
        // Changed observations reach golden records through identity resolution's refresh.
    }

    /** After a run, off the run's thread: the entities it saw move their last_seen (see {@link #followLastSeen}). */
    @Override
    public void runEnded(long runId, String instance) {
        if (background != null) {
            background.execute(() -> {
                try {
                    followLastSeen(runId, instance);
                } catch (RuntimeException e) {
                    LOG.warn("Golden records: last_seen after run {} of {} not updated: {}", runId, instance, e.toString());
                }
            });
        }
    }

    /**
     * A run that finds an object unchanged only moves its observation's last_seen, and nothing asks for a refresh:
     * the entities of the observations the run saw take the newer time in one set-based statement. Returns how many moved.
     */
    int followLastSeen(long runId, String instance) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE entities SET last_seen = s.seen FROM (SELECT l.entity_id AS id,"
                    + " max(ds.last_seen) AS seen FROM device_seen ds JOIN devices d ON d.id = ds.device_id JOIN entity_links l ON l.device_id = d.id"
                    + " WHERE d.source_instance = ? AND ds.seen_run_id = ? GROUP BY l.entity_id) AS s"
                    + " WHERE entities.id = s.id AND (entities.last_seen IS NULL OR entities.last_seen < s.seen)")) {
                ps.setString(1, instance);
                ps.setLong(2, runId);
                return ps.executeUpdate();
            }
        });
    }

    /** Recomputes every entity, a chunk per write transaction (syncs and requests write in between). */
    void recomputeAll() throws SQLException {
        RuleSet rules = rulesFile.rules();
        long after = 0;
        int done = 0;
        long started = System.nanoTime();
        try (Connection c = db.openWriteConnection()) {
            while (!Thread.currentThread().isInterrupted()) {
                long from = after;
                List<Long> chunk = db.transaction(c, w -> {
                    List<Long> ids = ids(w, from);
                    refreshCounted(w, ids);
                    return ids;
                });
                if (chunk.isEmpty()) {
                    break;
                }
                done += chunk.size();
                after = chunk.get(chunk.size() - 1);
            }
            if (!Thread.currentThread().isInterrupted()) {
                db.transaction(c, w -> storeRules(w, rules.toJson()));
            }
        }
        LOG.info("Golden records: recomputed {} entities in {} ms", done, (System.nanoTime() - started) / 1_000_000);
    }

    private static List<Long> ids(Connection c, long after) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM entities WHERE id > ? ORDER BY id LIMIT " + CHUNK * 4)) {
            ps.setLong(1, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Reads the rules file if it changed; recomputes every entity (here, synchronously) when valid rules changed. */
    RulesFile.Outcome checkRules() throws SQLException {
        RulesFile.Outcome outcome = rulesFile.check();
        if (outcome == RulesFile.Outcome.APPLIED) {
            recomputeAll();
        }
        return outcome;
    }

    private void pollRules() {
        if (rulesFile.check() == RulesFile.Outcome.APPLIED) {
            scheduleRecompute("the rules changed");
        }
    }

    private void scheduleRecompute(String why) {
        if (recomputePending.compareAndSet(false, true)) {
            LOG.info("Golden records: recomputing every entity ({})", why);
            background.execute(() -> {
                recomputePending.set(false);
                try {
                    recomputeAll();
                } catch (SQLException | RuntimeException e) {
                    LOG.error("Golden records: recomputing every entity failed", e);
                }
            });
        }
    }

    /** Chooses again the values of entities whose override expired since the last sweep; the number of entities. */
    int sweepExpired(Instant now) {
        String to = Times.format(now);
        String from = lastSweep;
        int n = db.write(c -> {
            Set<Long> ids = Overrides.expiredBetween(c, from, to);
            refresh(c, ids);
            return ids.size();
        });
        lastSweep = to;
        return n;
    }

    private void sweepQuietly() {
        try {
            sweepExpired(Times.now());
        } catch (RuntimeException e) {
            LOG.warn("Golden records: the sweep of expired overrides failed: {}", e.toString());
        }
    }

    /**
     * Takes up where the last run left off: the rules the stored values were chosen with stay in force when the file
     * is rejected; true when the rules in force differ from them (every entity must be recomputed).
     */
    boolean resume() {
        String json = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM golden_state WHERE key = ?")) {
                ps.setString(1, RULES);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        RuleSet stored = json == null ? null : RulesParser.parse(json).rules();
        rulesFile.keepPrevious(stored);
        return stored == null || !stored.fingerprint().equals(rulesFile.rules().fingerprint());
    }

    private static Void storeRules(Connection c, String rulesJson) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO golden_state (key, value, updated_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")) {
            ps.setString(1, RULES);
            ps.setString(2, rulesJson);
            ps.setString(3, Times.format(Times.now()));
            ps.executeUpdate();
        }
        return null;
    }
}
