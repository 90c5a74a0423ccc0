package com.enreach.tools.core.internal.netbox;

import static com.enreach.tools.core.internal.netbox.NbSql.getLong;
import static com.enreach.tools.core.internal.netbox.NbSql.json;
import static com.enreach.tools.core.internal.netbox.NbSql.map;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.netbox.Approval;
import com.enreach.tools.api.netbox.ChangeItem;
import com.enreach.tools.api.netbox.ChangeSet;
import com.enreach.tools.api.netbox.ChangeSetQuery;
import com.enreach.tools.api.netbox.FieldChange;
import com.enreach.tools.api.netbox.ItemOutcome;
import com.enreach.tools.api.netbox.ItemQuery;
import com.enreach.tools.api.netbox.ValidationFinding;
import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.db.Times;
import com.fasterxml.jackson.core.type.TypeReference;

/** Change sets and their items in netbox_changesets / netbox_change_items. */
final class ChangeSetRows {
    private static final TypeReference<List<FieldChange>> FIELDS = new TypeReference<>() {
    };
    private static final TypeReference<List<ValidationFinding>> FINDINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, target, kind, rollback_of, status, hash, created_by, created_at,"
            + " netbox_version, held, conflicts, applied_by, applied_at, dry_run";

    private ChangeSetRows() {
    }

