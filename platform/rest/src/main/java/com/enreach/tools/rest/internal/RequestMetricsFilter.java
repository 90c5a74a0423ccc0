package com.enreach.tools.rest.internal;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import com.enreach.tools.metrics.PlatformMetrics;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

/**
 * Times every REST request for /metrics, by method, route template ({@code /api/devices/{id}}, never the raw path;
 * {@code other} when no route matched, as for a request refused before routing) and status. The clock starts before
 * authentication (first pre-matching filter) and stops when the answer is written: in the response filter for an
 * answer without a body, else after the body's writer (so serialising a large list counts).
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class, WriterInterceptor.class})
@JakartarsExtension
@JakartarsName("enreach.metrics")
@PreMatching
@Priority(Integer.MIN_VALUE + 1)
public class RequestMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {
    static final String OTHER = "other";
    /** The REST whiteboard's base path (jersey.context.path in etc/JakartarsServletWhiteboardRuntimeComponent.cfg). */
    static final String BASE = "/api";
    private static final String START = "enreach.metrics.start";
    private static final String PENDING = "enreach.metrics.pending";
    /** Route templates by resource method: computed once per method, so nothing is built per request. */
    private static final Map<Method, String> ROUTES = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile PlatformMetrics metrics;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (metrics != null) {
            request.setProperty(START, System.nanoTime());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(START) instanceof Long start)) {
            return;
        }
        Object bound = request.getProperty(RouteFeature.ROUTE);
        Pending p = new Pending(request.getMethod(), bound instanceof String r ? r : route(resource), response.getStatus(), start);
        if (response.hasEntity()) {
            request.setProperty(PENDING, p); // recorded once the body is written
        } else {
            request.removeProperty(START);
            p.record(metrics);
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        try {
            context.proceed();
        } finally {
            // A streamed answer (server-sent events) writes chunk by chunk: recorded once, at its first chunk.
            if (context.getProperty(PENDING) instanceof Pending p) {
                context.removeProperty(PENDING);
                context.removeProperty(START);
                p.record(metrics);
            }
        }
    }

    /** What is known of a request once its answer is decided. */
    private record Pending(String method, String route, int status, long start) {
        void record(PlatformMetrics m) {
            if (m != null) {
                m.restRequest(method, route, status, System.nanoTime() - start);
            }
        }
    }

    /** The route template of the matched resource method, or {@link #OTHER}. */
    static String route(ResourceInfo info) {
        Method m = info == null ? null : info.getResourceMethod();
        Class<?> type = info == null ? null : info.getResourceClass();
        if (m == null || type == null) {
            return OTHER;
        }
        return ROUTES.computeIfAbsent(m, x -> template(type, x));
    }

    static String template(Class<?> type, Method m) {
        Path base = type.getAnnotation(Path.class);
        Path sub = m.getAnnotation(Path.class);
        if (base == null && sub == null) {
            return OTHER;
        }
        String joined = OpenApiResource.join(base == null ? "" : base.value(), sub == null ? "" : sub.value());
        return joined.isEmpty() ? BASE : BASE + "/" + joined;
    }
}
