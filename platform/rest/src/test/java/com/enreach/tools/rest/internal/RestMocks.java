package com.enreach.tools.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;

import org.junit.jupiter.api.function.Executable;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.ApiToken;
import com.enreach.tools.api.Role;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

/** What the runtime hands resource methods: the request URI (for page links) and the authenticated request. */
final class RestMocks {
    private RestMocks() {
    }

    static UriInfo uri(String requestUri) {
        UriInfo uri = mock(UriInfo.class);
        when(uri.getRequestUriBuilder()).thenAnswer(i -> UriBuilder.fromUri(requestUri));
        return uri;
    }

    /** A request that {@link AuthFilter} accepted with the named token. */
    static ContainerRequestContext caller(String tokenName, Role role) {
        ContainerRequestContext r = mock(ContainerRequestContext.class);
        when(r.getProperty(AuthFilter.TOKEN_PROPERTY)).thenReturn(new ApiToken(3, tokenName, role, "enr_abc", Instant.EPOCH, null, null));
        return r;
    }

    /** Asserts a 400 that names the field, and returns its message. */
    static String invalid(String field, Executable call) {
        ApiException e = assertThrows(ApiException.class, call);
        assertEquals(ApiException.Reason.INVALID, e.reason(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(400, new ExceptionMappers().toResponse(e).getStatus());
        return e.getMessage();
    }

    static void notFound(Executable call) {
        ApiException e = assertThrows(ApiException.class, call);
        assertEquals(ApiException.Reason.NOT_FOUND, e.reason(), e.getMessage());
        assertEquals(404, new ExceptionMappers().toResponse(e).getStatus());
    }
}
