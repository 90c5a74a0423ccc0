package com.enreach.tools.core.internal.netbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.core.internal.db.Json;

/** Small JDBC helpers shared by the pipeline's row classes: a WHERE built from optional filters, nullable columns. */
final class NbSql {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

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
        if (limit < 0) {
            throw ApiException.invalid("limit", "limit must be 0 or more, got " + limit);
        }
        return limit == 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
    }

    static int offset(int offset) {
        if (offset < 0) {
            throw ApiException.invalid("offset", "offset must be 0 or more, got " + offset);
        }
        return offset;
    }

    static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (p instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (p instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (p instanceof Boolean b) {
                ps.setInt(i + 1, b ? 1 : 0);
            } else {
                ps.setString(i + 1, p.toString());
            }
        }
    }

    static long count(java.sql.Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    static Long getLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
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
