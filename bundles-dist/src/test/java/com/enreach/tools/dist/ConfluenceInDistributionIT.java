package com.enreach.tools.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

import com.enreach.tools.plugin.confluence.ConfluenceDouble;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Confluence plugin syncing inside the assembled distribution against its doubles: a Cloud site (REST v2) and a
 * Data Center site (REST v1), each an etc/source.confluence-&lt;name&gt;.cfg file, synced with {@code enreach sync}
 * and read back through {@code GET /api/kb/articles}; the second runs ({@code enreach kb refresh}) follow an edit
 * and a deletion on the Cloud site: only the edited page's body is read again, the deleted page goes stale. The tests build on each other and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfluenceInDistributionIT {
    private static Distribution dist;
    private static ConfluenceDouble cloud;
    private static ConfluenceDouble dc;

    @BeforeAll
    static void start() throws Exception {
        dist = Distribution.copy("confluence");
        dist.start();
        cloud = ConfluenceDouble.standard(true);
        dc = ConfluenceDouble.standard(false);
        Map<String, String> c = cloud.cfg();
        c.put("delete.budget.percent", "50"); // the second run deletes 1 of 7 pages, above the default 10 %
        writeCfg("confluence-it", c);
        Map<String, String> d = dc.cfg();
        d.put("spaces", "NET");
        writeCfg("confluence-dc", d);
        for (String instance : List.of("confluence-it", "confluence-dc")) {
            JsonNode s = dist.awaitSource(instance, n -> n.path("present").asBoolean() && n.path("config_errors").isArray());
            assertTrue(s.path("config_errors").isEmpty(), instance + ": " + s);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {cloud, dc, dist}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    @Order(1)
    void connectionChecksNameTheSpaces() {
        Distribution.Result check = dist.cli("sources", "check", "confluence-it");
        assertEquals(0, check.exit(), check.toString());
        assertTrue(check.out().contains("OPS (Operations), NET (Network)"), check.toString());
        assertTrue(dist.cli("sources", "check", "confluence-dc").out().startsWith("confluence-dc: ok"));
    }

    @Test
    @Order(2)
    void aFirstSyncCachesEveryPageEvenThroughARateLimit() {
        cloud.rateLimitOnce(ConfluenceDouble.V2_PAGES, 1);
        sync("confluence-it");
        sync("confluence-dc");

        JsonNode list = dist.get("/api/kb/articles?source=confluence-it&limit=100");
        assertEquals(7, list.path("count").asInt(), list.toString());
        assertEquals(List.of("Database failover", "Network home", "On-call rota", "Operations home", "Restart the web tier",
                "Runbooks", "VLAN plan"), titles(list));
        JsonNode restart = article("confluence-it", "65603");
        assertEquals("OPS", restart.path("space_key").asText());
        assertEquals("[\"Operations home\",\"Runbooks\"]", restart.path("ancestors").toString());
        assertEquals("[\"runbook\",\"web\"]", restart.path("labels").toString());
        assertEquals("Alice Operator", restart.path("author").asText());
        assertEquals(cloud.url() + "/wiki/spaces/OPS/pages/65603/Restart+the+web+tier", restart.path("url").asText());

        JsonNode detail = dist.get("/api/kb/articles/" + restart.path("id").asLong());
        assertTrue(detail.path("body_html").asText().contains("sudo systemctl restart nginx"), detail.toString());
        assertTrue(detail.path("body_text").asText().contains("- Drain web01.prod.example.com in the pool"), detail.toString());

        assertEquals(2, dist.get("/api/kb/articles?source=confluence-dc&limit=100").path("count").asInt());
        assertEquals(1, dist.get("/api/kb/articles?space=NET&source=confluence-dc&label=network").path("count").asInt());
    }

    @Test
    @Order(3)
    void anIncrementalSyncReadsOnlyTheEditedPageAndTheDeletedOneGoesStale() {
        cloud.edit("65603", "<p>Restart with <code>apachectl graceful</code> on web01.prod.example.com.</p>");
        cloud.delete("77802");
        long reads = cloud.pageReads();
        // the verb a user types: every instance that caches articles, one after another
        Distribution.Result r = dist.cli("kb", "refresh");
        assertEquals(0, r.exit(), "bin/enreach kb refresh: " + r);
        assertTrue(r.out().contains("confluence-it") && r.out().contains("confluence-dc"), r.toString());
        assertEquals(1, cloud.pageReads() - reads, "only the edited page's body is read again");
        assertEquals(0, dc.pageReads(), "nothing changed on the Data Center site, and its first run listed bodies");

        JsonNode edited = article("confluence-it", "65603");
        assertEquals(2, edited.path("version").asInt());
        assertTrue(dist.get("/api/kb/articles/" + edited.path("id").asLong()).path("body_text").asText()
                .contains("apachectl graceful"));
        assertEquals(6, dist.get("/api/kb/articles?source=confluence-it&limit=100").path("count").asInt());
        JsonNode stale = dist.get("/api/kb/articles?source=confluence-it&status=stale&limit=100");
        assertEquals(List.of("VLAN plan"), titles(stale));

        Distribution.Result list = dist.cli("kb", "list", "--label", "runbook", "--source", "confluence-it");
        assertEquals(0, list.exit(), list.toString());
        assertTrue(list.out().contains("Restart the web tier") && list.out().contains("Database failover"), list.toString());
    }

    @Test
    @Order(4)
    void theArticlesPageIsServedByThePlugin() throws Exception {
        JsonNode extensions = dist.get("/api/ui/extensions");
        JsonNode articles = null;
        for (JsonNode e : extensions) {
            if ("articles".equals(e.path("id").asText())) {
                articles = e;
            }
        }
        assertTrue(articles != null, extensions.toString());
        assertEquals("Knowledge", articles.path("section").asText());
        HttpResponse<String> module = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(dist.baseUrl() + articles.path("module_url").asText())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, module.statusCode());
        assertTrue(module.body().contains("export async function render"));
    }

    @Test
    @Order(5)
    void theArticlesPageListsFiltersAndShowsAnArticle() {
        try (Browser browser = new Browser(dist.baseUrl())) {
            browser.signIn(dist.adminToken());
            browser.open("/#/ext/articles?label=runbook");
            browser.await(By.id("articles-table"));
            browser.until("two runbooks listed", d -> d.findElements(By.cssSelector("#articles-table tbody tr")).size() == 2 ? true : null);
            browser.screenshot("articles-list");

            browser.driver().findElement(By.linkText("Restart the web tier")).click();
            browser.awaitText(By.id("article-title"), "Restart the web tier");
            browser.awaitText(By.id("article-breadcrumb"), "Operations › Operations home › Runbooks");
            assertEquals(cloud.url() + "/wiki/spaces/OPS/pages/65603/Restart+the+web+tier",
                    browser.await(By.id("article-link")).getAttribute("href"));
            // the sanitised body is shown as HTML: its code element is an element, not text with tags in it
            assertEquals("apachectl graceful", browser.await(By.cssSelector("#article-body code")).getText());
            browser.await(By.id("article-entities-none"));
            browser.screenshot("article-view");

            browser.open("/#/ext/articles?id=999999");
            browser.awaitText(By.id("article-error"), "No article 999999");
        }
    }

    private static void sync(String instance) {
        Distribution.Result r = dist.cli("sync", instance);
        assertEquals(0, r.exit(), "bin/enreach sync " + instance + ": " + r);
        assertTrue(r.out().contains(" succeeded"), r.toString());
    }

    /** The listed article of one instance with that Confluence page id. */
    private static JsonNode article(String instance, String pageId) {
        for (JsonNode a : dist.get("/api/kb/articles?source=" + instance + "&limit=100").path("results")) {
            if (pageId.equals(a.path("source_id").asText())) {
                return a;
            }
        }
        throw new AssertionError("no article for page " + pageId + " of " + instance);
    }

    private static List<String> titles(JsonNode page) {
        List<String> t = new ArrayList<>();
        page.path("results").forEach(a -> t.add(a.path("title").asText()));
        t.sort(null);
        return t;
    }

    private static void writeCfg(String instance, Map<String, String> keys) throws IOException {
        StringBuilder sb = new StringBuilder("# written by ConfluenceInDistributionIT\n");
        keys.forEach((k, v) -> sb.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        dist.writeConfig("source." + instance + ".cfg", sb.toString());
    }
}
