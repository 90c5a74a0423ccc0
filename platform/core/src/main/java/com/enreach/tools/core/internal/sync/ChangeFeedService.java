package com.enreach.tools.core.internal.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Change;
import com.enreach.tools.api.ChangeFeed;
import com.enreach.tools.api.Page;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.db.Times;

/** The change feed over {@code change_log}; prunes it to the configured retention after each run. */
@Component(service = {ChangeFeed.class, ChangeListener.class}, configurationPid = ChangeFeedService.PID, immediate = true)
@Designate(ocd = ChangeFeedService.Config.class)
public class ChangeFeedService implements ChangeFeed, ChangeListener {
    static final String PID = "com.enreach.tools.changefeed";
    static final int MAX_READ = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeedService.class);
    private static final String COLUMNS = "position, run_id, source_instance, kind, action, entity_id, device_id, source_id, name, fields, changed_at";

    @ObjectClassDefinition(name = "Enreach change feed", description = "How long the record of what sync runs changed is kept.")
    public @interface Config {
        @AttributeDefinition(name = "Retention (days)", description = "Entries older than this are pruned after each run; 0 keeps them regardless of age.", min = "0")
        int retention_days() default 30;

        @AttributeDefinition(name = "Retention (entries)", description = "At most this many newest entries are kept; 0 for no limit.", min = "0")
        long retention_max_entries() default 5_000_000L;
    }

    private final Database db;
    private volatile int retentionDays;
    private volatile long maxEntries;

    @Activate
    public ChangeFeedService(@Reference Database db, Config config) {
        this(db, config.retention_days(), config.retention_max_entries());
    }

    public ChangeFeedService(Database db, int retentionDays, long maxEntries) {
        this.db = db;
        configure(retentionDays, maxEntries);
    }

    @Modified
    void modified(Config config) {
        configure(config.retention_days(), config.retention_max_entries());
    }

    private void configure(int days, long entries) {
        if (days < 0 || entries < 0) {
            throw new IllegalArgumentException("change feed retention: retention.days and retention.max.entries must be 0 or more, got "
                    + days + " and " + entries);
        }
        this.retentionDays = days;
        this.maxEntries = entries;
    }

    @Override
    public List<Change> read(long afterPosition, int limit) {
        if (limit < 1 || limit > MAX_READ) {
            throw ApiException.invalid("limit", "limit must be between 1 and " + MAX_READ + ", got " + limit);
        }
        return db.read(c -> list(c, "SELECT " + COLUMNS + " FROM change_log WHERE position > ? ORDER BY position LIMIT ?", afterPosition, limit));
    }

    @Override
    public long latestPosition() {
        return db.read(ChangeLog::lastPosition);
    }

    @Override
    public long oldestPosition() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT min(position) FROM change_log"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                long min = rs.getLong(1);
                return rs.wasNull() ? ChangeLog.lastPosition(c) + 1 : min;
            }
        });
    }

    @Override
    public Page<Change> changesOfRun(long runId, String kind, String action, int limit, int offset) {
        StringBuilder where = new StringBuilder(" WHERE run_id = ?");
        List<Object> args = new ArrayList<>(List.of(runId));
        if (kind != null) {
            where.append(" AND kind = ?");
            args.add(kind);
        }
        if (action != null) {
            where.append(" AND action = ?");
            args.add(action);
        }
        return db.read(c -> {
            long count;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM change_log" + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                }
            }
            List<Object> paged = new ArrayList<>(args);
            paged.add(limit);
            paged.add(offset);
            return new Page<>(count, limit, offset, list(c, "SELECT " + COLUMNS + " FROM change_log" + where + " ORDER BY position LIMIT ? OFFSET ?",
                    paged.toArray()));
        });
    }

    @Override
    public Map<String, Map<String, Long>> countsOfRun(long runId) {
        return db.read(c -> {
            Map<String, Map<String, Long>> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT kind, action, count(*) FROM change_log WHERE run_id = ? GROUP BY kind, action ORDER BY kind, action")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void committed(long runId, String instance, long firstPosition, long lastPosition) {
        // the feed is the table itself: nothing to do per batch
    }

    @Override
    public void runEnded(long runId, String instance) {
        int pruned = prune();
        if (pruned > 0) {
            LOG.info("Change feed: pruned {} entries beyond the retention ({} days, {} entries)", pruned, retentionDays, maxEntries);
        }
    }

    /** Removes entries beyond the retention; returns how many. */
    int prune() {
        int days = retentionDays;
        long entries = maxEntries;
        return db.write(c -> {
            int n = 0;
            if (days > 0) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM change_log WHERE changed_at < ?")) {
                    ps.setString(1, Times.format(Times.now().minus(Duration.ofDays(days))));
                    n += ps.executeUpdate();
                }
            }
            if (entries > 0) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM change_log WHERE position <= ?")) {
                    ps.setLong(1, ChangeLog.lastPosition(c) - entries);
                    n += ps.executeUpdate();
                }
            }
            return n;
        });
    }

    private static List<Change> list(Connection c, String sql, Object... args) throws SQLException {
        List<Change> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, List.of(args));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String fields = rs.getString(10);
                    List<String> names = new ArrayList<>();
                    if (fields != null) {
                        Json.readList(fields).forEach(f -> names.add(String.valueOf(f)));
                    }
                    out.add(new Change(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), nullableLong(rs, 6),
                            nullableLong(rs, 7), rs.getString(8), rs.getString(9), names, Times.parse(rs.getString(11))));
                }
            }
        }
        return out;
    }

    private static Long nullableLong(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof String s) {
                ps.setString(i + 1, s);
            } else {
                ps.setLong(i + 1, ((Number) a).longValue());
            }
        }
    }
}
