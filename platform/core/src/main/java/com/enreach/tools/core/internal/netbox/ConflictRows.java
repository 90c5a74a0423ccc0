package com.enreach.tools.core.internal.netbox;

import static com.enreach.tools.core.internal.netbox.NbSql.getLong;
import static com.enreach.tools.core.internal.netbox.NbSql.json;
import static com.enreach.tools.core.internal.netbox.NbSql.value;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.netbox.ConflictQuery;
import com.enreach.tools.api.netbox.NetBoxConflict;
import com.enreach.tools.core.internal.db.Times;

/** Conflicts between hand edits in NetBox and golden values (netbox_conflicts). */
final class ConflictRows {
    private static final Set<String> RESOLUTIONS = Set.of(NetBoxConflict.KEEP_NETBOX, NetBoxConflict.USE_GOLDEN);

    private ConflictRows() {
    }

    /** One object field of one target: a conflict detected again is the same conflict. */
    private static String key(String type, Long netboxId, Long entityId, String field) {
        return type + "|" + netboxId + "|" + entityId + "|" + field;
    }

    private static String key(NetBoxConflict c) {
        return key(c.objectType(), c.netboxId(), c.entityId(), c.field());
    }

    static List<NetBoxConflict> replaceOpen(Connection c, String target, List<NetBoxConflict> detected, String now) throws SQLException {
        Map<String, NetBoxConflict> open = new HashMap<>();
        Set<String> settled = new HashSet<>();
        for (NetBoxConflict x : select(c, " WHERE target = ?", List.of(target), -1, 0)) {
            if ("open".equals(x.status())) {
                open.put(key(x), x);
            } else if (RESOLUTIONS.contains(x.resolution())) {
                // resolved by a person for exactly these values: not raised again until a value moves
                settled.add(key(x) + "|" + json(x.netboxValue()) + "|" + json(x.goldenValue()));
            }
        }
        Set<String> still = new HashSet<>();
        try (PreparedStatement upd = c.prepareStatement("UPDATE netbox_conflicts SET object = ?, attribute = ?, netbox_value = ?,"
                + " golden_value = ?, changed_by = ?, changed_at = ?, rule = ?, suggestion = ? WHERE id = ?");
             PreparedStatement ins = c.prepareStatement("INSERT INTO netbox_conflicts (target, object_type, netbox_id, entity_id,"
                     + " object, field, attribute, netbox_value, golden_value, changed_by, changed_at, rule, suggestion, status,"
                     + " detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)")) {
            for (NetBoxConflict d : detected) {
                String k = key(d);
                if (settled.contains(k + "|" + json(d.netboxValue()) + "|" + json(d.goldenValue())) || !still.add(k)) {
                    continue;
                }
                NetBoxConflict existing = open.get(k);
                // full precision: NetBox's changelog has microseconds, and a resolution is matched to the edit by its time
                String changedAt = d.changedAt() == null ? null : d.changedAt().toString();
                if (existing != null) {
                    NbSql.bind(upd, java.util.Arrays.asList(d.object(), d.attribute(), json(d.netboxValue()),
                            json(d.goldenValue()), d.changedBy(), changedAt, d.rule(), d.suggestion(), existing.id()));
                    upd.executeUpdate();
                } else {
                    NbSql.bind(ins, java.util.Arrays.asList(target, d.objectType(), d.netboxId(), d.entityId(), d.object(),
                            d.field(), d.attribute(), json(d.netboxValue()), json(d.goldenValue()), d.changedBy(), changedAt,
                            d.rule(), d.suggestion(), now));
                    ins.executeUpdate();
                }
            }
        }
        try (PreparedStatement gone = c.prepareStatement("UPDATE netbox_conflicts SET status = 'resolved', resolution = 'gone',"
                + " resolved_at = ? WHERE id = ?")) {
            for (Map.Entry<String, NetBoxConflict> e : open.entrySet()) {
                if (!still.contains(e.getKey())) {
                    gone.setString(1, now);
                    gone.setLong(2, e.getValue().id());
                    gone.executeUpdate();
                }
            }
        }
        return select(c, " WHERE target = ? AND status = 'open'", List.of(target), -1, 0);
    }

    static Page<NetBoxConflict> list(Connection c, ConflictQuery q) throws SQLException {
        int limit = NbSql.limit(q.limit());
        int offset = NbSql.offset(q.offset());
        String status = q.status() == null ? "all" : q.status();
        if (!Set.of("open", "resolved", "all").contains(status)) {
            throw ApiException.invalid("status", "status must be open, resolved or all, got '" + status + "'");
        }
        NbSql.Where w = new NbSql.Where().eq("target", q.target()).eq("status", "all".equals(status) ? null : status)
                .eq("object_type", q.objectType()).eq("entity_id", q.entityId());
        long count = NbSql.count(c, "SELECT COUNT(*) FROM netbox_conflicts" + w, w.params);
        return new Page<>(count, limit, offset, select(c, w.toString(), w.params, limit, offset));
    }

    static Optional<NetBoxConflict> get(Connection c, long id) throws SQLException {
        return select(c, " WHERE id = ?", List.of(id), -1, 0).stream().findFirst();
    }

    static NetBoxConflict resolve(Connection c, long id, String resolution, String comment, String actor, String now) throws SQLException {
        if (!RESOLUTIONS.contains(resolution)) {
            throw ApiException.invalid("resolution", "resolution must be keep_netbox or use_golden, got '" + resolution + "'");
        }
        NetBoxConflict x = get(c, id).orElseThrow(() -> ApiException.notFound("conflict", String.valueOf(id)));
        if (!"open".equals(x.status())) {
            throw new ApiException(ApiException.Reason.CONFLICT, "conflict_resolved", null, "conflict " + id
                    + " is already resolved (" + x.resolution() + ")", null);
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE netbox_conflicts SET status = 'resolved', resolution = ?,"
                + " resolved_by = ?, resolved_at = ?, comment = ? WHERE id = ?")) {
            NbSql.bind(ps, java.util.Arrays.asList(resolution, actor, now, comment, id));
            ps.executeUpdate();
        }
        return get(c, id).orElseThrow();
    }

    private static List<NetBoxConflict> select(Connection c, String where, List<Object> params, int limit, int offset)
            throws SQLException {
        List<NetBoxConflict> out = new ArrayList<>();
        String page = limit < 0 ? "" : " LIMIT " + limit + " OFFSET " + offset;
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM netbox_conflicts" + where + " ORDER BY id DESC" + page)) {
            NbSql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new NetBoxConflict(rs.getLong("id"), rs.getString("target"), rs.getString("object_type"),
                            getLong(rs, "netbox_id"), getLong(rs, "entity_id"), rs.getString("object"), rs.getString("field"),
                            rs.getString("attribute"), value(rs.getString("netbox_value")), value(rs.getString("golden_value")),
                            rs.getString("changed_by"), Times.parse(rs.getString("changed_at")), rs.getString("rule"),
                            rs.getString("suggestion"), rs.getString("status"), rs.getString("resolution"),
                            rs.getString("resolved_by"), Times.parse(rs.getString("resolved_at")), rs.getString("comment"),
                            Times.parse(rs.getString("detected_at"))));
                }
            }
        }
        return out;
    }
}
