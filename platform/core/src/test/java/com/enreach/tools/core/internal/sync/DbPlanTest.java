package com.enreach.tools.core.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.core.internal.db.Database;

/**
 * The schema keeps every foreign key indexed and the load path's hot statements on indexes: a missing index turns
 * a resync of 100k devices from seconds into minutes, and nothing else would notice.
 */
class DbPlanTest {
    /** Tables that grow with the inventory: a full scan of one of them in a hot statement is a bug. */
    private static final Set<String> BIG = Set.of("devices", "device_seen", "device_relationships", "network_interfaces", "ip_addresses", "server_facts",
            "device_configs", "storage_volumes", "backups", "change_log", "sync_history", "entities", "entity_links", "identity_keys", "entity_attributes");

    @TempDir
    Path dir;

    /** OwnedTable's look-up of a batch's devices. */
    private static final String LOOKUP = RunLoader.DEVICES.lookupSql();

    @Test
    void everyForeignKeyColumnIsTheFirstColumnOfAnIndex() throws SQLException {
        Database db = new Database(dir.resolve("plan.db"));
        List<String> missing = new ArrayList<>();
        int checked = 0;
        try (Connection c = db.openReadConnection()) {
            for (String table : strings(c, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
                for (String column : strings(c, "SELECT \"from\" FROM pragma_foreign_key_list('" + table + "')")) {
                    checked++;
                    boolean rowid = strings(c, "SELECT name FROM pragma_table_info('" + table + "') WHERE pk = 1 AND type = 'INTEGER'").contains(column);
                    boolean leading = strings(c, "SELECT ii.name FROM pragma_index_list('" + table + "') il, pragma_index_info(il.name) ii"
                            + " WHERE ii.seqno = 0").contains(column);
                    if (!rowid && !leading) {
                        missing.add(table + "." + column);
                    }
                }
            }
        }
        assertTrue(checked >= 10, "foreign keys found: " + checked);
        assertEquals(List.of(), missing, "foreign key columns without an index");
    }

    @Test
    void hotStatementsOfTheLoadAndReadPathsUseIndexes() throws SQLException {
        Database db = new Database(dir.resolve("plan.db"));
        Map<String, String> hot = new LinkedHashMap<>();
        // load path: existing rows of a batch, children of changed devices, configs, stale marking
        hot.put("existing devices of a batch", LOOKUP);
        hot.put("old values of changed rows", "SELECT id, name, type, host_key, metadata FROM devices WHERE id IN (?, ?)");
        hot.put("interfaces of a device", "SELECT id, name, mac, type, enabled, mtu, network FROM network_interfaces WHERE device_id = ?");
        hot.put("addresses of a device", "SELECT id, address FROM ip_addresses WHERE device_id = ?");
        hot.put("addresses of an interface", "UPDATE ip_addresses SET interface_id = NULL WHERE interface_id = ?");
        hot.put("facts of a device", "SELECT * FROM server_facts WHERE device_id = ?");
        hot.put("uptime refresh", "UPDATE server_facts SET uptime_seconds = ? WHERE device_id = ? AND uptime_seconds IS NOT ?");
        hot.put("interface id by name", "SELECT id FROM network_interfaces WHERE device_id = ? AND name = ?");
        hot.put("latest config", "SELECT version, content_hash FROM device_configs WHERE device_id = ? ORDER BY version DESC LIMIT 1");
        hot.put("device by source id", "SELECT id FROM devices WHERE source_instance = ? AND source_id = ?");
        hot.put("count active and unseen devices", RunLoader.DEVICES.countSql());
        hot.put("count active and unseen volumes", RunLoader.VOLUMES.countSql());
        hot.put("touch unchanged devices", RunLoader.DEVICES.touchSql());
        hot.put("touch unchanged backups", RunLoader.BACKUPS.touchSql());
        hot.put("entities seen by a run", "SELECT l.entity_id, max(ds.last_seen) FROM device_seen ds JOIN devices d ON d.id = ds.device_id"
                + " JOIN entity_links l ON l.device_id = d.id WHERE d.source_instance = ? AND ds.seen_run_id = ? GROUP BY l.entity_id");
        hot.put("mark stale", "UPDATE storage_volumes SET status = 'stale' WHERE source_instance = ? AND status = 'active' AND (seen_run_id IS NULL OR seen_run_id <> ?)");
        hot.put("log stale", "INSERT INTO change_log (run_id, source_instance, kind, action, entity_id, source_id, changed_at)"
                + " SELECT ?, source_instance, 'backup', 'stale', id, source_id, ? FROM backups WHERE source_instance = ? AND status = 'active'"
                + " AND (seen_run_id IS NULL OR seen_run_id <> ?)");
        hot.put("drop unseen relationships", "DELETE FROM device_relationships WHERE source_instance = ? AND (seen_run_id IS NULL OR seen_run_id <> ?)");
        // backups link through identity keys (BackupLinks), resolution walks keys and entities (identity.Resolver)
        hot.put("backup link candidates", "SELECT k.device_id, coalesce(l.entity_id, -k.device_id), d.type FROM identity_keys k"
                + " JOIN devices d ON d.id = k.device_id LEFT JOIN entity_links l ON l.device_id = k.device_id"
                + " WHERE k.kind = ? AND k.value = ? AND d.status <> 'stale' ORDER BY k.device_id");
        hot.put("holders of a key", "SELECT device_id FROM identity_keys WHERE kind = ? AND value = ? LIMIT 27");
        hot.put("keys of an observation", "SELECT kind, value FROM identity_keys WHERE device_id = ?");
        hot.put("members of an entity", "SELECT device_id FROM entity_links WHERE entity_id = ?");
        hot.put("feed range for resolution", "SELECT DISTINCT device_id FROM change_log WHERE position > ? AND position <= ?"
                + " AND device_id IS NOT NULL AND kind IN ('device', 'interface', 'ip_address', 'server_facts')");
        hot.put("entities by source", "SELECT count(*) FROM entities e WHERE e.id IN (SELECT l.entity_id FROM devices d JOIN entity_links l"
                + " ON l.device_id = d.id WHERE d.source_instance = ?)");
        hot.put("relationships of an entity's observations", "SELECT r.type, o.id FROM device_relationships r JOIN entity_links l ON l.device_id = r.to_device_id"
                + " JOIN entities o ON o.id = l.entity_id WHERE r.from_device_id IN (?, ?) AND l.entity_id <> ? ORDER BY r.type, o.name LIMIT 1000");
        hot.put("entities by identifier", "SELECT e.id FROM entities e WHERE e.id IN (SELECT l.entity_id FROM identity_keys k JOIN entity_links l"
                + " ON l.device_id = k.device_id WHERE k.kind = ? AND k.value = ?)");
        // read path: device detail, its children and relationships, filters, history, change feed
        hot.put("device detail", "SELECT * FROM devices WHERE id = ?");
        hot.put("relationships from", "SELECT * FROM device_relationships WHERE from_device_id = ?");
        hot.put("relationships to", "SELECT * FROM device_relationships WHERE to_device_id = ?");
        hot.put("volumes of an array", "SELECT * FROM storage_volumes WHERE array_device_id = ?");
        hot.put("volumes of a pool", "SELECT * FROM storage_volumes WHERE pool_device_id = ?");
        hot.put("backups of a device", "SELECT * FROM backups WHERE device_id = ?");
        // shapes of the device detail's queries (QueryMapper.xml): relationships either way, children of the same host
        hot.put("relationships either way", "SELECT r.id FROM device_relationships r JOIN devices f ON f.id = r.from_device_id"
                + " JOIN devices t ON t.id = r.to_device_id WHERE r.from_device_id = ? OR r.to_device_id = ? ORDER BY r.type, r.id LIMIT 1000");
        hot.put("volumes of arrays or pools", "SELECT v.id FROM storage_volumes v JOIN devices a ON a.id = v.array_device_id"
                + " WHERE v.array_device_id IN (?, ?) OR v.pool_device_id IN (?, ?) ORDER BY v.name LIMIT 500");
        hot.put("interfaces of devices", "SELECT n.id FROM network_interfaces n JOIN devices d ON d.id = n.device_id WHERE n.device_id IN (?, ?)"
                + " ORDER BY n.device_id, n.name");
        hot.put("addresses of devices", "SELECT a.id FROM ip_addresses a JOIN devices d ON d.id = a.device_id WHERE a.device_id IN (?, ?)");
        hot.put("same entity", "SELECT d.id FROM entity_links me JOIN entity_links l ON l.entity_id = me.entity_id AND l.device_id <> me.device_id"
                + " JOIN devices d ON d.id = l.device_id WHERE me.device_id = ? ORDER BY d.id LIMIT 50");
        hot.put("backups of devices", "SELECT b.id FROM backups b WHERE b.device_id IN (?, ?) ORDER BY b.id LIMIT 100");
        hot.put("devices of an instance", "SELECT * FROM devices WHERE source_instance = ? AND status = ? ORDER BY id LIMIT 50");
        hot.put("devices of a type", "SELECT * FROM devices WHERE type = ? LIMIT 50");
        hot.put("devices by MAC", "SELECT device_id FROM network_interfaces WHERE mac = ?");
        hot.put("devices by address", "SELECT device_id FROM ip_addresses WHERE address = ?");
        hot.put("history of an instance", "SELECT * FROM sync_history WHERE source_instance = ? ORDER BY id DESC LIMIT 20");
        hot.put("feed from a position", "SELECT * FROM change_log WHERE position > ? ORDER BY position LIMIT 500");
        hot.put("changes of a run", "SELECT kind, action, count(*) FROM change_log WHERE run_id = ? GROUP BY kind, action");
        hot.put("changes of a run by kind", "SELECT * FROM change_log WHERE run_id = ? AND kind = ? AND action = ? ORDER BY position LIMIT 50");
        hot.put("prune by age", "DELETE FROM change_log WHERE changed_at < ?");
        List<String> scans = new ArrayList<>();
        try (Connection c = db.openWriteConnection()) {
            Relationships.createStage(c);
            for (Map.Entry<String, String> e : hot.entrySet()) {
                for (String step : strings(c, "EXPLAIN QUERY PLAN " + e.getValue())) {
                    String[] words = step.split(" ");
                    if (words.length >= 2 && "SCAN".equals(words[0]) && BIG.contains(words[1])) {
                        scans.add(e.getKey() + ": " + step);
                    }
                }
            }
        }
        assertEquals(List.of(), scans, "hot statements that scan a whole table");
    }

    /** A resync looks each batch's devices up for hash and status from an index alone, never reading the wide rows. */
    @Test
    void theBatchLookupOfDevicesReadsOnlyAnIndex() throws SQLException {
        Database db = new Database(dir.resolve("plan.db"));
        try (Connection c = db.openWriteConnection()) {
            List<String> plan = strings(c, "EXPLAIN QUERY PLAN " + LOOKUP);
            assertEquals(List.of("SCAN j VIRTUAL TABLE INDEX 1:", "SEARCH t USING COVERING INDEX idx_devices_lookup (source_instance=? AND source_id=?)",
                    "CORRELATED SCALAR SUBQUERY 1", "SEARCH s USING INTEGER PRIMARY KEY (rowid=?)"), plan, "the ids drive the join, each found in the index alone");
        }
    }

    /** A site's entities in last-seen order (V33) and a search with few matches read pages without sorting every match. */
    @Test
    void entityPagesBySiteAndLastSeenAndFewSearchMatchesAreReadInOrder() throws SQLException {
        Database db = new Database(dir.resolve("plan.db"));
        try (Connection c = db.openWriteConnection()) {
            List<String> site = strings(c, "EXPLAIN QUERY PLAN SELECT e.id FROM entities e WHERE 1 = 1 AND e.site = ? COLLATE NOCASE"
                    + " ORDER BY e.last_seen DESC, e.id DESC LIMIT ? OFFSET ?");
            assertEquals(List.of("SEARCH e USING COVERING INDEX idx_entities_site_last_seen (site=?)"), site, "read in the index's order");
            // the plan with the pattern bound, as the query runs (SQLite re-plans a LIKE once its pattern is known)
            List<String> search = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN SELECT e.id FROM entities e WHERE 1 = 1 AND e.id IN (SELECT n.id"
                    + " FROM entities n WHERE n.name LIKE ? ESCAPE '\\' UNION SELECT l.entity_id FROM identity_keys k JOIN entity_links l"
                    + " ON l.device_id = k.device_id WHERE k.kind = ? AND k.value = ?)")) {
                ps.setString(1, "web01%");
                ps.setString(2, "hostname");
                ps.setString(3, "web01");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        search.add(rs.getString(4));
                    }
                }
            }
            assertTrue(search.contains("SEARCH n USING COVERING INDEX idx_entities_name (name>? AND name<?)"), "the name prefix searches the index: " + search);
            assertTrue(search.stream().noneMatch(s -> s.startsWith("SCAN")), "no scan: " + search);
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            try (ResultSet rs = ps.executeQuery()) {
                int col = rs.getMetaData().getColumnCount() >= 4 ? 4 : 1;
                while (rs.next()) {
                    out.add(rs.getString(col));
                }
            }
        }
        return out;
    }
}
