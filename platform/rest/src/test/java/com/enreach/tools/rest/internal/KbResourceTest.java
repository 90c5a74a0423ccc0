package com.enreach.tools.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import com.enreach.tools.api.Page;
import com.enreach.tools.api.Role;
import com.enreach.tools.api.kb.Article;
import com.enreach.tools.api.kb.ArticleDetail;
import com.enreach.tools.api.kb.ArticleQuery;
import com.enreach.tools.api.kb.EntityMention;
import com.enreach.tools.api.kb.KnowledgeService;
import com.enreach.tools.api.kb.LinkedContent;
import com.enreach.tools.api.kb.Ticket;
import com.enreach.tools.api.kb.TicketDetail;
import com.enreach.tools.api.kb.TicketQuery;
import com.enreach.tools.api.kb.VectorState;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.GET;

/** /api/kb/articles, /api/kb/tickets and /api/entities/{id}/knowledge over a mocked knowledge service. */
class KbResourceTest {
    private final KnowledgeService service = mock(KnowledgeService.class);
    private final KbArticleResource articles = new KbArticleResource();
    private final KbTicketResource tickets = new KbTicketResource();
    private final EntityKnowledgeResource knowledge = new EntityKnowledgeResource();

    static final Article ARTICLE = new Article(7, "confluence-wiki", "p1", "OPS", "Operations", "Runbook", "https://wiki/p1", 3,
            Instant.parse("2026-01-02T00:00:00Z"), "ann", List.of("runbook"), List.of("Home"), "active", "pending", Instant.EPOCH);
    static final Ticket TICKET = new Ticket(9, "jira-ops", "101", "OPS-1", "OPS", "Incident", "Disk full", "Open", "new", null, null, "ann", "bob",
            "High", List.of(), List.of(), Instant.EPOCH, Instant.EPOCH, "https://jira/OPS-1", "active", "done", Instant.EPOCH);
    static final TicketDetail TICKET_DETAIL = new TicketDetail(TICKET, "text", List.of(), List.of(), new VectorState("done", null, "m@1", 2, null));

    @BeforeEach
    void wire() {
        articles.knowledge = service;
        articles.gate = new QueryGate();
        tickets.knowledge = service;
        tickets.gate = new QueryGate();
        knowledge.knowledge = service;
        when(service.articles(any())).thenReturn(new Page<>(120, 50, 0, List.of(ARTICLE)));
        when(service.tickets(any())).thenReturn(new Page<>(1, 50, 0, List.of(TICKET)));
    }

    @Test
    void articleListPassesItsFiltersAndLinksTheNextPage() {
        Envelope<Article> page = articles.list(" nginx restart ", "confluence-wiki", "OPS", "runbook", "all", null, null,
                RestMocks.uri("http://h/api/kb/articles?q=nginx"));
        ArgumentCaptor<ArticleQuery> q = ArgumentCaptor.forClass(ArticleQuery.class);
        verify(service).articles(q.capture());
        assertEquals(new ArticleQuery("nginx restart", "confluence-wiki", "OPS", "runbook", "all", 50, 0), q.getValue());
        assertEquals(120, page.count());
        assertEquals("http://h/api/kb/articles?q=nginx&offset=50&limit=50", page.next());
    }

    @Test
    void badArticleParametersAre400sNamingThem() {
        RestMocks.invalid("status", () -> articles.list(null, null, null, null, "deleted", null, null, RestMocks.uri("http://h/x")));
        RestMocks.invalid("limit", () -> articles.list(null, null, null, null, null, "5000", null, RestMocks.uri("http://h/x")));
        RestMocks.invalid("offset", () -> articles.list(null, null, null, null, null, null, "-1", RestMocks.uri("http://h/x")));
        RestMocks.invalid("id", () -> articles.get("abc"));
        RestMocks.invalid("id", () -> articles.get("0"));
        when(service.article(anyLong())).thenReturn(Optional.empty());
        RestMocks.notFound(() -> articles.get("404"));
    }

