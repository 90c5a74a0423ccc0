package com.enreach.tools.core.internal.report;

import java.util.ArrayList;
import java.util.List;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.inventory.ReportInfo;

/**
 * Entities a source knows that another source should know too but does not, by the configured expectations ({@code expect.<name>.*} of {@code enreach.reports}) or one given as parameters.
 * One row per entity and source it is missing from. A source knows an entity when it has an active observation of it
 * or, for a backup product (which reports backups, not devices), a backup that is not stale linked to it.
 */
final class MissingFromSource extends Report {
    @Override
    ReportInfo info(ReportSettings s) {
        return new ReportInfo("missing-from-source", "Missing from a source that should know them",
                "Active entities seen by one source but without an active observation in another that should know them. Expectations: "
                        + String.join("; ", s.expectationText().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList()) + ".",
                List.of(param("expectation", "only this configured expectation (by name); empty for all", ""),
                        param("seen_by", "instead of the configured expectations: entities seen by these sources (globs) ...", ""),
                        param("known_to", "... should be known to each of these (globs, comma-separated); with seen_by", ""),
                        param("types", "with seen_by: only entities of these types, comma-separated; empty for all", "")));
    }

    @Override
    List<String> columns() {
        return List.of("expectation", "missing_from", "seen_by", "stale_there");
    }

    /** The expectations this run checks, and so the order of its (expectation, missing source) pairs. */
    private static List<Expectation> expectations(ReportParams p, ReportSettings s) {
        if (p.text("seen_by") != null || p.text("known_to") != null) {
            List<SourcePattern> knownTo = new ArrayList<>();
            for (String g : p.globs("known_to")) {
                knownTo.add(new SourcePattern(List.of(g)));
            }
            if (knownTo.isEmpty()) {
                throw ApiException.invalid("known_to", "known_to is needed with seen_by: the sources that should know the entities");
            }
            return List.of(new Expectation("ad-hoc", p.text("types") == null ? List.of() : p.types("types"), p.pattern("seen_by"), knownTo));
        }
        if (p.text("types") != null) {
            throw ApiException.invalid("types", "types applies to an expectation given with seen_by and known_to");
        }
        String only = p.text("expectation");
        List<Expectation> out = s.expectations().stream().filter(x -> only == null || x.name().equals(only)).toList();
        if (only != null && out.isEmpty()) {
            throw ApiException.invalid("expectation", "no expectation named '" + only + "'; configured: "
                    + String.join(", ", s.expectations().stream().map(Expectation::name).toList()));
        }
        return out;
    }

    @Override
    Sql findings(ReportParams p, ReportSettings s) {
        Sql sql = new Sql();
        int k = 0;
        for (Expectation x : expectations(p, s)) {
            for (SourcePattern target : x.knownTo()) {
                sql.add(k == 0 ? "" : " UNION ALL ");
                sql.add("SELECT e.id AS entity_id, e.name AS name, ? AS k, ? AS expectation, ? AS missing_from FROM entities e WHERE e.status = 'active'",
                        k++, x.name(), target.toString());
                if (!x.types().isEmpty()) {
                    sql.add(" AND e.type IN ").in(x.types());
                }
                sql.add(" AND e.id IN (").add(knownTo(p, x.seenBy())).add(") AND e.id NOT IN (").add(knownTo(p, target)).add(")");
            }
        }
        // no expectation: no rows, typed for the joins and CASE over them (PostgreSQL takes a bare NULL for text)
        return k == 0 ? sql.add("SELECT CAST(NULL AS BIGINT) AS entity_id, NULL AS name, CAST(NULL AS BIGINT) AS k, NULL AS expectation,"
                + " NULL AS missing_from WHERE " + p.none()) : sql;
    }

    @Override
    String order(ReportParams p) {
        return p.nocase("f.name") + ", f.entity_id, f.k";
    }

    @Override
    Sql values(ReportParams p, ReportSettings s) {
        Sql seen = new Sql().add("CASE f.k");
        Sql stale = new Sql().add("CASE f.k");
        int k = 0;
        for (Expectation x : expectations(p, s)) {
            for (SourcePattern target : x.knownTo()) {
                seen.add(" WHEN " + k + " THEN ").add(knownBy(p, "f.entity_id", x.seenBy()));
                stale.add(" WHEN " + k + " THEN ").add(instances(p, "f.entity_id", new Sql().add("d.status = 'stale' AND ").add(p.filter(target, "d"))));
                k++;
            }
        }
        if (k == 0) {
            return new Sql().add("f.expectation AS expectation, f.missing_from AS missing_from, NULL AS seen_by, NULL AS stale_there");
        }
        return new Sql().add("f.expectation AS expectation, f.missing_from AS missing_from, ").add(seen).add(" END AS seen_by, ")
                .add(stale).add(" END AS stale_there");
    }

    /** The instances of these sources that know the entity (see {@link #knownTo}), sorted and comma-joined. */
    static Sql knownBy(ReportParams p, String entity, SourcePattern sources) {
        String cross = p.cross();
        return new Sql().add("(SELECT string_agg(si, ', ' ORDER BY si) FROM (SELECT d.source_instance AS si FROM entity_links l " + cross + " devices d ON d.id = l.device_id"
                        + " WHERE l.entity_id = " + entity + " AND d.status <> 'stale' AND ").add(p.filter(sources, "d"))
                .add(" UNION SELECT b.source_instance FROM entity_links l " + cross + " backups b ON b.device_id = l.device_id WHERE l.entity_id = " + entity
                        + " AND b.status <> 'stale' AND ").add(p.filter(sources, "b"))
                .add(" UNION SELECT b.source_instance FROM entity_links l " + cross + " identity_keys k ON k.device_id = l.device_id AND k.kind IN " + VM_KEYS
                        + " " + cross + " backups b ON lower(b.vm_guid) = " + byGuid(p) + " AND b.vm_guid IS NOT NULL WHERE l.entity_id = " + entity
                        + " AND b.status <> 'stale' AND ").add(p.filter(sources, "b")).add(") i)");
    }
}
