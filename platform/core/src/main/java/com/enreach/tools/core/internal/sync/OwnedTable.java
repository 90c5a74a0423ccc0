package com.enreach.tools.core.internal.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.enreach.tools.api.Change;
import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.sql.Dialect;

/**
 * A table whose rows are owned by one source instance and keyed by (source_instance, source_id): devices,
 * storage volumes, backups, knowledge articles and tickets. Loads a batch in two steps: {@link #plan} sorts its rows into new, unchanged and changed
 * (content hash; for changed rows, which fields differ), then {@link #apply} writes them and logs the changes.
 * Marks rows that a complete run did not see as stale. Never deletes.
 */
final class OwnedTable {
    private final String table;
    private final String kind;
    private final String[] columns;
    private final int nameColumn;
    private final String deviceColumn;
    private final String insertSql;
    private final String updateSql;
    private final String touchSql;
    private final String touchSqlPostgres;
    private final String refreshSql;
    private final int metadataColumn;
    /** The narrow table that holds when each row was last seen, keyed by the row's id; null: the row's own columns. */
    private final String seenTable;
    /** Where-clause part: the row was not seen by the run bound to its one parameter. */
    private final String unseen;
    /** The rows of a batch that exist: by source ids given as a JSON array, answering with their positions in it. */
    private final String lookupSql;
    private final String lookupSqlPostgres;

    /**
     * One row to load: its specific column values in {@code columns} order.
     *
     * @param volatileKeys metadata keys left out of the hash; their values are refreshed even when the row is unchanged
     */
    record Row(String sourceId, long hash, Object[] values, Set<String> volatileKeys) {
        Row(String sourceId, long hash, Object[] values) {
            this(sourceId, hash, values, Set.of());
        }
    }

    /** A row that exists and whose hash differs or that was stale; {@code fields} are those whose stored value differs. */
    record Update(Row row, long id, boolean reactivated, List<String> fields) {
        boolean changed() {
            return reactivated || !fields.isEmpty();
        }
    }

    /** What {@link #plan} decided for a batch. */
    /** What {@link #plan} decided for a batch; {@code recounted} are rows this run already wrote (a re-read), not counted again. */
    record Plan(List<Row> inserts, List<Row> touches, long[] touchIds, List<Update> updates, Set<String> recounted) {
    }

    /**
     * What a batch did; {@code ids} holds the ids of added rows by source id (when asked for); {@code recounted} rows
     * were already written earlier in the same run (re-read by the source) and are in none of the counts.
     */
    record Outcome(Map<String, Long> ids, int added, int updated, int unchanged, int recounted) {
    }

    /**
     * @param kind         entity kind written to the change log
     * @param nameColumn   the column that names a row in the change log
     * @param deviceColumn the column (or {@code id}) that holds the device a row belongs to
     */
    OwnedTable(String table, String kind, String nameColumn, String deviceColumn, String... columns) {
        this(table, null, null, kind, nameColumn, deviceColumn, columns);
    }

    /**
     * A table whose rows' last sighting is kept in {@code seenTable} ({@code <table in the singular>_id INTEGER PRIMARY
     * KEY, seen_run_id, last_seen}), so that marking an unchanged row seen does not rewrite the (wide) row.
     */
    static OwnedTable seenIn(String seenTable, String lookupIndex, String table, String kind, String nameColumn, String deviceColumn, String... columns) {
        return new OwnedTable(table, seenTable, lookupIndex, kind, nameColumn, deviceColumn, columns);
    }

