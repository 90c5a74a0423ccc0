package com.enreach.tools.rest.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Role;
import com.enreach.tools.api.inventory.Entity;
import com.enreach.tools.api.inventory.EntityDetail;
import com.enreach.tools.api.inventory.EntityLookup;
import com.enreach.tools.api.inventory.EntityQuery;
import com.enreach.tools.api.inventory.EntityService;
import com.enreach.tools.api.inventory.RebuildResult;
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
 * The unified inventory's entities: list and search, detail with provenance, lookup by any identifier, manual merge
 * and split (operator; recorded with the calling token's name), full rebuild (admin). Filtered lists and searches go
 * through the {@link QueryGate}. Request bodies reject unknown fields, so a misspelt field is a 400, not ignored.
 */
@Component(service = EntityResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@Path("entities")
@Produces(MediaType.APPLICATION_JSON)
public class EntityResource {
    static final String[] SORTS = {"name", "-name", "type", "last_seen", "-last_seen", "sources", "-sources"};
    static final String[] STATUSES = {"active", "stale"};

    @Reference
    EntityService entities;

    @Reference
    QueryGate gate;

    /** Body of {@code POST /entities/merge}. */
    public record MergeRequest(List<Long> entityIds, String reason) {
    }

    /** Body of {@code POST /entities/{id}/split}. */
    public record SplitRequest(List<Long> deviceIds, String reason) {
    }

    @GET
    public Envelope<Entity> list(@QueryParam("q") String q, @QueryParam("type") String type, @QueryParam("source") String source,
                                 @QueryParam("status") String status, @QueryParam("site") String site, @QueryParam("sort") String sort,
                                 @QueryParam("limit") String limit, @QueryParam("offset") String offset, @Context UriInfo uri) {
        EntityQuery query = new EntityQuery(Params.text(q), Params.text(type), Params.text(source), Params.oneOf("status", status, STATUSES),
                Params.text(site), Params.oneOf("sort", sort, SORTS), Params.limit(limit), Params.offset(offset));
        boolean expensive = query.q() != null || query.type() != null || query.source() != null || query.status() != null
                || query.site() != null || query.sort() != null;
        return Params.envelope(expensive ? gate.run(() -> entities.find(query)) : entities.find(query), uri);
    }

    /** Entities matching an id, name, FQDN, serial, UUID, MAC or IP; several are candidates, never one silent pick. */
    @GET
    @Path("lookup")
    public EntityLookup lookup(@QueryParam("q") String q) {
        String query = Params.required("q", q);
        EntityLookup found = gate.run(() -> entities.lookup(query));
        if (found.candidates().isEmpty()) {
            throw ApiException.notFound("Entity matching", query);
        }
        return found;
    }

    /**
     * By numeric id; names and other identifiers go through {@code lookup}. The template leaves out the words of the
     * POST routes, so {@code GET /entities/merge} is a 405 naming POST rather than a 400 about the id.
     */
    @GET
    @Path("{id: (?!(?:merge|rebuild)(?:/|$))[^/]+}")
    public EntityDetail get(@PathParam("id") String id) {
        return entities.get(Params.id("id", id)).orElseThrow(() -> ApiException.notFound("Entity", id));
    }

    /** Merges the entities into the one with the lowest id; the decision survives later syncs and rebuilds. */
    @POST
    @Path("merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.OPERATOR)
    public Entity merge(@JacksonFeatures(deserializationEnable = DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) MergeRequest body,
                        @Context ContainerRequestContext request) {
        if (body == null) {
            throw ApiException.invalid(null, "send a JSON body {\"entity_ids\": [1, 2], \"reason\": \"...\"}");
        }
        List<Long> ids = ids("entity_ids", body.entityIds());
        if (ids.size() < 2) {
            throw ApiException.invalid("entity_ids", "entity_ids needs at least two different entities to merge");
        }
        return entities.merge(ids, Params.required("reason", body.reason()), Caller.name(request));
    }

    /** Moves the observations out of the entity into a new entity of their own; answers the new entity (201). */
    @POST
    @Path("{id}/split")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.OPERATOR)
    @Answers(status = 201, value = Entity.class)
    public Response split(@PathParam("id") String id,
                          @JacksonFeatures(deserializationEnable = DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) SplitRequest body,
                          @Context ContainerRequestContext request) {
        long entityId = Params.id("id", id);
        // The path first: an unknown entity is a 404 whatever the body says.
        if (entities.get(entityId).isEmpty()) {
            throw ApiException.notFound("Entity", id);
        }
        if (body == null) {
            throw ApiException.invalid(null, "send a JSON body {\"device_ids\": [7], \"reason\": \"...\"}");
        }
        List<Long> devices = ids("device_ids", body.deviceIds());
        if (devices.isEmpty()) {
            throw ApiException.invalid("device_ids", "device_ids needs at least one observation (device id) to split off");
        }
        String reason = Params.required("reason", body.reason());
        Entity created = entities.split(entityId, devices, reason, Caller.name(request));
        return Response.status(201).entity(created).build();
    }

    /** Re-resolves every observation from scratch (after a rule change); manual decisions are kept. */
    @POST
    @Path("rebuild")
    @RequiresRole(Role.ADMIN)
    public RebuildResult rebuild() {
        return entities.rebuild();
    }

    /** Positive, distinct ids; a 400 naming the field otherwise. */
    static List<Long> ids(String field, List<Long> ids) {
        if (ids == null) {
            throw ApiException.invalid(field, field + " is required (a list of ids)");
        }
        Set<Long> seen = new HashSet<>();
        for (Long i : ids) {
            if (i == null || i < 1) {
                throw ApiException.invalid(field, field + " must hold positive whole numbers, got " + i);
            }
            if (!seen.add(i)) {
                throw ApiException.invalid(field, field + " names " + i + " more than once");
            }
        }
        return List.copyOf(ids);
    }
}
