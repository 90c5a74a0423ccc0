package com.enreach.tools.rest.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Role;
import com.enreach.tools.api.inventory.ConflictService;
import com.enreach.tools.api.inventory.EntityService;
import com.enreach.tools.api.inventory.GoldenValue;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.jakarta.rs.annotation.JacksonFeatures;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * Manual overrides of golden values (how an attribute conflict is resolved): the value wins over every source until
 * it expires or is withdrawn; audited with the calling token's name.
 */
@Component(service = OverrideResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@Path("entities/{id}/overrides/{attribute}")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.OPERATOR)
public class OverrideResource {
    @Reference
    ConflictService conflicts;

    @Reference
    EntityService entities;

    Clock clock = Clock.systemUTC();

    /**
     * Body of {@code PUT /entities/{id}/overrides/{attribute}}.
     *
     * @param value     the value to keep: string, number, boolean, list or object
     * @param expiresAt ISO-8601 time after which the rules choose again; null for never
     */
    public record OverrideRequest(Object value, String reason, String expiresAt) {
    }

    /** Which override was withdrawn, and by whom. */
    public record Withdrawn(long entityId, String attribute, String revokedBy) {
    }

    /** Sets the attribute's value by hand; answers the attribute's golden value afterwards. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public GoldenValue put(@PathParam("id") String id, @PathParam("attribute") String attribute,
                           @JacksonFeatures(deserializationEnable = DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) OverrideRequest body,
                           @Context ContainerRequestContext request) {
        long entityId = existing(id);
        String a = attribute(attribute);
        if (body == null) {
            throw ApiException.invalid(null, "send a JSON body {\"value\": ..., \"reason\": \"...\", \"expires_at\": null}");
        }
        if (body.value() == null) {
            throw ApiException.invalid("value", "value is required (the value to keep, e.g. one of the conflict's candidates)");
        }
        Instant expires = Params.futureInstant("expires_at", body.expiresAt(), clock.instant());
        return conflicts.override(entityId, a, body.value(), Params.text(body.reason()), expires, Caller.name(request));
    }

    /** Withdraws the override; the rules choose the value again. */
    @DELETE
    public Withdrawn delete(@PathParam("id") String id, @PathParam("attribute") String attribute, @Context ContainerRequestContext request) {
        long entityId = existing(id);
        String a = attribute(attribute);
        String actor = Caller.name(request);
        conflicts.revokeOverride(entityId, a, actor);
        return new Withdrawn(entityId, a, actor);
    }

    /** The path's entity, checked before the rest of the request: an unknown one is a 404 whatever else is wrong. */
    private long existing(String id) {
        long entityId = Params.id("id", id);
        if (entities.get(entityId).isEmpty()) {
            throw ApiException.notFound("Entity", id);
        }
        return entityId;
    }

    private String attribute(String attribute) {
        List<String> known = conflicts.attributes();
        if (attribute == null || !known.contains(attribute)) {
            throw ApiException.invalid("attribute", "attribute must be one of " + String.join(", ", known) + ", got '" + attribute + "'");
        }
        return attribute;
    }
}
