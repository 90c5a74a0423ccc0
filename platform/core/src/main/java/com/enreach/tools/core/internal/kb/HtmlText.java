package com.enreach.tools.core.internal.kb;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Plain text of an HTML body that keeps its structure, for search, chunking and the assistant: headings and paragraphs
 * on their own lines, list items as "- " (indented by nesting), table rows as "a | b", pre blocks verbatim.
 */
public final class HtmlText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "blockquote", "section", "article", "header", "footer", "dl", "dt", "dd",
            "caption", "figure", "figcaption", "address", "main", "nav", "aside");
    private static final Set<String> SKIP = Set.of("script", "style", "head", "title", "template", "noscript", "iframe", "object");

    private final StringBuilder out = new StringBuilder();
    private int listDepth;

    private HtmlText() {
    }

    /** The structured text of an HTML fragment; empty for null or blank input. */
    public static String of(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        HtmlText t = new HtmlText();
        t.children(Jsoup.parseBodyFragment(html).body());
        return tidy(t.out);
    }

    private void children(Node parent) {
        for (Node n : parent.childNodes()) {
            node(n);
        }
    }

    private void node(Node n) {
        if (n instanceof TextNode t) {
            inline(t.text());
            return;
        }
        if (!(n instanceof Element e)) {
            return;
        }
        String tag = e.normalName();
        if (SKIP.contains(tag)) {
            return;
        }
        switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6", "table" -> {
                blankLine();
                children(e);
                blankLine();
            }
            case "br" -> out.append('\n');
            case "hr" -> blankLine();
            case "ul", "ol" -> {
                newline();
                listDepth++;
                children(e);
                listDepth--;
                newline();
            }
            case "li" -> {
                newline();
                out.append("  ".repeat(Math.max(0, listDepth - 1))).append("- ");
                children(e);
                newline();
            }
            case "tr" -> row(e);
            case "pre" -> {
                blankLine();
                String code = e.wholeText();
                out.append(code.startsWith("\n") ? code.substring(1) : code);
                blankLine();
            }
            default -> {
                boolean block = BLOCKS.contains(tag);
                if (block) {
                    newline();
                }
                children(e);
                if (block) {
                    newline();
                }
            }
        }
    }

    /** A table row: its cells' text on one line, separated by " | ". */
    private void row(Element tr) {
        List<String> cells = new ArrayList<>();
        for (Element cell : tr.children()) {
            if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                HtmlText t = new HtmlText();
                t.children(cell);
                cells.add(tidy(t.out).replaceAll("\\s*\\n\\s*", " "));
            }
        }
        newline();
        out.append(String.join(" | ", cells));
        newline();
    }

    private void inline(String text) {
        String s = text.replaceAll("\\s+", " ");
        if (atLineStart()) {
            s = s.stripLeading();
        }
        out.append(s);
    }

    private boolean atLineStart() {
        int n = out.length();
        if (n == 0 || out.charAt(n - 1) == '\n') {
            return true;
        }
        // after a list marker or indentation: the line has started, but leading blanks of the text are still noise
        return out.charAt(n - 1) == ' ';
    }

    private void newline() {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    private void blankLine() {
        newline();
        if (out.length() > 0 && !(out.length() >= 2 && out.charAt(out.length() - 2) == '\n')) {
            out.append('\n');
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
