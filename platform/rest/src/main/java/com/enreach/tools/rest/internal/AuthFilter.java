package com.enreach.tools.rest.internal;

import java.lang.reflect.Method;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import com.enreach.tools.api.ApiToken;
import com.enreach.tools.api.Role;
import com.enreach.tools.api.TokenService;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

/**
 * Every request but {@code GET /api/health} needs {@code Authorization: Bearer <token>}; checked before routing,
 * so unknown routes answer 401 too. The token's role is kept for {@link RoleFilter}.
 */
@Component(service = ContainerRequestFilter.class)
@JakartarsExtension
@JakartarsName("enreach.auth")
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AuthFilter implements ContainerRequestFilter {
    static final String TOKEN_PROPERTY = "enreach.token";

    @Reference
    TokenService tokens;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (path.equals("health") && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            return;
        }
        String header = request.getHeaderString("Authorization");
        if (header == null || header.isBlank()) {
            request.abortWith(ErrorBody.response(401, "unauthenticated", "This route needs 'Authorization: Bearer <token>'", null, null));
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            request.abortWith(ErrorBody.response(401, "unauthenticated", "Use the Bearer scheme: 'Authorization: Bearer <token>'", null, null));
            return;
        }
        Optional<ApiToken> token = tokens.authenticate(header.substring(7).trim());
        if (token.isEmpty()) {
            request.abortWith(ErrorBody.response(401, "invalid_token", "The token is unknown or revoked", null, null));
            return;
        }
        request.setProperty(TOKEN_PROPERTY, token.get());
    }

    /** The role a resource method needs. */
    static Role required(Class<?> type, Method method) {
        RequiresRole r = method == null ? null : method.getAnnotation(RequiresRole.class);
        if (r == null && type != null) {
            r = type.getAnnotation(RequiresRole.class);
        }
        return r == null ? Role.VIEWER : r.value();
    }
}
