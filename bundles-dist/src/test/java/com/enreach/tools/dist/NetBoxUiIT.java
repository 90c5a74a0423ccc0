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
 * The NetBox pages in the browser, on the demo estate and the demo NetBox sandbox the distribution ships (the demo's
 * three NetBox files, a small estate): validation, a preview by an operator (who gets no approve button), the change
 * set side by side with filters and an expanded item, approval and apply by an approver token (bound to the hash the
 * page shows), and the history of what was applied.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetBoxUiIT {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef01234567";
    private static final String SIZE = "120";
    private static Distribution dist;
    private static Browser browser;
    private static String operator;
    private static String approver;
    private static long changeSet;

    @BeforeAll
    static void start() throws IOException {
        dist = Distribution.copy("netbox-ui");
        Path examples = dist.home().resolve("examples");
        List<String> instances = new ArrayList<>();
        try (Stream<Path> s = Files.list(examples)) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("source\\.demo-(vcenter|foreman|puppetdb|estate|oxidized|storage)\\.cfg")).sorted().toList()) {
                dist.writeConfig(p.getFileName().toString(), small(Files.readString(p)));
                String name = p.getFileName().toString();
                instances.add(name.substring("source.".length(), name.length() - ".cfg".length()));
            }
        }
        assertFalse(instances.isEmpty(), "the distribution ships no demo source examples");
        // The demo's NetBox: sandbox first, then the source reading it and the writer target writing to it.
        for (String file : List.of("enreach.demo.netbox.cfg", "source.netbox-demo.cfg", "enreach.netbox.target-demo.cfg")) {
            dist.writeConfig(file, small(Files.readString(examples.resolve(file))));
        }
        dist.start();
        instances.add("netbox-demo");
        awaitSandbox();
        for (String instance : instances) {
            dist.awaitSource(instance, s -> s.path("present").asBoolean());
            int status = dist.post("/api/sources/" + instance + "/sync").statusCode();
            assertTrue(status == 202 || status == 409, instance + ": sync answered " + status);
        }
        for (String instance : instances) {
            Distribution.await(instance + " synced", Duration.ofMinutes(5), () -> dist.get("/api/sources/" + instance),
                    s -> s.path("running_run_id").isNull() && !s.path("last_status").isNull());
        }
        operator = token("it-operator", "operator");
        approver = token("it-approver", "approver");
        browser = new Browser(dist.baseUrl());
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

    /** The demo estate and its NetBox seed at a size a browser test can page through. */
    private static String small(String cfg) {
        return cfg.replaceAll("(?m)^size=\\d+", "size=" + SIZE);
    }

    private static void awaitSandbox() {
        HttpClient http = HttpClient.newHttpClient();
        Distribution.await("the demo NetBox sandbox", Duration.ofSeconds(90), () -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(dist.baseUrl() + "/demo-netbox/api/status/")).header("Authorization", "Token " + TOKEN)
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }, s -> s == 200);
    }

    private static String token(String name, String role) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(dist.baseUrl() + "/api/tokens"))
                    .header("Authorization", "Bearer " + dist.adminToken()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\", \"role\": \"" + role + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(201, r.statusCode(), r.body());
            JsonNode n = Distribution.parse(r.body());
            assertEquals(role, n.at("/token/role").asText());
            return n.path("secret").asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs out whoever is signed in (the session cookie outlives page loads), then in with the token. */
    private static void signInAs(String name, String token) {
        browser.open("/");
        browser.until("the sign-in form or the signed-in page", d -> d.findElements(By.id("token")).isEmpty() && d.findElements(By.id("signed-in-as")).isEmpty()
                ? null : Boolean.TRUE);
        List<WebElement> who = browser.all(By.id("signed-in-as"));
        if (!who.isEmpty() && who.get(0).getText().startsWith(name + " ")) {
            return;
        }
        if (!who.isEmpty()) {
            browser.driver().findElement(By.id("sign-out")).click();
            browser.await(By.id("token"));
        }
        browser.signIn(token);
        browser.awaitText(By.id("signed-in-as"), name);
    }

    private static List<WebElement> rows(String tableId) {
        return browser.all(By.cssSelector("#" + tableId + " > tbody > tr:not(.nb-fields)"));
    }

    @Test
    @Order(1)
    void theOperatorValidatesAndSeesCountsPerRuleAndFindings() {
        signInAs("it-operator", operator);
        browser.await(By.cssSelector("[data-nav='ext-netbox-validation']"));
        browser.route("#/ext/netbox-validation");
        WebElement summary = browser.await(By.id("nbv-summary"));
        int objects = Integer.parseInt(summary.findElement(By.cssSelector("[data-count=objects] .num")).getText());
        assertTrue(objects > 0, "validated no object: " + summary.getText());
        browser.await(By.id("nbv-rules"));
        browser.screenshot("ui-netbox-validation");
        // A rule with findings filters the table to that rule.
        WebElement ruleLink = browser.until("a rule with findings", d -> d.findElements(By.cssSelector("#nbv-rules tbody tr")).stream()
                .filter(r -> !r.findElements(By.tagName("td")).get(1).getText().equals("0") || !r.findElements(By.tagName("td")).get(2).getText().equals("0"))
                .map(r -> r.findElement(By.cssSelector("td.rule a"))).findFirst().orElse(null));
        String rule = ruleLink.getText();
        ruleLink.click();
        browser.until("only findings of " + rule, d -> {
            List<WebElement> r = rows("nbv-findings");
            return !r.isEmpty() && r.stream().allMatch(x -> x.findElements(By.tagName("td")).get(1).getText().equals(rule)) ? Boolean.TRUE : null;
        });
    }

    @Test
    @Order(2)
    void theOperatorPreviewsAndSeesTheChangeSetSideBySideButCannotApprove() {
        signInAs("it-operator", operator);
        browser.route("#/ext/netbox-changesets");
        browser.await(By.id("nbc-preview")).click();
        browser.until("the new change set opens", d -> d.getCurrentUrl().contains("netbox-changesets?id=") ? Boolean.TRUE : null);
        browser.await(By.id("nbc-one-title"));
        String url = browser.driver().getCurrentUrl();
        changeSet = Long.parseLong(url.replaceAll(".*[?&]id=(\\d+).*", "$1"));
        assertTrue(browser.all(By.id("nbc-approve-all")).isEmpty(), "an operator gets no approve button");
        assertFalse(rows("nbc-items").isEmpty(), "the demo change set has items");

        // Filter by action and kind (a pair the change set has, device creates when there are any): only those rows remain.
        JsonNode items = dist.get("/api/netbox/changesets/" + changeSet).path("items");
        JsonNode pick = items.get(0);
        for (JsonNode i : items) {
            if (i.path("action").asText().equals("create") && i.path("object_type").asText().equals("dcim.device")) {
                pick = i;
                break;
            }
        }
        String action = pick.path("action").asText();
        String kind = pick.path("object_type").asText();
        new Select(browser.await(By.cssSelector("#nbc-item-filters select[name=action]"))).selectByValue(action);
        new Select(browser.await(By.cssSelector("#nbc-item-filters select[name=object_type]"))).selectByValue(kind);
        browser.driver().findElement(By.cssSelector("#nbc-item-filters button[type=submit]")).click();
        browser.until("only " + action + " of " + kind, d -> {
            List<WebElement> r = rows("nbc-items");
            return !r.isEmpty() && d.getCurrentUrl().contains("action=" + action) && r.stream().allMatch(x -> action.equals(x.getAttribute("data-action"))
                    && kind.equals(x.getAttribute("data-kind"))) ? Boolean.TRUE : null;
        });
        long expected = 0;
        for (JsonNode i : items) {
            expected += i.path("action").asText().equals(action) && i.path("object_type").asText().equals(kind) ? 1 : 0;
        }
        assertEquals(Math.min(expected, 200), rows("nbc-items").size(), "the filtered rows (up to the first batch)");
        // Expand the first item: its fields side by side, one row per field of the item.
        WebElement first = rows("nbc-items").get(0);
        String item = first.getAttribute("data-item");
        JsonNode shown = null;
        for (JsonNode i : items) {
            if (i.path("id").asText().equals(item)) {
                shown = i;
            }
        }
        assertTrue(shown != null, "item " + item + " is in the change set");
        first.findElement(By.cssSelector("td.expand")).click();
        browser.await(By.cssSelector("tr[data-fields-of='" + item + "']"));
        List<WebElement> fieldRows = browser.all(By.cssSelector("tr[data-fields-of='" + item + "'] table.nb-side tbody tr"));
        assertEquals(shown.path("fields").size(), fieldRows.size());
        for (int f = 0; f < fieldRows.size(); f++) {
            assertEquals(shown.path("fields").get(f).path("field").asText(), fieldRows.get(f).getAttribute("data-field"));
        }
        browser.screenshot("ui-netbox-changeset");

        // An update shows NetBox's current value next to the proposed one.
        JsonNode update = null;
        for (JsonNode i : items) {
            if (i.path("action").asText().equals("update")) {
                update = i;
                break;
            }
        }
        if (update != null) {
            browser.route("#/ext/netbox-changesets?id=" + changeSet + "&action=update");
            String id = update.path("id").asText();
            browser.await(By.cssSelector("#nbc-items tr[data-item='" + id + "'] td.expand")).click();
            List<WebElement> cells = browser.await(By.cssSelector("tr[data-fields-of='" + id + "'] table.nb-side tbody tr")).findElements(By.tagName("td"));
            JsonNode f = update.path("fields").get(0);
            assertEquals(f.path("field").asText(), cells.get(0).getText().replaceAll(" ←.*", ""));
            browser.screenshot("ui-netbox-changeset-update");
        }
    }

    @Test
    @Order(3)
    void theApproverApprovesWhatThePageShowsAndApplies() {
        signInAs("it-approver", approver);
        browser.route("#/ext/netbox-changesets?id=" + changeSet);
        browser.await(By.id("nbc-approve-all"));
        assertTrue(browser.all(By.id("nbc-preview")).isEmpty(), "an approver gets no preview button");
        String hash = browser.await(By.id("nbc-hash")).getText();
        assertEquals(dist.get("/api/netbox/changesets/" + changeSet).path("hash").asText(), hash);
        // Approve a selection, ticked in the page: every item but the last one.
        List<Long> chosen = new ArrayList<>();
        JsonNode all = dist.get("/api/netbox/changesets/" + changeSet).path("items");
        for (JsonNode i : all) {
            chosen.add(i.path("id").asLong());
        }
        long left = chosen.remove(chosen.size() - 1);
        assertFalse(chosen.isEmpty());
        for (WebElement box : browser.all(By.cssSelector("input.nbc-select"))) {
            if (chosen.contains(Long.parseLong(box.getAttribute("value")))) {
                box.click();
            }
        }
        browser.driver().findElement(By.id("nbc-comment")).sendKeys("reviewed in the UI test");
        browser.driver().findElement(By.id("nbc-approve-selected")).click();
        browser.await(By.id("nbc-apply"));
        JsonNode approved = dist.get("/api/netbox/changesets/" + changeSet);
        assertEquals("approved", approved.path("status").asText(), approved.toString());
        assertEquals("it-approver", approved.at("/approvals/0/actor").asText());
        assertEquals(hash, approved.at("/approvals/0/hash").asText());
        assertEquals("reviewed in the UI test", approved.at("/approvals/0/comment").asText());
        List<Long> approvedIds = new ArrayList<>();
        for (JsonNode i : approved.path("items")) {
            if (i.path("approval").asText().equals("approved")) {
                approvedIds.add(i.path("id").asLong());
            }
        }
        assertEquals(chosen.stream().sorted().toList(), approvedIds.stream().sorted().toList(), "exactly the ticked items are approved");

        browser.driver().findElement(By.id("nbc-apply")).click();
        WebElement result = browser.until("the apply's outcome or its refusal", d -> {
            List<WebElement> done = d.findElements(By.id("nbc-apply-result"));
            List<WebElement> refused = d.findElements(By.id("nbc-action-error"));
            if (!refused.isEmpty()) {
                browser.screenshot("netbox-apply-refused");
                throw new AssertionError("apply refused: " + refused.get(0).getText());
            }
            return done.isEmpty() ? null : done.get(0);
        });
        browser.screenshot("ui-netbox-applied");
        JsonNode applied = dist.get("/api/netbox/changesets/" + changeSet);
        assertTrue(List.of("applied", "partially_applied").contains(applied.path("status").asText()), applied.path("status").asText());
        assertTrue(result.getText().contains(applied.path("status").asText()), result.getText());
        assertTrue(applied.at("/counts/applied").asInt() > 0, applied.path("counts").toString());
        for (JsonNode i : applied.path("items")) {
            if (i.path("id").asLong() == left) {
                assertEquals("skipped", i.path("status").asText(), "the item left out of the selection is not applied: " + i);
            }
        }
        // The page reloaded with the outcome: the change set's status, each item's status and NetBox's message.
        browser.awaitText(By.id("nbc-one-title"), applied.path("status").asText());
        for (JsonNode i : applied.path("items")) {
            WebElement row = browser.await(By.cssSelector("#nbc-items tr[data-item='" + i.path("id").asText() + "']"));
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertEquals(i.path("status").asText(), cells.get(7).getText(), "status of item " + i.path("id"));
            if (i.path("status").asText().equals("failed")) {
                assertEquals(i.path("message").asText(), cells.get(9).getText());
            }
        }
    }

    @Test
    @Order(4)
    void theHistoryShowsWhatWasAppliedWithItsBeforeAndAfter() {
        signInAs("it-approver", approver);
        browser.route("#/ext/netbox-history?changeset=" + changeSet);
        browser.until("the history of change set " + changeSet, d -> rows("nbh-table").isEmpty() ? null : Boolean.TRUE);
        List<WebElement> r = rows("nbh-table");
        assertTrue(r.stream().allMatch(x -> x.findElements(By.tagName("td")).get(2).getText().equals("#" + changeSet)));
        assertTrue(r.stream().anyMatch(x -> x.findElements(By.tagName("td")).get(8).getText().equals("it-approver")), "applied by the approver");
        r.get(0).findElement(By.cssSelector("td.expand")).click();
        browser.await(By.cssSelector("#nbh-table tr.nb-fields table.nb-side"));
        browser.screenshot("ui-netbox-history");

        browser.route("#/ext/netbox-conflicts?status=all");
        browser.until("the conflicts page", d -> d.findElements(By.id("nbk-table")).isEmpty() && d.findElements(By.id("nbk-empty")).isEmpty() ? null : Boolean.TRUE);
        assertTrue(browser.all(By.cssSelector("[data-resolve]")).isEmpty(), "an approver gets no resolve buttons");
    }
}
