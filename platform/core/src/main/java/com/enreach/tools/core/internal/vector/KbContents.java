package com.enreach.tools.core.internal.vector;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.kb.ContentTypes;
import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.sql.Dialect;

/**
 * Reads of articles and tickets for vectorisation and search: which are pending, which are gone, their text (what is
 * chunked) and their descriptive fields (what the index filters on and hits show). Only active rows count: stale and
 * quarantined contents are gone as far as vectors and search are concerned.
 */
final class KbContents {
    private KbContents() {
    }

    /** An article or ticket as vectorisation and search see it. */
    record Content(String type, long id, long hash, String title, String body, String url, String space, String spaceName,
                   String project, String status, boolean resolved, Instant updated) {
        /** What every chunk starts with: the title and where the content lives. */
        String prefix() {
            if (type.equals(ContentTypes.ARTICLE)) {
                String where = spaceName == null || spaceName.isBlank() ? space : spaceName + (space == null ? "" : " (" + space + ")");
                return where == null ? title : title + "\nspace: " + where;
            }
            return title + "\nproject: " + (project == null ? "-" : project) + ", status: " + (status == null ? "-" : status);
        }
    }

    static String table(String type) {
        return type.equals(ContentTypes.ARTICLE) ? "kb_articles" : "kb_tickets";
    }

    /**
     * Active contents of a type that need vectorising: no state yet, changed since, made with another model, or (when
     * asked) failed before. With {@code model} null (no provider installed) the model is not compared.
     */
    static List<Long> pending(Connection c, String type, String model, boolean withFailed) throws SQLException {
        String sql = "SELECT t.id FROM " + table(type) + " t LEFT JOIN kb_vector_status s ON s.content_type = ? AND s.content_id = t.id"
                + " WHERE t.status = 'active' AND (" + pendingCondition(model) + (withFailed ? " OR s.state = 'failed'" : "") + ") ORDER BY t.id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, type);
            if (model != null) {
                ps.setString(2, model);
            }
            return ids(ps);
        }
    }

    private static String pendingCondition(String model) {
        return "s.content_id IS NULL OR s.source_hash <> t.content_hash" + (model == null ? "" : " OR s.model IS DISTINCT FROM ?");
    }

    /** pending / done / failed counts of the active contents of a type. */
    static Map<String, Long> counts(Connection c, String type, String model) throws SQLException {
        String sql = "SELECT CASE WHEN " + pendingCondition(model) + " THEN 'pending' ELSE s.state END AS state, count(*) FROM " + table(type)
                + " t LEFT JOIN kb_vector_status s ON s.content_type = ? AND s.content_id = t.id WHERE t.status = 'active' GROUP BY 1";
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("pending", 0L);
        out.put("done", 0L);
        out.put("failed", 0L);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (model != null) {
                ps.setString(i++, model);
            }
            ps.setString(i, type);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    /** Contents that have vectors or a state but are no longer active (stale, quarantined, deleted). */
    static List<Long> gone(Connection c, String type) throws SQLException {
        String notActive = " NOT EXISTS (SELECT 1 FROM " + table(type) + " t WHERE t.id = x.content_id AND t.status = 'active')";
        String sql = "SELECT content_id FROM kb_vector_status x WHERE content_type = ? AND" + notActive
                + " UNION SELECT DISTINCT content_id FROM embeddings x WHERE content_type = ? AND" + notActive + " ORDER BY 1";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, type);
            ps.setString(2, type);
            return ids(ps);
        }
    }

    /** The contents with their text, in the order of {@code ids} (missing or inactive ones left out). */
    static List<Content> load(Connection c, String type, Collection<Long> ids, boolean withBody) throws SQLException {
        Map<Long, Content> byId = new LinkedHashMap<>();
        String sql = type.equals(ContentTypes.ARTICLE)
                ? "SELECT id, content_hash, title, " + (withBody ? "body_text" : "''") + ", url, space_key, space_name, last_updated"
                        + " FROM kb_articles WHERE status = 'active' AND id IN (SELECT value FROM " + Dialect.of(c).jsonIds() + ")"
                : "SELECT id, content_hash, ticket_key, summary, " + (withBody ? "description" : "''") + ", url, project, workflow_status,"
                        + " resolution, issue_updated FROM kb_tickets WHERE status = 'active' AND id IN (SELECT value FROM " + Dialect.of(c).jsonIds() + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, Json.write(ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Content content = type.equals(ContentTypes.ARTICLE)
                            ? new Content(type, rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                                    rs.getString(7), null, null, false, instant(rs.getString(8)))
                            : new Content(type, rs.getLong(1), rs.getLong(2), ticketTitle(rs.getString(3), rs.getString(4)), rs.getString(5),
                                    rs.getString(6), null, null, rs.getString(7), rs.getString(8), resolved(rs.getString(9)), instant(rs.getString(10)));
                    byId.put(content.id(), content);
                }
            }
        }
        if (withBody && type.equals(ContentTypes.TICKET) && !byId.isEmpty()) {
            addComments(c, byId);
        }
        List<Content> out = new ArrayList<>();
        for (Long id : ids) {
            Content content = byId.get(id);
            if (content != null) {
                out.add(content);
            }
        }
        return out;
    }

    /** A ticket's text for search is its description followed by its comments, each introduced by its author. */
    private static void addComments(Connection c, Map<Long, Content> tickets) throws SQLException {
        Map<Long, StringBuilder> bodies = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ticket_id, author, created, body FROM kb_ticket_comments"
                + " WHERE ticket_id IN (SELECT value FROM " + Dialect.of(c).jsonIds() + ") ORDER BY ticket_id, created, id")) {
            ps.setString(1, Json.write(tickets.keySet()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String body = rs.getString(4);
                    if (body == null || body.isBlank()) {
                        continue;
                    }
                    long id = rs.getLong(1);
                    StringBuilder b = bodies.computeIfAbsent(id, k -> new StringBuilder(tickets.get(k).body() == null ? "" : tickets.get(k).body()));
                    String author = rs.getString(2);
                    String created = rs.getString(3);
                    b.append("\n\nComment").append(author == null ? "" : " by " + author)
                            .append(created == null ? "" : " (" + created.substring(0, Math.min(10, created.length())) + ")").append(":\n")
                            .append(body.strip());
                }
            }
        }
        bodies.forEach((id, b) -> {
            Content t = tickets.get(id);
            tickets.put(id, new Content(t.type(), t.id(), t.hash(), t.title(), b.toString(), t.url(), t.space(), t.spaceName(), t.project(),
                    t.status(), t.resolved(), t.updated()));
        });
    }

    static String ticketTitle(String key, String summary) {
        return summary == null || summary.isBlank() ? key : key + " " + summary;
    }

    static boolean resolved(String resolution) {
        return resolution != null && !resolution.isBlank();
    }

    /** Sources write ISO-8601 instants; anything else is shown as unknown rather than failing a search. */
    static Instant instant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static List<Long> ids(PreparedStatement ps) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }
}
