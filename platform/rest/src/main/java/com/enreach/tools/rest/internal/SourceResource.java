package com.enreach.tools.rest.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Role;
import com.enreach.tools.api.SourceInstance;
import com.enreach.tools.api.SourceService;
import com.enreach.tools.api.SyncRun;
import com.enreach.tools.api.SyncService;
import com.enreach.tools.api.plugin.CheckResult;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Source instances: configured (plugin present) or seen before (absent), their config status and last sync. */
@Component(service = SourceResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@Path("sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {
    @Reference
    SourceService sources;

    @Reference
    SyncService sync;

    @GET
    public List<SourceInstance> list(@QueryParam("kind") String kind) {
        String k = Params.text(kind);
        return sources.sources().stream().filter(s -> k == null || s.kind().equals(k)).toList();
    }

    @GET
    @Path("{instance}")
    public SourceInstance get(@PathParam("instance") String instance) {
        return sources.source(instance).orElseThrow(() -> ApiException.notFound("Source instance", instance));
    }

    /** Starts a run; 202 with the run. {@code confirm=true} allows marking stale beyond the delete budget. */
    @POST
    @Path("{instance}/sync")
    @RequiresRole(Role.OPERATOR)
    @Answers(status = 202, value = SyncRun.class)
    public Response sync(@PathParam("instance") String instance, @QueryParam("confirm") String confirm, @QueryParam("trigger") String trigger) {
        boolean c = Boolean.parseBoolean(Params.oneOf("confirm", confirm, "true", "false"));
        String t = Params.oneOf("trigger", trigger, "api", "cli");
        SyncRun run = sync.trigger(instance, t == null ? "api" : t, c);
        return Response.status(202).entity(run).build();
    }

    /** Checks configuration and connection now. */
    @POST
    @Path("{instance}/check")
    @RequiresRole(Role.OPERATOR)
    public CheckResult check(@PathParam("instance") String instance) {
        return sources.check(instance);
    }
}
