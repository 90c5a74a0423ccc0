package com.enreach.tools.rest.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.enreach.tools.api.inventory.EntityService;
import com.enreach.tools.api.inventory.IdentityConflict;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** Identity conflicts: observations kept apart because a strong identifier contradicts weak evidence. */
@Component(service = IdentityConflictResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@Path("identity-conflicts")
@Produces(MediaType.APPLICATION_JSON)
public class IdentityConflictResource {
    @Reference
    EntityService entities;

    /** {@code status=open} (default) or {@code all} (resolved ones too). */
    @GET
    public Envelope<IdentityConflict> list(@QueryParam("status") String status, @QueryParam("limit") String limit,
                                           @QueryParam("offset") String offset, @Context UriInfo uri) {
        boolean openOnly = !"all".equals(Params.oneOf("status", status, "open", "all"));
        return Params.envelope(entities.identityConflicts(openOnly, Params.limit(limit), Params.offset(offset)), uri);
    }
}
