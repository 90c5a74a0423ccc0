package com.enreach.tools.core.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.kb.ArticleDetail;
import com.enreach.tools.api.kb.ArticleQuery;
import com.enreach.tools.api.kb.EntityMention;
import com.enreach.tools.api.kb.LinkedContent;
import com.enreach.tools.api.kb.TicketDetail;
import com.enreach.tools.api.kb.TicketQuery;
import com.enreach.tools.api.spi.ArticleRecord;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.api.spi.TicketRecord;
import com.enreach.tools.api.vector.EmbeddingProvider;
import com.enreach.tools.core.internal.kb.KnowledgeServiceImpl;

/** KnowledgeService over what real runs stored: lists, filters, text search, details, mentions linked to entities. */
class KnowledgeServiceTest {
    @TempDir
    Path dir;
    Fixtures.Env env;
    KnowledgeServiceImpl kb;

    @BeforeEach
    void setUp() {
        env = new Fixtures.Env(dir);
        kb = new KnowledgeServiceImpl(env.db, null);
        env.add("vcenter", "prod", (ctx, sink) -> {
            sink.device(DeviceRecord.of("vm-1", "web01.prod.example.com", "vm").hostname("web01.prod.example.com")
                    .addIpAddress(new IpAddressRecord("10.0.0.11/24", "eth0", null)));
            sink.device(DeviceRecord.of("vm-2", "db-prod-2.ams.example.com", "vm").addIpAddress(new IpAddressRecord("10.0.0.12", "eth0", null)));
        });
        env.add("vcenter", "dr", (ctx, sink) -> sink.device(DeviceRecord.of("vm-9", "db-prod-2.fra.example.com", "vm")));
        env.runToEnd("vcenter-prod", false);
        env.runToEnd("vcenter-dr", false);
        env.add("confluence", "wiki", (ctx, sink) -> {
            sink.article(ArticleRecord.of("p1", "Web tier runbook").space("OPS", "Operations").labels(List.of("runbook"))
                    .body("<p>Restart nginx on WEB01.prod.example.com.</p>", null).lastUpdated(Instant.parse("2026-01-02T00:00:00Z"), "ann"));
            sink.article(ArticleRecord.of("p2", "Database failover").space("DBA", "Databases")
                    .body("<p>Promote the replica at 10.0.0.12 when the primary fails.</p>", null).lastUpdated(Instant.parse("2026-01-03T00:00:00Z"), "bob"));
        });
        env.add("jira", "ops", (ctx, sink) -> {
            sink.ticket(TicketRecord.of("101", "OPS-1", "db-prod-2 is slow").project("OPS", "Operations").type("Incident").status("Done", "done")
                    .resolution("Fixed", Instant.parse("2026-01-05T00:00:00Z")).description("Queries time out.")
                    .times(Instant.parse("2026-01-04T00:00:00Z"), Instant.parse("2026-01-05T00:00:00Z"))
                    .comments(List.of(new TicketRecord.Comment("1", "ann", Instant.parse("2026-01-04T12:00:00Z"), null, "vacuum helped"))));
            sink.ticket(TicketRecord.of("102", "OPS-2", "Certificate renewal").project("OPS", "Operations").type("Task").status("Open", "new")
                    .times(Instant.parse("2026-01-06T00:00:00Z"), Instant.parse("2026-01-06T00:00:00Z")));
        });
        env.runToEnd("confluence-wiki", false);
        env.runToEnd("jira-ops", false);
    }

    @AfterEach
    void tearDown() {
        env.close();
    }

