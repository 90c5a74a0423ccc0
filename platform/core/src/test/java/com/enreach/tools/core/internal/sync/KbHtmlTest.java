package com.enreach.tools.core.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KbHtmlTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<form action=\"https://evil.example\"><input name=p></form>",
        "<style>body{display:none}</style>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<svg onload=alert(1)>",
        "<img src=\"javascript:alert(1)\">",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<body onload=alert(1)>",
        "<object data=\"x.swf\"></object><embed src=x>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<div onclick=\"alert(1)\">x</div>",
        "<<script>alert(1)//<</script>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
    })
    void hostileMarkupLosesEverythingThatRuns(String hostile) {
        String clean = KbHtml.sanitize("<p>before</p>" + hostile + "<p>after</p>").toLowerCase(Locale.ROOT);
        for (String bad : new String[] {"<script", "javascript:", "onerror", "onload", "onclick", "<iframe", "<form", "<input", "<style",
            "style=", "<svg", "data:", "<object", "<embed", "<meta", "<base", "<math"}) {
            assertFalse(clean.contains(bad), bad + " survived in " + clean);
        }
        assertTrue(clean.contains("<p>before</p>") && clean.contains("<p>after</p>"), clean);
    }

    @Test
    void documentStructureAndSafeLinksStay() {
        String html = "<h1>Title</h1><p>Text with <strong>bold</strong>, <em>em</em> and <code>code</code>.</p>"
                + "<ul><li>one</li></ul><ol><li>two</li></ol><table><tbody><tr><th>a</th><td colspan=\"2\">b</td></tr></tbody></table>"
                + "<pre><code class=\"language-bash\">ls -l</code></pre><blockquote>q</blockquote>"
                + "<a href=\"https://wiki.example.com/x\">link</a><a href=\"mailto:ops@example.com\">mail</a>";
        String clean = KbHtml.sanitize(html);
        for (String kept : new String[] {"<h1>Title</h1>", "<strong>bold</strong>", "<em>em</em>", "<code>code</code>", "<ul><li>one</li></ul>",
            "<ol><li>two</li></ol>", "<th>a</th>", "<td colspan=\"2\">b</td>", "<code class=\"language-bash\">ls -l</code>",
            "<blockquote>q</blockquote>", "href=\"https://wiki.example.com/x\"", "href=\"mailto:ops&#64;example.com\""}) {
            assertTrue(clean.contains(kept), kept + " missing in " + clean);
        }
        // every link carries both rels (their order is the sanitiser's)
        assertEquals(2, java.util.regex.Pattern.compile("<a [^>]*rel=\"(nofollow noopener|noopener nofollow)\"").matcher(clean).results().count(), clean);
    }

    @Test
    void nullAndEmptyAreEmpty() {
        assertEquals("", KbHtml.sanitize(null));
        assertEquals("", KbHtml.sanitize(""));
    }
}
