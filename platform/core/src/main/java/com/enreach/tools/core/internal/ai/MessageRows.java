package com.enreach.tools.core.internal.ai;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.ai.Citation;
import com.enreach.tools.api.ai.ConversationMessage;
import com.enreach.tools.core.internal.db.Times;
import com.fasterxml.jackson.core.type.TypeReference;

/** ai_messages: questions and answers (or errors) with citations and tool calls as JSON. */
final class MessageRows {
    private static final TypeReference<List<Citation>> CITATIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private MessageRows() {
    }

    /** Appends a message and bumps its conversation's count and updated time, in the caller's transaction. */
    static ConversationMessage insert(Connection c, ConversationMessage m, String now) throws SQLException {
        String at = m.createdAt() == null ? now : Times.format(m.createdAt());
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE ai_conversations SET message_count = message_count + 1, updated_at = ? WHERE id = ?")) {
            ps.setString(1, at);
            ps.setLong(2, m.conversationId());
            if (ps.executeUpdate() == 0) {
                throw ApiException.notFound("conversation", Long.toString(m.conversationId()));
            }
        }
        String text = m.text() == null ? "" : m.text();
        long id = AiSql.insert(c, "INSERT INTO ai_messages (conversation_id, role, text, citations, tool_calls, provider, model,"
                        + " extractive, error_code, retry_after_seconds, created_at, took_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.conversationId(), m.role(), text, AiSql.json(m.citations()), AiSql.json(m.toolCalls()), m.provider(),
                m.model(), m.extractive(), m.errorCode(), m.retryAfterSeconds(), at, m.tookMs());
        return new ConversationMessage(id, m.conversationId(), m.role(), text, m.citations(), m.toolCalls(), m.provider(),
                m.model(), m.extractive(), m.errorCode(), m.retryAfterSeconds(), Times.parse(at), m.tookMs());
    }

    static List<ConversationMessage> list(Connection c, long conversationId) throws SQLException {
        List<ConversationMessage> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM ai_messages WHERE conversation_id = ? ORDER BY id")) {
            ps.setLong(1, conversationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ConversationMessage(rs.getLong("id"), rs.getLong("conversation_id"), rs.getString("role"),
                            rs.getString("text"), AiSql.read(rs.getString("citations"), CITATIONS),
                            AiSql.read(rs.getString("tool_calls"), STRINGS), rs.getString("provider"), rs.getString("model"),
                            rs.getInt("extractive") != 0, rs.getString("error_code"), AiSql.getLong(rs, "retry_after_seconds"),
                            Times.parse(rs.getString("created_at")), rs.getLong("took_ms")));
                }
            }
        }
        return out;
    }
}
