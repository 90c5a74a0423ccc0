package com.enreach.tools.plugin.confluence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.enreach.tools.api.spi.ArticleRecord;
import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.TestContext;

/** Full and incremental runs against the Cloud (v2) and Data Center (v1) doubles. */
class ConfluenceConnectorTest {

    static ConfluenceConnector connector(ConfluenceDouble d) {
        return new ConfluenceConnector(new HashMap<>(d.cfg()));
    }

    static CollectingSink run(ConfluenceDouble d, TestContext ctx) throws SourceException {
        CollectingSink sink = new CollectingSink();
        connector(d).fetch(ctx, sink);
        return sink;
    }

    /** A context holding the revisions a previous run stored, as the core would hand them back. */
    static TestContext after(CollectingSink previous) {
        TestContext ctx = new TestContext("confluence-kb");
        Map<String, String> revisions = new HashMap<>();
        previous.articles.values().forEach(a -> revisions.put(a.sourceId(), a.revision()));
        ctx.revisions.put(EntityKinds.ARTICLE, revisions);
        return ctx;
    }

    @Test
    void cloudRunReadsEveryPageWithBodyLabelsAuthorAncestorsAndLink() throws Exception {
        try (ConfluenceDouble d = ConfluenceDouble.standard(true)) {
            CollectingSink sink = run(d, new TestContext("confluence-kb"));
            assertEquals(List.of("65601", "65602", "65603", "65604", "65605", "77801", "77802"), List.copyOf(sink.articles.keySet()));
            ArticleRecord a = sink.articles.get("65603");
            assertEquals("Restart the web tier", a.title());
            assertEquals("OPS", a.spaceKey());
            assertEquals("Operations", a.spaceName());
            assertEquals(List.of("Operations home", "Runbooks"), a.ancestors());
            assertEquals("65602", a.parentId());
            assertEquals(List.of("runbook", "web"), a.labels());
            assertEquals("Alice Operator", a.author());
            assertEquals(Instant.parse("2026-11-02T08:30:00Z"), a.lastUpdated());
            assertEquals(1, a.version());
            // version, parent, space and the ancestors' path (as a specified String hash)
            assertEquals("v1 p65602 sOPS a" + Integer.toHexString("Operations home\u001fRunbooks".hashCode()), a.revision());
            assertEquals("v1 p- sOPS", sink.articles.get("65601").revision());
            assertEquals(d.url() + "/wiki/spaces/OPS/pages/65603/Restart+the+web+tier", a.url());
            assertTrue(a.bodyText().contains("- Drain web01.prod.example.com in the pool"), a.bodyText());
            assertTrue(a.bodyHtml().contains("<pre><code class=\"language-bash\">sudo systemctl restart nginx</code></pre>"), a.bodyHtml());
            assertEquals(List.of(), sink.articles.get("65601").ancestors());
            assertEquals(List.of("Network home"), sink.articles.get("77802").ancestors());
            // paged listings (page.size 3): OPS has 5 pages, NET 2; one body read per page; one name lookup per new author batch
            assertEquals(3, d.server().requestsTo(ConfluenceDouble.V2_PAGES).size());
            assertEquals(7, d.pageReads());
            assertEquals(2, d.server().requestsTo(ConfluenceDouble.V2_USERS).size());
            assertTrue(d.server().requestsTo(ConfluenceDouble.V2_PAGES).stream().allMatch(r -> r.param("body-format") == null),
                    "listings must not carry bodies");
            assertTrue(sink.warnings.isEmpty(), sink.warnings.toString());
        }
    }

