package com.enreach.tools.core.internal.netbox;

import static com.enreach.tools.core.internal.netbox.NbSql.getLong;
import static com.enreach.tools.core.internal.netbox.NbSql.map;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.enreach.tools.api.Page;
import com.enreach.tools.api.netbox.HistoryEntry;
import com.enreach.tools.api.netbox.HistoryQuery;
import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.db.Times;

/** The history of what the platform wrote to NetBox (netbox_history, with its sources in netbox_history_sources). */
final class HistoryRows {
    private HistoryRows() {
    }

    static HistoryEntry insert(Connection c, HistoryEntry e, String now) throws SQLException {
        return insertAll(c, List.of(e), now).get(0);
    }

    /** Appends entries with two prepared statements for all of them (an apply writes one per object). */
    static List<HistoryEntry> insertAll(Connection c, List<HistoryEntry> entries, String now) throws SQLException {
        List<HistoryEntry> out = new ArrayList<>(entries.size());
        if (entries.isEmpty()) {
            return out;
        }
        // ids assigned here (the next rowids: the caller holds the write transaction), so the rows go in one batch
        // instead of an insert and a generated-keys query each (ApplyBench: 10k outcomes of a bulk apply took 0.30 s)
        long next;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM netbox_history")) {
            rs.next();
            next = rs.getLong(1) + 1;
        }
        Instant nowAt = Times.parse(now);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO netbox_history (id, at, target, changeset_id, item_id, action,"
                + " object_type, netbox_id, entity_id, object, sources, applied_by, approved_by, status, before_image, after_image,"
                + " message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement src = c.prepareStatement("INSERT INTO netbox_history_sources (history_id, source) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            boolean anySource = false;
            for (HistoryEntry e : entries) {
                long id = next++;
                String at = e.at() == null ? now : Times.format(e.at());
                NbSql.bind(ps, java.util.Arrays.asList(id, at, e.target(), e.changeSetId(), e.itemId(), e.action(), e.objectType(),
                        e.netboxId(), e.entityId(), e.object(), Json.write(e.sources()), e.appliedBy(), e.approvedBy(), e.status(),
                        image(e.before()), image(e.after()), e.message()));
                ps.addBatch();
                for (String s : e.sources()) {
                    src.setLong(1, id);
                    src.setString(2, s);
                    src.addBatch();
                    anySource = true;
                }
                out.add(new HistoryEntry(id, e.at() == null ? nowAt : Times.parse(at), e.target(), e.changeSetId(), e.itemId(), e.action(),
                        e.objectType(), e.netboxId(), e.entityId(), e.object(), e.sources(), e.appliedBy(), e.approvedBy(), e.status(),
                        e.before(), e.after(), e.message()));
            }
            ps.executeBatch();
            if (anySource) {
                src.executeBatch();
            }
        }
        return out;
    }

    /** A NetBox object as it was or became: stored for reading back, never compared, so its keys stay in NetBox's order. */
    private static String image(Object value) {
        return value == null ? null : Json.writeAsIs(value);
    }

    static Page<HistoryEntry> list(Connection c, HistoryQuery q) throws SQLException {
        int limit = NbSql.limit(q.limit());
        int offset = NbSql.offset(q.offset());
        NbSql.Where w = new NbSql.Where().eq("target", q.target()).eq("entity_id", q.entityId())
                .eq("object_type", q.objectType()).eq("netbox_id", q.netboxId()).eq("status", q.status())
                .eq("changeset_id", q.changeSetId());
        if (q.source() != null) {
            w.add("id IN (SELECT history_id FROM netbox_history_sources WHERE source = ?)", q.source());
        }
        if (q.object() != null && !q.object().isBlank()) {
            w.add(NbSql.contains(c, "lower(object)"), q.object().toLowerCase(Locale.ROOT));
        }
        if (q.user() != null) {
            // approved_by lists the approvers comma-separated
            w.add("(applied_by = ? OR " + NbSql.contains(c, "',' || approved_by || ','") + ")", q.user(), "," + q.user() + ",");
        }
        if (q.from() != null) {
            w.add("at >= ?", Times.format(q.from()));
        }
        if (q.to() != null) {
            w.add("at < ?", Times.format(q.to()));
        }
        long count = NbSql.count(c, "SELECT COUNT(*) FROM netbox_history" + w, w.params);
        List<HistoryEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM netbox_history" + w + " ORDER BY at DESC, id DESC LIMIT "
                + limit + " OFFSET " + offset)) {
            NbSql.bind(ps, w.params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> sources = Json.readList(rs.getString("sources")).stream().map(String::valueOf).toList();
                    out.add(new HistoryEntry(rs.getLong("id"), Times.parse(rs.getString("at")), rs.getString("target"),
                            rs.getLong("changeset_id"), rs.getLong("item_id"), rs.getString("action"),
                            rs.getString("object_type"), getLong(rs, "netbox_id"), getLong(rs, "entity_id"),
                            rs.getString("object"), sources, rs.getString("applied_by"), rs.getString("approved_by"),
                            rs.getString("status"), map(rs.getString("before_image")), map(rs.getString("after_image")),
                            rs.getString("message")));
                }
            }
        }
        return new Page<>(count, limit, offset, out);
    }
}
