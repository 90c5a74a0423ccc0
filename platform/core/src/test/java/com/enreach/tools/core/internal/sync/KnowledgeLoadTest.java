package com.enreach.tools.core.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.SyncRun;
import com.enreach.tools.api.SyncStatus;
import com.enreach.tools.api.spi.ArticleRecord;
import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.TicketRecord;
import com.enreach.tools.core.internal.db.TestDatabases;

/** Articles and tickets through a real run into a real database: stale rules, incremental runs, comments, text search. */
class KnowledgeLoadTest {
    @TempDir
    Path dir;
    Fixtures.Env env;

    @BeforeEach
    void setUp() {
        env = new Fixtures.Env(dir);
    }

    @AfterEach
    void tearDown() {
        env.close();
    }

    static ArticleRecord page(int i, int version) {
        return ArticleRecord.of("p" + i, "Runbook " + i).space("OPS", "Operations")
                .body("<h2>Restart</h2><p>Log in to web0" + i + ".prod.example.com and run:</p><pre>systemctl restart nginx</pre>"
                        + "<script>alert(1)</script>", null)
                .version(version, null).url("https://wiki.example.com/p" + i).labels(List.of("runbook"));
    }

    static TicketRecord issue(int i, String... comments) {
        List<TicketRecord.Comment> list = new ArrayList<>();
        for (int k = 0; k < comments.length; k++) {
            list.add(new TicketRecord.Comment("c" + k, "ann", Instant.parse("2026-01-0" + (k + 1) + "T10:00:00Z"), null, comments[k]));
        }
        return TicketRecord.of("1000" + i, "OPS-" + i, "Disk full on db-prod-" + i).project("OPS", "Operations").type("Incident")
                .description("The /var partition of 10.0.0." + i + " filled up.").status("Open", "new")
                .times(Instant.parse("2026-01-01T09:00:00Z"), Instant.parse("2026-01-0" + (comments.length + 1) + "T10:00:00Z"))
                .comments(list);
    }

    /** The incremental pattern of the contract: fetch only what is new or moved, report the rest unchanged. */
    static void incremental(SourceContext ctx, RecordSink sink, List<ArticleRecord> pages) {
        Map<String, String> stored = ctx.storedRevisions(EntityKinds.ARTICLE);
        for (ArticleRecord p : pages) {
            if (p.revision().equals(stored.get(p.sourceId()))) {
                sink.unchanged(EntityKinds.ARTICLE, p.sourceId());
            } else {
                sink.article(p);
            }
        }
    }

    /** The ids of a text table's documents holding all these words (FTS5 MATCH on SQLite, a tsquery on PostgreSQL). */
    private static String textMatch(String table, String... words) {
        return TestDatabases.postgres()
                ? "SELECT id FROM " + table + " WHERE terms @@ to_tsquery('enreach_search', '" + String.join(" & ", words) + "')"
                : "SELECT rowid FROM " + table + " WHERE " + table + " MATCH '" + String.join(" AND ", words) + "'";
    }

