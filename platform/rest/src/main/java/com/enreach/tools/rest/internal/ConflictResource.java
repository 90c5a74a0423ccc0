package com.enreach.tools.rest.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.inventory.AttributeConflict;
import com.enreach.tools.api.inventory.ConflictQuery;
import com.enreach.tools.api.inventory.ConflictService;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** Attribute conflicts: where sources disagree beyond tolerance. Resolved with {@code PUT /entities/{id}/overrides/{attribute}}. */
@Component(service = ConflictResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@Path("conflicts")
@Produces(MediaType.APPLICATION_JSON)
public class ConflictResource {
    @Reference
    ConflictService conflicts;

    @Reference
    QueryGate gate;

    @GET
    public Envelope<AttributeConflict> list(@QueryParam("attribute") String attribute, @QueryParam("source") String source,
                                            @QueryParam("entity_type") String entityType, @QueryParam("entity") String entity,
                                            @QueryParam("limit") String limit, @QueryParam("offset") String offset, @Context UriInfo uri) {
        String a = Params.text(attribute);
        List<String> known = conflicts.attributes();
        if (a != null && !known.contains(a)) {
            throw ApiException.invalid("attribute", "attribute must be one of " + String.join(", ", known) + ", got '" + a + "'");
        }
        ConflictQuery query = new ConflictQuery(a, Params.text(source), Params.text(entityType), Params.optionalId("entity", entity),
                Params.limit(limit), Params.offset(offset));
        boolean expensive = query.attribute() != null || query.source() != null || query.entityType() != null;
        return Params.envelope(expensive ? gate.run(() -> conflicts.find(query)) : conflicts.find(query), uri);
    }
}
