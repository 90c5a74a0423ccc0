package com.enreach.tools.core.internal.sync;

import java.util.regex.Pattern;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The HTML kept for display: whatever a plugin sends goes through the OWASP sanitiser with a policy for documents
 * (headings, paragraphs, lists, tables, code, quotes, links, basic formatting). Scripts, styles, event handlers,
 * frames, forms and every URL that is not http, https or mailto are dropped; links get rel="nofollow noopener".
 */
public final class KbHtml {
    private static final Pattern CODE_CLASS = Pattern.compile("(language|lang)-[A-Za-z0-9_+-]{1,30}");
    private static final Pattern SIZE = Pattern.compile("[0-9]{1,4}");
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "div", "span",
                    "ul", "ol", "li", "dl", "dt", "dd",
                    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
                    "pre", "code", "kbd", "samp", "var", "blockquote", "q", "cite",
                    "b", "strong", "i", "em", "u", "s", "strike", "del", "ins", "sub", "sup", "small", "mark", "abbr",
                    "a", "img")
            .allowAttributes("href").onElements("a")
            .allowAttributes("title").globally()
            .allowAttributes("colspan", "rowspan").matching(SIZE).onElements("td", "th")
            .allowAttributes("start").matching(SIZE).onElements("ol")
            .allowAttributes("class").matching(CODE_CLASS).onElements("pre", "code")
            .allowAttributes("src", "alt").onElements("img")
            .allowAttributes("width", "height").matching(SIZE).onElements("img")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("nofollow", "noopener")
            .toFactory();

    private KbHtml() {
    }

    /** Safe HTML for a page; empty for null. */
    public static String sanitize(String html) {
        return html == null || html.isEmpty() ? "" : POLICY.sanitize(html);
    }
}