    @Test
    void ticketListParsesResolvedAndRefusesUnknownValues() {
        tickets.list(null, null, "OPS", null, null, "done", "TRUE", null, null, "stale", "10", "20", RestMocks.uri("http://h/x"));
        ArgumentCaptor<TicketQuery> q = ArgumentCaptor.forClass(TicketQuery.class);
        verify(service).tickets(q.capture());
        assertEquals(new TicketQuery(null, null, "OPS", null, null, "done", true, null, null, "stale", 10, 20), q.getValue());
        assertTrue(RestMocks.invalid("resolved", () -> tickets.list(null, null, null, null, null, null, "yes", null, null, null, null, null,
                RestMocks.uri("http://h/x"))).contains("'yes'"));
        RestMocks.invalid("status_category", () -> tickets.list(null, null, null, null, null, "closed", null, null, null, null, null, null,
                RestMocks.uri("http://h/x")));
        RestMocks.invalid("record_status", () -> tickets.list(null, null, null, null, null, null, null, null, null, "gone", null, null,
                RestMocks.uri("http://h/x")));
    }

    @Test
    void aTicketIsFoundByIdOrByKey() {
        when(service.ticket(9)).thenReturn(Optional.of(TICKET_DETAIL));
        when(service.ticketByKey("ops-1")).thenReturn(Optional.of(TICKET_DETAIL));
        when(service.ticketByKey("OPS-2")).thenReturn(Optional.empty());
        assertEquals(TICKET_DETAIL, tickets.get("9"));
        assertEquals(TICKET_DETAIL, tickets.get("ops-1"));
        RestMocks.notFound(() -> tickets.get("OPS-2"));
        RestMocks.invalid("id", () -> tickets.get("not a key"));
        RestMocks.invalid("id", () -> tickets.get("0"));
        verify(service, never()).ticketByKey("not a key");
    }

    @Test
    void entityKnowledgeValidatesItsIdAndLimit() {
        LinkedContent l = new LinkedContent("ticket", 9, "OPS-1 Disk full", "https://jira/OPS-1", "Open", Instant.EPOCH, "web01");
        when(service.contentAbout(5, 20)).thenReturn(List.of(l));
        assertEquals(List.of(l), knowledge.list("5", null));
        RestMocks.invalid("limit", () -> knowledge.list("5", "0"));
        RestMocks.invalid("id", () -> knowledge.list("x", null));
    }

    @Test
    void everyKbRouteIsAReadForViewers() {
        for (Class<?> r : List.of(KbArticleResource.class, KbTicketResource.class, EntityKnowledgeResource.class)) {
            for (Method m : r.getDeclaredMethods()) {
                if (m.isAnnotationPresent(GET.class)) {
                    assertEquals(Role.VIEWER, AuthFilter.required(r, m), r.getSimpleName() + "." + m.getName());
                }
            }
        }
    }

    @Test
    void detailsAreSnakeCaseJson() {
        ArticleDetail d = new ArticleDetail(ARTICLE, "<p>x</p>", "x", List.of(new EntityMention(3, "web01", "vm", "WEB01", "name")),
                new VectorState("pending", null, null, 0, null));
        JsonNode json = JsonProvider.MAPPER.valueToTree(d);
        assertEquals("<p>x</p>", json.path("body_html").asText());
        assertEquals("OPS", json.at("/article/space_key").asText());
        assertEquals("name", json.at("/entities/0/matched_by").asText());
        assertEquals("OPS-1", JsonProvider.MAPPER.valueToTree(TICKET).path("key").asText());
        assertEquals("new", JsonProvider.MAPPER.valueToTree(TICKET).path("status_category").asText());
    }

    @Test
    void theOpenApiDocumentListsTheRoutes() {
        JsonNode doc = JsonProvider.MAPPER.valueToTree(OpenApiResource.build(List.of(KbArticleResource.class, KbTicketResource.class,
                EntityKnowledgeResource.class)));
        assertEquals("#/components/schemas/EnvelopeArticle", doc.at("/paths/~1kb~1articles/get/responses/200/content/application~1json/schema/$ref")
                .asText());
        assertEquals("#/components/schemas/TicketDetail",
                doc.at("/paths/~1kb~1tickets~1{id}/get/responses/200/content/application~1json/schema/$ref").asText());
        assertTrue(doc.at("/paths/~1entities~1{id}~1knowledge/get").isObject(), doc.at("/paths").toString());
    }
}
