package com.enreach.tools.core.internal.vector;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.enreach.tools.api.kb.ContentTypes;
import com.enreach.tools.api.kb.SearchHit;
import com.enreach.tools.core.internal.search.FtsSearch;
import com.enreach.tools.core.internal.sql.Dialect;

/**
 * The database's own text search over articles and tickets (FTS5 tables {@code kb_article_text} and
 * {@code kb_ticket_text}, ranked by {@code bm25()}, passages by {@code snippet()}): what search falls back to when
 * no vector index plugin is installed. User text never reaches FTS5 as syntax: every word becomes a quoted phrase
 * and the phrases are OR-ed (ranked by how many and how rare), so {@code "}, {@code *}, {@code NEAR(}, {@code -},
 * {@code :} or {@code AND} are just text. On PostgreSQL the same tables have a {@code terms} tsvector (the title in
 * weight A): the words become quoted {@code to_tsquery} phrases ({@link FtsSearch#tsPhrase}), ranked by
 * {@code ts_rank} with the title weighing as much more as here, passages by {@code ts_headline}.
 */
final class TextSearch {
    /** Words beyond this are ignored: a search is a question, not a document. */
    static final int MAX_TERMS = 32;
    /** Title matches weigh more than body matches. */
    private static final String WEIGHTS = "5.0, 1.0";
    /** The same for ts_rank: weights of D (the body), C, B, A (the title). */
    private static final String TS_WEIGHTS = "'{0.2, 0.2, 0.2, 1.0}'";
    /** A passage of the body around the match, on PostgreSQL, about as long as snippet()'s 40 tokens. */
    private static final String HEADLINE_OPTIONS = "'StartSel=\"\", StopSel=\"\", MaxWords=40, MinWords=20'";

    private TextSearch() {
    }