    private List<List<Object>> rows(String sql, Object... args) {
        return env.db.read(c -> {
            List<List<Object>> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>();
                        for (int k = 1; k <= rs.getMetaData().getColumnCount(); k++) {
                            Object v = rs.getObject(k);
                            row.add(v instanceof Integer n ? Long.valueOf(n) : v); // SQLite gives small numbers as Integer
                        }
                        out.add(row);
                    }
                }
            }
            return out;
        });
    }

    private Object one(String sql, Object... args) {
        return rows(sql, args).get(0).get(0);
    }

    @Test
    void articlesAreStoredSanitisedWithTextSearchAndChangeLog() {
        env.add("confluence", "wiki", (ctx, sink) -> {
            for (int i = 1; i <= 3; i++) {
                sink.article(page(i, 1));
            }
        });
        SyncRun r = env.runToEnd("confluence-wiki", false);
        assertEquals(SyncStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(3, r.added());
        String html = (String) one("SELECT body_html FROM kb_articles WHERE source_id = 'p1'");
        assertFalse(html.contains("script"), html);
        assertTrue(html.contains("<h2>Restart</h2>"), html);
        assertEquals("Restart\n\nLog in to web01.prod.example.com and run:\n\nsystemctl restart nginx",
                one("SELECT body_text FROM kb_articles WHERE source_id = 'p1'"));
        assertEquals("1", one("SELECT revision FROM kb_articles WHERE source_id = 'p1'"));
        // text search finds it by a word of the body; rowid is the article's id
        assertEquals(one("SELECT id FROM kb_articles WHERE source_id = 'p2'"),
                one(textMatch("kb_article_text", "web02")));
        assertEquals(3L, one("SELECT count(*) FROM change_log WHERE kind = 'article' AND action = 'created' AND run_id = ?", r.id()));
        assertEquals("fqdn", one("SELECT kind FROM kb_mentions WHERE content_type = 'article' AND token = 'web03.prod.example.com'"));
    }

    @Test
    void unchangedKeepsRowsSeenAndUncountedAsFetchedBodiesAndMissingOnesGoStaleWithinBudget() {
        List<ArticleRecord> pages = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            pages.add(page(i, 1));
        }
        Fixtures.ScriptedConnector c = env.add("confluence", "wiki", (ctx, sink) -> incremental(ctx, sink, pages),
                Map.of("delete.budget.percent", "20"));
        assertEquals(10, env.runToEnd("confluence-wiki", false).added());

        pages.set(0, page(1, 2));
        SyncRun second = env.runToEnd("confluence-wiki", false);
        assertEquals(SyncStatus.SUCCEEDED, second.status(), second.error());
        assertEquals(1, second.updated());
        assertEquals(9, second.unchanged());
        assertEquals(0, second.stale());
        assertEquals(0, second.warnings());
        assertEquals("2", one("SELECT revision FROM kb_articles WHERE source_id = 'p1'"));
        assertEquals(1L, one("SELECT count(*) FROM change_log WHERE kind = 'article' AND action = 'updated' AND run_id = ?", second.id()));

        // 1 of 10 gone: within the budget of 20 %
        pages.remove(9);
        SyncRun third = env.runToEnd("confluence-wiki", false);
        assertEquals(1, third.stale());
        assertEquals("stale", one("SELECT status FROM kb_articles WHERE source_id = 'p10'"));
        assertEquals(9, env.db.read(x -> KnowledgeBatch.ARTICLES.revisions(x, "confluence-wiki")).size());

        // 5 of 9 gone: over the budget, nothing marked stale until confirmed
        c.script = (ctx, sink) -> incremental(ctx, sink, pages.subList(0, 4));
        SyncRun held = env.runToEnd("confluence-wiki", false);
        assertEquals(SyncStatus.NEEDS_CONFIRMATION, held.status());
        assertEquals(1L, one("SELECT count(*) FROM kb_articles WHERE status = 'stale'"));
        SyncRun confirmed = env.runToEnd("confluence-wiki", true);
        assertEquals(5, confirmed.stale());
    }

    @Test
    void aStaleArticleComesBackReactivated() {
        Fixtures.ScriptedConnector c = env.add("confluence", "wiki", (ctx, sink) -> {
            sink.article(page(1, 1));
            sink.article(page(2, 1));
        }, Map.of("delete.budget.percent", "100"));
        env.runToEnd("confluence-wiki", false);
        c.script = (ctx, sink) -> sink.article(page(1, 1));
        env.runToEnd("confluence-wiki", false);
        assertEquals("stale", one("SELECT status FROM kb_articles WHERE source_id = 'p2'"));
        // a stale page is not in storedRevisions, so an incremental connector sends it in full again
        c.script = (ctx, sink) -> incremental(ctx, sink, List.of(page(1, 1), page(2, 1)));
        SyncRun r = env.runToEnd("confluence-wiki", false);
        assertEquals("active", one("SELECT status FROM kb_articles WHERE source_id = 'p2'"));
        assertEquals(1L, one("SELECT count(*) FROM change_log WHERE kind = 'article' AND action = 'reactivated' AND run_id = ?", r.id()));
        assertEquals(1, r.unchanged());
    }

    @Test
    void ticketCommentsAreRewrittenWhenTheyChange() {
        Fixtures.ScriptedConnector c = env.add("jira", "ops", (ctx, sink) -> {
            sink.ticket(issue(1, "first look", "rebooted"));
            sink.ticket(issue(2));
        });
        env.runToEnd("jira-ops", false);
        long id = (Long) one("SELECT id FROM kb_tickets WHERE ticket_key = 'OPS-1'");
        assertEquals(List.of(List.of("c0", "first look"), List.of("c1", "rebooted")),
                rows("SELECT comment_id, body FROM kb_ticket_comments WHERE ticket_id = ? ORDER BY comment_id", id));
        assertEquals(id, one(textMatch("kb_ticket_text", "rebooted")));

        c.script = (ctx, sink) -> {
            sink.ticket(issue(1, "first look", "replaced the disk"));
            sink.ticket(issue(2));
        };
        SyncRun r = env.runToEnd("jira-ops", false);
        assertEquals(1, r.updated());
        assertEquals(1, r.unchanged());
        assertEquals(List.of(List.of("c0", "first look"), List.of("c1", "replaced the disk")),
                rows("SELECT comment_id, body FROM kb_ticket_comments WHERE ticket_id = ? ORDER BY comment_id", id));
        assertTrue(rows(textMatch("kb_ticket_text", "rebooted")).isEmpty());
        assertEquals(id, one(textMatch("kb_ticket_text", "disk", "replaced")));
        assertEquals("[\"comments\"]", one("SELECT fields FROM change_log WHERE kind = 'ticket' AND action = 'updated' AND run_id = ?", r.id()));
        // mentions from summary, description and comments
        assertEquals(List.of(List.of("10.0.0.1", "ip"), List.of("db-prod-1", "host")),
                rows("SELECT token, kind FROM kb_mentions WHERE content_type = 'ticket' AND content_id = ? ORDER BY token", id));
    }

    @Test
    void aRecordWithoutTitleOrKeyIsSkippedWithAWarningAndTheRunGoesOn() {
        env.add("jira", "ops", (ctx, sink) -> {
            sink.ticket(issue(1));
            sink.ticket(TicketRecord.of("999", " ", "no key"));
            sink.article(ArticleRecord.of("p9", "  "));
        });
        SyncRun r = env.runToEnd("jira-ops", false);
        assertEquals(SyncStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(1, r.added());
        assertEquals(2, r.warnings());
        assertTrue(r.warningSamples().contains("999: ticket has no key; skipped"), r.warningSamples().toString());
        assertTrue(r.warningSamples().contains("p9: article has no title; skipped"), r.warningSamples().toString());
    }

    @Test
    void anOversizeBodyIsCappedWithAWarning() {
        String huge = "<p>" + "x".repeat(KnowledgeRows.MAX_BODY + 10) + "</p>";
        env.add("confluence", "wiki", (ctx, sink) -> sink.article(ArticleRecord.of("big", "Big").body(huge, null)));
        SyncRun r = env.runToEnd("confluence-wiki", false);
        assertEquals(SyncStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(1, r.warnings());
        assertTrue(r.warningSamples().get(0).startsWith("big: HTML body of"), r.warningSamples().toString());
        assertTrue(((Number) one("SELECT length(body_html) FROM kb_articles")).intValue() <= KnowledgeRows.MAX_BODY);
    }

    @Test
    void unchangedIgnoresWhatTheCoreDoesNotHoldAndNotRefreshedKeepsWithAWarning() {
        Fixtures.ScriptedConnector c = env.add("confluence", "wiki", (ctx, sink) -> {
            sink.article(page(1, 1));
            sink.article(page(2, 1));
        }, Map.of("delete.budget.percent", "100"));
        env.runToEnd("confluence-wiki", false);
        c.script = (ctx, sink) -> sink.article(page(1, 1));
        env.runToEnd("confluence-wiki", false); // p2 goes stale
        c.script = (ctx, sink) -> {
            sink.unchanged(EntityKinds.ARTICLE, "p2"); // stale: not in storedRevisions, so not brought back by this
            sink.unchanged(EntityKinds.ARTICLE, "never-seen");
            sink.notRefreshed(EntityKinds.ARTICLE, "p1", "page could not be read");
        };
        SyncRun r = env.runToEnd("confluence-wiki", false);
        assertEquals(SyncStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(0, r.unchanged());
        assertEquals(1, r.warnings());
        assertEquals(0, r.stale());
        assertEquals(List.of(List.of("p1", "active"), List.of("p2", "stale")), rows("SELECT source_id, status FROM kb_articles ORDER BY source_id"));
    }

    @Test
    void anUnknownKindIsAPluginError() {
        env.add("confluence", "wiki", (ctx, sink) -> sink.unchanged(EntityKinds.DEVICE, "x"));
        SyncRun r = env.runToEnd("confluence-wiki", false);
        assertEquals(SyncStatus.FAILED, r.status());
        assertTrue(r.error().contains("entity kind must be article or ticket"), r.error());
    }

    @Test
    void sourcesReportTheRecordKindsTheirPluginEmits() {
        env.add("confluence", "wiki", (ctx, sink) -> { });
        assertEquals(java.util.Set.of("device"), env.engine.sources().stream().filter(s -> s.instance().equals("confluence-wiki")).findFirst()
                .orElseThrow().entityKinds());
    }

    @Test
    void storedRevisionsAreEmptyOnAFirstRunAndForOtherKinds() {
        List<Map<String, String>> seen = new ArrayList<>();
        env.add("confluence", "wiki", (ctx, sink) -> {
            seen.add(ctx.storedRevisions(EntityKinds.ARTICLE));
            seen.add(ctx.storedRevisions(EntityKinds.DEVICE));
            sink.article(page(1, 7));
        });
        env.runToEnd("confluence-wiki", false);
        env.runToEnd("confluence-wiki", false);
        assertEquals(List.of(Map.of(), Map.of(), Map.of("p1", "7"), Map.of()), seen);
    }
}
