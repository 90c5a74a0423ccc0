package com.enreach.tools.core.internal.search;

import java.util.List;

import com.enreach.tools.core.internal.sql.Dialect;

/**
 * Free-text device search as the query layer applies it. The built-in implementation is the database's own text
 * index ({@link FtsSearch}: FTS5 on SQLite, a tsvector column on PostgreSQL); a vector index plugin can later supply
 * another and have its matches combined with these.
 */
public interface SearchService {

    /**
     * Match expressions for a user's free text, one per term (a device must match all, each term in any of its
     * documents), with every operator taken literally; empty when the text has nothing searchable (only
     * punctuation), which matches no device. On SQLite FTS5 MATCH expressions, on PostgreSQL {@code to_tsquery} text
     * in the {@link FtsSearch#CONFIG} configuration; {@link FtsSearch#all} joins them, {@link FtsSearch#matchingDevices}
     * applies one.
     */
    List<String> ftsTerms(String text, Dialect dialect);

    /** The FTS5 (SQLite) expressions: {@link #ftsTerms(String, Dialect)} for SQLite. */
    default List<String> ftsTerms(String text) {
        return ftsTerms(text, Dialect.SQLITE);
    }
}
