package com.enreach.tools.core.internal.identity;

import java.sql.ResultSet;
import java.sql.SQLException;

import com.enreach.tools.api.inventory.IdentityConflict;
import com.enreach.tools.api.inventory.ManualDecision;
import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.db.Times;

/** Rows of manual_decisions and identity_conflicts to API records. */
final class DecisionRows {
    static final String COLUMNS = "id, action, entity_id, observations, attribute, value, reason, actor, created_at, expires_at, revoked_at";
    static final String CONFLICT_COLUMNS = "id, kind, key, detail, entity_ids, device_ids, status, created_at";

    private DecisionRows() {
    }

    static ManualDecision decision(ResultSet rs) throws SQLException {
        long entity = rs.getLong(3);
        Long entityId = rs.wasNull() ? null : entity;
        String value = rs.getString(6);
        return new ManualDecision(rs.getLong(1), rs.getString(2), entityId, DecisionStore.strings(rs.getString(4)), rs.getString(5),
                value == null ? null : Json.read(value, Object.class), rs.getString(7), rs.getString(8), Times.parse(rs.getString(9)),
                Times.parse(rs.getString(10)), Times.parse(rs.getString(11)));
    }

    static IdentityConflict conflict(ResultSet rs) throws SQLException {
        return new IdentityConflict(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), EntityWriter.longs(rs.getString(5)),
                EntityWriter.longs(rs.getString(6)), rs.getString(7), Times.parse(rs.getString(8)));
    }
}
