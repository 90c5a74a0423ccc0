package com.enreach.tools.core.internal.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.inventory.ReportInfo;
import com.enreach.tools.api.inventory.ReportResult;
import com.enreach.tools.api.inventory.ReportService;
import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.DatabaseException;
import com.enreach.tools.core.internal.db.Times;
import com.enreach.tools.core.internal.sql.Dialect;

/**
 * The coverage and anomaly reports. Each report counts and pages its findings in SQL, on one read-only connection
 * (one snapshot for count and page) with the query layer's time budget; past it the run is refused as overloaded.
 * Configuration: PID {@code enreach.reports} ({@link ReportSettings}), re-read when the file changes.
 */
@Component(service = ReportService.class, configurationPid = ReportSettings.PID)
public class ReportRunner implements ReportService {
    private static final Logger LOG = LoggerFactory.getLogger(ReportRunner.class);
    /** The most rows one call returns (a CSV export of a whole report). */
    public static final int MAX_LIMIT = 100_000;

    static final List<Report> REPORTS = List.of(new VmsWithoutBackup(), new ServersWithoutFacts(), new NetworkWithoutConfig(),
            new MissingFromSource(), new IpClaimedTwice(), new IdentityConflicts(), new StaleInOneActiveInAnother());

    private final Database db;
    private final Clock clock;
    private volatile ReportSettings settings = ReportSettings.defaults();
    private volatile List<FieldError> configErrors = List.of();

    @Activate
    public ReportRunner(@Reference Database db, Map<String, Object> properties) {
        this(db, Clock.systemUTC());
        configure(properties);
    }

    ReportRunner(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Modified
    void configure(Map<String, ?> properties) {
        List<FieldError> errors = new ArrayList<>();
        settings = ReportSettings.read(properties, errors);
        configErrors = List.copyOf(errors);
        errors.forEach(e -> LOG.error("Reports configuration ({}): {}; using the default", ReportSettings.PID, e.message()));
    }

    /** Problems of the configuration in force (each bad key fell back to its default). */
    List<FieldError> configErrors() {
        return configErrors;
    }

    @Override
    public List<ReportInfo> reports() {
        ReportSettings s = settings;
        return REPORTS.stream().map(r -> r.info(s)).toList();
    }

    @Override
    public ReportResult run(String name, Map<String, String> params, int limit, int offset) {
        ReportSettings s = settings;
        Report report = REPORTS.stream().filter(r -> r.name(s).equals(name)).findFirst()
                .orElseThrow(() -> ApiException.notFound("Report", name));
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalid("limit", "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        if (offset < 0) {
            throw ApiException.invalid("offset", "offset must be 0 or more, got " + offset);
        }
        ReportInfo info = report.info(s);
        Instant now = clock.instant();
        List<String> columns = report.columns();
        return read(() -> {
            try (Connection c = db.readSource().getConnection()) {
                c.setAutoCommit(false); // one snapshot for everything below
                ReportParams p = new ReportParams(info, params, now, instances(c), Dialect.of(c));
                long[] total = {0};
                List<ReportResult.Row> rows = rows(c, report.rows(p, s, limit, offset), columns, total);
                if (rows.isEmpty() && offset > 0) {
                    total[0] = single(c, report.count(p, s)); // past the end: no row carries the count
                }
                return new ReportResult(info.name(), info.title(), p.applied(), total[0], columns, rows, Times.parse(Times.format(now)));
            } catch (SQLException e) {
                throw new DatabaseException(e);
            }
        });
    }

    /**
     * The source system of every source instance with devices or backups, by instance: a skip scan over the
     * instance indexes (a few lookups per instance, not a pass over the rows).
     */
    static Map<String, String> instances(Connection c) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String table : List.of("devices", "backups")) {
            String sql = "WITH RECURSIVE i(si) AS (SELECT min(source_instance) FROM " + table + " UNION ALL SELECT (SELECT min(source_instance) FROM "
                    + table + " WHERE source_instance > i.si) FROM i WHERE si IS NOT NULL)"
                    + " SELECT si, (SELECT source_system FROM " + table + " WHERE source_instance = si LIMIT 1) FROM i WHERE si IS NOT NULL";
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.putIfAbsent(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private static <T> T read(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (Database.isReadTimeout(e)) {
                throw new ApiException(ApiException.Reason.OVERLOADED, "overloaded", null,
                        "The database is busy and this report did not finish within its time budget; retry shortly", null);
            }
            throw e;
        }
    }

    private static long single(Connection c, Sql sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.text())) {
            sql.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<ReportResult.Row> rows(Connection c, Sql sql, List<String> columns, long[] total) throws SQLException {
        List<ReportResult.Row> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.text())) {
            sql.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (String col : columns) {
                        Object v = rs.getObject(col);
                        values.put(col, v instanceof Integer i ? Long.valueOf(i) : v);
                    }
                    total[0] = rs.getLong(Report.TOTAL);
                    long id = rs.getLong("entity_id");
                    out.add(new ReportResult.Row(rs.wasNull() ? null : id, rs.getString("entity_name"), rs.getString("entity_type"), values));
                }
            }
        }
        return out;
    }
}
