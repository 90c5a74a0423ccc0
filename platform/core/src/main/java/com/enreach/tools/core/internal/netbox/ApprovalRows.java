package com.enreach.tools.core.internal.netbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.netbox.Approval;
import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.db.Times;

/** Approvals and rejections in netbox_approvals. */
final class ApprovalRows {
    /** A change set in one of these states can still be approved or rejected. */
    private static final Set<String> DECIDABLE = Set.of("pending", "approved");

    private ApprovalRows() {
    }

    static List<Approval> of(Connection c, long changeSetId) throws SQLException {
        List<Approval> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, decision, scope, item_ids, include_deletes, hash, actor, at,"
                + " comment FROM netbox_approvals WHERE changeset_id = ? ORDER BY id")) {
            ps.setLong(1, changeSetId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Long> ids = Json.readList(rs.getString(4)).stream().map(o -> ((Number) o).longValue()).toList();
                    out.add(new Approval(rs.getLong(1), changeSetId, rs.getString(2), rs.getString(3), ids,
                            rs.getInt(5) == 1, rs.getString(6), rs.getString(7), Times.parse(rs.getString(8)), rs.getString(9)));
                }
            }
        }
        return out;
    }

    /**
     * Records the decision after checking, in the same transaction, that the change set can still take it and that
     * the hash is the change set's (a preview may have superseded it meanwhile); approve moves the change set to
     * {@code approved}, reject to {@code rejected}.
     */
    static Approval insert(Connection c, Approval a, Collection<Long> itemIds, String itemApproval, String now) throws SQLException {
        String status = ChangeSetRows.status(c, a.changeSetId());
        if (!DECIDABLE.contains(status)) {
            throw new ApiException(ApiException.Reason.CONFLICT, "changeset_" + status, null,
                    "change set " + a.changeSetId() + " is " + status + " and can no longer be " + ("reject".equals(a.decision()) ? "rejected" : "approved"), null);
        }
        String hash;
        try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM netbox_changesets WHERE id = ?")) {
            ps.setLong(1, a.changeSetId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                hash = rs.getString(1);
            }
        }
        if (!hash.equals(a.hash())) {
            throw new ApiException(ApiException.Reason.CONFLICT, "hash_mismatch", "hash", "the hash '" + a.hash()
                    + "' is not change set " + a.changeSetId() + "'s (" + hash + "): review the change set again", null);
        }
        long id;
        String at = a.at() == null ? now : Times.format(a.at());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO netbox_approvals (changeset_id, decision, scope, item_ids,"
                + " include_deletes, hash, actor, at, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, a.changeSetId());
            ps.setString(2, a.decision());
            ps.setString(3, a.scope());
            ps.setString(4, Json.write(a.itemIds()));
            ps.setInt(5, a.includeDeletes() ? 1 : 0);
            ps.setString(6, a.hash());
            ps.setString(7, a.actor());
            ps.setString(8, at);
            ps.setString(9, a.comment());
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE netbox_change_items SET approval = ? WHERE id = ? AND changeset_id = ?")) {
            for (Long item : itemIds) {
                ps.setString(1, itemApproval);
                ps.setLong(2, item);
                ps.setLong(3, a.changeSetId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        ChangeSetRows.setStatus(c, a.changeSetId(), "reject".equals(a.decision()) ? "rejected" : "approved", a.actor(), now);
        return new Approval(id, a.changeSetId(), a.decision(), a.scope(), a.itemIds(), a.includeDeletes(), a.hash(),
                a.actor(), Times.parse(at), a.comment());
    }
}
