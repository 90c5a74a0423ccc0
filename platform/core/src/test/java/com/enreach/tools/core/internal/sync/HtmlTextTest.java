package com.enreach.tools.core.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void headingsListsTablesAndCodeKeepTheirShape() {
        String html = "<h1>Restarting  the\n web tier</h1><p>Check the <b>load balancer</b> first.</p>"
                + "<ul><li>drain <code>web01</code></li><li>restart<ul><li>nginx</li><li>php-fpm</li></ul></li></ul>"
                + "<table><tr><th>Host</th><th>Role</th></tr><tr><td>web01</td><td>front <br>end</td></tr></table>"
                + "<pre>  systemctl restart nginx\n  systemctl status nginx</pre><p>Done.</p>";
        assertEquals("""
                Restarting the web tier

                Check the load balancer first.
                - drain web01
                - restart
                  - nginx
                  - php-fpm

                Host | Role
                web01 | front end

                  systemctl restart nginx
                  systemctl status nginx

                Done.""", HtmlText.of(html));
    }

    @Test
    void scriptsAndEmptyInputGiveNoText() {
        assertEquals("visible", HtmlText.of("<script>var hidden = 1;</script><p>visible</p><style>p{}</style>"));
        assertEquals("", HtmlText.of(null));
        assertEquals("", HtmlText.of("  "));
        assertEquals("a & b < c", HtmlText.of("<p>a &amp; b &lt; c</p>"));
    }

    @Test
    void deeplyNestedMarkupDoesNotExhaustTheStack() {
        assertEquals("deep", HtmlText.of("<div>".repeat(100_000) + "deep" + "</div>".repeat(100_000)));
        assertEquals("a | b", HtmlText.of("<table><tr><td>a</td><td>" + "<span>".repeat(50_000) + "b" + "</span>".repeat(50_000) + "</td></tr></table>"));
    }

    @Test
    void aTableInsideACellStaysInThatCell() {
        assertEquals("outer | x | y\n\nnext", HtmlText.of("<table><tr><td>outer</td><td><table><tr><td>x</td><td>y</td></tr></table></td></tr></table><p>next</p>"));
    }
}
