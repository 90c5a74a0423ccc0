package com.enreach.tools.core.internal.sql;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The SQL that differs between the two engines the master database runs on. Statements are written once, in the
 * common subset of SQLite and PostgreSQL, and take the few engine-specific pieces from here (docs/scaling.md lists
 * them). A connection tells its engine ({@link #of}); the master database knows its own ({@code Database.dialect()}).
 */
public enum Dialect {
    SQLITE,
    POSTGRESQL;

    /** The engine a connection talks to, from its JDBC URL (cheap: both drivers keep their metadata object). */
    public static Dialect of(Connection c) throws SQLException {
        String url = c.getMetaData().getURL();
        return url != null && url.startsWith("jdbc:postgresql:") ? POSTGRESQL : SQLITE;
    }

    public boolean postgres() {
        return this == POSTGRESQL;
    }

    /**
     * A one-column row source of the integers in a JSON array bound as one text parameter ({@code [1,2,3]}), column
     * {@code value}: {@code ... IN (SELECT value FROM <this>)}.
     */
    public String jsonIds() {
        return this == SQLITE ? "json_each(?)" : "(SELECT CAST(e AS bigint) AS value FROM json_array_elements_text(CAST(? AS json)) AS t(e)) AS ids";
    }

    /** The same for the strings of a JSON array bound as one text parameter, column {@code value}. */
    public String jsonTexts() {
        return this == SQLITE ? "json_each(?)" : "json_array_elements_text(CAST(? AS json)) AS t(value)";
    }

    /** An expression folded for case-insensitive comparison and sorting (SQLite's NOCASE: ASCII letters only). */
    public String nocase(String expr) {
        return this == SQLITE ? expr + " COLLATE NOCASE" : "lower(" + expr + ")";
    }

    /** The text value at a top-level key of a JSON text column: {@code json_extract(col, '$.key')}. */
    public String jsonText(String column, String key) {
        return this == SQLITE ? "json_extract(" + column + ", '$." + key + "')" : "(CAST(" + column + " AS jsonb) ->> '" + key + "')";
    }

    /** The larger of two values (SQLite's scalar {@code max(a, b)}). */
    public String greatest(String a, String b) {
        return (this == SQLITE ? "max(" : "greatest(") + a + ", " + b + ")";
    }

    /** The smaller of two values (SQLite's scalar {@code min(a, b)}). */
    public String least(String a, String b) {
        return (this == SQLITE ? "min(" : "least(") + a + ", " + b + ")";
    }
}