    /**
     * @param lookupIndex an index on (source_instance, source_id, content_hash, status) that answers a batch's look-up
     *                    without reading the rows, or null (the unique key's index)
     */
    private OwnedTable(String table, String seenTable, String lookupIndex, String kind, String nameColumn, String deviceColumn, String[] columns) {
        this.table = table;
        this.seenTable = seenTable;
        this.kind = kind;
        this.columns = columns;
        this.nameColumn = java.util.Arrays.asList(columns).indexOf(nameColumn);
        this.deviceColumn = deviceColumn;
        String cols = String.join(", ", columns);
        String marks = "?, ".repeat(columns.length);
        boolean inRow = seenTable == null;
        this.insertSql = "INSERT INTO " + table + " (" + cols + ", source_system, source_instance, source_id, content_hash, status,"
                + (inRow ? " seen_run_id, first_seen, last_seen," : " first_seen,") + " created_at, updated_at) VALUES (" + marks + "?, ?, ?, ?, 'active', "
                + (inRow ? "?, ?, ?, " : "?, ") + "?, ?)"
                // only reached when a batch skipped the lookup (first run) and a source repeated an id: the later record wins
                + " ON CONFLICT (source_instance, source_id) DO UPDATE SET " + excludedSet(columns)
                + " content_hash = excluded.content_hash," + (inRow ? " seen_run_id = excluded.seen_run_id, last_seen = excluded.last_seen," : "")
                + " updated_at = excluded.updated_at";
        StringBuilder set = new StringBuilder();
        for (String c : columns) {
            set.append(c).append(" = ?, ");
        }
        // updated_at moves only when a field really changed (a rehash alone, e.g. reordered children, is no update)
        this.updateSql = "UPDATE " + table + " SET " + set + "content_hash = ?, status = CASE WHEN status = 'quarantined' THEN status ELSE 'active' END,"
                + (inRow ? " seen_run_id = ?, last_seen = ?," : "") + " updated_at = CASE WHEN ? THEN ? ELSE updated_at END WHERE id = ?";
        // one statement for a batch's ids (a JSON array): a third faster than a statement per row
        String touchHead = inRow ? "UPDATE " + table + " SET seen_run_id = ?, last_seen = ? WHERE id"
                : "UPDATE " + seenTable + " SET seen_run_id = ?, last_seen = ? WHERE " + seenKey();
        this.touchSql = touchHead + " IN (SELECT value FROM " + Dialect.SQLITE.jsonIds() + ")";
        this.touchSqlPostgres = touchHead + " IN (SELECT value FROM " + Dialect.POSTGRESQL.jsonIds() + ")";
        String lookupHead = "SELECT j.key, t.id, t.content_hash, CASE WHEN t.status <> 'stale' THEN 1 ELSE 0 END, " + (inRow ? "t.seen_run_id"
                : "(SELECT s.seen_run_id FROM " + seenTable + " s WHERE s." + seenKey() + " = t.id)");
        // the ids drive the join (CROSS JOIN keeps that order): one index search each
        this.lookupSql = lookupHead + " FROM json_each(?) j CROSS JOIN " + table + " t" + (lookupIndex == null ? "" : " INDEXED BY " + lookupIndex)
                + " ON t.source_instance = ? AND t.source_id = j.value";
        // PostgreSQL plans the join itself; its ordinality counts from 1 where json_each's key counts from 0
        this.lookupSqlPostgres = lookupHead.replace("j.key", "j.key - 1")
                + " FROM json_array_elements_text(CAST(? AS json)) WITH ORDINALITY AS j(value, key) JOIN " + table + " t"
                + " ON t.source_instance = ? AND t.source_id = j.value";
        this.unseen = inRow ? "(seen_run_id IS NULL OR seen_run_id <> ?)"
                : "NOT EXISTS (SELECT 1 FROM " + seenTable + " s WHERE s." + seenKey() + " = " + table + ".id AND s.seen_run_id = ?)";
        // unchanged rows with volatile values: only the metadata, and only where it moved (a metadata write also
        // maintains the JSON expression indexes, so an equal value is not rewritten)
        this.metadataColumn = java.util.Arrays.asList(columns).indexOf("metadata");
        this.refreshSql = "UPDATE " + table + " SET metadata = ? WHERE id = ? AND metadata IS DISTINCT FROM ?";
    }

    /** The seen table's key column: the owned table's name in the singular, then {@code _id} (devices: device_id). */
    private String seenKey() {
        return table.substring(0, table.length() - 1) + "_id";
    }

    private static String excludedSet(String[] columns) {
        StringBuilder sb = new StringBuilder();
        for (String c : columns) {
            sb.append(c).append(" = excluded.").append(c).append(", ");
        }
        return sb.toString();
    }

