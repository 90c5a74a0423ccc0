package com.enreach.tools.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import com.enreach.tools.api.ApiToken;
import com.enreach.tools.api.Role;
import com.enreach.tools.api.TokenService;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Sign-in, the session cookie, CSRF on state-changing methods, idle expiry and revocation. */
class SessionAuthTest {
    private static final String SECRET = "enr_operator-secret";
    private final Set<String> valid = new java.util.concurrent.CopyOnWriteArraySet<>(Set.of(SECRET));
    private final TokenService tokens = new TokenService() {
        @Override
        public Optional<ApiToken> authenticate(String secret) {
            return valid.contains(secret) ? Optional.of(new ApiToken(7, "alice", Role.OPERATOR, "enr_op", Instant.EPOCH, null, null)) : Optional.empty();
        }

        @Override
        public Created create(String name, Role role) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ApiToken> list() {
            return List.of();
        }

        @Override
        public boolean revoke(long id) {
            return valid.remove(SECRET);
        }
    };
    private final MutableClock clock = new MutableClock();
    private final SessionStore sessions = new SessionStore(clock, Duration.ofMinutes(30));
    private final AuthFilter filter = new AuthFilter();
    private final SessionResource resource = new SessionResource();

    SessionAuthTest() {
        filter.tokens = tokens;
        filter.sessions = sessions;
        resource.tokens = tokens;
        resource.sessions = sessions;
    }

    /** A request: method, path, optional cookie and headers; records what the filter did. */
    private static final class Call {
        final ContainerRequestContext ctx = mock(ContainerRequestContext.class);
        final Map<String, Object> props = new HashMap<>();

        Call(String method, String path, String cookie, Map<String, String> headers) {
            UriInfo uri = mock(UriInfo.class);
            when(uri.getPath()).thenReturn(path);
            when(ctx.getUriInfo()).thenReturn(uri);
            when(ctx.getMethod()).thenReturn(method);
            when(ctx.getCookies()).thenReturn(cookie == null ? Map.of() : Map.of(SessionStore.COOKIE, new Cookie.Builder(SessionStore.COOKIE).value(cookie).build()));
            headers.forEach((k, v) -> when(ctx.getHeaderString(k)).thenReturn(v));
            org.mockito.Mockito.doAnswer(i -> props.put(i.getArgument(0), i.getArgument(1))).when(ctx).setProperty(any(), any());
            when(ctx.getProperty(any())).thenAnswer(i -> props.get(i.<String>getArgument(0)));
        }

        Response aborted() {
            ArgumentCaptor<Response> r = ArgumentCaptor.forClass(Response.class);
            verify(ctx).abortWith(r.capture());
            return r.getValue();
        }

        void passed() {
            verify(ctx, never()).abortWith(any());
        }
    }

    private SessionStore.Session signIn() {
        UriInfo uri = mock(UriInfo.class);
        when(uri.getRequestUri()).thenReturn(URI.create("http://127.0.0.1:8080/api/session"));
        Response r = resource.signIn(new SessionResource.SignIn(SECRET), uri);
        assertEquals(200, r.getStatus());
        String id = r.getCookies().get(SessionStore.COOKIE).getValue();
        return sessions.touch(id).orElseThrow();
    }

    @Test
    void signInSetsAnHttpOnlyStrictCookieForTheWholeSiteAndAnswersRoleNameAndCsrfToken() {
        UriInfo uri = mock(UriInfo.class);
        when(uri.getRequestUri()).thenReturn(URI.create("http://127.0.0.1:8080/api/session"));
        Response r = resource.signIn(new SessionResource.SignIn(SECRET), uri);
        NewCookie c = r.getCookies().get(SessionStore.COOKIE);
        assertTrue(c.isHttpOnly());
        assertEquals(NewCookie.SameSite.STRICT, c.getSameSite());
        assertEquals("/", c.getPath());
        assertFalse(c.isSecure(), "plain http: a Secure cookie would never come back");
        SessionResource.SessionInfo info = (SessionResource.SessionInfo) r.getEntity();
        assertEquals("operator", info.role());
        assertEquals("alice", info.tokenName());
        assertNotNull(info.csrfToken());
        assertFalse(info.toString().contains(SECRET));
        assertFalse(c.getValue().contains(SECRET), "the cookie is a random session id, not the token");
    }

