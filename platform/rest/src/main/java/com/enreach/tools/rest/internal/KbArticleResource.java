package com.enreach.tools.rest.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.kb.Article;
import com.enreach.tools.api.kb.ArticleDetail;
import com.enreach.tools.api.kb.ArticleQuery;
import com.enreach.tools.api.kb.KnowledgeService;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** Cached knowledge-base articles (Confluence pages): list with filters and text search, detail with sanitised HTML. */
@Component(service = KbArticleResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@Path("kb/articles")
@Produces(MediaType.APPLICATION_JSON)
public class KbArticleResource {
    static final String[] STATUSES = {"active", "stale", "all"};

    @Reference
    KnowledgeService knowledge;

    @Reference
    QueryGate gate;

    @GET
    public Envelope<Article> list(@QueryParam("q") String q, @QueryParam("source") String source, @QueryParam("space") String space,
                                  @QueryParam("label") String label, @QueryParam("status") String status, @QueryParam("limit") String limit,
                                  @QueryParam("offset") String offset, @Context UriInfo uri) {
        ArticleQuery query = new ArticleQuery(Params.text(q), Params.text(source), Params.text(space), Params.text(label),
                Params.oneOf("status", status, STATUSES), Params.limit(limit), Params.offset(offset));
        return Params.envelope(query.q() != null ? gate.run(() -> knowledge.articles(query)) : knowledge.articles(query), uri);
    }

    @GET
    @Path("{id}")
    public ArticleDetail get(@PathParam("id") String id) {
        return knowledge.article(Params.id("id", id)).orElseThrow(() -> ApiException.notFound("Article", id));
    }
}
