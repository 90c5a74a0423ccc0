package com.enreach.tools.core.internal.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Plain text of an HTML body that keeps its structure, for search, chunking and the assistant: headings and paragraphs
 * on their own lines, list items as "- " (indented by nesting), table rows as "a | b", pre blocks verbatim. Walks the
 * tree without recursion, so deeply nested markup cannot exhaust the stack.
 */
public final class HtmlText implements NodeFilter {
    private static final Set<String> BLOCKS = Set.of("p", "div", "blockquote", "section", "article", "header", "footer", "dl", "dt", "dd",
            "caption", "figure", "figcaption", "address", "main", "nav", "aside");
    private static final Set<String> SKIP = Set.of("script", "style", "head", "title", "template", "noscript", "iframe", "object");

    private static final java.util.regex.Pattern BLANKS = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern LINE_BREAK = java.util.regex.Pattern.compile("\\s*\\n\\s*");

    private final StringBuilder out = new StringBuilder();
    /** Where text goes: the body, or the innermost table cell being read. */
    private final Deque<StringBuilder> targets = new ArrayDeque<>(List.of(out));
    /** The cells of the table rows being read, innermost last. */
    private final Deque<List<String>> rows = new ArrayDeque<>();
    private int listDepth;

    private HtmlText() {
    }

    /** The structured text of an HTML fragment; empty for null or blank input. */
    public static String of(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        HtmlText t = new HtmlText();
        NodeTraversor.filter(t, Jsoup.parseBodyFragment(html).body());
        return tidy(t.out);
    }

    @Override
    public FilterResult head(Node n, int depth) {
        if (n instanceof TextNode t) {
            inline(t.text());
            return FilterResult.CONTINUE;
        }
        if (!(n instanceof Element e)) {
            return FilterResult.CONTINUE;
        }
        String tag = e.normalName();
        if (SKIP.contains(tag)) {
            return FilterResult.SKIP_ENTIRELY;
        }
        switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6", "table", "hr" -> blankLine();
            case "br" -> cur().append('\n');
            case "ul", "ol" -> {
                newline();
                listDepth++;
            }
            case "li" -> {
                newline();
                cur().append("  ".repeat(Math.max(0, listDepth - 1))).append("- ");
            }
            case "tr" -> rows.push(new ArrayList<>());
            case "td", "th" -> targets.push(new StringBuilder());
            case "pre" -> {
                blankLine();
                String code = e.wholeText();
                cur().append(code.startsWith("\n") ? code.substring(1) : code);
                blankLine();
                return FilterResult.SKIP_CHILDREN;
            }
            default -> {
                if (BLOCKS.contains(tag)) {
                    newline();
                }
            }
        }
        return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node n, int depth) {
        if (!(n instanceof Element e)) {
            return FilterResult.CONTINUE;
        }
        switch (e.normalName()) {
            case "h1", "h2", "h3", "h4", "h5", "h6", "table" -> blankLine();
            case "ul", "ol" -> {
                listDepth--;
                newline();
            }
            case "li" -> newline();
            case "td", "th" -> {
                String cell = LINE_BREAK.matcher(tidy(targets.size() > 1 ? targets.pop() : new StringBuilder())).replaceAll(" ");
                if (!rows.isEmpty()) {
                    rows.peek().add(cell);
                } else {
                    inline(cell); // a cell outside any row
                }
            }
            case "tr" -> {
                List<String> cells = rows.isEmpty() ? List.of() : rows.pop();
                newline();
                cur().append(String.join(" | ", cells));
                newline();
            }
            default -> {
                if (BLOCKS.contains(e.normalName())) {
                    newline();
                }
            }
        }
        return FilterResult.CONTINUE;
    }

    private StringBuilder cur() {
        return targets.peek();
    }

    private void inline(String text) {
        String s = BLANKS.matcher(text).replaceAll(" ");
        if (atLineStart()) {
            s = s.stripLeading();
        }
        cur().append(s);
    }

    private boolean atLineStart() {
        StringBuilder b = cur();
        int n = b.length();
        // after a list marker or a blank the leading blanks of the text are noise too
        return n == 0 || b.charAt(n - 1) == '\n' || b.charAt(n - 1) == ' ';
    }

    private void newline() {
        StringBuilder b = cur();
        if (b.length() > 0 && b.charAt(b.length() - 1) != '\n') {
            b.append('\n');
        }
    }

    private void blankLine() {
        newline();
        StringBuilder b = cur();
        if (b.length() > 0 && !(b.length() >= 2 && b.charAt(b.length() - 2) == '\n')) {
            b.append('\n');
        }
    }

    /** Trailing blanks off every line, at most one empty line in a row, no blank lines at either end. */
    private static String tidy(CharSequence text) {
        String[] lines = text.toString().split("\n", -1);
        StringBuilder sb = new StringBuilder(text.length());
        int empty = 0;
        for (String line : lines) {
            String l = line.stripTrailing();
            if (l.isEmpty()) {
                empty++;
                continue;
            }
            if (sb.length() > 0) {
                sb.append(empty > 0 ? "\n\n" : "\n");
            }
            empty = 0;
            sb.append(l);
        }
        return sb.toString();
    }
}
