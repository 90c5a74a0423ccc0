package com.enreach.tools.core.internal.ai;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.enreach.tools.api.Page;
import com.enreach.tools.api.ai.AiAuditEntry;
import com.enreach.tools.core.internal.db.Times;

/** ai_audit: one row per provider call, newest first when listed. */
final class AuditRows {
    private AuditRows() {
    }

    static AiAuditEntry insert(Connection c, AiAuditEntry e, String now) throws SQLException {
        String at = e.createdAt() == null ? now : Times.format(e.createdAt());
        long id = AiSql.insert(c, "INSERT INTO ai_audit (conversation_id, actor, provider, model, external, purpose, chars_sent,"
                        + " content_summary, redactions, outcome, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.conversationId(), e.actor(), e.provider(), e.model(), e.external(), e.purpose(), e.charsSent(),
                e.contentSummary(), e.redactions(), e.outcome(), at);
        return new AiAuditEntry(id, e.conversationId(), e.actor(), e.provider(), e.model(), e.external(), e.purpose(),
                e.charsSent(), e.contentSummary(), e.redactions(), e.outcome(), Times.parse(at));
    }

    static Page<AiAuditEntry> list(Connection c, int limit, int offset) throws SQLException {
        int l = AiSql.limit(limit);
        int o = AiSql.offset(offset);
        long count = AiSql.count(c, "SELECT COUNT(*) FROM ai_audit");
        List<AiAuditEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM ai_audit ORDER BY created_at DESC, id DESC LIMIT " + l
                + " OFFSET " + o)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AiAuditEntry(rs.getLong("id"), AiSql.getLong(rs, "conversation_id"), rs.getString("actor"),
                            rs.getString("provider"), rs.getString("model"), rs.getInt("external") != 0, rs.getString("purpose"),
                            rs.getInt("chars_sent"), rs.getString("content_summary"), rs.getInt("redactions"),
                            rs.getString("outcome"), Times.parse(rs.getString("created_at"))));
                }
            }
        }
        return new Page<>(count, l, o, out);
    }
}
