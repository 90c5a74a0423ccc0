package com.enreach.tools.core.internal.kb;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import com.enreach.tools.api.kb.VectorState;
import com.enreach.tools.core.internal.db.Times;

/**
 * The vectorisation state of contents, read from {@code kb_vector_status} (written by vectorisation): pending when
 * there is no row, when the content changed since (its hash is not the row's), or when the installed embedding model
 * is not the one its vectors were made with.
 */
final class VectorStates {
    private VectorStates() {
    }

    /**
     * SQL for the status of the content aliased {@code x} of a type, for list queries.
     *
     * @param model the installed model ("name@version"), or null when none is installed (then the model is not compared)
     */
    static String statusSql(String type, String model) {
        String differs = model == null ? "" : " OR v.model IS DISTINCT FROM '" + model.replace("'", "''") + "'";
        return "(SELECT CASE WHEN v.state IS NULL OR v.source_hash <> x.content_hash" + differs + " THEN 'pending' ELSE v.state END"
                + " FROM (SELECT 1) AS one LEFT JOIN kb_vector_status v ON v.content_type = '" + type + "' AND v.content_id = x.id)";
    }

    static VectorState of(Connection c, String type, long id, long contentHash, String model) throws SQLException {
        VectorState[] out = {new VectorState("pending", null, null, 0, null)};
        KbSql.query(c, "SELECT state, reason, model, source_hash, updated_at,"
                + " (SELECT count(*) FROM embeddings e WHERE e.content_type = v.content_type AND e.content_id = v.content_id)"
                + " FROM kb_vector_status v WHERE content_type = ? AND content_id = ?", List.of(type, id), rs -> {
                    boolean current = rs.getLong(4) == contentHash && (model == null || model.equals(rs.getString(3)));
                    out[0] = new VectorState(current ? rs.getString(1) : "pending", current ? rs.getString(2) : null, rs.getString(3), rs.getInt(6),
                            Times.parse(rs.getString(5)));
                });
        return out[0];
    }
}
