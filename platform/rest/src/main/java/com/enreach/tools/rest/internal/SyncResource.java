package com.enreach.tools.rest.internal;


import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Role;
import com.enreach.tools.api.SyncRun;
import com.enreach.tools.api.SyncService;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** Sync history and live progress. */
@Component(service = SyncResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@Path("sync/runs")
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {
    @Reference
    SyncService sync;

    @GET
    public Envelope<SyncRun> list(@QueryParam("instance") String instance, @QueryParam("limit") String limit, @QueryParam("offset") String offset,
                                    @Context UriInfo uri) {
        return Params.envelope(sync.runs(Params.text(instance), Params.limit(limit), Params.offset(offset)), uri);
    }

    @GET
    @Path("{id}")
    public SyncRun get(@PathParam("id") String id) {
        return sync.run(Params.id("id", id)).orElseThrow(() -> ApiException.notFound("Sync run", id));
    }

    @POST
    @Path("{id}/cancel")
    @RequiresRole(Role.OPERATOR)
    public SyncRun cancel(@PathParam("id") String id) {
        SyncRun run = get(id);
        if (!sync.cancel(run.id())) {
            throw new ApiException(ApiException.Reason.CONFLICT, "not_running", null, "Sync run " + id + " is not running (" + run.status() + ")", run);
        }
        return sync.run(run.id()).orElse(run);
    }
}
