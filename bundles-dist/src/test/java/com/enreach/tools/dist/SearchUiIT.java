package com.enreach.tools.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The knowledge search in the browser: the Search page is in the navigation, a query typed into it lands in the URL
 * and shows what the API answers for it (hits, mode and the notes that say which plugins served it), and an entity's
 * page has its "Tickets and articles" panel. Asserted against the API's own answer, so the same test holds with and
 * without the vector plugins in the distribution.
 */
class SearchUiIT {
    private static Distribution dist;
    private static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        dist = Distribution.copy("search-ui");
        dist.writeConfig("source.demo-kb.cfg", "size=50\nseed=3\nschedule.minutes=0\n");
        dist.start();
        dist.awaitSource("demo-kb", s -> s.path("present").asBoolean());
        int status = dist.post("/api/sources/demo-kb/sync").statusCode();
        assertTrue(status == 202 || status == 409, "sync answered " + status);
        Distribution.await("demo-kb synced", Duration.ofMinutes(5), () -> dist.get("/api/sources/demo-kb"),
                s -> s.path("running_run_id").isNull() && !s.path("last_status").isNull());
        browser = new Browser(dist.baseUrl());
        browser.signIn(dist.adminToken());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (browser != null) {
            browser.close();
        }
        if (dist != null) {
            dist.close();
        }
    }

    private static List<String> texts(By by) {
        List<String> out = new ArrayList<>();
        for (WebElement e : browser.all(by)) {
            out.add(e.getText());
        }
        return out;
    }

    @Test
    void theSearchPageShowsWhatTheApiAnswersWithItsNotes() {
        browser.route("#/entities");
        browser.await(By.cssSelector("#nav a[data-nav=search]")).click();
        WebElement q = browser.await(By.id("search-q"));
        q.sendKeys("backup agent restart");
        browser.driver().findElement(By.id("search-submit")).click();
        browser.until("the query in the URL", d -> d.getCurrentUrl().contains("#/search?q=backup+agent+restart") ? Boolean.TRUE : null);
        browser.await(By.id("search-summary"));
        browser.screenshot("search");

        JsonNode api = dist.get("/api/search?q=backup+agent+restart&limit=25");
        List<String> notes = new ArrayList<>();
        api.path("notes").forEach(n -> notes.add(n.asText()));
        assertEquals(notes, texts(By.cssSelector("#search-notes li")));
        assertTrue(browser.driver().findElement(By.id("search-summary")).getText().startsWith(api.path("hits").size() + " hits · " + api.path("mode").asText()),
                browser.driver().findElement(By.id("search-summary")).getText());
        List<String> titles = new ArrayList<>();
        api.path("hits").forEach(h -> titles.add(h.path("title").asText()));
        assertEquals(titles, texts(By.cssSelector("#search-hits .hit-title")));
        if (!api.path("mode").asText().equals("hybrid")) {
            assertFalse(notes.isEmpty(), "a fallback is always explained");
        }
    }

    @Test
    void hostileTextIsJustAQuery() {
        browser.route("#/search?q=" + java.net.URLEncoder.encode("\"NEAR( -x* a:b", java.nio.charset.StandardCharsets.UTF_8));
        browser.await(By.id("search-summary"));
        assertTrue(browser.all(By.cssSelector(".error-box")).isEmpty(), "no error shown");
    }

    @Test
    void vectorisationRoutesAnswerForWhatIsInstalled() {
        JsonNode status = dist.get("/api/kb/vectorization");
        assertTrue(status.path("counts").has("article") && status.path("counts").has("ticket"), status.toString());
        boolean index = status.path("index_present").asBoolean();
        assertEquals(index ? 200 : 503, dist.post("/api/kb/reindex").statusCode());
        if (status.path("model").isNull()) {
            java.net.http.HttpResponse<String> r = dist.post("/api/kb/vectorize");
            assertEquals(503, r.statusCode(), r.body());
            assertTrue(r.body().contains("no_embedding_provider"), r.body());
        }
    }

    @Test
    void anEntityPageHasItsTicketsAndArticlesPanel() {
        long id = dist.get("/api/entities?limit=1").path("results").path(0).path("id").asLong();
        browser.route("#/entities/" + id);
        browser.awaitText(By.cssSelector("#knowledge h2"), "Tickets and articles");
        browser.until("the panel loaded", d -> d.findElement(By.id("knowledge")).getText().contains("Loading…") ? null : Boolean.TRUE);
    }
}
