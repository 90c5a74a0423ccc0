package com.enreach.tools.core.internal.kb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.DatabaseException;
import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.search.FtsSearch;
import com.enreach.tools.core.internal.sql.Dialect;

/** Reads on the budgeted read pool (a slow query is refused as overloaded, never a 500) and small helpers. */
final class KbSql {
    /** Terms of a text query beyond this are ignored. */
    static final int MAX_TERMS = 16;

    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /** Maps one row of a listing. */
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /**
     * One page of a knowledge table ({@code x}) filtered by {@code where}; with a text query, only rows its text table
     * (keyed by the row id) matches, ranked with the title weighing 3: by bm25 on SQLite (FTS5, {@code rowid}), by
     * ts_rank on PostgreSQL (the {@code terms} tsvector, the title in weight A).
     *
     * @param order the order without a text query
     */
    static <T> com.enreach.tools.api.Page<T> page(Database db, String table, String textTable, String columns, StringBuilder where,
                                                   List<Object> args, String order, String text, int limit, int offset,
                                                   RowMapper<T> mapper) {
        String from = " FROM " + table + " x";
        List<Object> orderArgs = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            Dialect dialect = db.dialect();
            String fts = ftsQuery(text, dialect);
            if (fts == null) {
                return new com.enreach.tools.api.Page<>(0, limit, offset, List.of());
            }
            if (dialect.postgres()) {
                from = " FROM " + textTable + " t JOIN " + table + " x ON x.id = t.id";
                where.append(" AND t.terms @@ to_tsquery('" + FtsSearch.CONFIG + "', ?)");
                order = " ORDER BY ts_rank('{0.1, 0.1, 0.1, 0.3}', t.terms, to_tsquery('" + FtsSearch.CONFIG + "', ?)) DESC, x.id";
                orderArgs.add(fts);
            } else {
                from = " FROM " + textTable + " t JOIN " + table + " x ON x.id = t.rowid";
                where.append(" AND ").append(textTable).append(" MATCH ?");
                order = " ORDER BY bm25(" + textTable + ", 3.0, 1.0), x.id";
            }
            args.add(fts);
        }
        String sqlFrom = from;
        String sqlOrder = order;
        return read(db, c -> {
            long count = count(c, "SELECT count(*)" + sqlFrom + where, args);
            List<Object> paged = new ArrayList<>(args);
            paged.addAll(orderArgs);
            paged.add(limit);
            paged.add(offset);
            List<T> out = new ArrayList<>();
            query(c, "SELECT " + columns + sqlFrom + where + sqlOrder + " LIMIT ? OFFSET ?", paged, rs -> out.add(mapper.map(rs)));
            return new com.enreach.tools.api.Page<>(count, limit, offset, out);
        });
    }

    private KbSql() {
    }

    static <T> T read(Database db, Database.SqlWork<T> work) {
        try (Connection c = db.readSource().getConnection()) {
            return work.run(c);
        } catch (SQLException | RuntimeException e) {
            if (Database.isReadTimeout(e)) {
                throw new ApiException(ApiException.Reason.OVERLOADED, "overloaded", null,
                        "The database is busy and this query did not finish within its time budget; retry shortly or narrow the query", null);
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new DatabaseException((SQLException) e);
        }
    }

    static void query(Connection c, String sql, List<?> args, RowHandler h) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    h.row(rs);
                }
            }
        }
    }

    static long count(Connection c, String sql, List<?> args) throws SQLException {
        long[] n = {0};
        query(c, sql, args, rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    /**
     * Free text as a query of the engine's text index: every whitespace-separated term a quoted phrase (FTS5) or
     * phrase of quoted lexemes ({@code to_tsquery}), so query syntax in user text is never interpreted, the last token
     * a prefix, all terms required; null when the text has no word.
     */
    static String ftsQuery(String text, Dialect dialect) {
        List<String> phrases = new ArrayList<>();
        for (String term : text.trim().split("\\s+")) {
            if (phrases.size() == MAX_TERMS) {
                break;
            }
            if (term.codePoints().anyMatch(Character::isLetterOrDigit)) {
                String phrase = dialect.postgres() ? FtsSearch.tsPhrase(term, true) : FtsSearch.phrase(term, true);
                if (phrase != null) {
                    phrases.add(phrase);
                }
            }
        }
        return phrases.isEmpty() ? null : FtsSearch.all(dialect, phrases);
    }

    static List<String> list(String json) {
        List<String> out = new ArrayList<>();
        Json.readList(json).forEach(v -> out.add(String.valueOf(v)));
        return List.copyOf(out);
    }

    /** A record-status filter: active (the default), stale or all; null for all. */
    static String status(String field, String value) {
        String s = value == null || value.isBlank() ? "active" : value.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "active", "stale" -> s;
            case "all" -> null;
            default -> throw ApiException.invalid(field, field + " must be active, stale or all; got '" + value + "'");
        };
    }

    static void page(int limit, int offset, int max) {
        if (limit < 1 || limit > max) {
            throw ApiException.invalid("limit", "limit must be between 1 and " + max + ", got " + limit);
        }
        if (offset < 0) {
            throw ApiException.invalid("offset", "offset must be 0 or more, got " + offset);
        }
    }

    /**
     * {@code column = ?} without case (ASCII on SQLite through NOCASE, as its indexes are; {@code lower()} on both
     * sides on PostgreSQL, which has {@code lower(column)} indexes instead).
     */
    static String equalsNocase(Dialect dialect, String column) {
        return dialect.postgres() ? "lower(" + column + ") = lower(?)" : column + " = ? COLLATE NOCASE";
    }

    /** The content {@code x} has a label (its JSON array {@code labels}) equal to the parameter, without case. */
    static String hasLabel(Dialect dialect) {
        return dialect.postgres() ? "EXISTS (SELECT 1 FROM json_array_elements_text(CAST(x.labels AS json)) AS l(value) WHERE lower(l.value) = lower(?))"
                : "EXISTS (SELECT 1 FROM json_each(x.labels) l WHERE l.value = ? COLLATE NOCASE)";
    }

    /** Appends {@code AND clause} with its value when the value is given. */
    static void filter(StringBuilder where, List<Object> args, String clause, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" AND ").append(clause);
            args.add(value.trim());
        }
    }
}
