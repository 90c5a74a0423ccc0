package com.enreach.tools.plugin.confluence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Storage-format samples as Confluence writes them (macros, CDATA code, links, tables, task lists). */
class StorageFormatTest {

    private static final String RUNBOOK = """
            <h1>Restarting the web tier</h1>
            <p>Applies to <strong>web01.prod.example.com</strong> and&nbsp;web02.</p>
            <ac:structured-macro ac:name="info" ac:schema-version="1" ac:macro-id="7a1c">
              <ac:parameter ac:name="title">Before you start</ac:parameter>
              <ac:rich-text-body><p>Announce the restart in #ops.</p></ac:rich-text-body>
            </ac:structured-macro>
            <h2>Steps</h2>
            <ol>
              <li><p>Drain the node</p></li>
              <li>Restart nginx
                <ul><li>check <code>systemctl status nginx</code></li></ul>
              </li>
            </ol>
            <ac:structured-macro ac:name="code" ac:schema-version="1">
              <ac:parameter ac:name="language">bash</ac:parameter>
              <ac:plain-text-body><![CDATA[sudo systemctl restart nginx
              if [ $? -ne 0 ]; then
                echo "failed" >&2
              fi]]></ac:plain-text-body>
            </ac:structured-macro>
            <table><tbody>
              <tr><th>Host</th><th>Role</th></tr>
              <tr><td>web01</td><td><p>primary</p></td></tr>
            </tbody></table>
            <p>See <ac:link><ri:page ri:content-title="Load balancer pools" ri:space-key="OPS" /></ac:link> and
              <ac:link><ri:page ri:content-title="Escalation" /><ac:plain-text-link-body><![CDATA[who to call]]></ac:plain-text-link-body></ac:link>.</p>
            <p><ac:image ac:height="250"><ri:attachment ri:filename="diagram.png" /></ac:image></p>
            <ac:structured-macro ac:name="toc" />
            """;

    @Test
    void runbookBecomesStructuredText() {
        String text = StorageFormat.convert(RUNBOOK).text();
        assertEquals("""
                Restarting the web tier

                Applies to web01.prod.example.com and web02.

                Before you start

                Announce the restart in #ops.

                Steps

                - Drain the node
                - Restart nginx
                  - check systemctl status nginx

                sudo systemctl restart nginx
                  if [ $? -ne 0 ]; then
                    echo "failed" >&2
                  fi

                Host | Role
                web01 | primary

                See Load balancer pools and who to call.""", text);
    }

    @Test
    void htmlKeepsStructureAndDropsMacrosMarkup() {
        String html = StorageFormat.convert(RUNBOOK).html();
        assertTrue(html.contains("<h1>Restarting the web tier</h1>"), html);
        assertTrue(html.contains("<pre><code class=\"language-bash\">sudo systemctl restart nginx"), html);
        assertTrue(html.contains("echo \"failed\" &gt;&amp;2"), html); // code text escaped, not markup
        assertTrue(html.contains("<blockquote class=\"confluence-panel confluence-info\"><p><strong>Before you start</strong></p>"), html);
        assertTrue(html.contains("<th>Host</th>"), html);
        assertFalse(html.contains("ac:"), html);
        assertFalse(html.contains("ri:"), html);
        assertFalse(html.contains("diagram.png"), html);
    }

    @Test
    void panelsTasksAndNoformatKeepTheirText() {
        String storage = """
                <ac:structured-macro ac:name="warning"><ac:rich-text-body><p>Never reboot both nodes at once.</p></ac:rich-text-body></ac:structured-macro>
                <ac:structured-macro ac:name="note"><ac:rich-text-body><p>Maintenance window: Sunday 02:00.</p></ac:rich-text-body></ac:structured-macro>
                <ac:task-list>
                  <ac:task><ac:task-id>1</ac:task-id><ac:task-status>complete</ac:task-status><ac:task-body>Backup taken</ac:task-body></ac:task>
                  <ac:task><ac:task-id>2</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>Notify <ac:link><ri:user ri:account-id="557058:abc" /></ac:link>owner</ac:task-body></ac:task>
                </ac:task-list>
                <ac:structured-macro ac:name="noformat"><ac:plain-text-body><![CDATA[<not> a tag
                  indented]]></ac:plain-text-body></ac:structured-macro>
                <p>Last checked <time datetime="2026-11-30" /> by ops.</p>
                """;
        StorageFormat.Converted c = StorageFormat.convert(storage);
        assertEquals("""
                Never reboot both nodes at once.

                Maintenance window: Sunday 02:00.

                - [x] Backup taken
                - [ ] Notify owner

                <not> a tag
                  indented

                Last checked 2026-11-30 by ops.""", c.text());
        assertTrue(c.html().contains("&lt;not&gt; a tag"), c.html());
    }

    @Test
    void scriptsAndUnknownElementsDoNotSurvive() {
        StorageFormat.Converted c = StorageFormat.convert(
                "<p onclick=\"x()\">Hi <script>alert(1)</script><font color=\"red\">there</font></p>");
        assertEquals("<p>Hi there</p>", c.html());
        assertEquals("Hi there", c.text());
    }

    @Test
    void nestedTableRowsStayWithTheirTable() {
        String storage = "<table><tr><td>outer</td><td><table><tr><td>a</td><td>b</td></tr></table></td></tr></table>";
        assertEquals("outer | a b", StorageFormat.convert(storage).text());
    }

    @Test
    void deeplyNestedBodiesKeepTheirTextWithoutOverflowingTheStack() {
        int levels = 20_000;
        String storage = "<div>".repeat(levels) + "<ul><li>deep item</li></ul>" + "</div>".repeat(levels)
                + "<ul>" + "<li>level<ul>".repeat(levels) + "<li>bottom</li>" + "</ul></li>".repeat(levels) + "</ul>";
        StorageFormat.Converted c = StorageFormat.convert(storage);
        assertTrue(c.text().contains("deep item"), c.text().substring(0, 200));
        assertTrue(c.text().endsWith("bottom"), c.text().substring(c.text().length() - 200));
    }

    @Test
    void emptyBodyGivesEmptyText() {
        assertEquals("", StorageFormat.convert(null).text());
        assertEquals("", StorageFormat.convert("  ").html());
    }
}