    @Test
    void theCookieIsSecureOverHttps() {
        UriInfo uri = mock(UriInfo.class);
        when(uri.getRequestUri()).thenReturn(URI.create("https://inventory.example/api/session"));
        assertTrue(resource.signIn(new SessionResource.SignIn(SECRET), uri).getCookies().get(SessionStore.COOKIE).isSecure());
    }

    @Test
    void aBadTokenIsRefusedWith401AndNoCookie() {
        Response r = resource.signIn(new SessionResource.SignIn("enr_wrong"), mock(UriInfo.class));
        assertEquals(401, r.getStatus());
        assertTrue(r.getCookies().isEmpty());
        assertEquals(0, sessions.size());
    }

    @Test
    void signInItselfNeedsNoCredentials() {
        Call c = new Call("POST", "session", null, Map.of());
        filter.filter(c.ctx);
        c.passed();
    }

    @Test
    void aGetWithTheCookieIsAuthenticatedAsTheSessionsToken() {
        SessionStore.Session s = signIn();
        Call c = new Call("GET", "devices", s.id(), Map.of());
        filter.filter(c.ctx);
        c.passed();
        assertEquals("alice", ((ApiToken) c.props.get(AuthFilter.TOKEN_PROPERTY)).name());
    }

    @Test
    void aStateChangingRequestWithTheCookieButNoOrAWrongCsrfTokenIs403() {
        SessionStore.Session s = signIn();
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            Call none = new Call(method, "sources/demo/sync", s.id(), Map.of());
            filter.filter(none.ctx);
            assertEquals(403, none.aborted().getStatus(), method + " without the header");
            Call wrong = new Call(method, "sources/demo/sync", s.id(), Map.of(SessionStore.CSRF_HEADER, "forged"));
            filter.filter(wrong.ctx);
            assertEquals(403, wrong.aborted().getStatus(), method + " with a wrong token");
            assertNull(wrong.props.get(AuthFilter.TOKEN_PROPERTY));
        }
        Call right = new Call("POST", "sources/demo/sync", s.id(), Map.of(SessionStore.CSRF_HEADER, s.csrfToken()));
        filter.filter(right.ctx);
        right.passed();
    }

    @Test
    void anIdleSessionExpires() {
        SessionStore.Session s = signIn();
        clock.advance(Duration.ofMinutes(29));
        Call before = new Call("GET", "devices", s.id(), Map.of());
        filter.filter(before.ctx);
        before.passed();
        clock.advance(Duration.ofMinutes(31)); // idle since the last request
        Call after = new Call("GET", "devices", s.id(), Map.of());
        filter.filter(after.ctx);
        assertEquals(401, after.aborted().getStatus());
    }

    @Test
    void revokingTheTokenEndsItsSessions() {
        SessionStore.Session s = signIn();
        tokens.revoke(7);
        Call c = new Call("GET", "devices", s.id(), Map.of());
        filter.filter(c.ctx);
        assertEquals(401, c.aborted().getStatus());
        assertTrue(sessions.touch(s.id()).isEmpty());
    }

    @Test
    void signOutEndsTheSessionAndClearsTheCookie() {
        SessionStore.Session s = signIn();
        Call c = new Call("DELETE", "session", s.id(), Map.of(SessionStore.CSRF_HEADER, s.csrfToken()));
        filter.filter(c.ctx);
        c.passed();
        UriInfo uri = mock(UriInfo.class);
        when(uri.getRequestUri()).thenReturn(URI.create("http://127.0.0.1/api/session"));
        Response r = resource.signOut(c.ctx, uri);
        assertEquals(0, r.getCookies().get(SessionStore.COOKIE).getMaxAge());
        Call later = new Call("GET", "devices", s.id(), Map.of());
        filter.filter(later.ctx);
        assertEquals(401, later.aborted().getStatus());
    }

    @Test
    void anUnknownCookieIs401() {
        Call c = new Call("GET", "devices", "made-up", Map.of());
        filter.filter(c.ctx);
        assertEquals(401, c.aborted().getStatus());
    }

    @Test
    void theBearerTokenStillWorksAndNeedsNoCsrfToken() {
        Call c = new Call("POST", "sources/demo/sync", null, Map.of("Authorization", "Bearer " + SECRET));
        filter.filter(c.ctx);
        c.passed();
        assertEquals(Role.OPERATOR, ((ApiToken) c.props.get(AuthFilter.TOKEN_PROPERTY)).role());
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
