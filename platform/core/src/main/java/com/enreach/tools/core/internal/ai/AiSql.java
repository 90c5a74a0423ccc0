package com.enreach.tools.core.internal.ai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.db.Sql;
import com.fasterxml.jackson.core.type.TypeReference;

/** JDBC and JSON helpers shared by the assistant's row classes. */
final class AiSql {
    private AiSql() {
    }

    static int limit(int limit) {
        return Sql.limit(limit);
    }

    static int offset(int offset) {
        return Sql.offset(offset);
    }

    static void bind(PreparedStatement ps, Object... params) throws SQLException {
        Sql.bind(ps, Arrays.asList(params));
    }

    /** Runs an INSERT and returns the new row's id. */
    static long insert(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, params);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long count(Connection c, String sql, Object... params) throws SQLException {
        return Sql.count(c, sql, Arrays.asList(params));
    }

    static Long getLong(ResultSet rs, String column) throws SQLException {
        return Sql.getLong(rs, column);
    }

    static String json(Object value) {
        return Json.write(value == null ? List.of() : value);
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
