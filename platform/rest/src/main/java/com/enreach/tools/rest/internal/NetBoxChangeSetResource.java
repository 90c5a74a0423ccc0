package com.enreach.tools.rest.internal;

import java.util.ArrayList;
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
import com.enreach.tools.api.netbox.ApplyResult;
import com.enreach.tools.api.netbox.ApprovalRequest;
import com.enreach.tools.api.netbox.ChangeSet;
import com.enreach.tools.api.netbox.ChangeSetQuery;
import com.enreach.tools.api.netbox.ItemQuery;
import com.enreach.tools.api.netbox.NetBoxService;
import com.enreach.tools.api.netbox.PreviewRequest;
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
 * NetBox change sets: preview (operator), list and detail (viewer), approve, reject and apply (approver, bound to
 * the content hash the approver saw), rollback of an applied one (operator: a new change set to approve). The actor
 * recorded is the calling token's name.
 */
@Component(service = NetBoxChangeSetResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@Path("netbox/changesets")
@Produces(MediaType.APPLICATION_JSON)
public class NetBoxChangeSetResource {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile NetBoxService netbox;

    /** Body of {@code POST /netbox/changesets}: every field optional ({@code deletes} defaults to true). */
    public record PreviewBody(String target, List<Long> entityIds, List<String> kinds, Boolean deletes) {
    }

    /** Body of {@code POST /netbox/changesets/{id}/approve}: the hash is required; no item_ids = all. */
    public record ApproveBody(String hash, List<Long> itemIds, Boolean includeDeletes, String comment) {
    }

    /** Body of {@code POST /netbox/changesets/{id}/reject}. */
    public record RejectBody(String hash, String comment) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.OPERATOR)
    @Answers(status = 201, value = ChangeSet.class)
    public Response preview(@JacksonFeatures(deserializationEnable = DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) PreviewBody body,
                            @Context ContainerRequestContext request) {
        PreviewBody b = body == null ? new PreviewBody(null, null, null, null) : body;
        List<Long> entities = b.entityIds() == null ? List.of() : EntityResource.ids("entity_ids", b.entityIds());
        List<String> kinds = new ArrayList<>();
        for (String k : b.kinds() == null ? List.<String>of() : b.kinds()) {
            if (k == null || k.isBlank()) {
                throw ApiException.invalid("kinds", "kinds must hold NetBox object kinds such as dcim.device, got a blank one");
            }
            kinds.add(NetBoxRoutes.kind("kinds", k));
        }
        PreviewRequest r = new PreviewRequest(Params.text(b.target()), entities, kinds, !Boolean.FALSE.equals(b.deletes()));
        String actor = Caller.name(request);
        ChangeSet created = NetBoxRoutes.call(netbox, s -> s.preview(r, actor));
        return Response.status(201).entity(created).build();
    }

    /** Newest first, without items. */
    @GET
    public Envelope<ChangeSet> list(@QueryParam("target") String target, @QueryParam("status") String status, @QueryParam("kind") String kind,
                                    @QueryParam("created_by") String createdBy, @QueryParam("limit") String limit,
                                    @QueryParam("offset") String offset, @Context UriInfo uri) {
        ChangeSetQuery q = new ChangeSetQuery(Params.text(target), Params.oneOf("status", status, NetBoxRoutes.CHANGESET_STATUSES),
                Params.oneOf("kind", kind, NetBoxRoutes.CHANGESET_KINDS), Params.text(createdBy), Params.limit(limit), Params.offset(offset));
        return Params.envelope(NetBoxRoutes.call(netbox, s -> s.changeSets(q)), uri);
    }

    /** One change set with its items, filtered; {@code hash} is what an approval must quote. */
    @GET
    @Path("{id}")
    public ChangeSet get(@PathParam("id") String id, @QueryParam("object_type") String objectType, @QueryParam("action") String action,
                         @QueryParam("site") String site, @QueryParam("status") String status, @QueryParam("q") String q) {
        long csId = Params.id("id", id);
        ItemQuery items = new ItemQuery(NetBoxRoutes.kind("object_type", objectType), Params.oneOf("action", action, NetBoxRoutes.ACTIONS),
                Params.text(site), Params.oneOf("status", status, NetBoxRoutes.ITEM_STATUSES), Params.text(q));
        return NetBoxRoutes.call(netbox, s -> s.changeSet(csId, items)).orElseThrow(() -> ApiException.notFound("Change set", id));
    }

    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.APPROVER)
    public ChangeSet approve(@PathParam("id") String id,
                             @JacksonFeatures(deserializationEnable = DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) ApproveBody body,
                             @Context ContainerRequestContext request) {
        long csId = Params.id("id", id);
        if (body == null) {
            throw ApiException.invalid("hash", "send a JSON body {\"hash\": \"<the change set's hash>\", \"item_ids\": [..], \"include_deletes\": false}");
        }
        String hash = Params.required("hash", body.hash());
        List<Long> items = body.itemIds() == null ? List.of() : EntityResource.ids("item_ids", body.itemIds());
        ApprovalRequest r = new ApprovalRequest(hash, items, Boolean.TRUE.equals(body.includeDeletes()), Params.text(body.comment()));
        String actor = Caller.name(request);
        return NetBoxRoutes.call(netbox, s -> s.approve(csId, r, actor));
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.APPROVER)
    public ChangeSet reject(@PathParam("id") String id,
                            @JacksonFeatures(deserializationEnable = DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) RejectBody body,
                            @Context ContainerRequestContext request) {
        long csId = Params.id("id", id);
        if (body == null) {
            throw ApiException.invalid("hash", "send a JSON body {\"hash\": \"<the change set's hash>\", \"comment\": \"...\"}");
        }
        String hash = Params.required("hash", body.hash());
        String actor = Caller.name(request);
        return NetBoxRoutes.call(netbox, s -> s.reject(csId, hash, Params.text(body.comment()), actor));
    }

    /** Applies the approved items (drift-checked one by one); resumes an interrupted apply. */
    @POST
    @Path("{id}/apply")
    @RequiresRole(Role.APPROVER)
    public ApplyResult apply(@PathParam("id") String id, @Context ContainerRequestContext request) {
        long csId = Params.id("id", id);
        String actor = Caller.name(request);
        return NetBoxRoutes.call(netbox, s -> s.apply(csId, actor));
    }

    /** The reverse of an applied change set, as a new pending change set (201). */
    @POST
    @Path("{id}/rollback")
    @RequiresRole(Role.OPERATOR)
    @Answers(status = 201, value = ChangeSet.class)
    public Response rollback(@PathParam("id") String id, @Context ContainerRequestContext request) {
        long csId = Params.id("id", id);
        String actor = Caller.name(request);
        ChangeSet created = NetBoxRoutes.call(netbox, s -> s.rollback(csId, actor));
        return Response.status(201).entity(created).build();
    }
}
