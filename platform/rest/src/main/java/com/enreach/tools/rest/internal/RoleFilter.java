package com.enreach.tools.rest.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import com.enreach.tools.api.ApiToken;
import com.enreach.tools.api.Role;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;

/** After routing: refuses with 403 when the token's role is below what the method needs. */
@Component(service = ContainerRequestFilter.class)
@JakartarsExtension
@JakartarsName("enreach.roles")
@Priority(Priorities.AUTHORIZATION)
public class RoleFilter implements ContainerRequestFilter {
    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Object t = request.getProperty(AuthFilter.TOKEN_PROPERTY);
        if (!(t instanceof ApiToken token)) {
            return; // health
        }
        Role needed = AuthFilter.required(resource.getResourceClass(), resource.getResourceMethod());
        if (!token.role().includes(needed)) {
            request.abortWith(ErrorBody.response(403, "forbidden", "This needs the " + needed.id()
                    + " role; the token '" + token.name() + "' is " + token.role().id(), null, null));
        }
    }
}
