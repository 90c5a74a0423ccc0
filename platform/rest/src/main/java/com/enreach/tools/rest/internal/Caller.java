package com.enreach.tools.rest.internal;

import java.security.Principal;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.ApiToken;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.SecurityContext;

/** Who is calling: the name of the token {@link AuthFilter} accepted, recorded as the actor of manual decisions. */
final class Caller {
    private Caller() {
    }

    static String name(ContainerRequestContext request) {
        Object t = request == null ? null : request.getProperty(AuthFilter.TOKEN_PROPERTY);
        if (t instanceof ApiToken token) {
            return token.name();
        }
        // A filter that authenticates another way (a browser session) may set the security context instead.
        SecurityContext sc = request == null ? null : request.getSecurityContext();
        Principal p = sc == null ? null : sc.getUserPrincipal();
        if (p != null && p.getName() != null && !p.getName().isBlank()) {
            return p.getName();
        }
        throw new ApiException(ApiException.Reason.FORBIDDEN, "forbidden", null, "This request has no authenticated caller to record", null);
    }
}