    /** Whether the instance has no rows yet (its first run), so batches can skip looking up existing rows. */
    boolean emptyFor(Connection c, String instance) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE source_instance = ?)")) {
            ps.setString(1, instance);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return !rs.getBoolean(1);
            }
        }
    }

    String table() {
        return table;
    }

    /** The statement finding a batch's existing rows (the plan tests read it). */
    String lookupSql() {
        return lookupSql;
    }

    /** The statement marking a batch's unchanged rows as seen (the plan tests read it). */
    String touchSql() {
        return touchSql;
    }

    /** The statement counting the instance's active and unseen rows (the plan tests read it). */
    String countSql() {
        return "SELECT count(*), coalesce(sum(CASE WHEN " + unseen + " THEN 1 ELSE 0 END), 0) FROM " + table + " WHERE source_instance = ? AND status = 'active'";
    }

    String kind() {
        return kind;
    }

    /** The column that names a row in the change log, or null. */
    String nameColumn() {
        return nameColumn < 0 ? null : columns[nameColumn];
    }

    /** The column (or {@code id}) holding the device a row belongs to. */
    String deviceColumn() {
        return deviceColumn;
    }

    /**
     * Sorts a batch into new, unchanged and changed rows; for changed rows reads the stored values to name the fields
     * that differ.
     *
     * @param firstRun the instance had no rows when the run started: every row is new, no lookup needed
     */
    Plan plan(Connection c, String instance, long runId, Collection<Row> rows, boolean firstRun) throws SQLException {
        Map<String, long[]> existing = firstRun ? Map.of() : existing(c, instance, rows);
        Set<String> recounted = new java.util.HashSet<>();
        List<Row> inserts = new ArrayList<>();
        List<Row> touches = new ArrayList<>();
        long[] touchIds = new long[rows.size()];
        List<Row> candidates = new ArrayList<>();
        List<long[]> candidateIds = new ArrayList<>();
        for (Row r : rows) {
            long[] e = existing.get(r.sourceId());
            if (e != null && e[3] == runId) {
                recounted.add(r.sourceId());
            }
            if (e == null) {
                inserts.add(r);
            } else if (e[1] == r.hash() && e[2] != 0) {
                touchIds[touches.size()] = e[0];
                touches.add(r);
            } else {
                candidates.add(r);
                candidateIds.add(e);
            }
        }
        List<Update> updates = new ArrayList<>(candidates.size());
        if (!candidates.isEmpty()) {
            Map<Long, Object[]> old = oldValues(c, candidateIds);
            for (int i = 0; i < candidates.size(); i++) {
                Row r = candidates.get(i);
                long[] e = candidateIds.get(i);
                updates.add(new Update(r, e[0], e[2] == 0, diff(old.get(e[0]), r)));
            }
        }
        return new Plan(inserts, touches, java.util.Arrays.copyOf(touchIds, touches.size()), updates, recounted);
    }

    /** The fields whose stored value differs from the row's; metadata entries by key, volatile keys left out. */
    private List<String> diff(Object[] old, Row r) {
        List<String> fields = new ArrayList<>();
        if (old == null) {
            return fields;
        }
        for (int i = 0; i < columns.length; i++) {
            if ("metadata".equals(columns[i])) {
                Map<String, Object> before = Json.readMap((String) old[i]);
                Map<String, Object> after = Json.readMap((String) r.values()[i]);
                java.util.SortedSet<String> keys = new java.util.TreeSet<>(before.keySet());
                keys.addAll(after.keySet());
                for (String k : keys) {
                    if (!r.volatileKeys().contains(k) && !Json.write(before.get(k)).equals(Json.write(after.get(k)))) {
                        fields.add("metadata." + k);
                    }
                }
            } else if (!SqlValues.same(old[i], r.values()[i])) {
                fields.add(columns[i]);
            }
        }
        return fields;
    }

    private Map<Long, Object[]> oldValues(Connection c, List<long[]> ids) throws SQLException {
        Map<Long, Object[]> out = new HashMap<>(ids.size() * 2);
        for (int from = 0; from < ids.size(); from += 500) {
            int to = Math.min(ids.size(), from + 500);
            String sql = "SELECT id, " + String.join(", ", columns) + " FROM " + table + " WHERE id IN (" + "?,".repeat(to - from - 1) + "?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = from; i < to; i++) {
                    ps.setLong(1 + i - from, ids.get(i)[0]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), SqlValues.read(rs, 2, columns.length));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Writes a planned batch and logs its changes: one entry per new row (read back by id range, so a fresh load pays
     * one statement for its log), one per changed or reactivated row with its fields.
     *
     * @param needIds also return the ids of new rows (to write their children)
     */
    Outcome apply(Connection c, Plan p, String system, String instance, long runId, String now, boolean needIds, ChangeLog log)
            throws SQLException {
        int updated = 0;
        int unchanged = 0;
        if (!p.touches().isEmpty()) {
            // tables without a metadata column (backups) have no volatile values to refresh, and no refresh statement
            touch(c, runId, now, p.touchIds(), p.touches().size());
            try (PreparedStatement refresh = metadataColumn >= 0 ? c.prepareStatement(refreshSql) : null) {
                boolean anyRefresh = false;
                for (int k = 0; k < p.touches().size(); k++) {
                    Row r = p.touches().get(k);
                    if (!r.volatileKeys().isEmpty() && metadataColumn >= 0) {
                        String metadata = (String) r.values()[metadataColumn];
                        refresh.setString(1, metadata);
                        refresh.setLong(2, p.touchIds()[k]);
                        refresh.setString(3, metadata);
                        refresh.addBatch();
                        anyRefresh = true;
                    }
                    unchanged += p.recounted().contains(r.sourceId()) ? 0 : 1;
                }
                if (anyRefresh) {
                    refresh.executeBatch();
                }
            }
        }
        if (!p.updates().isEmpty()) {
            try (PreparedStatement upd = c.prepareStatement(updateSql)) {
                for (Update u : p.updates()) {
                    int i = SqlValues.bind(upd, 1, u.row().values());
                    upd.setLong(i++, u.row().hash());
                    if (seenTable == null) {
                        upd.setLong(i++, runId);
                        upd.setString(i++, now);
                    }
                    upd.setBoolean(i++, u.changed());
                    upd.setString(i++, now);
                    upd.setLong(i, u.id());
                    upd.addBatch();
                    boolean counted = !p.recounted().contains(u.row().sourceId());
                    if (u.changed()) {
                        updated += counted ? 1 : 0;
                        Object device = deviceOf(u);
                        log.add(kind, u.reactivated() ? Change.REACTIVATED : Change.UPDATED, u.id(), device instanceof Number n ? n.longValue() : null,
                                u.row().sourceId(), name(u.row()), u.fields());
                    } else {
                        unchanged += counted ? 1 : 0;
                    }
                }
                upd.executeBatch();
            }
            if (seenTable != null) {
                long[] updatedIds = new long[p.updates().size()];
                for (int k = 0; k < updatedIds.length; k++) {
                    updatedIds[k] = p.updates().get(k).id();
                }
                touch(c, runId, now, updatedIds, updatedIds.length);
            }
        }
        Map<String, Long> ids = new LinkedHashMap<>();
        int added = 0;
        if (!p.inserts().isEmpty()) {
            long before = maxId(c);
            try (PreparedStatement ins = c.prepareStatement(insertSql)) {
                for (Row r : p.inserts()) {
                    int i = SqlValues.bind(ins, 1, r.values());
                    ins.setString(i++, system);
                    ins.setString(i++, instance);
                    ins.setString(i++, r.sourceId());
                    ins.setLong(i++, r.hash());
                    if (seenTable == null) {
                        ins.setLong(i++, runId);
                        ins.setString(i++, now);
                    }
                    ins.setString(i++, now);
                    ins.setString(i++, now);
                    ins.setString(i, now);
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            if (seenTable != null) {
                // the batch's new rows are those above the id the table had before it
                try (PreparedStatement seen = c.prepareStatement("INSERT INTO " + seenTable + " (" + seenKey() + ", seen_run_id, last_seen)"
                        + " SELECT id, ?, ? FROM " + table + " WHERE id > ? ON CONFLICT (" + seenKey() + ") DO UPDATE SET seen_run_id = excluded.seen_run_id,"
                        + " last_seen = excluded.last_seen")) {
                    seen.setLong(1, runId);
                    seen.setString(2, now);
                    seen.setLong(3, before);
                    seen.executeUpdate();
                }
            }
            // rows above the id the table had before the batch are exactly the batch's new rows; on a first run (no
            // lookup) the others were re-read rows the upsert merged into this run's earlier ones
            added = ChangeLog.logRows(c, this, Change.CREATED, "id > ?", before, runId, instance, now);
            if (needIds) {
                existing(c, instance, p.inserts()).forEach((sid, e) -> ids.put(sid, e[0]));
            }
        }
        return new Outcome(ids, added, updated, unchanged, p.recounted().size() + p.inserts().size() - added);
    }

    private Object deviceOf(Update u) {
        if ("id".equals(deviceColumn)) {
            return u.id();
        }
        int i = java.util.Arrays.asList(columns).indexOf(deviceColumn);
        return i < 0 ? null : u.row().values()[i];
    }

    private String name(Row r) {
        Object n = nameColumn < 0 ? null : r.values()[nameColumn];
        return n == null ? null : n.toString();
    }

    private long maxId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM " + table); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * source id -> {id, hash, active-or-quarantined(1)/stale(0), seen_run_id} for the rows of the batch that exist.
     * One statement per batch: the source ids travel as one JSON array and come back as their position in it (no
     * text to decode per row, no statement per 500 ids).
     */
    private Map<String, long[]> existing(Connection c, String instance, Collection<Row> rows) throws SQLException {
        Map<String, long[]> found = new HashMap<>(rows.size() * 2);
        List<Row> list = rows instanceof List<Row> l ? l : new ArrayList<>(rows);
        if (list.isEmpty()) {
            return found;
        }
        List<String> ids = new ArrayList<>(list.size());
        for (Row r : list) {
            ids.add(r.sourceId());
        }
        try (PreparedStatement ps = c.prepareStatement(Dialect.of(c).postgres() ? lookupSqlPostgres : lookupSql)) {
            ps.setString(1, Json.writeAsIs(ids));
            ps.setString(2, instance);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(list.get(rs.getInt(1)).sourceId(),
                            new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                }
            }
        }
        return found;
    }

    /** Marks the first {@code count} of these rows as seen by this run, in one statement. */
    private void touch(Connection c, long runId, String now, long[] ids, int count) throws SQLException {
        StringBuilder json = new StringBuilder(count * 8 + 2).append('[');
        for (int k = 0; k < count; k++) {
            json.append(k == 0 ? "" : ",").append(ids[k]);
        }
        try (PreparedStatement touch = c.prepareStatement(Dialect.of(c).postgres() ? touchSqlPostgres : touchSql)) {
            touch.setLong(1, runId);
            touch.setString(2, now);
            touch.setString(3, json.append(']').toString());
            touch.executeUpdate();
        }
    }

    /** Marks rows as seen by this run without changing them: objects the source still has but could not refresh. */
    void keepSeen(Connection c, String instance, long runId, String now, List<String> sourceIds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(seenTable == null
                ? "UPDATE " + table + " SET seen_run_id = ?, last_seen = ? WHERE source_instance = ? AND source_id = ?"
                : "UPDATE " + seenTable + " SET seen_run_id = ?, last_seen = ? WHERE " + seenKey() + " = (SELECT id FROM " + table
                        + " WHERE source_instance = ? AND source_id = ?)")) {
            for (String sid : sourceIds) {
                ps.setLong(1, runId);
                ps.setString(2, now);
                ps.setString(3, instance);
                ps.setString(4, sid);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Marks active rows as seen by this run without changing them: objects the source reported unchanged since the
     * revision the core holds. Returns how many rows it kept (ids the instance does not hold, or holds stale, are ignored).
     */
    int keepUnchanged(Connection c, String instance, long runId, String now, List<String> sourceIds) throws SQLException {
        int kept = 0;
        try (PreparedStatement ps = c.prepareStatement(seenTable == null
                ? "UPDATE " + table + " SET seen_run_id = ?, last_seen = ? WHERE source_instance = ?"
                        + " AND source_id = ? AND status <> 'stale' AND (seen_run_id IS NULL OR seen_run_id <> ?)"
                : "UPDATE " + seenTable + " SET seen_run_id = ?, last_seen = ? WHERE " + seenKey() + " = (SELECT id FROM " + table
                        + " WHERE source_instance = ? AND source_id = ? AND status <> 'stale') AND (seen_run_id IS NULL OR seen_run_id <> ?)")) {
            for (String sid : sourceIds) {
                ps.setLong(1, runId);
                ps.setString(2, now);
                ps.setString(3, instance);
                ps.setString(4, sid);
                ps.setLong(5, runId);
                ps.addBatch();
            }
            for (int n : ps.executeBatch()) {
                kept += Math.max(0, n);
            }
        }
        return kept;
    }

    /** source id -> revision of the instance's active rows (tables with a {@code revision} column). */
    Map<String, String> revisions(Connection c, String instance) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT source_id, revision FROM " + table + " WHERE source_instance = ? AND status = 'active'")) {
            ps.setString(1, instance);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2) != null) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        return out;
    }

    /** The instance's active rows, and how many of them this run has not seen: {active, unseen}, in one scan. */
    long[] countActiveUnseen(Connection c, String instance, long runId) throws SQLException {
        // the run id is bound first: it sits in the select list, before the WHERE clause
        try (PreparedStatement ps = c.prepareStatement(countSql())) {
            ps.setLong(1, runId);
            ps.setString(2, instance);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    /** Marks unseen active rows stale, logging each first. */
    int markStale(Connection c, String instance, long runId, String now) throws SQLException {
        ChangeLog.logRows(c, this, Change.STALE, "source_instance = ? AND status = 'active' AND " + unseen,
                instance, runId, instance, now);
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET status = 'stale', updated_at = ? WHERE source_instance = ?"
                + " AND status = 'active' AND " + unseen)) {
            ps.setString(1, now);
            ps.setString(2, instance);
            ps.setLong(3, runId);
            return ps.executeUpdate();
        }
    }
}
