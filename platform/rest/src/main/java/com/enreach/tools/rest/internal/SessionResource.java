package com.enreach.tools.rest.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.ApiToken;
import com.enreach.tools.api.TokenService;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The web UI's sign-in: an API token is exchanged for an HttpOnly, SameSite=Strict session cookie and a CSRF token.
 * The token itself never reaches the browser's storage; the browser only holds the cookie, which its scripts cannot
 * read.
 */
@Component(service = SessionResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
    @Reference
    TokenService tokens;

    @Reference
    SessionStore sessions;

    /** Body of a sign-in. */
    public record SignIn(String token) {
        @Override
        public String toString() {
            return "SignIn[token hidden]";
        }
    }

    /**
     * Who is signed in, and the CSRF token every state-changing request must echo in {@code X-CSRF-Token} (null when
     * the caller used a Bearer token: no cookie, nothing to protect).
     */
    public record SessionInfo(String role, String tokenName, String csrfToken, long idleTimeoutSeconds) {
    }

    /** Signs in; 401 for an unknown or revoked token. The cookie is Secure when the request came over https. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(SignIn body, @Context UriInfo uri) {
        if (body == null || body.token() == null || body.token().isBlank()) {
            throw ApiException.invalid("token", "send a JSON body {\"token\": \"<API token>\"}");
        }
        Optional<ApiToken> token = tokens.authenticate(body.token().trim());
        if (token.isEmpty()) {
            return ErrorBody.response(401, "invalid_token", "The token is unknown or revoked", "token", null);
        }
        SessionStore.Session session = sessions.create(body.token().trim());
        boolean secure = "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
        return Response.ok(info(token.get(), session)).cookie(cookie(session.id(), secure, -1)).build();
    }

    @GET
    public SessionInfo current(@Context ContainerRequestContext request) {
        ApiToken token = (ApiToken) request.getProperty(AuthFilter.TOKEN_PROPERTY);
        return info(token, (SessionStore.Session) request.getProperty(AuthFilter.SESSION_PROPERTY));
    }

    /** Signs out: the session ends on the server and the cookie is cleared. */
    @DELETE
    public Response signOut(@Context ContainerRequestContext request, @Context UriInfo uri) {
        if (request.getProperty(AuthFilter.SESSION_PROPERTY) instanceof SessionStore.Session s) {
            sessions.remove(s.id());
        }
        boolean secure = "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
        return Response.noContent().cookie(cookie("", secure, 0)).build();
    }

    private SessionInfo info(ApiToken token, SessionStore.Session session) {
        return new SessionInfo(token.role().id(), token.name(), session == null ? null : session.csrfToken(), sessions.idle().toSeconds());
    }

    /** {@code maxAge} -1: ends with the browser; 0: delete now. */
    static NewCookie cookie(String value, boolean secure, int maxAge) {
        return new NewCookie.Builder(SessionStore.COOKIE).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}
