package com.enreach.tools.core.internal.report;

import java.util.List;

import com.enreach.tools.api.inventory.ReportInfo;

/**
 * One report as SQL: its findings (one row per finding, counted and paged in the database) and the display
 * columns computed for the requested page only. Observations are {@code entity_links} rows joined to their
 * {@code devices} row; "active" means not stale.
 *
 * <p>The database is not ANALYZEd, so SQLite plans without statistics: joins whose order matters are written as
 * CROSS JOIN (SQLite keeps that order; on PostgreSQL, which plans with statistics, a JOIN: {@link ReportParams#cross}),
 * sets start from the sources' rows, per-entity lookups from the entity.
 */
abstract class Report {
    /** Identity keys that name a VM the way backup products do. */
    static final String VM_KEYS = "('instance_uuid', 'system_uuid')";
    /** The column of the page query that carries the number of all findings (a window over them, before LIMIT). */
    static final String TOTAL = "total_findings";

    abstract ReportInfo info(ReportSettings s);

    /** The keys of every row's values, in display order (after entity id, name and type). */
    abstract List<String> columns();

    /** One row per finding, with an {@code entity_id} column (null when a finding has no entity) and what {@link #order} names. */
    abstract Sql findings(ReportParams p, ReportSettings s);

    /** ORDER BY over the findings' columns, each qualified with {@code f.}; ends with a unique key so pages are stable. */
    abstract String order(ReportParams p);

    /** The select list of the display columns, one per {@link #columns} name, over the page {@code f} and its entity {@code e}. */
    abstract Sql values(ReportParams p, ReportSettings s);

    /** Joins the display columns need, after the page {@code f} and its entity {@code e}; none by default. */
    Sql joins(ReportParams p, ReportSettings s) {
        return new Sql();
    }

    final String name(ReportSettings s) {
        return info(s).name();
    }

    /** The rows of one page of findings, each with the count of all findings in {@link #TOTAL}: one pass for both. */
    final Sql rows(ReportParams p, ReportSettings s, int limit, int offset) {
        return new Sql().add("SELECT f.entity_id AS entity_id, e.name AS entity_name, e.type AS entity_type, f." + TOTAL + " AS " + TOTAL + ", ")
                .add(values(p, s))
                .add(" FROM (SELECT f.*, count(*) OVER () AS " + TOTAL + " FROM (").add(findings(p, s))
                .add(") f ORDER BY " + order(p) + " LIMIT ? OFFSET ?", limit, offset)
                .add(") f LEFT JOIN entities e ON e.id = f.entity_id").add(joins(p, s)).add(" ORDER BY " + order(p));
    }

    /** The count alone, for a page past the end (which has no row to carry it). */
    final Sql count(ReportParams p, ReportSettings s) {
        return new Sql().add("SELECT count(*) FROM (").add(findings(p, s)).add(") f");
    }

    /**
     * The entities these sources know: an active observation, or a backup that is not stale belonging to one of
     * the entity's observations (linked to it, or naming it by a VM GUID that is one of its instance/system UUIDs).
     */
    static Sql knownTo(ReportParams p, SourcePattern sources) {
        String cross = p.cross();
        return new Sql().add("SELECT l.entity_id FROM devices d " + cross + " entity_links l ON l.device_id = d.id WHERE d.status <> 'stale' AND ")
                .add(p.from(sources, "d"))
                .add(" UNION SELECT l.entity_id FROM backups b " + cross + " entity_links l ON l.device_id = b.device_id WHERE b.status <> 'stale' AND ")
                .add(p.from(sources, "b"))
                .add(" UNION SELECT l.entity_id FROM backups b " + cross + " identity_keys k ON k.kind IN " + VM_KEYS + " AND k.value = lower(b.vm_guid)"
                        + " " + cross + " entity_links l ON l.device_id = k.device_id WHERE b.vm_guid IS NOT NULL AND b.status <> 'stale' AND ")
                .add(p.from(sources, "b"));
    }

    /** The entities with an active observation from these sources. */
    static Sql observedBy(ReportParams p, SourcePattern sources) {
        return new Sql().add("SELECT DISTINCT l.entity_id FROM devices d " + p.cross() + " entity_links l ON l.device_id = d.id WHERE d.status <> 'stale' AND ")
                .add(p.from(sources, "d"));
    }

    /**
     * A key's value to look a backup up by ({@code lower(b.vm_guid) = byGuid(p)}): on SQLite the unary plus drops the
     * column's TEXT affinity, without which SQLite will not search the expression index on {@code lower(vm_guid)}
     * (V27) and scans it instead.
     */
    static String byGuid(ReportParams p) {
        return p.unindexed("k.value");
    }

    /** The distinct source instances, sorted and comma-joined, of the entity's observations that meet the condition on {@code d}. */
    static Sql instances(ReportParams p, String entity, Sql condition) {
        return new Sql().add("(SELECT string_agg(si, ', ' ORDER BY si) FROM (SELECT DISTINCT d.source_instance AS si FROM entity_links l"
                + " " + p.cross() + " devices d ON d.id = l.device_id WHERE l.entity_id = " + entity + " AND ").add(condition).add(") i)");
    }

    static ReportInfo.Param param(String name, String description, String defaultValue) {
        return new ReportInfo.Param(name, description, defaultValue);
    }
}
