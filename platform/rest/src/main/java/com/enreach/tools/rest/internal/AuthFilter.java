package com.enreach.tools.rest.internal;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;

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
import jakarta.ws.rs.core.Cookie;

/**
 * Every request but {@code GET /api/health}, {@code GET /api/health/ready} and the sign-in ({@code POST /api/session}) needs
 * {@code Authorization: Bearer <token>} or the web UI's session cookie; checked before routing, so unknown routes
 * answer 401 too. With the cookie, every state-changing method also needs the session's CSRF token in
 * {@code X-CSRF-Token} (a cross-site page can make the browser send the cookie, but cannot read the token). The
 * token's role is kept for {@link RoleFilter}.
 */
@Component(service = ContainerRequestFilter.class)
@JakartarsExtension
@JakartarsName("enreach.auth")
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class AuthFilter implements ContainerRequestFilter {
    /** Methods that change nothing: no CSRF token needed. */
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    static final String TOKEN_PROPERTY = "enreach.token";
    /** The session a cookie-authenticated request came with. */
    static final String SESSION_PROPERTY = "enreach.session";

    @Reference
    TokenService tokens;

    @Reference
    SessionStore sessions;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        if ((path.equals("health") || path.equals("health/ready")) && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            return; // liveness and readiness; the health resource shows details to a valid token itself
        }
        String header = request.getHeaderString("Authorization");
        if (header == null || header.isBlank()) {
            if (path.equals("session") && "POST".equals(request.getMethod())) {
                return; // signing in is how a browser gets a session
            }
            Cookie cookie = request.getCookies().get(SessionStore.COOKIE);
            if (cookie != null) {
                withSession(request, cookie.getValue());
                return;
            }
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

    private void withSession(ContainerRequestContext request, String id) {
        Optional<SessionStore.Session> session = sessions.touch(id);
        if (session.isEmpty()) {
            request.abortWith(ErrorBody.response(401, "session_expired", "The session has expired or was signed out; sign in again", null, null));
            return;
        }
        Optional<ApiToken> token = tokens.authenticate(session.get().secret());
        if (token.isEmpty()) {
            sessions.remove(id);
            request.abortWith(ErrorBody.response(401, "invalid_token", "The session's token was revoked; sign in again", null, null));
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && !session.get().csrfMatches(request.getHeaderString(SessionStore.CSRF_HEADER))) {
            request.abortWith(ErrorBody.response(403, "csrf_token_mismatch", request.getMethod() + " with the session cookie needs header "
                    + SessionStore.CSRF_HEADER + " with the session's CSRF token (given by POST or GET /api/session)", SessionStore.CSRF_HEADER, null));
            return;
        }
        request.setProperty(TOKEN_PROPERTY, token.get());
        request.setProperty(SESSION_PROPERTY, session.get());
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
