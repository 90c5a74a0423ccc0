package com.enreach.tools.plugin.confluence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Structured plain text of converted HTML, what search and the assistant read: headings and paragraphs on their own
 * lines separated by a blank line, list items as "- " (indented per level), table rows as cells joined by " | ",
 * code blocks verbatim.
 */
final class PlainText {
    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "div", "blockquote",
            "dl", "dt", "dd", "caption", "hr");

    private final StringBuilder out = new StringBuilder();
    private int nesting;

    private PlainText() {
    }

    static String of(Element root) {
        PlainText t = new PlainText();
        t.children(root, 0);
        return t.out.toString().replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    private void children(Element e, int depth) {
        if (++nesting > StorageFormat.MAX_DEPTH + 20) {
            inline(e.text()); // never deeper than the converter makes it, but never a stack overflow either
        } else {
            for (Node n : e.childNodes()) {
                node(n, depth);
            }
        }
        nesting--;
    }

    private void node(Node n, int depth) {
        if (n instanceof TextNode t) {
            inline(t.getWholeText());
            return;
        }
        if (!(n instanceof Element e)) {
            return;
        }
        String tag = e.tagName().toLowerCase(Locale.ROOT);
        switch (tag) {
            case "br" -> lineBreak();
            case "ul", "ol" -> list(e, depth);
            case "table" -> table(e);
            case "pre" -> {
                paragraph();
                out.append(e.wholeText().replaceAll("\\s+$", ""));
                paragraph();
            }
            default -> {
                if (BLOCKS.contains(tag)) {
                    paragraph();
                    children(e, depth);
                    paragraph();
                } else {
                    children(e, depth);
                }
            }
        }
    }

    private void list(Element list, int depth) {
        lineBreak();
        for (Element li : list.children()) {
            lineBreak();
            out.append("  ".repeat(depth)).append("- ");
            for (Node n : li.childNodes()) {
                if (n instanceof Element c && (c.tagName().equals("p") || c.tagName().equals("div"))) {
                    children(c, depth + 1); // a paragraph inside an item stays on the item's line
                } else {
                    node(n, depth + 1);
                }
            }
            lineBreak();
        }
        if (depth == 0) {
            paragraph();
        }
    }

    private void table(Element table) {
        paragraph();
        for (Element row : rows(table)) {
            List<String> cells = new ArrayList<>();
            for (Element cell : row.children()) {
                if (cell.tagName().equals("td") || cell.tagName().equals("th")) {
                    cells.add(cell.text().strip());
                }
            }
            if (!cells.isEmpty()) {
                lineBreak();
                out.append(String.join(" | ", cells));
                lineBreak();
            }
        }
        paragraph();
    }

    /** The table's own rows, not those of tables nested in its cells. */
    private static List<Element> rows(Element table) {
        List<Element> rows = new ArrayList<>();
        for (Element r : table.select("tr")) {
            if (r.closest("table") == table) {
                rows.add(r);
            }
        }
        return rows;
    }

    private void inline(String text) {
        String s = text.replaceAll("[\\s\\u00a0]+", " ");
        if (s.startsWith(" ") && (out.isEmpty() || endsWithSpace())) {
            s = s.substring(1);
        }
        out.append(s);
    }

    private boolean endsWithSpace() {
        char c = out.charAt(out.length() - 1);
        return c == ' ' || c == '\n';
    }

    private void lineBreak() {
        trimTrailingSpaces();
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    private void paragraph() {
        lineBreak();
        if (!out.isEmpty() && !(out.length() >= 2 && out.charAt(out.length() - 2) == '\n')) {
            out.append('\n');
        }
    }

    private void trimTrailingSpaces() {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
    }
}
