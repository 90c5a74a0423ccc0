package com.enreach.tools.core.internal.report;

import java.util.List;

import com.enreach.tools.api.inventory.ReportInfo;

/** Open identity conflicts (observations that look alike but contradict each other), one row per conflict with its first entity to drill down to. */
final class IdentityConflicts extends Report {
    @Override
    ReportInfo info(ReportSettings s) {
        return new ReportInfo("identity-conflicts", "Identity conflicts",
                "Open identity conflicts: observations that share a name or weak identifier but contradict each other on a strong one.",
                List.of(param("kind", "only conflicts of this kind; empty for all", "")));
    }

    @Override
    List<String> columns() {
        return List.of("conflict_id", "kind", "key", "detail", "entities", "observations", "created_at");
    }

    @Override
    Sql findings(ReportParams p, ReportSettings s) {
        Sql sql = new Sql().add("SELECT c.id AS conflict_id, (SELECT min(x.id) FROM json_each(c.entity_ids) j JOIN entities x ON x.id = j.value)"
                + " AS entity_id FROM identity_conflicts c WHERE c.status = 'open'");
        if (p.text("kind") != null) {
            sql.add(" AND c.kind = ?", p.text("kind"));
        }
        return sql;
    }

    @Override
    String order() {
        return "f.conflict_id";
    }

    @Override
    Sql values(ReportParams p, ReportSettings s) {
        return new Sql().add("c.id AS conflict_id, c.kind AS kind, c.key AS key, c.detail AS detail,"
                + " (SELECT string_agg(x.name || ' (#' || x.id || ')', ', ' ORDER BY j.key) FROM json_each(c.entity_ids) j JOIN entities x ON x.id = j.value) AS entities,"
                + " json_array_length(c.device_ids) AS observations, c.created_at AS created_at");
    }

    @Override
    Sql joins(ReportParams p, ReportSettings s) {
        return new Sql().add(" JOIN identity_conflicts c ON c.id = f.conflict_id");
    }
}