    @Test
    void cloudAuthorsStayAccountIdsWhenProfilesMayNotBeRead() throws Exception {
        try (ConfluenceDouble d = ConfluenceDouble.standard(true)) {
            d.server().once("POST", ConfluenceDouble.V2_USERS, com.enreach.tools.testkit.FixtureServer.Response.status(404));
            CollectingSink sink = run(d, new TestContext("kb"));
            assertEquals(7, sink.articles.size());
            assertEquals("5b10a2844c20165700ede21g", sink.articles.get("65603").author());
            assertEquals(1, d.server().requestsTo(ConfluenceDouble.V2_USERS).size(), "asked once per run, not per batch");
            assertEquals(1, sink.warnings.size(), sink.warnings.toString());
            assertTrue(sink.warnings.get(0).contains("account ids"), sink.warnings.toString());
        }
    }

    @Test
    void dataCenterRunReadsEveryPageWithBodyLabelsAuthorAncestorsAndLink() throws Exception {
        try (ConfluenceDouble d = ConfluenceDouble.standard(false)) {
            CollectingSink sink = run(d, new TestContext("confluence-dc"));
            assertEquals(7, sink.articles.size());
            ArticleRecord a = sink.articles.get("65604");
            assertEquals("Database failover", a.title());
            assertEquals("Operations", a.spaceName());
            assertEquals(List.of("Operations home", "Runbooks"), a.ancestors());
            assertEquals("65602", a.parentId());
            assertEquals(List.of("runbook", "database"), a.labels());
            assertEquals("Bob Network", a.author());
            assertEquals(Instant.parse("2026-11-02T08:30:00Z"), a.lastUpdated());
            assertEquals(d.url() + "/display/OPS/Database+failover", a.url());
            assertEquals("Only with the DBA on call.\n\nPrimary | Replica\ndb01 | db02", a.bodyText());
            // offset paging (start=0,3 for OPS's 5 pages, 0 for NET's 2): first without bodies, then, as every page
            // is new, once more with bodies instead of one read per page
            List<String> listings = d.server().requestsTo(ConfluenceDouble.V1_CONTENT).stream()
                    .map(r -> r.param("start") + " " + r.param("expand")).toList();
            String cheap = "version,ancestors";
            String full = "body.storage,version,space,ancestors,metadata.labels";
            assertEquals(List.of("0 " + cheap, "3 " + cheap, "0 " + full, "3 " + full, "0 " + cheap, "0 " + full), listings);
            assertEquals(0, d.pageReads());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void incrementalRunFetchesOnlyChangedBodies(boolean cloud) throws Exception {
        try (ConfluenceDouble d = ConfluenceDouble.standard(cloud)) {
            CollectingSink first = run(d, new TestContext("kb"));
            d.edit("65603", "<p>Restart with <code>apachectl graceful</code> now.</p>");
            long readsBefore = d.pageReads();
            CollectingSink second = run(d, after(first));
            assertEquals(List.of("65603"), List.copyOf(second.articles.keySet()));
            assertEquals(1, d.pageReads() - readsBefore);
            assertEquals(6, second.unchanged.size());
            assertTrue(second.unchanged.contains("article:65601"), second.unchanged.toString());
            ArticleRecord edited = second.articles.get("65603");
            assertEquals(2, edited.version());
            assertEquals("Restart with apachectl graceful now.", edited.bodyText());
            assertEquals(List.of("Operations home", "Runbooks"), edited.ancestors());

            // nothing changed: no body is read at all
            long readsThen = d.pageReads();
            CollectingSink third = run(d, after(merge(first, second)));
            assertTrue(third.articles.isEmpty());
            assertEquals(7, third.unchanged.size());
            assertEquals(readsThen, d.pageReads());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aMovedPageIsFetchedAgainWithItsNewAncestors(boolean cloud) throws Exception {
        try (ConfluenceDouble d = ConfluenceDouble.standard(cloud)) {
            CollectingSink first = run(d, new TestContext("kb"));
            d.move("65605", "65602"); // On-call rota goes under Runbooks; its version stays 1
            CollectingSink second = run(d, after(first));
            assertEquals(List.of("65605"), List.copyOf(second.articles.keySet()));
            ArticleRecord moved = second.articles.get("65605");
            assertEquals(1, moved.version());
            assertEquals("65602", moved.parentId());
            assertEquals(List.of("Operations home", "Runbooks"), moved.ancestors());
            assertTrue(moved.revision().startsWith("v1 p65602 sOPS a"), moved.revision());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void renamingAPageRefreshesTheAncestorsPathOfItsDescendants(boolean cloud) throws Exception {
        try (ConfluenceDouble d = ConfluenceDouble.standard(cloud)) {
            CollectingSink first = run(d, new TestContext("kb"));
            d.rename("65602", "Runbooks and procedures");
            CollectingSink second = run(d, after(first));
            assertEquals(List.of("65602", "65603", "65604"), List.copyOf(second.articles.keySet()));
            assertEquals(List.of("Operations home", "Runbooks and procedures"), second.articles.get("65604").ancestors());
            assertEquals(1, second.articles.get("65604").version(), "the child itself did not change");
            assertEquals(4, second.unchanged.size());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aDeletedPageIsNeitherEmittedNorReportedUnchanged(boolean cloud) throws Exception {
        try (ConfluenceDouble d = ConfluenceDouble.standard(cloud)) {
            CollectingSink first = run(d, new TestContext("kb"));
            d.delete("65604");
            CollectingSink second = run(d, after(first));
            assertTrue(second.articles.isEmpty());
            assertFalse(second.unchanged.contains("article:65604"));
            assertEquals(6, second.unchanged.size());
            assertTrue(second.warnings.isEmpty() && second.notRefreshed.isEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aPageRefusedOrGoneWhenReadIsNotRefreshedAndTheRunGoesOn(boolean cloud) throws Exception {
        try (ConfluenceDouble d = ConfluenceDouble.standard(cloud)) {
            d.hideOnFetch("65605");
            d.deleteOnFetch("77802");
            CollectingSink first = run(d, new TestContext("kb"));
            assertEquals(5, first.articles.size());
            // never stored: only warned about (Data Center reads a first run by listing with bodies, where they are absent)
            assertTrue(first.notRefreshed.isEmpty());
            assertEquals(2, first.warnings.size(), first.warnings.toString());
            assertTrue(first.warnings.get(0).startsWith("65605"), first.warnings.toString());
            assertTrue(first.warnings.get(0).contains(cloud ? "HTTP 403" : "no longer listed"), first.warnings.toString());

            // stored before, edited, then refused: kept as it is, not stale
            TestContext ctx = after(first);
            ctx.revisions.get(EntityKinds.ARTICLE).put("65605", "v1 p65601 sOPS");
            d.edit("65605", "<p>new rota</p>");
            CollectingSink second = run(d, ctx);
            assertEquals(List.of("article:65605"), second.notRefreshed);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void rateLimitIsRetriedAfterTheDelayConfluenceAskedFor(boolean cloud) throws Exception {
        try (ConfluenceDouble d = ConfluenceDouble.standard(cloud)) {
            d.rateLimitOnce(d.spacesPath(), 2);
            d.rateLimitOnce(d.listPath(), 7);
            TestContext ctx = new TestContext("kb");
            CollectingSink first = run(d, ctx);
            assertEquals(7, first.articles.size());
            assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(7)), ctx.requestedDelays);
            assertTrue(ctx.retried.get(0).endsWith("rate_limited"), ctx.retried.toString());

            d.edit("65603", "<p>v2</p>");
            d.rateLimitOnce(d.pagePath("65603"), 3);
            TestContext again = after(first);
            assertEquals(List.of("65603"), List.copyOf(run(d, again).articles.keySet()));
            assertEquals(List.of(Duration.ofSeconds(3)), again.requestedDelays);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aCancelledRunStopsWithAFailureSoNothingGoesStale(boolean cloud) {
        try (ConfluenceDouble d = ConfluenceDouble.standard(cloud)) {
            TestContext ctx = new TestContext("kb");
            ctx.cancel = true;
            PermanentSourceException e = assertThrows(PermanentSourceException.class, () -> run(d, ctx));
            assertEquals("cancelled", e.code());
            assertTrue(d.server().requestsTo(d.listPath()).isEmpty(), "no listing after the cancel");
        }
    }

    @Test
    void malformedListingFailsTheRunNamingTheRequest() {
        try (ConfluenceDouble d = ConfluenceDouble.standard(true)) {
            d.server().once("GET", ConfluenceDouble.V2_PAGES, com.enreach.tools.testkit.FixtureServer.Response.json("{\"results\": [{\"id\": \"1\""));
            CollectingSink sink = new CollectingSink();
            SourceException e = assertThrows(SourceException.class, () -> connector(d).fetch(new TestContext("kb"), sink));
            assertEquals("malformed", e.code());
            assertTrue(e.getMessage().contains("GET /wiki/api/v2/pages space OPS page 1"), e.getMessage());
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
            assertTrue(sink.articles.isEmpty() && sink.unchanged.isEmpty());
        }
    }

    @Test
    void listingWithoutResultsIsMalformed() {
        try (ConfluenceDouble d = ConfluenceDouble.standard(false)) {
            d.server().once("GET", ConfluenceDouble.V1_CONTENT, com.enreach.tools.testkit.FixtureServer.Response.json("{\"size\": 0}"));
            SourceException e = assertThrows(PermanentSourceException.class, () -> run(d, new TestContext("kb")));
            assertEquals("malformed", e.code());
            assertTrue(e.getMessage().contains("/rest/api/content space OPS page 1"), e.getMessage());
        }
    }

    /**
     * Requests per run on a space of 100 pages listed 25 at a time: a first run reads every body (Data Center by
     * listing the space again with bodies), a run after 2 edits
     * reads 2 (and lists everything again), a run with nothing changed reads none. Printed as figures for the docs.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void requestsPerRunFollowWhatChanged(boolean cloud) throws Exception {
        try (ConfluenceDouble d = new ConfluenceDouble(cloud)) {
            d.user("u1", "Ursula");
            d.space("BIG", "Big space");
            for (int i = 0; i < 100; i++) {
                d.page(String.valueOf(10_000 + i), "BIG", i == 0 ? null : "10000", "Page " + i, "<p>text " + i + "</p>", List.of(), "u1");
            }
            Map<String, String> cfg = new HashMap<>(d.cfg());
            cfg.put("spaces", "BIG");
            cfg.put("page.size", "25");
            CollectingSink first = new CollectingSink();
            new ConfluenceConnector(new HashMap<>(cfg)).fetch(new TestContext("kb"), first);
            int full = d.server().requests.size();
            d.edit("10007", "<p>changed</p>");
            d.edit("10070", "<p>changed</p>");
            CollectingSink second = new CollectingSink();
            new ConfluenceConnector(new HashMap<>(cfg)).fetch(after(first), second);
            int incremental = d.server().requests.size() - full;
            CollectingSink third = new CollectingSink();
            new ConfluenceConnector(new HashMap<>(cfg)).fetch(after(merge(first, second)), third);
            int idle = d.server().requests.size() - full - incremental;
            System.out.printf("%s, 100 pages, page.size 25: first run %d requests, 2 changed %d, none changed %d%n",
                    cloud ? "Cloud v2" : "Data Center v1", full, incremental, idle);
            // spaces + 4 listing pages + on Cloud a read per body and one author lookup, on Data Center 4 listing
            // pages with bodies
            assertEquals(1 + 4 + (cloud ? 100 + 1 : 4), full);
            assertEquals(1 + 4 + 2 + (cloud ? 1 : 0), incremental);
            assertEquals(1 + 4, idle);
            assertEquals(2, second.articles.size());
            assertEquals(100, third.unchanged.size());
        }
    }

    private static CollectingSink merge(CollectingSink a, CollectingSink b) {
        CollectingSink m = new CollectingSink();
        m.articles.putAll(a.articles);
        m.articles.putAll(b.articles);
        return m;
    }
}
