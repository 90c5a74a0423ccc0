package com.enreach.tools.core.internal.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.inventory.RebuildResult;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Times;
import com.enreach.tools.core.internal.inventory.EntityRefresher;
import com.enreach.tools.core.internal.sql.Dialect;
import com.enreach.tools.core.internal.sync.ChangeListener;

/**
 * Keeps entities current with the change feed. After each committed batch of a sync run it reads the feed from its
 * own persisted position up to the newest entry, re-resolves the observations whose keys changed (with everything
 * connected to them) and asks the golden records to refresh the entities involved, all in one write transaction that
 * also moves its position. Per batch rather than at the end of a run: entities follow a long run as it loads, each
 * step stays small, and a batch that failed to resolve is simply retried with the next one (the position did not
 * move). Behind the feed's oldest entry (pruned while the core was down, or a database that predates entities) it
 * rebuilds instead.
 */
@Component(service = {ChangeListener.class, IdentityResolution.class}, immediate = true)
public class IdentityResolution implements ChangeListener {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityResolution.class);
    static final String POSITION = "feed_position";
    private static final String KINDS = "('device', 'interface', 'ip_address', 'server_facts', 'backup')";

    @Reference
    private Database db;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile EntityRefresher refresher;
    private final Object lock = new Object();
    /** A resolved range changed what backups can link to; relinked at the end of the run (or of a direct catch-up). */
    private volatile boolean relinkPending;

    /** For DS. */
    public IdentityResolution() {
    }

    @Activate
    void activate() {
        Thread t = new Thread(() -> catchUpQuietly(true), "identity-catch-up");
        t.setDaemon(true);
        t.start(); // a restart catches up with what runs wrote while it was down, without holding up activation
    }

    /** For tests: no background catch-up; {@code refresher} may be null. */
    public IdentityResolution(Database db, EntityRefresher refresher) {
        this.db = db;
        this.refresher = refresher;
    }

    @Override
    public void committed(long runId, String instance, long firstPosition, long lastPosition) {
        catchUpQuietly(false);
    }

    /** Backups are relinked once per run, here: relinking after every batch of a first load would repeat it a hundred times. */
    @Override
    public void runEnded(long runId, String instance) {
        catchUpQuietly(true);
    }

    private void catchUpQuietly(boolean relinkNow) {
        try {
            catchUp(relinkNow);
        } catch (RuntimeException e) {
            // never fails a run; the position did not move, so the next batch retries these entries
            LOG.warn("Identity resolution could not catch up with the change feed; it retries after the next batch", e);
        }
    }

    /** Resolves what the feed recorded since the last catch-up and relinks backups; returns how many observations were looked at. */
    public int catchUp() {
        return catchUp(true);
    }

    private int catchUp(boolean relinkNow) {
        boolean mustRelink = relinkNow && relinkPending;
        if (!mustRelink && db.read(c -> position(c) >= 0 && position(c) >= latest(c))) {
            return 0; // nothing new: a no-change resync costs this read
        }
        synchronized (lock) {
            return db.write(c -> {
                deferCheckpoint(c);
                int n = resolveNew(c);
                if (relinkNow && relinkPending) {
                    BackupLinks.relink(c);
                    relinkPending = false;
                }
                return n;
            });
        }
    }

    /** Resolves the feed's entries after the stored position and moves it; notes whether backups need relinking. */
    private int resolveNew(Connection c) throws SQLException {
        long position = position(c);
        long latest = latest(c);
        if (position >= latest && position >= 0) {
            return 0;
        }
        long devices = count(c, "SELECT count(*) FROM devices");
        if (position < 0 || position < oldest(c, latest) - 1) {
            if (devices > 0) {
                LOG.info("Identity resolution is behind the change feed (position {}, oldest {}): rebuilding", position, oldest(c, latest));
                rebuildIn(c);
            }
            setPosition(c, latest);
            return (int) devices;
        }
        Set<Long> changed = new LinkedHashSet<>();
        boolean relink = false;
        try (PreparedStatement ps = c.prepareStatement("SELECT device_id, kind, action FROM change_log WHERE position > ? AND position <= ?"
                + " AND kind IN " + KINDS)) {
            ps.setLong(1, position);
            ps.setLong(2, latest);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long device = rs.getLong(1);
                    boolean noDevice = rs.wasNull();
                    boolean backup = rs.getString(2).equals("backup");
                    if (!backup && !noDevice) {
                        changed.add(device);
                    }
                    // linking looks at backups and at which observations are stale
                    relink |= backup || !rs.getString(3).equals("updated");
                }
            }
        }
        if (!changed.isEmpty()) {
            Resolver.Resolved r = Resolver.incremental(c, changed, false, Set.of());
            relink |= r.regrouped();
            refresh(c, r.touched());
        }
        relinkPending |= relink;
        setPosition(c, latest);
        return changed.size();
    }

    /** Re-resolves everything; manual decisions are kept. */
    public RebuildResult rebuild() {
        synchronized (lock) {
            return db.write(c -> {
                RebuildResult r = rebuildIn(c);
                setPosition(c, latest(c));
                return r;
            });
        }
    }

    private RebuildResult rebuildIn(Connection c) throws SQLException {
        Resolver.Rebuilt r = Resolver.rebuild(c);
        BackupLinks.relink(c);
        refresh(c, r.touched());
        LOG.info("Identity resolution rebuilt: {}", r.result());
        return r.result();
    }

    /** Runs a manual change and re-resolves the observations it names, in one transaction; returns the work's result. */
    <T> T decide(Decision<T> work) {
        synchronized (lock) {
            return db.write(c -> {
                Decided<T> d = work.run(c);
                Resolver.Resolved r = Resolver.incremental(c, d.observations(), true, d.stayers());
                BackupLinks.relink(c);
                refresh(c, r.touched());
                return d.result();
            });
        }
    }

    /** A manual change: its result, the observations to re-resolve and those that keep their entity's id. */
    record Decided<T>(T result, Collection<Long> observations, Set<Long> stayers) {
    }

    @FunctionalInterface
    interface Decision<T> {
        Decided<T> run(Connection c) throws SQLException;
    }

    private void refresh(Connection c, Set<Long> entities) throws SQLException {
        if (entities.isEmpty()) {
            return;
        }
        EntityRefresher r = refresher;
        if (r != null) {
            r.refresh(c, entities);
        } else {
            Summary.refresh(c, entities);
        }
    }

    /**
     * Lets this connection's WAL grow like a sync run's does (see RunLoader): with SQLite's default, every catch-up
     * during a load would copy the whole WAL back into the database file on commit. The run checkpoints at its end.
     */
    private static void deferCheckpoint(Connection c) throws SQLException {
        if (Dialect.of(c).postgres()) {
            return; // no WAL checkpoint to defer: PostgreSQL checkpoints on its own schedule
        }
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_autocheckpoint = 16384");
        }
    }

    static long position(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM identity_state WHERE name = ?")) {
            ps.setString(1, POSITION);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    private static void setPosition(Connection c, long position) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO identity_state (name, value, updated_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")) {
            ps.setString(1, POSITION);
            ps.setLong(2, position);
            ps.setString(3, Times.format(Times.now()));
            ps.executeUpdate();
        }
    }

    /**
     * The newest feed position ever handed out, also after pruning: SQLite's AUTOINCREMENT mark, PostgreSQL's identity
     * sequence. The sequence also counts positions of transactions not yet committed, but resolveNew reads it under the
     * database's write lock, when no other write is in progress, so no entry can be skipped (a rolled-back write only
     * leaves a gap); outside it (catchUp's first check) a value ahead of the log at worst costs one empty write.
     */
    private static long latest(Connection c) throws SQLException {
        return count(c, Dialect.of(c).postgres()
                ? "SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence('change_log', 'position')), 0)"
                : "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'change_log'), 0)");
    }

    private static long oldest(Connection c, long latest) throws SQLException {
        long min = count(c, "SELECT coalesce(min(position), -1) FROM change_log");
        return min < 0 ? latest + 1 : min;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