    static long insert(Connection c, ChangeSet cs, String now) throws SQLException {
        List<ChangeItem> items = new ArrayList<>(cs.items());
        items.sort(Comparator.comparingInt(ChangeItem::seq));
        String hash = cs.hash() == null || cs.hash().isBlank() ? ChangeSetHash.of(items) : cs.hash();
        try (PreparedStatement ps = c.prepareStatement("UPDATE netbox_changesets SET status = 'superseded'"
                + " WHERE target = ? AND status = 'pending'")) {
            ps.setString(1, cs.target());
            ps.executeUpdate();
        }
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO netbox_changesets (target, kind, rollback_of, status,"
                + " hash, created_by, created_at, netbox_version, held, conflicts, dry_run) VALUES (?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, cs.target());
            ps.setString(2, cs.kind() == null ? "sync" : cs.kind());
            if (cs.rollbackOf() == null) {
                ps.setNull(3, java.sql.Types.INTEGER);
            } else {
                ps.setLong(3, cs.rollbackOf());
            }
            ps.setString(4, hash);
            ps.setString(5, cs.createdBy());
            ps.setString(6, Times.format(cs.createdAt() == null ? Times.now() : cs.createdAt()));
            ps.setString(7, cs.netboxVersion());
            ps.setString(8, Json.write(cs.held()));
            ps.setInt(9, cs.counts() == null ? 0 : cs.counts().conflicts());
            ps.setInt(10, cs.dryRun() ? 1 : 0);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO netbox_change_items (changeset_id, seq, ref, action,"
                + " object_type, netbox_id, entity_id, name, site, depends_on, fields, body, before_image, before_hash,"
                + " approval, status, message, findings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 'pending', ?, ?)")) {
            for (ChangeItem i : items) {
                List<Object> p = new ArrayList<>();
                p.add(id);
                p.add(i.seq());
                p.add(i.ref());
                p.add(i.action());
                p.add(i.objectType());
                p.add(i.netboxId());
                p.add(i.entityId());
                p.add(i.name());
                p.add(i.site());
                p.add(Json.write(i.dependsOn()));
                p.add(Json.write(i.fields()));
                p.add(json(i.body()));
                p.add(json(i.before()));
                p.add(i.beforeHash());
                p.add(i.message());
                p.add(Json.write(i.findings()));
                NbSql.bind(ps, p);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return id;
    }

    static Optional<ChangeSet> get(Connection c, long id, ItemQuery q, boolean withItems) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM netbox_changesets WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(read(c, rs, withItems ? items(c, id, q == null ? ItemQuery.ALL : q) : List.of()));
            }
        }
    }

    static Page<ChangeSet> list(Connection c, ChangeSetQuery q) throws SQLException {
        int limit = NbSql.limit(q.limit());
        int offset = NbSql.offset(q.offset());
        NbSql.Where w = new NbSql.Where().eq("target", q.target()).eq("status", q.status()).eq("kind", q.kind())
                .eq("created_by", q.createdBy());
        long count = NbSql.count(c, "SELECT COUNT(*) FROM netbox_changesets" + w, w.params);
        List<ChangeSet> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM netbox_changesets" + w
                + " ORDER BY id DESC LIMIT " + limit + " OFFSET " + offset)) {
            NbSql.bind(ps, w.params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(c, rs, List.of()));
                }
            }
        }
        return new Page<>(count, limit, offset, out);
    }

    private static ChangeSet read(Connection c, ResultSet rs, List<ChangeItem> items) throws SQLException {
        long id = rs.getLong("id");
        List<ValidationFinding> held = list(rs.getString("held"), FINDINGS);
        ChangeSet.Counts counts = counts(c, id, held.size(), rs.getInt("conflicts"));
        return new ChangeSet(id, rs.getString("target"), rs.getString("kind"), getLong(rs, "rollback_of"),
                rs.getString("status"), rs.getString("hash"), rs.getString("created_by"),
                Times.parse(rs.getString("created_at")), rs.getString("netbox_version"), counts, items, held,
                ApprovalRows.of(c, id), rs.getString("applied_by"), Times.parse(rs.getString("applied_at")),
                rs.getInt("dry_run") == 1);
    }

    private static ChangeSet.Counts counts(Connection c, long id, int held, int conflicts) throws SQLException {
        // counts as sums of CASE: SQLite's TOTAL() and a sum over booleans do not exist on PostgreSQL
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), " + countOf("action = 'create'") + ", " + countOf("action = 'update'") + ", "
                + countOf("action = 'delete'") + ", " + countOf("approval = 'approved'") + ", " + countOf("status = 'applied'") + ", "
                + countOf("status = 'failed'") + ", " + countOf("status = 'drifted'") + ", " + countOf("status = 'skipped'")
                + " FROM netbox_change_items WHERE changeset_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new ChangeSet.Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), held, conflicts);
            }
        }
    }

    /** The number of rows meeting the condition, 0 for none. */
    private static String countOf(String condition) {
        return "coalesce(sum(CASE WHEN " + condition + " THEN 1 ELSE 0 END), 0)";
    }

    static List<ChangeItem> items(Connection c, long id, ItemQuery q) throws SQLException {
        NbSql.Where w = new NbSql.Where().add("changeset_id = ?", id).eq("object_type", q.objectType())
                .eq("action", q.action()).eq("site", q.site()).eq("status", q.status());
        if (q.q() != null && !q.q().isBlank()) {
            w.add(NbSql.contains(c, "lower(name)"), q.q().toLowerCase(java.util.Locale.ROOT));
        }
        List<ChangeItem> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM netbox_change_items" + w + " ORDER BY seq, id")) {
            NbSql.bind(ps, w.params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ChangeItem(rs.getLong("id"), rs.getInt("seq"), rs.getString("ref"), rs.getString("action"),
                            rs.getString("object_type"), getLong(rs, "netbox_id"), getLong(rs, "entity_id"),
                            rs.getString("name"), rs.getString("site"),
                            list(rs.getString("depends_on"), STRINGS), list(rs.getString("fields"), FIELDS),
                            map(rs.getString("body")), map(rs.getString("before_image")), rs.getString("before_hash"),
                            rs.getString("approval"), rs.getString("status"), rs.getString("message"),
                            list(rs.getString("findings"), FINDINGS)));
                }
            }
        }
        return out;
    }

    /** A JSON list column straight into its element type (an apply reads every item of a 10k change set). */
    private static <T> List<T> list(String json, TypeReference<List<T>> type) {
        if (json == null || json.isEmpty() || "[]".equals(json)) {
            return List.of();
        }
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The change set's status; throws NOT_FOUND when there is none. */
    static String status(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM netbox_changesets WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("change set", String.valueOf(id));
                }
                return rs.getString(1);
            }
        }
    }

    static void setStatus(Connection c, long id, String status, String actor, String now) throws SQLException {
        status(c, id);
        boolean applied = "applied".equals(status) || "partially_applied".equals(status);
        try (PreparedStatement ps = c.prepareStatement(applied
                ? "UPDATE netbox_changesets SET status = ?, applied_by = ?, applied_at = ? WHERE id = ?"
                : "UPDATE netbox_changesets SET status = ? WHERE id = ?")) {
            ps.setString(1, status);
            if (applied) {
                ps.setString(2, actor);
                ps.setString(3, now);
                ps.setLong(4, id);
            } else {
                ps.setLong(2, id);
            }
            ps.executeUpdate();
        }
    }

    static int setItemState(Connection c, java.util.Collection<Long> ids, String status, Long netboxId, String message)
            throws SQLException {
        return setItemStates(c, ids.stream().map(id -> new ItemOutcome(id, status, netboxId, message)).toList());
    }

    /** The journal: one prepared statement and one batch for all the outcomes. */
    static int setItemStates(Connection c, List<ItemOutcome> outcomes) throws SQLException {
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement("UPDATE netbox_change_items SET status = ?,"
                + " netbox_id = COALESCE(?, netbox_id), message = ? WHERE id = ?")) {
            for (ItemOutcome o : outcomes) {
                ps.setString(1, o.status());
                if (o.netboxId() == null) {
                    ps.setNull(2, java.sql.Types.INTEGER);
                } else {
                    ps.setLong(2, o.netboxId());
                }
                ps.setString(3, o.message());
                ps.setLong(4, o.itemId());
                ps.addBatch();
            }
            for (int r : ps.executeBatch()) {
                n += r;
            }
        }
        return n;
    }
}
