package com.enreach.tools.core.internal.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.enreach.tools.core.internal.db.Times;
import com.enreach.tools.core.internal.sql.Dialect;

/**
 * The entity columns that follow from membership alone (sources, counts, status, last_seen, identity conflicts),
 * kept when no golden-records refresher is installed; name and type then stay those of the first observation.
 */
final class Summary {
    private static final String OBS = " FROM entity_links l JOIN devices d ON d.id = l.device_id WHERE l.entity_id = entities.id";

    private Summary() {
    }

    static void refresh(Connection c, Collection<Long> entityIds) throws SQLException {
        List<Long> ids = new ArrayList<>(entityIds);
        boolean postgres = Dialect.of(c).postgres();
        // open identity conflicts per entity, counted once rather than per entity (PostgreSQL: its session's pg_temp
        // schema, the JSON array's elements as text)
        try (java.sql.Statement s = c.createStatement()) {
            if (postgres) {
                s.execute("DROP TABLE IF EXISTS pg_temp.entity_conflict_counts");
                s.execute("CREATE TEMP TABLE entity_conflict_counts (entity_id BIGINT PRIMARY KEY, n BIGINT NOT NULL)");
                s.execute("INSERT INTO pg_temp.entity_conflict_counts SELECT CAST(j.value AS bigint), count(*) FROM identity_conflicts ic,"
                        + " json_array_elements_text(CAST(ic.entity_ids AS json)) AS j(value) WHERE ic.status = 'open' GROUP BY 1");
            } else {
                s.execute("DROP TABLE IF EXISTS temp.entity_conflict_counts");
                s.execute("CREATE TEMP TABLE entity_conflict_counts (entity_id INTEGER PRIMARY KEY, n INTEGER NOT NULL)");
                s.execute("INSERT INTO temp.entity_conflict_counts SELECT j.value, count(*) FROM identity_conflicts ic, json_each(ic.entity_ids) j"
                        + " WHERE ic.status = 'open' GROUP BY j.value");
            }
        }
        // the sorted JSON array of active sources: json_group_array on SQLite; on PostgreSQL built as the same compact
        // text (json_agg would put a space after each comma)
        String sources = postgres
                ? "coalesce((SELECT '[' || string_agg(CAST(to_json(x.si) AS text), ',' ORDER BY x.si) || ']' FROM (SELECT DISTINCT d.source_instance AS si"
                        + OBS + " AND d.status <> 'stale') x), '[]'),"
                : "coalesce((SELECT json_group_array(si) FROM (SELECT DISTINCT d.source_instance AS si" + OBS
                        + " AND d.status <> 'stale' ORDER BY si)), '[]'),";
        String counts = postgres ? "pg_temp.entity_conflict_counts" : "temp.entity_conflict_counts";
        for (List<Long> chunk : KeyExtractor.chunks(ids)) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE entities SET"
                    + " observation_count = (SELECT count(*)" + OBS + "),"
                    + " sources = " + sources
                    + " source_count = (SELECT count(DISTINCT d.source_instance)" + OBS + " AND d.status <> 'stale'),"
                    + " status = CASE WHEN EXISTS (SELECT 1" + OBS + " AND d.status <> 'stale') THEN 'active' ELSE 'stale' END,"
                    + " last_seen = (SELECT max(s.last_seen) FROM entity_links l JOIN device_seen s ON s.device_id = l.device_id"
                    + " WHERE l.entity_id = entities.id),"
                    + " conflict_count = coalesce((SELECT n FROM " + counts + " k WHERE k.entity_id = entities.id), 0),"
                    + " updated_at = ?"
                    + " WHERE id IN " + KeyExtractor.in(chunk.size()))) {
                ps.setString(1, Times.format(Times.now()));
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 2, chunk.get(i));
                }
                ps.executeUpdate();
            }
        }
    }
}
