package com.enreach.tools.rest.internal;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.ApiToken;
import com.enreach.tools.api.Role;
import com.enreach.tools.api.ai.AssistantService;

import jakarta.ws.rs.container.ContainerRequestContext;

/** What the /api/ai and /api/kb/analysis routes share: the service (absent without the assistant plugin: 503 naming it). */
final class AssistantRoutes {
    static final String ASSISTANT_PLUGIN = "com.enreach.tools.plugin.assistant";
    static final String[] SCOPES = {"all", "inventory", "knowledge"};

    private AssistantRoutes() {
    }

    /** The service, or a 503 naming the plugin that provides it. */
    static AssistantService require(AssistantService service) {
        if (service == null) {
            throw new ServiceUnavailable("assistant_missing", "The assistant plugin (" + ASSISTANT_PLUGIN
                    + ") is not installed or not running: put its jar into deploy/ to use /api/ai and /api/kb/analysis");
        }
        return service;
    }

    /** 403 unless the caller's role includes {@code needed} (for a parameter that raises what a route needs). */
    static void requireRole(ContainerRequestContext request, Role needed, String what) {
        Object t = request == null ? null : request.getProperty(AuthFilter.TOKEN_PROPERTY);
        Role role = t instanceof ApiToken token ? token.role() : Role.VIEWER;
        if (!role.includes(needed)) {
            throw new ApiException(ApiException.Reason.FORBIDDEN, "forbidden", null, what + " needs the " + needed.id()
                    + " role; this token is " + role.id(), null);
        }
    }
}
