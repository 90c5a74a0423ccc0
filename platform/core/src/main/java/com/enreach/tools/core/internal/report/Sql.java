package com.enreach.tools.core.internal.report;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** SQL text with its bind values in order, built in pieces (reports compose a findings query into count and page). */
final class Sql {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> binds = new ArrayList<>();

    Sql add(String sql, Object... values) {
        text.append(sql);
        binds.addAll(List.of(values));
        return this;
    }

    Sql add(Sql other) {
        text.append(other.text);
        binds.addAll(other.binds);
        return this;
    }

    /** {@code (?, ?, ?)} for the values; {@code (NULL)} for none, which matches nothing. */
    Sql in(Collection<?> values) {
        if (values.isEmpty()) {
            return add("(NULL)");
        }
        text.append('(');
        String sep = "";
        for (Object v : values) {
            text.append(sep).append('?');
            binds.add(v);
            sep = ", ";
        }
        text.append(')');
        return this;
    }

    String text() {
        return text.toString();
    }

    void bind(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < binds.size(); i++) {
            ps.setObject(i + 1, binds.get(i));
        }
    }

    @Override
    public String toString() {
        return text + " " + binds;
    }
}