    private long entity(String name) {
        return env.db.read(c -> {
            try (var ps = c.prepareStatement("SELECT id FROM entities WHERE name = ? ORDER BY id LIMIT 1")) {
                ps.setString(1, name);
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : -1L;
                }
            }
        });
    }

    @Test
    void articlesAreListedNewestFirstFilteredAndSearched() {
        assertEquals(List.of("Database failover", "Web tier runbook"),
                kb.articles(new ArticleQuery(null, null, null, null, null, 10, 0)).results().stream().map(a -> a.title()).toList());
        assertEquals(1, kb.articles(new ArticleQuery(null, null, "ops", null, null, 10, 0)).count());
        assertEquals(1, kb.articles(new ArticleQuery(null, null, null, "RUNBOOK", null, 10, 0)).count());
        assertEquals(List.of("Database failover"),
                kb.articles(new ArticleQuery("replica promo", null, null, null, null, 10, 0)).results().stream().map(a -> a.title()).toList());
        assertEquals(0, kb.articles(new ArticleQuery("NEAR(\"x\" *", null, null, null, null, 10, 0)).count());
        assertEquals(1, kb.articles(new ArticleQuery(null, null, null, null, null, 1, 1)).results().size());
        assertEquals("pending", kb.articles(new ArticleQuery(null, null, null, null, null, 1, 0)).results().get(0).vectorStatus());
    }

    @Test
    void badFiltersAreRefusedNamingTheField() {
        ApiException e = assertThrows(ApiException.class, () -> kb.articles(new ArticleQuery(null, null, null, null, "gone", 10, 0)));
        assertEquals("status", e.field());
        assertEquals("limit", assertThrows(ApiException.class, () -> kb.tickets(new TicketQuery(null, null, null, null, null, null, null, null, null,
                null, 0, 0))).field());
        assertEquals("status_category", assertThrows(ApiException.class, () -> kb.tickets(new TicketQuery(null, null, null, null, null, "closed",
                null, null, null, null, 10, 0))).field());
        assertEquals(ApiException.Reason.NOT_FOUND, assertThrows(ApiException.class, () -> kb.contentAbout(999_999, 10)).reason());
    }

    @Test
    void ticketsFilterByResolutionCategoryAndTextInComments() {
        assertEquals(List.of("OPS-2", "OPS-1"), kb.tickets(new TicketQuery(null, null, null, null, null, null, null, null, null, null, 10, 0))
                .results().stream().map(t -> t.key()).toList());
        assertEquals(List.of("OPS-1"), kb.tickets(new TicketQuery(null, null, null, null, null, null, true, null, null, null, 10, 0))
                .results().stream().map(t -> t.key()).toList());
        assertEquals(List.of("OPS-2"), kb.tickets(new TicketQuery(null, null, "ops", "task", "open", "new", false, null, null, null, 10, 0))
                .results().stream().map(t -> t.key()).toList());
        assertEquals(List.of("OPS-1"), kb.tickets(new TicketQuery("vacuum", null, null, null, null, null, null, null, null, null, 10, 0))
                .results().stream().map(t -> t.key()).toList());
        TicketDetail d = kb.ticketByKey("ops-1").orElseThrow();
        assertEquals("Queries time out.", d.description());
        assertEquals("vacuum helped", d.comments().get(0).body());
        assertEquals(d, kb.ticket(d.ticket().id()).orElseThrow());
        assertTrue(kb.ticketByKey("OPS-404").isEmpty());
    }

    @Test
    void mentionsLinkToEntitiesByFqdnIpAndAmbiguousNames() {
        long web = entity("web01.prod.example.com");
        ArticleDetail runbook = kb.articles(new ArticleQuery("nginx", null, null, null, null, 10, 0)).results().stream()
                .map(a -> kb.article(a.id()).orElseThrow()).findFirst().orElseThrow();
        assertEquals(List.of(new EntityMention(web, "web01.prod.example.com", "vm", "WEB01.prod.example.com", "fqdn")), runbook.entities());
        assertTrue(runbook.bodyHtml().contains("<p>Restart nginx"), runbook.bodyHtml());

        ArticleDetail failover = kb.article(kb.articles(new ArticleQuery("failover", null, null, null, null, 10, 0)).results().get(0).id()).orElseThrow();
        assertEquals(List.of("ip"), failover.entities().stream().map(EntityMention::matchedBy).toList());

        // db-prod-2 is the short name of two machines (in two data centres): both are listed, matched by name
        TicketDetail slow = kb.ticketByKey("OPS-1").orElseThrow();
        List<EntityMention> linked = slow.entities();
        assertEquals(2, linked.size(), linked.toString());
        assertTrue(linked.stream().allMatch(m -> m.matchedBy().equals("name") && m.entityName().startsWith("db-prod-2.")), linked.toString());

        List<LinkedContent> about = kb.contentAbout(entity("db-prod-2.fra.example.com"), 10);
        assertEquals(List.of("ticket:OPS-1 db-prod-2 is slow"), about.stream().map(l -> l.contentType() + ":" + l.title()).toList());
        assertEquals(List.of("article:Web tier runbook"), kb.contentAbout(web, 10).stream().map(l -> l.contentType() + ":" + l.title()).toList());
        // the replica's IP belongs to the prod db-prod-2: it has the article and the ticket, newest first
        long prodDb = env.db.read(c -> {
            try (var ps = c.prepareStatement("SELECT l.entity_id FROM entity_links l JOIN devices d ON d.id = l.device_id WHERE d.source_id = 'vm-2'");
                 var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertEquals(List.of("ticket", "article"), kb.contentAbout(prodDb, 10).stream().map(LinkedContent::contentType).toList());
    }

    @Test
    void linksFollowAMergeWithoutRewritingMentions() {
        long ams = entity("db-prod-2.ams.example.com");
        long fra = entity("db-prod-2.fra.example.com");
        var resolution = new com.enreach.tools.core.internal.identity.IdentityResolution(env.db, null);
        new com.enreach.tools.core.internal.identity.EntityServiceImpl(env.db, resolution, new ObjectLinks(env.registry))
                .merge(List.of(ams, fra), "one database, two names", "test");
        List<EntityMention> linked = kb.ticketByKey("OPS-1").orElseThrow().entities();
        assertEquals(List.of(Math.min(ams, fra)), linked.stream().map(EntityMention::entityId).toList());
        // the merged entity has both observations' mentions: the ticket (name) and the article (the ams one's IP)
        assertEquals(List.of("ticket", "article"), kb.contentAbout(Math.min(ams, fra), 10).stream().map(LinkedContent::contentType).toList());
    }

    @Test
    void vectorStateIsPendingUntilDoneForTheCurrentContentAndModel() {
        long id = kb.ticketByKey("OPS-2").orElseThrow().ticket().id();
        assertEquals("pending", kb.ticket(id).orElseThrow().vectors().status());
        env.db.write(c -> {
            try (var ps = c.prepareStatement("INSERT INTO kb_vector_status (content_type, content_id, state, source_hash, model, chunks, updated_at)"
                    + " SELECT 'ticket', id, 'done', content_hash, 'mini@1', 1, '2026-01-07T00:00:00.000Z' FROM kb_tickets WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return null;
        });
        assertEquals("done", kb.ticket(id).orElseThrow().vectors().status());
        assertEquals("done", kb.tickets(new TicketQuery("certificate", null, null, null, null, null, null, null, null, null, 10, 0)).results().get(0)
                .vectorStatus());
        KnowledgeServiceImpl otherModel = new KnowledgeServiceImpl(env.db, provider("mpnet", "2"));
        assertEquals("pending", otherModel.ticket(id).orElseThrow().vectors().status());
        assertEquals("pending", otherModel.tickets(new TicketQuery("certificate", null, null, null, null, null, null, null, null, null, 10, 0))
                .results().get(0).vectorStatus());
        assertEquals("done", new KnowledgeServiceImpl(env.db, provider("mini", "1")).ticket(id).orElseThrow().vectors().status());
    }

    private static EmbeddingProvider provider(String model, String version) {
        return new EmbeddingProvider() {
            public String model() { return model; }
            public String modelVersion() { return version; }
            public int dimension() { return 3; }
            public int maxTokens() { return 10; }
            public int countTokens(String text) { return 1; }
            public List<float[]> embed(List<String> texts) { return List.of(); }
        };
    }
}
