package com.enreach.tools.rest.internal;

import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.kb.KnowledgeService;
import com.enreach.tools.api.kb.Ticket;
import com.enreach.tools.api.kb.TicketDetail;
import com.enreach.tools.api.kb.TicketQuery;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** Cached tickets (Jira issues): list with filters and text search, detail by id or key with comments and linked entities. */
@Component(service = KbTicketResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@Path("kb/tickets")
@Produces(MediaType.APPLICATION_JSON)
public class KbTicketResource {
    static final String[] RECORD_STATUSES = {"active", "stale", "all"};
    static final String[] CATEGORIES = {"new", "indeterminate", "done"};
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*-[0-9]+");

    @Reference
    KnowledgeService knowledge;

    @Reference
    QueryGate gate;

    @GET
    public Envelope<Ticket> list(@QueryParam("q") String q, @QueryParam("source") String source, @QueryParam("project") String project,
                                 @QueryParam("type") String type, @QueryParam("status") String status,
                                 @QueryParam("status_category") String statusCategory, @QueryParam("resolved") String resolved,
                                 @QueryParam("assignee") String assignee, @QueryParam("label") String label,
                                 @QueryParam("record_status") String recordStatus, @QueryParam("limit") String limit,
                                 @QueryParam("offset") String offset, @Context UriInfo uri) {
        TicketQuery query = new TicketQuery(Params.text(q), Params.text(source), Params.text(project), Params.text(type), Params.text(status),
                Params.oneOf("status_category", statusCategory, CATEGORIES), bool("resolved", resolved), Params.text(assignee), Params.text(label),
                Params.oneOf("record_status", recordStatus, RECORD_STATUSES), Params.limit(limit), Params.offset(offset));
        return Params.envelope(query.q() != null ? gate.run(() -> knowledge.tickets(query)) : knowledge.tickets(query), uri);
    }

    /** By numeric id or by key ({@code OPS-123}, case-insensitive). */
    @GET
    @Path("{id}")
    public TicketDetail get(@PathParam("id") String idOrKey) {
        String v = idOrKey.trim();
        if (v.matches("[0-9]+")) {
            return knowledge.ticket(Params.id("id", v)).orElseThrow(() -> ApiException.notFound("Ticket", v));
        }
        if (!KEY.matcher(v).matches()) {
            throw ApiException.invalid("id", "a ticket is named by its id (a positive whole number) or its key such as OPS-123, got '" + idOrKey + "'");
        }
        return knowledge.ticketByKey(v).orElseThrow(() -> ApiException.notFound("Ticket", v));
    }

    static Boolean bool(String name, String value) {
        String v = Params.text(value);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalid(name, name + " must be true or false, got '" + value + "'");
        };
    }
}
