package com.enreach.tools.plugin.demo;

import java.util.List;

/** A little HTML writer for the demo wiki pages (text is escaped; the core sanitises the result anyway). */
final class Html {
    private final StringBuilder b = new StringBuilder();

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    Html h(int level, String text) {
        b.append("<h").append(level).append('>').append(esc(text)).append("</h").append(level).append(">\n");
        return this;
    }

    Html p(String text) {
        b.append("<p>").append(esc(text)).append("</p>\n");
        return this;
    }

    /** An info panel (Confluence's info macro, as plain HTML). */
    Html note(String text) {
        b.append("<div class=\"panel info\"><p><strong>Note:</strong> ").append(esc(text)).append("</p></div>\n");
        return this;
    }

    Html ul(List<String> items) {
        return list("ul", items);
    }

    Html ol(List<String> items) {
        return list("ol", items);
    }

    private Html list(String tag, List<String> items) {
        b.append('<').append(tag).append(">\n");
        for (String i : items) {
            b.append("<li>").append(esc(i)).append("</li>\n");
        }
        b.append("</").append(tag).append(">\n");
        return this;
    }

    Html code(String language, String text) {
        b.append("<pre><code class=\"language-").append(language).append("\">").append(esc(text.strip())).append("</code></pre>\n");
        return this;
    }

    Html table(List<String> headers, List<List<String>> rows) {
        b.append("<table>\n<thead><tr>");
        for (String h : headers) {
            b.append("<th>").append(esc(h)).append("</th>");
        }
        b.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            b.append("<tr>");
            for (String c : row) {
                b.append("<td>").append(esc(c)).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table>\n");
        return this;
    }

    @Override
    public String toString() {
        return b.toString();
    }
}
