package com.enreach.tools.core.internal.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.inventory.ReportInfo;
import com.enreach.tools.core.internal.db.Times;
import com.enreach.tools.core.internal.sql.Dialect;

/**
 * One run's parameters: the caller's values over the report's defaults. An unknown name or a bad value is an
 * {@link ApiException.Reason#INVALID} naming the parameter.
 */
final class ReportParams {
    static final int MAX_DAYS = 36_500;

    private final String report;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Instant now;
    private final Map<String, String> instances;
    private final Dialect dialect;

    /**
     * @param instances the source system of every source instance in the database, by instance
     * @param dialect   the engine the report's SQL runs on
     */
    ReportParams(ReportInfo info, Map<String, String> given, Instant now, Map<String, String> instances, Dialect dialect) {
        this.report = info.name();
        this.now = now;
        this.instances = instances;
        this.dialect = dialect;
        List<String> names = new ArrayList<>();
        for (ReportInfo.Param p : info.params()) {
            names.add(p.name());
            values.put(p.name(), p.defaultValue());
        }
        for (Map.Entry<String, String> e : (given == null ? Map.<String, String>of() : given).entrySet()) {
            if (!values.containsKey(e.getKey())) {
                throw ApiException.invalid(e.getKey(), "report " + report + " has no parameter '" + e.getKey() + "'"
                        + (names.isEmpty() ? "; it takes none" : "; it takes " + String.join(", ", names)));
            }
            if (e.getValue() != null && !e.getValue().isBlank()) {
                values.put(e.getKey(), e.getValue().trim());
            }
        }
    }

    /** The values applied, defaults filled in (unset optional ones as ""), in the report's order. */
    Map<String, String> applied() {
        Map<String, String> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, v == null ? "" : v));
        return m;
    }

    String text(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    int days(String name) {
        String v = text(name);
        try {
            int d = Integer.parseInt(v);
            if (d < 0 || d > MAX_DAYS) {
                throw ApiException.invalid(name, name + " must be between 0 and " + MAX_DAYS + ", got " + d);
            }
            return d;
        } catch (NumberFormatException e) {
            throw ApiException.invalid(name, name + " must be a whole number of days, got '" + v + "'");
        }
    }

    /** The instant N days (parameter {@code name}) before now, as stored timestamps are written. */
    String cutoff(String name) {
        return Times.format(now.minus(Duration.ofDays(days(name))));
    }

    /** A required source pattern. */
    SourcePattern pattern(String name) {
        SourcePattern p = SourcePattern.parse(text(name));
        if (p == null) {
            throw ApiException.invalid(name, name + " must name at least one source (a glob such as *puppetdb*)");
        }
        return p;
    }

    Dialect dialect() {
        return dialect;
    }

    /**
     * The join keyword for a join whose order the query fixes: SQLite plans without statistics and keeps the order
     * of a CROSS JOIN (see {@link Report}); PostgreSQL orders joins itself, and its CROSS JOIN takes no ON clause.
     */
    String cross() {
        return dialect.postgres() ? "JOIN" : "CROSS JOIN";
    }

    /**
     * The expression kept from driving the query through an index: SQLite's unary plus (which also drops a text
     * column's affinity); PostgreSQL has no unary plus for text and needs no such hint.
     */
    String unindexed(String expr) {
        return dialect.postgres() ? expr : "+" + expr;
    }

    /** A condition that is always false: {@code 0} on SQLite (which prunes it), {@code false} on PostgreSQL (which wants a boolean). */
    String none() {
        return dialect.postgres() ? "false" : "0";
    }

    /** The expression sorted without regard to case (see {@link Dialect#nocase}). */
    String nocase(String expr) {
        return dialect.nocase(expr);
    }

    /** The condition that the alias's source instance is one of those these sources match, for a set over all their rows. */
    Sql from(SourcePattern sources, String alias) {
        return sources.sql(alias, instances, true, this);
    }

    /** The same condition as a filter of rows found otherwise (per entity), never driving the query (see {@link SourcePattern#sql}). */
    Sql filter(SourcePattern sources, String alias) {
        return sources.sql(alias, instances, false, this);
    }

    List<String> types(String name) {
        List<com.enreach.tools.api.plugin.FieldError> errors = new ArrayList<>();
        List<String> t = ReportSettings.types(name, values.getOrDefault(name, ""), errors);
        if (t == null) {
            throw ApiException.invalid(name, errors.get(0).message());
        }
        return t;
    }

    /** A comma-separated list of globs (may be empty). */
    List<String> globs(String name) {
        SourcePattern p = SourcePattern.parse(text(name));
        return p == null ? List.of() : p.globs();
    }
}
