package com.enreach.tools.core.internal.sync;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Binding, reading and comparing the column values the loader writes. */
final class SqlValues {
    private SqlValues() {
    }

    /** Binds values from parameter {@code start}; returns the next parameter index. Booleans are stored as 0/1. */
    static int bind(PreparedStatement ps, int start, Object[] values) throws SQLException {
        int i = start;
        for (Object v : values) {
            if (v == null) {
                ps.setNull(i++, java.sql.Types.NULL);
            } else if (v instanceof String s) {
                ps.setString(i++, s);
            } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                ps.setLong(i++, ((Number) v).longValue());
            } else if (v instanceof Boolean b) {
                ps.setInt(i++, b ? 1 : 0);
            } else {
                ps.setObject(i++, v);
            }
        }
        return i;
    }

    static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, java.sql.Types.INTEGER);
        } else {
            ps.setLong(i, v);
        }
    }

    /** {@code n} columns from {@code first}, as stored. */
    static Object[] read(ResultSet rs, int first, int n) throws SQLException {
        Object[] v = new Object[n];
        for (int i = 0; i < n; i++) {
            v[i] = rs.getObject(first + i);
        }
        return v;
    }

    /** Whether a stored value equals a value about to be written (numbers by value, booleans as 0/1, the rest as text). */
    static boolean same(Object stored, Object value) {
        Object v = value instanceof Boolean b ? (Object) (b ? 1L : 0L) : value;
        if (stored == null || v == null) {
            return stored == null && v == null;
        }
        if (stored instanceof Number a && v instanceof Number b) {
            boolean integral = !(a instanceof Double || a instanceof Float || b instanceof Double || b instanceof Float);
            return integral ? a.longValue() == b.longValue() : Double.compare(a.doubleValue(), b.doubleValue()) == 0;
        }
        return stored.toString().equals(v.toString());
    }

    /** The columns whose stored value differs from the new one. */
    static List<String> diff(String[] columns, Object[] stored, Object[] values) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            if (!same(stored[i], values[i])) {
                fields.add(columns[i]);
            }
        }
        return fields;
    }
}
