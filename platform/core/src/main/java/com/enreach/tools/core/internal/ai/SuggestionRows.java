package com.enreach.tools.core.internal.ai;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.ai.Citation;
import com.enreach.tools.api.ai.Suggestion;
import com.enreach.tools.api.ai.Suggestion.SimilarItem;
import com.enreach.tools.api.ai.SuggestionFeedback;
import com.enreach.tools.core.internal.db.Times;
import com.fasterxml.jackson.core.type.TypeReference;

/** ai_suggestions (parts as JSON) and ai_suggestion_feedback. */
final class SuggestionRows {
    private static final TypeReference<List<Citation>> CITATIONS = new TypeReference<>() {
    };
    private static final TypeReference<List<SimilarItem>> ITEMS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Double>> BASIS = new TypeReference<>() {
    };

    private SuggestionRows() {
    }

    static long insert(Connection c, Suggestion s, String now) throws SQLException {
        String at = s.createdAt() == null ? now : Times.format(s.createdAt());
        return AiSql.insert(c, "INSERT INTO ai_suggestions (ticket_key, problem, steps, refs, similar_tickets, articles, entities,"
                        + " confidence, confidence_label, confidence_basis, provider, model, extractive, created_by, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.ticketKey(), s.problem() == null ? "" : s.problem(), AiSql.json(s.steps()), AiSql.json(s.references()),
                AiSql.json(s.similarTickets()), AiSql.json(s.articles()), AiSql.json(s.entities()), s.confidence(),
                s.confidenceLabel() == null ? "" : s.confidenceLabel(), AiSql.json(s.confidenceBasis()), s.provider(),
                s.model(), s.extractive(), s.createdBy(), at);
    }

    static Optional<Suggestion> get(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM ai_suggestions WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Suggestion(id, rs.getString("ticket_key"), rs.getString("problem"),
                        AiSql.read(rs.getString("steps"), STRINGS), AiSql.read(rs.getString("refs"), CITATIONS),
                        AiSql.read(rs.getString("similar_tickets"), ITEMS), AiSql.read(rs.getString("articles"), ITEMS),
                        AiSql.read(rs.getString("entities"), CITATIONS), rs.getDouble("confidence"),
                        rs.getString("confidence_label"), AiSql.read(rs.getString("confidence_basis"), BASIS),
                        rs.getString("provider"), rs.getString("model"), rs.getInt("extractive") != 0,
                        rs.getString("created_by"), Times.parse(rs.getString("created_at")), feedback(c, id)));
            }
        }
    }

    static SuggestionFeedback insertFeedback(Connection c, SuggestionFeedback f, String now) throws SQLException {
        if (AiSql.count(c, "SELECT COUNT(*) FROM ai_suggestions WHERE id = ?", f.suggestionId()) == 0) {
            throw ApiException.notFound("suggestion", Long.toString(f.suggestionId()));
        }
        String at = f.createdAt() == null ? now : Times.format(f.createdAt());
        long id = AiSql.insert(c, "INSERT INTO ai_suggestion_feedback (suggestion_id, helpful, comment, actor, created_at)"
                + " VALUES (?, ?, ?, ?, ?)", f.suggestionId(), f.helpful(), f.comment(), f.actor(), at);
        return new SuggestionFeedback(id, f.suggestionId(), f.helpful(), f.comment(), f.actor(), Times.parse(at));
    }

    private static List<SuggestionFeedback> feedback(Connection c, long suggestionId) throws SQLException {
        List<SuggestionFeedback> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM ai_suggestion_feedback WHERE suggestion_id = ? ORDER BY id")) {
            ps.setLong(1, suggestionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SuggestionFeedback(rs.getLong("id"), suggestionId, rs.getInt("helpful") != 0,
                            rs.getString("comment"), rs.getString("actor"), Times.parse(rs.getString("created_at"))));
                }
            }
        }
        return out;
    }
}
