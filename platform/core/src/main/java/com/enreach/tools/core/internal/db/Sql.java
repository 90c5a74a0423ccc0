package com.enreach.tools.core.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

import com.enreach.tools.api.ApiException;

/** Small JDBC helpers the stores share: page bounds (400 naming the parameter), parameter binding, counts, nullable longs. */
public final class Sql {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    private Sql() {
    }

    /**
     * The SET list of an upsert's {@code ON CONFLICT ... DO UPDATE} that takes each column's new value:
     * {@code a = excluded.a, b = excluded.b} (standard upsert syntax, the same in SQLite and PostgreSQL).
     */
    public static String excluded(String... columns) {
        StringBuilder b = new StringBuilder();
        for (String col : columns) {
            b.append(b.length() == 0 ? "" : ", ").append(col).append(" = excluded.").append(col);
        }
        return b.toString();
    }

    /** 0 = the default; above the maximum = the maximum; below 0 = a 400 naming {@code limit}. */
    public static int limit(int limit) {
        if (limit < 0) {
            throw ApiException.invalid("limit", "limit must be 0 or more, got " + limit);
        }
        return limit == 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
    }

    public static int offset(int offset) {
        if (offset < 0) {
            throw ApiException.invalid("offset", "offset must be 0 or more, got " + offset);
        }
        return offset;
    }

    /** Binds parameters in order: null, whole numbers, doubles, booleans as 0/1, anything else as its text. */
    public static void bind(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (p instanceof Long l) {
                ps.setLong(i + 1, l);
            } else if (p instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (p instanceof Double d) {
                ps.setDouble(i + 1, d);
            } else if (p instanceof Boolean b) {
                ps.setInt(i + 1, b ? 1 : 0);
            } else {
                ps.setString(i + 1, p.toString());
            }
        }
    }

    public static long count(Connection c, String sql, List<?> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    public static Long getLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
