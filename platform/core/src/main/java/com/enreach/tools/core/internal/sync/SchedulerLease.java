package com.enreach.tools.core.internal.sync;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Times;

/**
 * One scheduler at a time among the platform nodes that share a master database: the node holding the unexpired lease
 * (one row, {@code scheduler_lease}) runs the schedules and starts sync runs; the others serve reads and refuse to
 * start runs. The lease is taken and renewed with one conditional {@code UPDATE ... WHERE holder = me OR expired} in a
 * write transaction, so two nodes can never both hold it; each scheduler tick renews it. A node that dies leaves it to
 * expire ({@link #term}), then another takes it. Nodes' clocks must agree to well within the term (NTP).
 */
final class SchedulerLease {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerLease.class);

    private final Database db;
    private final String node;
    private final Duration term;
    private final Clock clock;
    private volatile boolean held;
    /** When the lease this node holds expires (epoch ms), as last written. */
    private volatile long expires;

    SchedulerLease(Database db, String node, Duration term, Clock clock) {
        this.db = db;
        this.node = node;
        this.term = term;
        this.clock = clock;
    }

    /**
     * This node as a lease holder: its host and platform home. Stable across restarts, so a node that crashed takes its
     * own lease back at once (and closes the runs it left); one home runs one platform at a time (data/enreach.lock).
     */
    static String thisNode() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        String home = System.getProperty("enreach.home");
        return host + ":" + java.nio.file.Path.of(home == null ? "." : home).toAbsolutePath().normalize();
    }

    /** The lease term for a scheduler that renews every {@code tick}: six ticks, at least a minute. */
    static Duration termFor(Duration tick) {
        Duration six = tick.multipliedBy(6);
        return six.compareTo(Duration.ofMinutes(1)) > 0 ? six : Duration.ofMinutes(1);
    }

    String node() {
        return node;
    }

    /**
     * True when this node holds the lease: without a write while more than half of its term is left, else taken or
     * renewed ({@link #hold}). What a trigger and a scheduler tick ask.
     */
    boolean holds(Database.SqlWork<?> onTaken) {
        return held && clock.millis() < expires - term.toMillis() / 2 || hold(onTaken);
    }

    /**
     * Takes the lease when it is free or expired, or renews it when this node holds it; true when this node holds it
     * now. {@code onTaken} runs in the same transaction when the lease was just taken (not at a renewal).
     */
    boolean hold(Database.SqlWork<?> onTaken) {
        long now = clock.millis();
        boolean was = held;
        boolean got = db.write(c -> {
            boolean ok;
            try (PreparedStatement ps = c.prepareStatement("UPDATE scheduler_lease SET holder = ?, expires_at = ?,"
                    + " taken_at = CASE WHEN holder = ? THEN taken_at ELSE ? END WHERE id = 1 AND (holder = ? OR expires_at < ?)")) {
                ps.setString(1, node);
                ps.setLong(2, now + term.toMillis());
                ps.setString(3, node);
                ps.setString(4, Times.format(Instant.ofEpochMilli(now)));
                ps.setString(5, node);
                ps.setLong(6, now);
                ok = ps.executeUpdate() == 1;
            }
            if (ok && !was) {
                onTaken.run(c);
            }
            return ok;
        });
        held = got;
        expires = got ? now + term.toMillis() : 0;
        if (got && !was) {
            LOG.info("This node ({}) holds the scheduler lease: it runs the schedules and sync runs", node);
        } else if (!got && was) {
            LOG.warn("This node ({}) lost the scheduler lease to {}: it no longer starts sync runs", node, holder().orElse("another node"));
        }
        return got;
    }

    /** The node holding an unexpired lease, if any. */
    Optional<String> holder() {
        long now = clock.millis();
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT holder FROM scheduler_lease WHERE id = 1 AND expires_at >= ? AND holder <> ''")) {
                ps.setLong(1, now);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Gives the lease up at a clean stop, so another node need not wait for it to expire. */
    void release() {
        if (!held) {
            return;
        }
        held = false;
        try {
            db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE scheduler_lease SET expires_at = 0 WHERE id = 1 AND holder = ?")) {
                    ps.setString(1, node);
                    return ps.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not release the scheduler lease (it expires on its own): {}", e.toString());
        }
    }
}
