package com.enreach.tools.core.internal.netbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.db.Sql;
import com.enreach.tools.core.internal.sql.Dialect;

/** Small JDBC helpers shared by the pipeline's row classes: a WHERE built from optional filters, nullable columns. */
final class NbSql {
    static final int DEFAULT_LIMIT = Sql.DEFAULT_LIMIT;
    static final int MAX_LIMIT = Sql.MAX_LIMIT;

    private NbSql() {
    }

    /** A WHERE clause under construction with its parameters, in order. */
    static final class Where {
        private final StringBuilder sql = new StringBuilder();
        final List<Object> params = new ArrayList<>();

        Where eq(String column, Object value) {
            return value == null ? this : add(column + " = ?", value);
        }

        Where add(String condition, Object... values) {
            sql.append(sql.length() == 0 ? " WHERE " : " AND ").append(condition);
            params.addAll(List.of(values));
            return this;
        }

        @Override
        public String toString() {
            return sql.toString();
        }
    }

    static int limit(int limit) {
        return Sql.limit(limit);
    }

    static int offset(int offset) {
        return Sql.offset(offset);
    }

    static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        Sql.bind(ps, params);
    }

    static long count(Connection c, String sql, List<Object> params) throws SQLException {
        return Sql.count(c, sql, params);
    }

    /**
     * The condition that the text contains the one parameter as a substring (no wildcards): SQLite's instr,
     * PostgreSQL's strpos.
     */
    static String contains(Connection c, String text) throws SQLException {
        return (Dialect.of(c).postgres() ? "strpos(" : "instr(") + text + ", ?) > 0";
    }

    static Long getLong(ResultSet rs, String column) throws SQLException {
        return Sql.getLong(rs, column);
    }

    static String json(Object value) {
        return value == null ? null : Json.write(value);
    }

    static Map<String, Object> map(String json) {
        return json == null ? null : Json.readMap(json);
    }

    /** A JSON value column (any JSON: string, number, map ...) back to its Java value. */
    static Object value(String json) {
        return json == null ? null : Json.read(json, Object.class);
    }
}
