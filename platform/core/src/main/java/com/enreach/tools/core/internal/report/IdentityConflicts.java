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
        Sql sql = new Sql().add("SELECT c.id AS conflict_id, (SELECT min(x.id) FROM " + ids(p) + " JOIN entities x ON x.id = j.value)"
                + " AS entity_id FROM identity_conflicts c WHERE c.status = 'open'");
        if (p.text("kind") != null) {
            sql.add(" AND c.kind = ?", p.text("kind"));
        }
        return sql;
    }

    @Override
    String order(ReportParams p) {
        return "f.conflict_id";
    }

    @Override
    Sql values(ReportParams p, ReportSettings s) {
        return new Sql().add("c.id AS conflict_id, c.kind AS kind, c.key AS key, c.detail AS detail,"
                + " (SELECT string_agg(x.name || ' (#' || x.id || ')', ', ' ORDER BY j.key) FROM " + ids(p) + " JOIN entities x ON x.id = j.value) AS entities,"
                + " " + (p.dialect().postgres() ? "jsonb_array_length(CAST(c.device_ids AS jsonb))" : "json_array_length(c.device_ids)")
                + " AS observations, c.created_at AS created_at");
    }

    /** The conflict's entity ids (a JSON array), as rows {@code j} with the id in {@code value} and its position in {@code key}. */
    private static String ids(ReportParams p) {
        return p.dialect().postgres()
                ? "(SELECT CAST(t.v AS BIGINT) AS value, t.n AS key FROM jsonb_array_elements_text(CAST(c.entity_ids AS jsonb)) WITH ORDINALITY AS t(v, n)) j"
                : "json_each(c.entity_ids) j";
    }

    @Override
    Sql joins(ReportParams p, ReportSettings s) {
        return new Sql().add(" JOIN identity_conflicts c ON c.id = f.conflict_id");
    }
}
