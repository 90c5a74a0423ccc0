package com.enreach.tools.rest.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.enreach.tools.api.Role;
import com.enreach.tools.api.inventory.EntityService;
import com.enreach.tools.api.inventory.ManualDecision;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** The audit trail of manual merge, split and override decisions; revoking one re-resolves without it. */
@Component(service = DecisionResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@Path("entities/decisions")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {
    @Reference
    EntityService entities;

    /** What a revocation did. */
    public record Revoked(long id, String revokedBy) {
    }

    @GET
    public Envelope<ManualDecision> list(@QueryParam("limit") String limit, @QueryParam("offset") String offset, @Context UriInfo uri) {
        return Params.envelope(entities.decisions(Params.limit(limit), Params.offset(offset)), uri);
    }

    /** Withdraws a decision (404 for an unknown one, from the service). */
    @DELETE
    @Path("{id}")
    @RequiresRole(Role.OPERATOR)
    public Revoked revoke(@PathParam("id") String id, @Context ContainerRequestContext request) {
        long decisionId = Params.id("id", id);
        String actor = Caller.name(request);
        entities.revokeDecision(decisionId, actor);
        return new Revoked(decisionId, actor);
    }
}
