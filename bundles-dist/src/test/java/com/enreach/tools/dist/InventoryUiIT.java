package com.enreach.tools.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The unified inventory in the browser: the entities table with its filters, an entity's golden values with their
 * provenance, resolving a conflict, and the reports with drill-down and CSV. Runs against the demo estate the
 * distribution ships (every {@code examples/source.demo-*.cfg}, as {@code enreach demo} configures it).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InventoryUiIT {
    private static Distribution dist;
    private static Browser browser;
    private static final List<String> INSTANCES = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        dist = Distribution.copy("inventory-ui");
        try (Stream<Path> s = Files.list(dist.home().resolve("examples"))) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("source\\.demo-.*\\.cfg")).sorted().toList()) {
                dist.writeConfig(p.getFileName().toString(), Files.readString(p));
                String name = p.getFileName().toString();
                INSTANCES.add(name.substring("source.".length(), name.length() - ".cfg".length()));
            }
        }
        assertFalse(INSTANCES.isEmpty(), "the distribution ships no demo source examples");
        dist.start();
        for (String instance : INSTANCES) {
            dist.awaitSource(instance, s -> s.path("present").asBoolean());
            // a new instance's schedule may already have started its first run: 409 (run in progress) is as good
            int status = dist.post("/api/sources/" + instance + "/sync").statusCode();
            assertTrue(status == 202 || status == 409, instance + ": sync answered " + status);
        }
        for (String instance : INSTANCES) {
            Distribution.await(instance + " synced", Duration.ofMinutes(5), () -> dist.get("/api/sources/" + instance),
                    s -> s.path("running_run_id").isNull() && !s.path("last_status").isNull());
        }
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

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> column(String tableId, int index) {
        return browser.all(By.cssSelector("#" + tableId + " tbody tr")).stream()
                .map(r -> r.findElements(By.tagName("td")).get(index).getText()).toList();
    }

    /** The first row's cell, once the table has rows (the table element appears before its rows are loaded). */
    private static String firstCell(String tableId, int index) {
        return browser.until("rows in #" + tableId, d -> {
            List<String> cells = column(tableId, index);
            return cells.isEmpty() ? null : cells.get(0);
        });
    }

    @Test
    @Order(1)
    void theEntitiesTableFiltersSearchesAndSorts() {
        browser.route("#/entities");
        browser.await(By.id("entities"));
        browser.screenshot("entities");
        assertFalse(column("entities", 0).isEmpty());

        // a source that observes devices (demo-commvault reports backups only, so no entity lists it as a source)
        String source = "demo-vcenter";
        assertTrue(INSTANCES.contains(source), INSTANCES.toString());
        new Select(browser.await(By.cssSelector("#entity-filters select[name=source]"))).selectByValue(source);
        browser.driver().findElement(By.cssSelector("#entity-filters button[type=submit]")).click();
        browser.until("only entities " + source + " knows", d -> {
            List<String> sources = column("entities", 2);
            return !sources.isEmpty() && sources.stream().allMatch(s -> s.contains(source)) ? Boolean.TRUE : null;
        });

        browser.route("#/entities");
        browser.await(By.id("entities"));
        String type = firstCell("entities", 1);
        browser.route("#/entities?type=" + enc(type));
        browser.until("only " + type, d -> {
            List<String> types = column("entities", 1);
            return !types.isEmpty() && types.stream().allMatch(type::equals) ? Boolean.TRUE : null;
        });

        browser.route("#/entities?status=active");
        browser.until("only active entities", d -> {
            List<String> st = column("entities", 5);
            return !st.isEmpty() && st.stream().allMatch("active"::equals) ? Boolean.TRUE : null;
        });

        browser.route("#/entities");
        browser.await(By.id("entities"));
        String name = firstCell("entities", 0);
        browser.route("#/entities?q=" + enc(name));
        browser.until("the search finds " + name, d -> column("entities", 0).contains(name) ? Boolean.TRUE : null);

        browser.route("#/entities?sort=name");
        browser.await(By.cssSelector("#entities th.sorted-asc"));
        String firstAscending = firstCell("entities", 0);
        browser.await(By.cssSelector("#entities th.sorted-asc")).click();
        browser.until("sorted by name descending", d -> d.getCurrentUrl().contains("sort=-name") && !d.findElements(By.cssSelector("#entities th.sorted-desc")).isEmpty()
                ? Boolean.TRUE : null);
        assertNotEquals(firstAscending, firstCell("entities", 0));
    }

    @Test
    @Order(2)
    void anEntityShowsEachGoldenValueWithItsSourceAndRuleAndEveryObservation() {
        JsonNode entity = null;
        for (JsonNode e : dist.get("/api/entities?limit=200").path("results")) {
            if (e.path("sources").size() >= 2) {
                entity = e;
                break;
            }
        }
        assertTrue(entity != null, "the demo estate has an entity that two sources know");
        JsonNode detail = dist.get("/api/entities/" + entity.path("id").asText());
        browser.route("#/entities/" + entity.path("id").asText());
        browser.await(By.id("golden-attributes"));
        List<WebElement> rows = browser.all(By.cssSelector("#golden-attributes tbody tr"));
        assertEquals(detail.path("attributes").size(), rows.size());
        for (WebElement row : rows) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertFalse(cells.get(2).getText().isBlank() || cells.get(2).getText().equals("—"), "no source for " + cells.get(0).getText());
            assertFalse(cells.get(3).getText().isBlank() || cells.get(3).getText().equals("—"), "no rule for " + cells.get(0).getText());
        }
        assertEquals(detail.path("observations").size(), browser.all(By.cssSelector("#observations tbody tr")).size());
        long links = 0;
        for (JsonNode o : detail.path("observations")) {
            links += o.path("source_url").asText("").startsWith("http") ? 1 : 0;
        }
        assertEquals(links, browser.all(By.cssSelector("#observations a.source-link")).size(), "a link to each object in its source system");
        browser.screenshot("entity-detail");
    }

    @Test
    @Order(3)
    void choosingACandidateResolvesAConflictAsAManualOverride() {
        JsonNode conflict = dist.get("/api/conflicts?limit=1").path("results").path(0);
        assertFalse(conflict.isMissingNode(), "the demo estate has conflicts");
        String entityId = conflict.path("entity_id").asText();
        String attribute = conflict.path("attribute").asText();
        JsonNode choice = null;
        for (JsonNode c : conflict.path("candidates")) {
            if (!c.path("value").equals(conflict.path("chosen").path("value"))) {
                choice = c;
                break;
            }
        }
        assertTrue(choice != null, "a candidate other than the chosen value");
        browser.route("#/conflicts?entity=" + entityId + "&attribute=" + enc(attribute));
        browser.await(By.id("conflicts"));
        browser.screenshot("conflicts");
        String wanted = choice.path("value").isTextual() ? choice.path("value").asText() : choice.path("value").toString();
        browser.await(By.cssSelector("#conflicts button.choose[data-value='" + wanted.replace("'", "\\'") + "']")).click();
        browser.awaitText(By.id("flash"), "manual override");
        JsonNode after = dist.get("/api/entities/" + entityId);
        JsonNode golden = null;
        for (JsonNode g : after.path("attributes")) {
            if (g.path("attribute").asText().equals(attribute)) {
                golden = g;
            }
        }
        assertTrue(golden != null);
        assertEquals(choice.path("value"), golden.path("value"), "the chosen candidate is now the golden value");
        String rule = golden.path("rule").asText();
        assertTrue(rule.contains("manual") || rule.contains("override"), "chosen by the manual override: " + golden);
    }

    @Test
    @Order(4)
    void reportsRunWithDrillDownAndCsv() {
        browser.route("#/reports");
        browser.await(By.id("reports"));
        assertEquals("", browser.driver().findElement(By.id("flash")).getText(), "a notice of another page is not carried over");
        browser.screenshot("reports");
        browser.await(By.cssSelector("#reports a.report-link")).click();
        WebElement total = browser.await(By.id("report-total"));
        assertTrue(Long.parseLong(total.getText()) >= 0);
        String csv = browser.await(By.id("report-csv")).getAttribute("href");
        assertTrue(csv.contains("format=csv"), csv);
        Object status = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('Content-Type')));""", csv);
        assertTrue(String.valueOf(status).startsWith("200 text/csv"), String.valueOf(status));
        browser.screenshot("report-run");
        List<WebElement> drill = browser.all(By.cssSelector("#report-rows a.drill-down"));
        if (!drill.isEmpty()) {
            drill.get(0).click();
            browser.await(By.id("golden-attributes"));
        }
    }
}
