package com.enreach.tools.core.internal.ai;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.enreach.tools.api.Page;
import com.enreach.tools.api.ai.Conversation;
import com.enreach.tools.core.internal.db.Times;

/** ai_conversations: one row per conversation; its messages go with it (ON DELETE CASCADE). */
final class ConversationRows {
    private ConversationRows() {
    }

    static Conversation insert(Connection c, String title, String createdBy, String now) throws SQLException {
        long id = AiSql.insert(c, "INSERT INTO ai_conversations (title, created_by, message_count, created_at, updated_at)"
                + " VALUES (?, ?, 0, ?, ?)", title, createdBy, now, now);
        return new Conversation(id, title, createdBy, 0, Times.parse(now), Times.parse(now));
    }

    static Optional<Conversation> get(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM ai_conversations WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    static Page<Conversation> list(Connection c, String createdBy, int limit, int offset) throws SQLException {
        int l = AiSql.limit(limit);
        int o = AiSql.offset(offset);
        String where = createdBy == null ? "" : " WHERE created_by = ?";
        Object[] params = createdBy == null ? new Object[0] : new Object[] {createdBy};
        long count = AiSql.count(c, "SELECT COUNT(*) FROM ai_conversations" + where, params);
        List<Conversation> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM ai_conversations" + where
                + " ORDER BY updated_at DESC, id DESC LIMIT " + l + " OFFSET " + o)) {
            AiSql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
        }
        return new Page<>(count, l, o, out);
    }

    static boolean delete(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM ai_conversations WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate() > 0;
        }
    }

    private static Conversation row(ResultSet rs) throws SQLException {
        return new Conversation(rs.getLong("id"), rs.getString("title"), rs.getString("created_by"),
                rs.getInt("message_count"), Times.parse(rs.getString("created_at")), Times.parse(rs.getString("updated_at")));
    }
}
