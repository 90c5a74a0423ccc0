package com.enreach.tools.rest.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.ApiToken;
import com.enreach.tools.api.Role;
import com.enreach.tools.api.TokenService;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** API tokens: admin only. Secrets are returned once, at creation. */
@Component(service = TokenResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@Path("tokens")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.ADMIN)
public class TokenResource {
    @Reference
    TokenService tokens;

    /** Body of a create request. */
    public record CreateRequest(String name, String role) {
    }

    @GET
    public List<ApiToken> list() {
        return tokens.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Answers(status = 201, value = TokenService.Created.class)
    public Response create(CreateRequest body) {
        if (body == null) {
            throw ApiException.invalid(null, "send a JSON body {\"name\": ..., \"role\": \"viewer|operator|approver|admin\"}");
        }
        if (body.role() == null || body.role().isBlank()) {
            throw ApiException.invalid("role", "role is required: viewer, operator, approver or admin");
        }
        Role role;
        try {
            role = Role.of(body.role()); // any letter case in, lower case out
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("role", e.getMessage());
        }
        return Response.status(201).entity(tokens.create(body.name(), role)).build();
    }

    /** Refused with 409 for the last active admin token, which would lock everyone out of token management. */
    @DELETE
    @Path("{id}")
    public ApiToken revoke(@PathParam("id") String id) {
        long tokenId = Params.id("id", id);
        if (!tokens.revoke(tokenId)) {
            throw ApiException.notFound("Active token", id);
        }
        return tokens.list().stream().filter(t -> t.id() == tokenId).findFirst().orElseThrow();
    }
}
