package com.enreach.tools.rest.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Change;
import com.enreach.tools.api.ChangeFeed;
import com.enreach.tools.api.Role;
import com.enreach.tools.api.SyncRun;
import com.enreach.tools.api.SyncRunQuery;
import com.enreach.tools.api.SyncService;
import com.enreach.tools.api.SyncStatus;
import com.enreach.tools.api.spi.EntityKinds;

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

    @Reference
    ChangeFeed changes;

    /**
     * Runs newest first; filters: source instance, status, start time ({@code started_after} inclusive,
     * {@code started_before} exclusive; an ISO-8601 instant or a day, {@code 2026-01-31}, meaning its start in UTC).
     */
    @GET
    public Envelope<SyncRun> list(@QueryParam("instance") String instance, @QueryParam("status") String status,
                                    @QueryParam("started_after") String startedAfter, @QueryParam("started_before") String startedBefore,
                                    @QueryParam("limit") String limit, @QueryParam("offset") String offset, @Context UriInfo uri) {
        String st = Params.oneOf("status", status, SyncStatus.RUNNING, SyncStatus.SUCCEEDED, SyncStatus.FAILED, SyncStatus.NEEDS_CONFIRMATION,
                SyncStatus.CANCELLED);
        SyncRunQuery query = new SyncRunQuery(Params.text(instance), st, time("started_after", startedAfter), time("started_before", startedBefore),
                Params.limit(limit), Params.offset(offset));
        return Params.envelope(sync.runs(query), uri);
    }

    /** An ISO-8601 instant, or a day (its first instant in UTC); null when absent. */
    static Instant time(String name, String value) {
        String v = Params.text(value);
        if (v == null) {
            return null;
        }
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(name, name + " must be a day (2026-01-31) or an ISO-8601 instant (2026-01-31T12:00:00Z), got '" + v + "'");
        }
    }

    /** The run, plus {@code changes}: what it changed, counted by kind and action, and where to page through them. */
    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") String id, @Context UriInfo uri) {
        SyncRun run = run(id);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = JsonProvider.MAPPER.convertValue(run, LinkedHashMap.class);
        Map<String, Map<String, Long>> counts = changes.countsOfRun(run.id());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("total", counts.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum());
        summary.put("counts", counts);
        summary.put("list", uri.getBaseUriBuilder().path("sync/runs").path(String.valueOf(run.id())).path("changes").build().toString());
        body.put("changes", summary);
        return body;
    }

    /** The changes a run made, oldest first, optionally of one kind and action. */
    @GET
    @Path("{id}/changes")
    public Envelope<Change> changes(@PathParam("id") String id, @QueryParam("kind") String kind, @QueryParam("action") String action,
                                       @QueryParam("limit") String limit, @QueryParam("offset") String offset, @Context UriInfo uri) {
        SyncRun run = run(id);
        String k = Params.oneOf("kind", kind, EntityKinds.DEVICE, EntityKinds.INTERFACE, EntityKinds.IP_ADDRESS, EntityKinds.SERVER_FACTS,
                EntityKinds.DEVICE_CONFIG, EntityKinds.STORAGE_VOLUME, EntityKinds.BACKUP);
        String a = Params.oneOf("action", action, Change.CREATED, Change.UPDATED, Change.STALE, Change.REACTIVATED, Change.DELETED);
        return Params.envelope(changes.changesOfRun(run.id(), k, a, Params.limit(limit), Params.offset(offset)), uri);
    }

    private SyncRun run(String id) {
        return sync.run(Params.id("id", id)).orElseThrow(() -> ApiException.notFound("Sync run", id));
    }

    @POST
    @Path("{id}/cancel")
    @RequiresRole(Role.OPERATOR)
    public SyncRun cancel(@PathParam("id") String id) {
        SyncRun run = run(id);
        if (!sync.cancel(run.id())) {
            throw new ApiException(ApiException.Reason.CONFLICT, "not_running", null, "Sync run " + id + " is not running (" + run.status() + ")", run);
        }
        return sync.run(run.id()).orElse(run);
    }
}
