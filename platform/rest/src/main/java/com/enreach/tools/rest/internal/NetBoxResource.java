package com.enreach.tools.rest.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Role;
import com.enreach.tools.api.netbox.ChangeSet;
import com.enreach.tools.api.netbox.ConflictQuery;
import com.enreach.tools.api.netbox.HistoryEntry;
import com.enreach.tools.api.netbox.HistoryQuery;
import com.enreach.tools.api.netbox.NetBoxConflict;
import com.enreach.tools.api.netbox.NetBoxService;
import com.enreach.tools.api.netbox.NetBoxTarget;
import com.enreach.tools.api.netbox.ValidationQuery;
import com.enreach.tools.api.netbox.ValidationReport;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.jakarta.rs.annotation.JacksonFeatures;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The NetBox pipeline around change sets: targets, validation (operator: it reads production NetBox), adoption of
 * hand-made objects and conflicts (operator), history. Parameters are checked first (400 naming them), then the
 * service: without the writer plugin every route is a 503 naming it.
 */
@Component(service = NetBoxResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@Path("netbox")
@Produces(MediaType.APPLICATION_JSON)
public class NetBoxResource {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile NetBoxService netbox;

    /**
     * Body of {@code POST /netbox/adoptions}: one object ({@code object_type}, {@code netbox_id}, {@code entity_id}), or
     * {@code all_matches: true} for every hand-made object that matches an entity.
     */
    public record AdoptRequest(String target, String objectType, Long netboxId, Long entityId, Boolean allMatches) {
    }

    /** Body of {@code POST /netbox/conflicts/{id}/resolve}. */
    public record ResolveRequest(String resolution, String comment) {
    }

    @GET
    @Path("targets")
    public List<NetBoxTarget> targets() {
        return NetBoxRoutes.call(netbox, NetBoxService::targets);
    }

    /** Validates now (reads NetBox): operator, like a preview. */
    @GET
    @Path("validation")
    @RequiresRole(Role.OPERATOR)
    public ValidationReport validation(@QueryParam("target") String target, @QueryParam("severity") String severity,
                                       @QueryParam("rule") String rule, @QueryParam("object_type") String objectType,
                                       @QueryParam("entity") String entity, @QueryParam("site") String site,
                                       @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        ValidationQuery q = new ValidationQuery(Params.text(target), Params.oneOf("severity", severity, NetBoxRoutes.SEVERITIES),
                Params.text(rule), NetBoxRoutes.kind("object_type", objectType), Params.optionalId("entity", entity), Params.text(site),
                Params.limit(limit), Params.offset(offset));
        return NetBoxRoutes.call(netbox, s -> s.validate(q));
    }

    /** A change set that marks a hand-made NetBox object as managed for an entity (pending approval like any other). */
    @POST
    @Path("adoptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.OPERATOR)
    @Answers(status = 201, value = ChangeSet.class)
    public Response adopt(@JacksonFeatures(deserializationEnable = DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) AdoptRequest body,
                          @Context ContainerRequestContext request) {
        if (body == null) {
            throw ApiException.invalid(null, "send a JSON body {\"target\": \"...\", \"object_type\": \"dcim.device\", \"netbox_id\": 12, \"entity_id\": 34}");
        }
        if (Boolean.TRUE.equals(body.allMatches())) {
            if (body.objectType() != null || body.netboxId() != null || body.entityId() != null) {
                throw ApiException.invalid("all_matches", "all_matches adopts every match: leave out object_type, netbox_id and entity_id");
            }
            String actor = Caller.name(request);
            ChangeSet created = NetBoxRoutes.call(netbox, s -> s.adoptMatches(Params.text(body.target()), actor));
            return Response.status(201).entity(created).build();
        }
        String kind = NetBoxRoutes.kind("object_type", Params.required("object_type", body.objectType()));
        long netboxId = positive("netbox_id", body.netboxId());
        long entityId = positive("entity_id", body.entityId());
        String actor = Caller.name(request);
        ChangeSet created = NetBoxRoutes.call(netbox, s -> s.adopt(Params.text(body.target()), kind, netboxId, entityId, actor));
        return Response.status(201).entity(created).build();
    }

    @GET
    @Path("conflicts")
    public Envelope<NetBoxConflict> conflicts(@QueryParam("target") String target, @QueryParam("status") String status,
                                              @QueryParam("object_type") String objectType, @QueryParam("entity") String entity,
                                              @QueryParam("limit") String limit, @QueryParam("offset") String offset, @Context UriInfo uri) {
        String st = Params.oneOf("status", status, NetBoxRoutes.CONFLICT_STATUSES);
        ConflictQuery q = new ConflictQuery(Params.text(target), st == null ? "open" : st, NetBoxRoutes.kind("object_type", objectType),
                Params.optionalId("entity", entity), Params.limit(limit), Params.offset(offset));
        return Params.envelope(NetBoxRoutes.call(netbox, s -> s.conflicts(q)), uri);
    }

    /** keep_netbox makes NetBox's value the golden one (a manual override); use_golden lets the next change set write it. */
    @POST
    @Path("conflicts/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.OPERATOR)
    public NetBoxConflict resolve(@PathParam("id") String id,
                                  @JacksonFeatures(deserializationEnable = DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) ResolveRequest body,
                                  @Context ContainerRequestContext request) {
        long conflictId = Params.id("id", id);
        if (body == null) {
            throw ApiException.invalid(null, "send a JSON body {\"resolution\": \"keep_netbox\" or \"use_golden\", \"comment\": \"...\"}");
        }
        String resolution = Params.oneOf("resolution", Params.required("resolution", body.resolution()), NetBoxRoutes.RESOLUTIONS);
        String actor = Caller.name(request);
        return NetBoxRoutes.call(netbox, s -> s.resolveConflict(conflictId, resolution, Params.text(body.comment()), actor));
    }

    @GET
    @Path("history")
    public Envelope<HistoryEntry> history(@QueryParam("target") String target, @QueryParam("source") String source,
                                          @QueryParam("entity") String entity, @QueryParam("object_type") String objectType,
                                          @QueryParam("netbox_id") String netboxId, @QueryParam("object") String object,
                                          @QueryParam("user") String user, @QueryParam("from") String from, @QueryParam("to") String to,
                                          @QueryParam("status") String status, @QueryParam("changeset") String changeset,
                                          @QueryParam("limit") String limit, @QueryParam("offset") String offset, @Context UriInfo uri) {
        HistoryQuery q = new HistoryQuery(Params.text(target), Params.text(source), Params.optionalId("entity", entity),
                NetBoxRoutes.kind("object_type", objectType), Params.optionalId("netbox_id", netboxId), Params.text(object),
                Params.text(user), Params.instant("from", from), Params.instant("to", to),
                Params.oneOf("status", status, NetBoxRoutes.HISTORY_STATUSES), Params.optionalId("changeset", changeset),
                Params.limit(limit), Params.offset(offset));
        if (q.from() != null && q.to() != null && !q.from().isBefore(q.to())) {
            throw ApiException.invalid("to", "to must lie after from, got from=" + q.from() + " to=" + q.to());
        }
        return Params.envelope(NetBoxRoutes.call(netbox, s -> s.history(q)), uri);
    }

    static long positive(String field, Long value) {
        if (value == null) {
            throw ApiException.invalid(field, field + " is required (a positive whole number)");
        }
        if (value < 1) {
            throw ApiException.invalid(field, field + " must be a positive whole number, got " + value);
        }
        return value;
    }
}
