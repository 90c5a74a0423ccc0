package com.enreach.tools.assistant.internal.tools;

import java.util.List;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.ai.Citation;
import com.enreach.tools.api.inventory.Entity;
import com.enreach.tools.api.inventory.EntityService;
import com.enreach.tools.api.kb.ContentTypes;
import com.enreach.tools.api.kb.KnowledgeService;
import com.enreach.tools.api.kb.LinkedContent;
import com.enreach.tools.api.kb.SearchHit;
import com.enreach.tools.api.kb.SearchQuery;
import com.enreach.tools.api.kb.SearchResult;
import com.enreach.tools.api.kb.SearchService;

/** search_knowledge (hybrid search over articles and tickets) and entity_knowledge (what mentions an entity). */
final class KnowledgeTools {
    private final SearchService search;
    private final KnowledgeService knowledge;
    private final EntityService entities;

    KnowledgeTools(SearchService search, KnowledgeService knowledge, EntityService entities) {
        this.search = search;
        this.knowledge = knowledge;
        this.entities = entities;
    }

    ToolOutcome search(Args a) {
        String query = a.required("query");
        String type = a.text("type");
        if (type != null && !ContentTypes.ALL.contains(type)) {
            throw new Args.BadInput("search_knowledge: argument 'type' must be article or ticket, got '" + type + "'");
        }
        boolean resolvedOnly = a.bool("resolved_only", false);
        int limit = a.integer("limit", 5, 1, 20);
        SearchResult r;
        try {
            r = search.search(new SearchQuery(query.length() > 1000 ? query.substring(0, 1000) : query, type, null, null, null,
                    resolvedOnly, "hybrid", limit));
        } catch (ApiException e) {
            throw new Args.BadInput("search_knowledge: " + e.getMessage());
        }
        Facts facts = new Facts().line(r.hits().size() + " passage" + (r.hits().size() == 1 ? "" : "s") + " (" + r.mode()
                + " search" + (r.notes().isEmpty() ? "" : "; " + String.join("; ", r.notes())) + "):");
        for (SearchHit h : r.hits()) {
            Citation c = cite(h);
            facts.fact("- " + h.contentType() + " \"" + h.title() + "\""
                    + (h.status() == null ? "" : " (" + h.status() + ")") + ": \"" + Cite.short_(h.snippet()) + "\"", c);
        }
        return facts.done();
    }

    static Citation cite(SearchHit h) {
        return ContentTypes.TICKET.equals(h.contentType()) ? Cite.ticket(h.id(), h.title(), h.url(), h.snippet())
                : Cite.article(h.id(), h.title(), h.url(), h.snippet());
    }

    ToolOutcome about(Args a) {
        String query = a.required("entity");
        int limit = a.integer("limit", 10, 1, 50);
        Facts facts = new Facts();
        Entity e = Lookup.one(entities, "entity_knowledge", query, facts);
        if (e == null) {
            return facts.done();
        }
        List<LinkedContent> about = knowledge.contentAbout(e.id(), limit);
        facts.line(about.size() + " article" + (about.size() == 1 ? "" : "s") + " and tickets mention " + e.name() + ":");
        for (LinkedContent c : about) {
            String line = c.contentType() + " \"" + c.title() + "\"" + (c.status() == null ? "" : " (" + c.status() + ")")
                    + " mentions " + (c.mention() == null ? e.name() : c.mention());
            facts.fact("- " + line, cite(c, line));
        }
        return facts.done();
    }

    static Citation cite(LinkedContent c, String quote) {
        return ContentTypes.TICKET.equals(c.contentType()) ? Cite.ticket(c.id(), c.title(), c.url(), quote)
                : Cite.article(c.id(), c.title(), c.url(), quote);
    }
}
