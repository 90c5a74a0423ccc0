package com.enreach.tools.plugin.jira;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.api.spi.TicketRecord;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.FixtureServer.Response;
import com.enreach.tools.testkit.TestContext;

class JiraConnectorTest {
    private final JiraDouble jira = new JiraDouble();

    @AfterEach
    void close() {
        jira.close();
    }

    private static JiraConnector connector(Map<String, String> cfg) {
        JiraConnector c = new JiraConnector(new HashMap<>(cfg));
        assertEquals(List.of(), c.validate());
        return c;
    }

    private static Set<String> keys(CollectingSink sink) {
        return sink.tickets.values().stream().map(TicketRecord::key).collect(Collectors.toSet());
    }

    private static TicketRecord byKey(CollectingSink sink, String key) {
        return sink.tickets.values().stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void cloudRunReadsEveryVisibleIssueOfTheProjectsWithAllComments() throws SourceException {
        CollectingSink sink = new CollectingSink();
        connector(jira.cloudCfg()).fetch(new TestContext("jira-t"), sink);

        // OPS-3 is under a security level the account cannot browse, HR-1 is another project
        assertEquals(Set.of("OPS-1", "OPS-2", "OPS-4", "INFRA-7", "INFRA-8"), keys(sink));
        TicketRecord t = sink.tickets.get("10001");
        assertEquals("OPS-1", t.key());
        assertEquals("Disk full on web01.prod.example.com", t.summary());
        assertEquals("OPS", t.project());
        assertEquals("Operations", t.projectName());
        assertEquals("Incident", t.type());
        assertEquals("Done", t.status());
        assertEquals("done", t.statusCategory());
        assertEquals("Fixed", t.resolution());
        assertNotNull(t.resolutionDate());
        assertEquals("Sam Oncall", t.assignee());
        assertEquals("Nora Admin", t.reporter());
        assertEquals("High", t.priority());
        assertEquals(List.of("disk", "web"), t.labels());
        assertEquals(List.of("Web shop"), t.components());
        assertTrue(t.created().isBefore(t.updated()));
        assertEquals(t.updated().toString(), t.revision());
        assertEquals(jira.url() + "/browse/OPS-1", t.url());
        assertTrue(t.description().startsWith("## Impact\n\nSince 02:10 UTC web01.prod.example.com answers 503"), t.description());
        assertTrue(t.description().contains("```bash\n$ df -h /var\n"), t.description());
        assertTrue(t.description().contains("web01.prod.example.com | 10.20.1.15"), t.description());
        // five comments: the search carried two of them and said total 5, so all are read from the comment resource
        assertEquals(5, t.comments().size());
        assertEquals("Update 1: still working on it", t.comments().get(0).body());
        assertEquals("Update 5: closed, /var at 41% on web01.prod.example.com", t.comments().get(4).body());
        assertEquals("Sam Oncall", t.comments().get(4).author());
        assertEquals(3, jira.server().requestsTo("/rest/api/3/issue/10001/comment").size(), "all five again, by two");
        assertTrue(jira.server().requestsTo("/rest/api/3/issue/10002/comment").isEmpty(), "one comment came with the search");

        TicketRecord ops2 = byKey(sink, "OPS-2");
        assertEquals("indeterminate", ops2.statusCategory());
        assertNull(ops2.resolution());
        assertEquals("PSU 2 of esx-ams-0003 reports failure.\n\nVendor case 4711 is open.", ops2.description());
        assertNull(byKey(sink, "OPS-4").description());
        assertEquals(List.of("Databases", "Monitoring"), byKey(sink, "INFRA-7").components());
        assertTrue(sink.warnings.isEmpty(), sink.warnings.toString());
    }

    @Test
    void cloudSearchesAsTheSpecSaysWithBasicAuthAndOrderedByKey() throws SourceException {
        connector(jira.cloudCfg()).fetch(new TestContext("jira-t"), new CollectingSink());
        var searches = jira.server().requestsTo(JiraDouble.SEARCH_V3);
        var first = searches.get(0);
        assertEquals("POST", first.method());
        assertTrue(first.body().contains("\"jql\":\"(project in (\\\"OPS\\\", \\\"INFRA\\\")) ORDER BY key ASC\""), first.body());
        assertTrue(first.body().contains("\"fields\":[\"updated\"]"), first.body());
        assertTrue(first.header("Authorization").startsWith("Basic "));
        assertTrue(searches.stream().anyMatch(r -> r.body().contains("\"nextPageToken\"")), "pages were followed by token");
        assertTrue(searches.stream().anyMatch(r -> r.body().contains("id in (10001, 10002)")), "full fetch by ids");
    }

    @Test
    void dataCenterRunReadsV2WithOffsetsBearerTokenAndWikiMarkup() throws SourceException {
        CollectingSink sink = new CollectingSink();
        connector(jira.dataCenterCfg()).fetch(new TestContext("jira-t"), sink);

        assertEquals(Set.of("OPS-1", "OPS-2", "OPS-4", "INFRA-7", "INFRA-8"), keys(sink));
        var searches = jira.server().requestsTo(JiraDouble.SEARCH_V2);
        assertEquals("Bearer " + JiraDouble.PAT, searches.get(0).header("Authorization"));
        assertEquals(List.of("0", "2", "4"), searches.stream().filter(r -> "updated".equals(r.param("fields")))
                .map(r -> r.param("startAt")).toList());
        TicketRecord t = sink.tickets.get("10001");
        assertEquals(5, t.comments().size());
        assertEquals(3, jira.server().requestsTo("/rest/api/2/issue/10001/comment").size());
        String d = t.description();
        assertTrue(d.startsWith("## Impact\nSince 02:10 UTC web01.prod.example.com answers 503 on /checkout;"), d);
        assertTrue(d.contains("1. Checked disk usage"), d);
        assertTrue(d.contains("  - nginx"), d);
        assertTrue(d.contains("disk full runbook (https://wiki.example.com/display/OPS/Disk+full)"), d);
        assertTrue(d.contains("```bash\n$ df -h /var\nFilesystem      Size  Used Avail Use% Mounted on\n"), d);
        assertTrue(d.contains("Host | Address\nweb01.prod.example.com | 10.20.1.15"), d);
        assertTrue(d.contains("@mia.krystof"), d);
        assertEquals("PSU 2 of esx-ams-0003 reports failure.\nVendor case 4711 is open.", byKey(sink, "OPS-2").description());
        assertEquals("Update 5: closed, /var at 41% on web01.prod.example.com", t.comments().get(4).body());
    }

    @Test
    void incrementalRunFetchesOnlyChangedIssuesAndReportsTheRestUnchanged() throws SourceException {
        JiraConnector c = connector(jira.cloudCfg());
        CollectingSink first = new CollectingSink();
        c.fetch(new TestContext("jira-t"), first);

        TestContext ctx = new TestContext("jira-t");
        Map<String, String> stored = new HashMap<>();
        first.tickets.values().forEach(t -> stored.put(t.sourceId(), t.revision()));
        ctx.revisions.put(EntityKinds.TICKET, stored);
        jira.edit("OPS-2", "Replace PSU 2 in esx-ams-0003");
        jira.comment("OPS-4", "Lee Hands", "Renewed until 2027");
        jira.server().requests.clear();

        CollectingSink second = new CollectingSink();
        c.fetch(ctx, second);

        assertEquals(Set.of("OPS-2", "OPS-4"), keys(second));
        assertEquals("Replace PSU 2 in esx-ams-0003", byKey(second, "OPS-2").summary());
        assertEquals("Renewed until 2027", byKey(second, "OPS-4").comments().get(0).body());
        assertEquals(Set.of("ticket:10001", "ticket:10010", "ticket:10011"), Set.copyOf(second.unchanged));
        // 5 issues listed by 2 (3 pages), then one batch of the two changed ones; no comment request
        var searches = jira.server().requestsTo(JiraDouble.SEARCH_V3);
        assertEquals(4, searches.size());
        assertEquals(1, searches.stream().filter(r -> r.body().contains("id in (10002, 10004)")).count());
        assertEquals(4, jira.server().requests.size(), "nothing but searches");
    }

    @Test
    void deletedIssueIsNotEmittedNorReportedUnchanged() throws SourceException {
        JiraConnector c = connector(jira.dataCenterCfg());
        CollectingSink first = new CollectingSink();
        c.fetch(new TestContext("jira-t"), first);
        TestContext ctx = new TestContext("jira-t");
        ctx.revisions.put(EntityKinds.TICKET, first.tickets.values().stream()
                .collect(Collectors.toMap(TicketRecord::sourceId, TicketRecord::revision)));
        jira.delete("INFRA-7");

        CollectingSink second = new CollectingSink();
        c.fetch(ctx, second);
        assertTrue(second.tickets.isEmpty());
        assertEquals(4, second.unchanged.size());
        assertFalse(second.unchanged.contains("ticket:10010"));
    }

    @Test
    void dataCenterListingThatShiftsWhilePagedFailsRetryablyInsteadOfSkippingAnIssue() {
        // OPS-1 is deleted after the first page (INFRA-7, INFRA-8): offsets move by one and OPS-2 would be skipped unnoticed
        jira.beforeSearch(r -> {
            if ("2".equals(r.param("startAt")) && "updated".equals(r.param("fields"))) {
                jira.delete("OPS-1");
            }
        });
        CollectingSink sink = new CollectingSink();
        RetryableSourceException e = assertThrows(RetryableSourceException.class,
                () -> connector(jira.dataCenterCfg()).fetch(new TestContext("jira-t"), sink));
        assertEquals("changed", e.code());
        assertTrue(sink.tickets.isEmpty());
    }

    @Test
    void jqlKeysSelectTypesAndUpdatedSince() throws SourceException {
        Map<String, String> cfg = jira.cloudCfg();
        cfg.put("issue.types", "Incident, Bug, Story");
        cfg.put("updated.since", "-365d");
        CollectingSink sink = new CollectingSink();
        connector(cfg).fetch(new TestContext("jira-t"), sink);
        assertEquals(Set.of("OPS-1", "INFRA-7"), keys(sink), "INFRA-8 was last updated 400 days ago");
    }

    @Test
    void fullFetchFollowsNextPageTokenWhenJiraReturnsFewerThanAsked() throws SourceException {
        jira.fullPageCap(1);
        CollectingSink sink = new CollectingSink();
        connector(jira.cloudCfg()).fetch(new TestContext("jira-t"), sink);
        assertEquals(5, sink.tickets.size());
    }

    @Test
    void rateLimitIsRetriedAfterTheDelayJiraAskedFor() throws SourceException {
        jira.server().once("POST", JiraDouble.SEARCH_V3, Response.status(429).withHeader("Retry-After", "7"));
        TestContext ctx = new TestContext("jira-t");
        CollectingSink sink = new CollectingSink();
        connector(jira.cloudCfg()).fetch(ctx, sink);
        assertEquals(List.of(Duration.ofSeconds(7)), ctx.requestedDelays);
        assertEquals(5, sink.tickets.size());
    }

    @Test
    void badJqlFailsPermanentlyQuotingJiraAndTheJql() {
        Map<String, String> cfg = jira.cloudCfg();
        cfg.remove("projects");
        cfg.put("jql", "projct = OPS");
        PermanentSourceException e = assertThrows(PermanentSourceException.class,
                () -> connector(cfg).fetch(new TestContext("jira-t"), new CollectingSink()));
        assertEquals("bad_jql", e.code());
        assertEquals("jql", e.field());
        assertTrue(e.getMessage().contains("Field 'projct' does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("(projct = OPS) ORDER BY key ASC"), e.getMessage());
        assertEquals(1, jira.server().requests.size(), "not retried");
    }

    @Test
    void malformedPageFailsTheRunNamingTheRequestAndPage() {
        String page1 = "{\"issues\":[{\"id\":\"10001\",\"key\":\"OPS-1\",\"fields\":{\"updated\":\"2024-03-05T14:07:31.000+0000\"}}],"
                + "\"nextPageToken\":\"abc\",\"isLast\":false}";
        jira.server().once("POST", JiraDouble.SEARCH_V3, Response.json(page1), Response.json("{\"issues\":[{\"id\":\"100"));
        CollectingSink sink = new CollectingSink();
        PermanentSourceException e = assertThrows(PermanentSourceException.class,
                () -> connector(jira.cloudCfg()).fetch(new TestContext("jira-t"), sink));
        assertEquals("malformed", e.code());
        assertTrue(e.getMessage().contains("POST /rest/api/3/search/jql page 2"), e.getMessage());
        assertTrue(sink.tickets.isEmpty());
    }

    @Test
    void malformedBatchNamesTheBatch() {
        jira.server().once("POST", JiraDouble.SEARCH_V3, Response.json("{\"issues\":[{\"id\":\"10001\",\"fields\":"
                + "{\"updated\":\"2024-03-05T14:07:31.000+0000\"}}],\"isLast\":true}"), Response.text(200, "text/html", "<html>login</html>"));
        PermanentSourceException e = assertThrows(PermanentSourceException.class,
                () -> connector(jira.cloudCfg()).fetch(new TestContext("jira-t"), new CollectingSink()));
        assertTrue(e.getMessage().contains("POST /rest/api/3/search/jql batch 1/1 page 1: expected JSON but got text/html"), e.getMessage());
    }

    @Test
    void issueWhoseCommentsCannotBeReadKeepsItsStoredCopy() throws SourceException {
        jira.server().once("GET", "/rest/api/3/issue/10001/comment",
                JiraDouble.error(404, "Issue does not exist or you do not have permission to see it."));
        CollectingSink sink = new CollectingSink();
        connector(jira.cloudCfg()).fetch(new TestContext("jira-t"), sink);
        assertEquals(List.of("ticket:10001"), sink.notRefreshed);
        assertFalse(sink.tickets.containsKey("10001"));
        assertEquals(4, sink.tickets.size());
        assertTrue(sink.warnings.get(0).contains("Issue does not exist"), sink.warnings.toString());
    }

    @Test
    void revisionsAreTheUpdatedTimeNormalised() {
        assertEquals(Instant.parse("2024-03-05T13:07:31Z"), TicketMapper.time("2024-03-05T14:07:31.000+0100"));
        assertEquals(Instant.parse("2024-03-05T14:07:31.250Z"), TicketMapper.time("2024-03-05T14:07:31.250Z"));
        assertNull(TicketMapper.time("yesterday"));
    }
}