    /**
     * The query's terms: whitespace-separated, lower case, without surrounding punctuation, in order, without repeats;
     * terms with no letter or digit are dropped. A term keeps its inner punctuation ({@code web01.prod},
     * {@code 10.0.0.5}): as a phrase it matches those words next to each other.
     */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            String w = raw.replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
            if (!w.isEmpty() && !out.contains(w) && out.size() < MAX_TERMS) {
                out.add(w);
            }
        }
        return out;
    }

    /** The engine's text query for the words (FTS5 MATCH, or {@code to_tsquery} text), or null when there are none. */
    static String match(List<String> words, Dialect dialect) {
        List<String> phrases = new ArrayList<>();
        for (String w : words) {
            String phrase = dialect.postgres() ? FtsSearch.tsPhrase(w, false) : FtsSearch.phrase(w, false);
            if (phrase != null) {
                phrases.add(phrase);
            }
        }
        return phrases.isEmpty() ? null : FtsSearch.any(dialect, phrases);
    }

    /** Filters as the search asked for them (already validated). */
    record Filters(String space, String project, String status, boolean resolvedOnly) {
    }

    /** The best {@code limit} contents of the types, best first; scores are negated bm25 or ts_rank (higher is better). */
    static List<SearchHit> search(Connection c, String match, List<String> types, Filters f, int limit) throws SQLException {
        List<SearchHit> all = new ArrayList<>();
        for (String type : types) {
            all.addAll(type.equals(ContentTypes.ARTICLE) ? articles(c, match, f, limit) : tickets(c, match, f, limit));
        }
        all.sort(Comparator.comparingDouble(SearchHit::score).reversed());
        List<SearchHit> out = new ArrayList<>();
        for (SearchHit h : all.subList(0, Math.min(limit, all.size()))) {
            out.add(new SearchHit(h.contentType(), h.id(), h.title(), h.snippet(), h.url(), h.score(), out.size() + 1, 0, h.space(), h.project(),
                    h.status(), h.updated(), 0));
        }
        return out;
    }

    private static List<SearchHit> articles(Connection c, String match, Filters f, int limit) throws SQLException {
        boolean pg = Dialect.of(c).postgres();
        String sql = pg
                ? "SELECT t.id, t.title, t.url, t.space_key, t.last_updated, ts_rank(" + TS_WEIGHTS + ", x.terms, q) AS r,"
                        + " ts_headline('" + FtsSearch.CONFIG + "', x.body, q, " + HEADLINE_OPTIONS + ")"
                        + " FROM to_tsquery('" + FtsSearch.CONFIG + "', ?) AS q JOIN kb_article_text x ON x.terms @@ q JOIN kb_articles t ON t.id = x.id"
                        + " WHERE t.status = 'active'" + (f.space() == null ? "" : " AND lower(t.space_key) = lower(?)") + " ORDER BY r DESC, t.id LIMIT ?"
                : "SELECT t.id, t.title, t.url, t.space_key, t.last_updated, bm25(kb_article_text, " + WEIGHTS + ") AS r,"
                        + " snippet(kb_article_text, 1, '', '', '…', 40) FROM kb_article_text JOIN kb_articles t ON t.id = kb_article_text.rowid"
                        + " WHERE kb_article_text MATCH ? AND t.status = 'active'" + (f.space() == null ? "" : " AND t.space_key = ? COLLATE NOCASE")
                        + " ORDER BY r LIMIT ?";
        List<SearchHit> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, match);
            if (f.space() != null) {
                ps.setString(i++, f.space());
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SearchHit(ContentTypes.ARTICLE, rs.getLong(1), rs.getString(2), clean(rs.getString(7)), rs.getString(3),
                            pg ? rs.getDouble(6) : -rs.getDouble(6),
                            0, 0, rs.getString(4), null, null, KbContents.instant(rs.getString(5)), 0));
                }
            }
        }
        return out;
    }

    private static List<SearchHit> tickets(Connection c, String match, Filters f, int limit) throws SQLException {
        boolean pg = Dialect.of(c).postgres();
        StringBuilder sql = new StringBuilder(pg
                ? "SELECT t.id, t.ticket_key, t.summary, t.url, t.project, t.workflow_status, t.issue_updated,"
                        + " ts_rank(" + TS_WEIGHTS + ", x.terms, q) AS r, ts_headline('" + FtsSearch.CONFIG + "', x.body, q, " + HEADLINE_OPTIONS + ")"
                        + " FROM to_tsquery('" + FtsSearch.CONFIG + "', ?) AS q JOIN kb_ticket_text x ON x.terms @@ q JOIN kb_tickets t ON t.id = x.id"
                        + " WHERE t.status = 'active'"
                : "SELECT t.id, t.ticket_key, t.summary, t.url, t.project, t.workflow_status, t.issue_updated,"
                        + " bm25(kb_ticket_text, " + WEIGHTS + ") AS r, snippet(kb_ticket_text, 1, '', '', '…', 40)"
                        + " FROM kb_ticket_text JOIN kb_tickets t ON t.id = kb_ticket_text.rowid WHERE kb_ticket_text MATCH ? AND t.status = 'active'");
        List<String> args = new ArrayList<>();
        args.add(match);
        if (f.project() != null) {
            sql.append(pg ? " AND lower(t.project) = lower(?)" : " AND t.project = ? COLLATE NOCASE");
            args.add(f.project());
        }
        if (f.status() != null) {
            sql.append(pg ? " AND lower(t.workflow_status) = lower(?)" : " AND t.workflow_status = ? COLLATE NOCASE");
            args.add(f.status());
        }
        if (f.resolvedOnly()) {
            sql.append(" AND t.resolution IS NOT NULL AND t.resolution <> ''");
        }
        sql.append(pg ? " ORDER BY r DESC, t.id LIMIT ?" : " ORDER BY r LIMIT ?");
        List<SearchHit> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (String a : args) {
                ps.setString(i++, a);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SearchHit(ContentTypes.TICKET, rs.getLong(1), KbContents.ticketTitle(rs.getString(2), rs.getString(3)),
                            clean(rs.getString(9)), rs.getString(4), pg ? rs.getDouble(8) : -rs.getDouble(8), 0, 0, null, rs.getString(5), rs.getString(6),
                            KbContents.instant(rs.getString(7)), 0));
                }
            }
        }
        return out;
    }

    /** Passages are shown on one line. */
    static String clean(String snippet) {
        return snippet == null ? "" : snippet.replaceAll("\\s+", " ").strip();
    }
}
