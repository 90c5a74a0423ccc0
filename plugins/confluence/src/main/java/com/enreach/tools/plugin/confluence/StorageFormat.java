package com.enreach.tools.plugin.confluence;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Turns Confluence storage format (XHTML with {@code ac:} macros and {@code ri:} resource identifiers) into plain
 * HTML for display and structured text for search ({@link PlainText}). Macros become what a reader sees: the code
 * macro a {@code pre} block kept verbatim, info/note/warning/tip panels their text in a {@code blockquote}, links their
 * text; images, emoticons and navigation macros (toc, children) are dropped. The core sanitises the HTML again.
 */
public final class StorageFormat {
    /** HTML elements kept as they are (their children converted); anything else is unwrapped to its content. */
    private static final Set<String> KEPT = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table",
            "thead", "tbody", "tfoot", "tr", "th", "td", "colgroup", "col", "pre", "code", "blockquote", "strong", "b",
            "em", "i", "u", "s", "del", "sub", "sup", "br", "hr", "a", "span", "div", "dl", "dt", "dd", "caption");
    private static final Set<String> PANELS = Set.of("info", "note", "warning", "tip", "panel", "expand", "details",
            "excerpt", "section", "column");
    private static final Set<String> VERBATIM = Set.of("code", "noformat");
    private static final Set<String> KEPT_ATTRIBUTES = Set.of("href", "colspan", "rowspan", "title");

    /**
     * Deeper than this, an element's content is kept as its text only: the walk is recursive, and a pathological
     * body (thousands of nested elements) must not overflow the stack of the run.
     */
    static final int MAX_DEPTH = 200;

    private int depth;

    /** The two renderings of one body. */
    public record Converted(String html, String text) {
    }

    private StorageFormat() {
    }

    /** Converts a storage-format body; null or blank gives empty HTML and text. */
    public static Converted convert(String storage) {
        if (storage == null || storage.isBlank()) {
            return new Converted("", "");
        }
        // the XML parser keeps CDATA (code bodies) and namespaced tags as they are; it is lenient with HTML entities
        Document source = Parser.xmlParser().parseInput("<root>" + storage + "</root>", "");
        Element root = source.selectFirst("root");
        Document out = Document.createShell("");
        out.outputSettings().prettyPrint(false);
        Element body = out.body();
        new StorageFormat().children(root, body);
        return new Converted(body.html(), PlainText.of(body));
    }

    private void convert(Node node, Element parent) {
        if (node instanceof CDataNode cdata) {
            parent.appendText(cdata.text());
        } else if (node instanceof TextNode text) {
            parent.appendText(text.getWholeText());
        } else if (node instanceof Element e) {
            element(e, parent);
        }
        // comments, processing instructions and declarations are dropped
    }

    private void element(Element e, Element parent) {
        String tag = e.tagName().toLowerCase(Locale.ROOT);
        switch (tag) {
            case "ac:structured-macro", "ac:macro" -> macro(e, parent);
            case "ac:link" -> parent.appendText(linkText(e));
            case "ac:image", "ac:emoticon", "ac:placeholder", "ri:attachment", "ri:url", "img" -> {
                // images and decorations carry no text worth keeping
            }
            case "ac:task-list" -> children(e, parent.appendElement("ul"));
            case "ac:task" -> task(e, parent);
            case "ac:layout", "ac:layout-section", "ac:layout-cell" -> children(e, parent.appendElement("div"));
            case "ac:rich-text-body", "ac:inline-comment-marker", "ac:link-body" -> children(e, parent);
            case "time" -> parent.appendText(e.hasAttr("datetime") ? e.attr("datetime") : e.text());
            default -> {
                if (tag.startsWith("ac:") || tag.startsWith("ri:") || tag.equals("script") || tag.equals("style")) {
                    return; // unknown Confluence element without a body we understand
                }
                if (KEPT.contains(tag)) {
                    Element copy = parent.appendElement(tag);
                    for (var a : e.attributes()) {
                        if (KEPT_ATTRIBUTES.contains(a.getKey().toLowerCase(Locale.ROOT))) {
                            copy.attr(a.getKey().toLowerCase(Locale.ROOT), a.getValue());
                        }
                    }
                    children(e, copy);
                } else {
                    children(e, parent);
                }
            }
        }
    }

    private void children(Element from, Element to) {
        if (depth >= MAX_DEPTH) {
            to.appendText(from.text()); // jsoup gathers text without recursion
            return;
        }
        depth++;
        try {
            for (Node child : List.copyOf(from.childNodes())) {
                convert(child, to);
            }
        } finally {
            depth--;
        }
    }

    private void macro(Element macro, Element parent) {
        String name = macro.attr("ac:name").toLowerCase(Locale.ROOT);
        Element plain = child(macro, "ac:plain-text-body");
        Element rich = child(macro, "ac:rich-text-body");
        if (VERBATIM.contains(name) || (rich == null && plain != null)) {
            Element code = parent.appendElement("pre").appendElement("code");
            String language = parameter(macro, "language");
            if (language != null) {
                code.attr("class", "language-" + language.replaceAll("[^A-Za-z0-9+#_-]", ""));
            }
            code.text(plain == null ? "" : verbatim(plain));
            return;
        }
        if (rich == null) {
            return; // toc, children, jira, anchor...: nothing a reader of the text needs
        }
        // a quote block: the core's sanitiser keeps it (it drops classes on divs), so panels stay set apart
        Element box = parent.appendElement("blockquote").attr("class", "confluence-panel confluence-"
                + (PANELS.contains(name) ? name : "macro"));
        String title = parameter(macro, "title");
        if (title != null) {
            box.appendElement("p").appendElement("strong").text(title);
        }
        children(rich, box);
    }

    private void task(Element task, Element list) {
        Element status = child(task, "ac:task-status");
        Element li = list.appendElement("li");
        li.appendText(status != null && "complete".equalsIgnoreCase(status.text().trim()) ? "[x] " : "[ ] ");
        Element body = child(task, "ac:task-body");
        if (body != null) {
            children(body, li);
        }
    }

    /** The text a link shows: its body, else the linked page's title, attachment's file name or the anchor. */
    private static String linkText(Element link) {
        Element body = child(link, "ac:plain-text-link-body");
        if (body != null && !verbatim(body).isBlank()) {
            return verbatim(body);
        }
        Element rich = child(link, "ac:link-body");
        if (rich != null && !rich.text().isBlank()) {
            return rich.text();
        }
        for (Element r : link.children()) {
            for (String attr : List.of("ri:content-title", "ri:filename", "ri:space-key")) {
                if (r.hasAttr(attr)) {
                    return r.attr(attr);
                }
            }
        }
        return link.hasAttr("ac:anchor") ? link.attr("ac:anchor") : "";
    }

    /** The text of a plain-text body: its CDATA as written (code keeps its own line breaks and indentation). */
    private static String verbatim(Element plain) {
        StringBuilder sb = new StringBuilder();
        for (Node n : plain.childNodes()) {
            if (n instanceof TextNode t) {
                sb.append(t.getWholeText());
            }
        }
        return sb.toString();
    }

    private static String parameter(Element macro, String name) {
        for (Element p : macro.children()) {
            if (p.tagName().equalsIgnoreCase("ac:parameter") && name.equalsIgnoreCase(p.attr("ac:name"))) {
                String v = p.text().trim();
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    private static Element child(Element e, String tag) {
        for (Element c : e.children()) {
            if (c.tagName().equalsIgnoreCase(tag)) {
                return c;
            }
        }
        return null;
    }
}
