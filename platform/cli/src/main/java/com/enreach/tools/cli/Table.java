package com.enreach.tools.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain text table for people: left-aligned columns, control characters escaped, long cells cut with an ellipsis. */
final class Table {
    static final int MAX_CELL = 60;

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = List.of(headers);
    }

    Table row(Object... cells) {
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            String s = c == null ? "" : TerminalText.escape(c.toString());
            r.add(s.codePointCount(0, s.length()) > MAX_CELL ? s.substring(0, s.offsetByCodePoints(0, MAX_CELL - 1)) + "…" : s);
        }
        rows.add(r);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintWriter out) {
        int[] w = new int[headers.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = headers.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], width(cell(r, i)));
            }
        }
        line(out, headers, w);
        for (List<String> r : rows) {
            line(out, r, w);
        }
        out.flush();
    }

    private static void line(PrintWriter out, List<String> cells, int[] w) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            String c = cell(cells, i);
            b.append(c);
            if (i < w.length - 1) {
                b.append(" ".repeat(w[i] - width(c) + 2));
            }
        }
        out.println(b.toString().stripTrailing());
    }

    private static String cell(List<String> r, int i) {
        return i < r.size() ? r.get(i) : "";
    }

    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}
