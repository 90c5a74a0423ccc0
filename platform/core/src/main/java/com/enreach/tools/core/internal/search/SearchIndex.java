package com.enreach.tools.core.internal.search;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Keeps the {@code device_search} FTS5 index current: folds the devices queued in {@code search_dirty} by the
 * triggers of V20__search.sql into the index with set-based statements, inside the caller's write transaction.
 */
public final class SearchIndex {
    /** A device's searchable text; keep in step with {@link FtsSearch} (MACs as 12 bare hex digits too). */
    private static final String DOCUMENT = "d.name || ' ' || d.source_id"
            + " || ' ' || coalesce((SELECT group_concat(j.value, ' ') FROM json_tree(d.metadata) j WHERE j.type = 'text'), '')"
            + " || ' ' || coalesce((SELECT group_concat(n.name || coalesce(' ' || n.mac || ' '"
            + " || lower(replace(replace(replace(n.mac, ':', ''), '-', ''), '.', '')), ''), ' ') FROM network_interfaces n WHERE n.device_id = d.id), '')"
            + " || ' ' || coalesce((SELECT group_concat(a.address || coalesce(' ' || a.dns_name, ''), ' ') FROM ip_addresses a WHERE a.device_id = d.id), '')";

    private SearchIndex() {
    }

    /** Re-indexes every queued device (or drops it from the index when it is gone); returns how many were queued. */
    public static int catchUp(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM search_dirty")) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    return 0;
                }
            }
            s.executeUpdate("DELETE FROM device_search WHERE rowid IN (SELECT device_id FROM search_dirty)");
            s.executeUpdate("INSERT INTO device_search (rowid, body) SELECT d.id, " + DOCUMENT
                    + " FROM search_dirty q JOIN devices d ON d.id = q.device_id");
            return s.executeUpdate("DELETE FROM search_dirty");
        }
    }
}
