package com.enreach.tools.rest.internal;

import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.kb.ContentTypes;
import com.enreach.tools.api.kb.SearchQuery;
import com.enreach.tools.api.kb.SearchResult;
import com.enreach.tools.api.kb.SearchService;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Search over articles and tickets ({@code GET /api/search}): hybrid through the vector index plugin when installed,
 * else the database's text search; how it was served is in the result's mode and notes. Goes through the
 * {@link QueryGate} like other searches.
 */
@Component(service = KbSearchResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@Path("search")
@Produces(MediaType.APPLICATION_JSON)
public class KbSearchResource {
    static final int DEFAULT_LIMIT = 10;

    @Reference
    SearchService search;

    @Reference
    QueryGate gate;

    @GET
    public SearchResult search(@QueryParam("q") String q, @QueryParam("type") String type, @QueryParam("space") String space,
                               @QueryParam("project") String project, @QueryParam("status") String status, @QueryParam("resolved") String resolved,
                               @QueryParam("mode") String mode, @QueryParam("limit") String limit) {
        SearchQuery query = new SearchQuery(q, contentType(type), Params.text(space), Params.text(project), Params.text(status),
                bool("resolved", resolved), Params.oneOf("mode", Params.text(mode), "hybrid", "bm25", "vector"),
                Params.integer("limit", limit, DEFAULT_LIMIT, 1, SearchQuery.MAX_LIMIT));
        return gate.run(() -> search.search(query));
    }

    /** {@code article} / {@code ticket}, or the CLI's words for them ({@code kb} / {@code issue}). */
    static String contentType(String type) {
        String t = Params.text(type);
        if (t == null) {
            return null;
        }
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "article", "articles", "kb" -> ContentTypes.ARTICLE;
            case "ticket", "tickets", "issue", "issues" -> ContentTypes.TICKET;
            default -> throw ApiException.invalid("type", "type must be article (or kb) or ticket (or issue), got '" + t + "'");
        };
    }

    static boolean bool(String name, String value) {
        String v = Params.text(value);
        if (v == null) {
            return false;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiException.invalid(name, name + " must be true or false, got '" + v + "'");
        };
    }
}
