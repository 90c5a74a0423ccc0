package com.enreach.tools.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.openqa.selenium.By;

import com.enreach.tools.plugin.jira.JiraDouble;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Jira plugin inside the assembled distribution, against its double: one Cloud instance (REST v3, ADF) and one
 * Data Center instance (REST v2, wiki markup) are configured by etc/ files, synced with {@code bin/enreach refresh
 * jira}, and read back through {@code GET /api/kb/tickets}; then an edit and a deletion in Jira and a second,
 * incremental run that fetches only the changed issue. The tests share one platform and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JiraInDistributionIT {
    private static Distribution dist;
    private static JiraDouble jira;

    @BeforeAll
    static void start() throws IOException {
        dist = Distribution.copy("jira");
        dist.start();
        jira = new JiraDouble();
        Map<String, String> cloud = new LinkedHashMap<>(jira.cloudCfg());
        cloud.put("delete.budget.percent", "50"); // one of five issues is deleted in Jira below
        writeCfg("jira-it", cloud);
        Map<String, String> dc = new LinkedHashMap<>(jira.dataCenterCfg());
        dc.put("delete.budget.percent", "50");
        writeCfg("jira-dc", dc);
        for (String instance : new String[] {"jira-it", "jira-dc"}) {
            JsonNode s = dist.awaitSource(instance, n -> n.path("present").asBoolean() && n.path("config_errors").isArray());
            assertTrue(s.path("config_errors").isEmpty(), instance + ": " + s);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (jira != null) {
            jira.close();
        }
        if (dist != null) {
            dist.close();
        }
    }

    @Test
    @Order(1)
    void connectionChecksNameTheAccount() {
        Distribution.Result check = dist.cli("sources", "check", "jira-it");
        assertEquals(0, check.exit(), check.toString());
        assertTrue(check.out().startsWith("jira-it: ok"), check.toString());
        assertTrue(check.out().contains("Enreach Sync"), check.toString());
    }

    @Test
    @Order(2)
    void firstRunCachesEveryVisibleTicketWithAllItsComments() {
        refresh();
        JsonNode page = dist.get("/api/kb/tickets?source=jira-it&limit=100");
        assertEquals(5, page.path("count").asInt(), page.toString());
        assertEquals(Set.of("INFRA-7", "INFRA-8", "OPS-1", "OPS-2", "OPS-4"), keys(page));

        JsonNode ops1 = dist.get("/api/kb/tickets/" + idOf(page, "OPS-1"));
        assertEquals("Disk full on web01.prod.example.com", ops1.at("/ticket/summary").asText(), ops1.toString());
        assertEquals("done", ops1.at("/ticket/status_category").asText());
        assertEquals("Fixed", ops1.at("/ticket/resolution").asText());
        assertEquals(jira.url() + "/browse/OPS-1", ops1.at("/ticket/url").asText());
        assertTrue(ops1.path("description").asText().contains("```bash\n$ df -h /var"), ops1.toString());
        assertEquals(5, ops1.path("comments").size(), "the search carried two, the rest came from the comment resource");
        assertEquals("Update 5: closed, /var at 41% on web01.prod.example.com", ops1.at("/comments/4/body").asText());

        assertEquals(Set.of("OPS-1"), keys(dist.get("/api/kb/tickets?source=jira-it&project=OPS&status_category=done")));

        JsonNode dc = dist.get("/api/kb/tickets?source=jira-dc&limit=100");
        assertEquals(5, dc.path("count").asInt(), dc.toString());
        JsonNode dcOps1 = dist.get("/api/kb/tickets/" + idOf(dc, "OPS-1"));
        assertTrue(dcOps1.path("description").asText().contains("disk full runbook (https://wiki.example.com/display/OPS/Disk+full)"),
                dcOps1.toString());
        assertEquals(5, dcOps1.path("comments").size());
    }

    @Test
    @Order(3)
    void secondRunFetchesOnlyTheChangedIssueAndTheDeletedOneGoesStale() {
        jira.edit("OPS-2", "Replace PSU 2 in esx-ams-0003");
        jira.delete("INFRA-8");
        jira.server().requests.clear();

        refresh();

        long searches = jira.server().requestsTo(JiraDouble.SEARCH_V3).size();
        // listing: 4 issues by 2 = 2 pages; then one batch with OPS-2 alone
        assertEquals(3, searches, "cloud searches in the incremental run");
        assertTrue(jira.server().requests.stream().noneMatch(r -> r.path().endsWith("/comment")), "no comment was re-read");
        assertTrue(jira.server().requestsTo(JiraDouble.SEARCH_V3).stream().anyMatch(r -> r.body().contains("id in (10002)")));

        JsonNode active = dist.get("/api/kb/tickets?source=jira-it&limit=100");
        assertEquals(Set.of("INFRA-7", "OPS-1", "OPS-2", "OPS-4"), keys(active));
        JsonNode ops2 = dist.get("/api/kb/tickets/" + idOf(active, "OPS-2"));
        assertEquals("Replace PSU 2 in esx-ams-0003", ops2.at("/ticket/summary").asText());
        assertEquals(Set.of("INFRA-8"), keys(dist.get("/api/kb/tickets?source=jira-it&record_status=stale")));
        assertEquals(5, dist.get("/api/kb/tickets/" + idOf(active, "OPS-1")).path("comments").size(), "kept as it was");
    }

    @Test
    @Order(4)
    void theTicketsPageIsServedByThePluginBundle() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(dist.baseUrl() + "/ui/ext/tickets/page.js")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("export async function render"), r.body());
        assertFalse(r.body().contains("innerHTML"), "the page builds text nodes only");
    }

    @Test
    @Order(5)
    void theTicketsPageFiltersAndShowsATicketWithItsComments() {
        try (Browser browser = new Browser(dist.baseUrl())) {
            browser.signIn(dist.adminToken());
            browser.route("#/ext/tickets?project=OPS&status_category=done");
            browser.until("only done OPS tickets", d -> {
                Set<String> shown = new TreeSet<>();
                d.findElements(By.cssSelector("#tickets-table tbody tr")).forEach(r -> shown.add(r.getAttribute("data-ticket")));
                return shown.equals(Set.of("OPS-1")) ? Boolean.TRUE : null;
            });
            browser.await(By.cssSelector("#tickets-table a.ticket-link")).click();
            browser.awaitText(By.id("ticket-title"), "OPS-1: Disk full on web01.prod.example.com");
            assertEquals(5, browser.all(By.cssSelector("#ticket-comments .comment")).size());
            assertTrue(browser.await(By.cssSelector("#ticket-description pre")).getText().contains("$ df -h /var"));
            assertTrue(browser.await(By.id("ticket-jira-link")).getAttribute("href").endsWith("/browse/OPS-1"));
            browser.screenshot("jira-ticket");
        }
    }

    @Test
    @Order(6)
    void tokensNeverAppearInLogsOrApiAnswers() throws IOException {
        StringBuilder seen = new StringBuilder();
        try (var logs = Files.list(dist.home().resolve("log"))) {
            for (Path log : logs.filter(Files::isRegularFile).toList()) {
                seen.append(Files.readString(log, StandardCharsets.UTF_8));
            }
        }
        seen.append(dist.get("/api/sources/jira-it")).append(dist.get("/api/sources/jira-dc"));
        assertFalse(seen.toString().contains(JiraDouble.API_TOKEN));
        assertFalse(seen.toString().contains(JiraDouble.PAT));
    }

    private static void refresh() {
        Distribution.Result r = dist.cli("refresh", "jira");
        assertEquals(0, r.exit(), "bin/enreach refresh jira: " + r);
        assertTrue(r.out().contains(" succeeded"), r.toString());
    }

    private static Set<String> keys(JsonNode page) {
        assertTrue(page.has("results"), page.toString());
        Set<String> keys = new TreeSet<>();
        page.path("results").forEach(t -> keys.add(t.path("key").asText()));
        return keys;
    }

    private static long idOf(JsonNode page, String key) {
        for (JsonNode t : page.path("results")) {
            if (key.equals(t.path("key").asText())) {
                return t.path("id").asLong();
            }
        }
        throw new AssertionError("no ticket " + key + " in " + page);
    }

    private static void writeCfg(String instance, Map<String, String> keys) throws IOException {
        StringBuilder sb = new StringBuilder("# written by JiraInDistributionIT\n");
        keys.forEach((k, v) -> sb.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        dist.writeConfig("source." + instance + ".cfg", sb.toString());
    }
}
