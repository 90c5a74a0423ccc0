package com.enreach.tools.core.internal.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

import com.enreach.tools.core.internal.sql.Dialect;

/**
 * Keeps the {@code device_search} FTS5 index current inside the caller's write transaction: new rows are found by
 * rowid above the marks in {@code search_state}, deleted ones and updated interfaces and addresses were queued in
 * {@code search_dirty} by the triggers of V20__search.sql, updated devices by their writer ({@link #changed}); all are
 * folded into the index with set-based statements.
 */
public final class SearchIndex {
    /** A device's searchable text; keep in step with {@link FtsSearch} (MACs as 12 bare hex digits too). */
    private static final String DOCUMENT_SQLITE = "d.name || ' ' || d.source_id"
            + " || ' ' || coalesce((SELECT group_concat(j.value, ' ') FROM json_tree(d.metadata) j WHERE j.type = 'text'), '')"
            + " || ' ' || coalesce((SELECT group_concat(n.name || coalesce(' ' || n.mac || ' '"
            + " || lower(replace(replace(replace(n.mac, ':', ''), '-', ''), '.', '')), ''), ' ') FROM network_interfaces n WHERE n.device_id = d.id), '')"
            + " || ' ' || coalesce((SELECT group_concat(a.address || coalesce(' ' || a.dns_name, ''), ' ') FROM ip_addresses a WHERE a.device_id = d.id), '')";
    /** The same document on PostgreSQL: the metadata's strings in jsonb order instead of the text's. */
    private static final String DOCUMENT_POSTGRESQL = "d.name || ' ' || d.source_id"
            + " || ' ' || coalesce((SELECT string_agg(j #>> '{}', ' ') FROM jsonb_path_query(CAST(d.metadata AS jsonb), 'strict $.**') j"
            + " WHERE jsonb_typeof(j) = 'string'), '')"
            + " || ' ' || coalesce((SELECT string_agg(n.name || coalesce(' ' || n.mac || ' '"
            + " || lower(replace(replace(replace(n.mac, ':', ''), '-', ''), '.', '')), ''), ' ') FROM network_interfaces n WHERE n.device_id = d.id), '')"
            + " || ' ' || coalesce((SELECT string_agg(a.address || coalesce(' ' || a.dns_name, ''), ' ') FROM ip_addresses a WHERE a.device_id = d.id), '')";

    private SearchIndex() {
    }

    /**
     * Re-indexes every device that is new or has new interfaces or addresses (rowids above the marks in
     * {@code search_state}) or was queued by a trigger, and drops deleted ones; returns how many devices were touched.
     */
    public static int catchUp(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            long[] seen = new long[3];
            try (ResultSet rs = s.executeQuery("SELECT devices_seen, interfaces_seen, addresses_seen FROM search_state WHERE id = 1")) {
                if (!rs.next()) {
                    throw new SQLException("search_state has no row; was V20__search.sql applied?");
                }
                for (int i = 0; i < 3; i++) {
                    seen[i] = rs.getLong(i + 1);
                }
            }
            long[] max = new long[3];
            try (ResultSet rs = s.executeQuery("SELECT (SELECT coalesce(max(id), 0) FROM devices), (SELECT coalesce(max(id), 0) FROM network_interfaces),"
                    + " (SELECT coalesce(max(id), 0) FROM ip_addresses)")) {
                rs.next();
                for (int i = 0; i < 3; i++) {
                    max[i] = rs.getLong(i + 1);
                }
            }
            boolean added = max[0] > seen[0] || max[1] > seen[1] || max[2] > seen[2];
            if (added) {
                queueAbove(c, "SELECT id FROM devices WHERE id > ?", seen[0], max[0]);
                queueAbove(c, "SELECT device_id FROM network_interfaces WHERE id > ?", seen[1], max[1]);
                queueAbove(c, "SELECT device_id FROM ip_addresses WHERE id > ?", seen[2], max[2]);
            }
            if (added || max[0] != seen[0] || max[1] != seen[1] || max[2] != seen[2]) {
                // The current maxima, also when lower: a rowid reused after its row was deleted is then new again.
                s.executeUpdate("UPDATE search_state SET devices_seen = " + max[0] + ", interfaces_seen = " + max[1] + ", addresses_seen = " + max[2]
                        + " WHERE id = 1");
            }
            try (ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM search_dirty)")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return 0;
                }
            }
            Dialect dialect = Dialect.of(c);
            String key = dialect.postgres() ? "device_id" : "rowid";
            s.executeUpdate("DELETE FROM device_search WHERE " + key + " IN (SELECT device_id FROM search_dirty)");
            s.executeUpdate("INSERT INTO device_search (" + key + ", body) SELECT d.id, " + (dialect.postgres() ? DOCUMENT_POSTGRESQL : DOCUMENT_SQLITE)
                    + " FROM search_dirty q JOIN devices d ON d.id = q.device_id");
            return s.executeUpdate("DELETE FROM search_dirty");
        }
    }

    /**
     * Queues devices whose name, source id or metadata a writer changed (new devices need not be queued), so the
     * catch-up at the end of the transaction re-indexes them. The hook for writers that update device rows: there is
     * deliberately no UPDATE trigger on {@code devices} (see V20__search.sql).
     */
    public static void changed(Connection c, Collection<Long> deviceIds) throws SQLException {
        if (deviceIds.isEmpty()) {
            return;
        }
        StringBuilder ids = new StringBuilder("[");
        for (Long id : deviceIds) {
            ids.append(ids.length() > 1 ? "," : "").append(id.longValue());
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO search_dirty (device_id) SELECT value FROM " + Dialect.of(c).jsonIds()
                + " WHERE value <= (SELECT devices_seen FROM search_state WHERE id = 1) ON CONFLICT DO NOTHING")) {
            ps.setString(1, ids.append(']').toString());
            ps.executeUpdate();
        }
    }

    private static void queueAbove(Connection c, String select, long seen, long max) throws SQLException {
        if (max <= seen) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO search_dirty (device_id) " + select + " ON CONFLICT DO NOTHING")) {
            ps.setLong(1, seen);
            ps.executeUpdate();
        }
    }
}
