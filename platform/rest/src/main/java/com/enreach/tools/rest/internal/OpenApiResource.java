package com.enreach.tools.rest.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.enreach.tools.api.Role;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The OpenAPI 3 document of the whole API, derived from the resource classes themselves so it cannot drift from
 * the routes: paths, methods, path and query parameters, the role each operation needs, bearer security.
 */
@Component(service = OpenApiResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@Path("openapi.json")
@Produces(MediaType.APPLICATION_JSON)
public class OpenApiResource {
    static final List<Class<?>> RESOURCES = List.of(HealthResource.class, DeviceResource.class, SourceResource.class, SyncResource.class,
            TokenResource.class, StorageResource.class, OpenApiResource.class);

    @GET
    public Map<String, Object> document() {
        return build();
    }

    static Map<String, Object> build() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "Enreach Tools API", "version", "1.0.0",
                "description", "Master database of the infrastructure estate. Every route but GET /health needs 'Authorization: Bearer <token>'."
                        + " Lists answer {count, next, previous, results} with limit (1-1000, default 50) and offset."));
        doc.put("servers", List.of(Map.of("url", "/api")));
        doc.put("components", Map.of(
                "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer")),
                "schemas", Map.of("Error", Map.of("type", "object", "properties", Map.of("error", Map.of("type", "object", "properties",
                        Map.of("code", Map.of("type", "string"), "message", Map.of("type", "string"), "field", Map.of("type", "string"),
                                "detail", Map.of())))))));
        Map<String, Map<String, Object>> paths = new TreeMap<>();
        for (Class<?> r : RESOURCES) {
            String base = r.getAnnotation(Path.class).value();
            for (Method m : r.getMethods()) {
                String verb = verb(m);
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String p = "/" + join(base, sub == null ? "" : sub.value());
                paths.computeIfAbsent(p, k -> new TreeMap<>()).put(verb, operation(r, m, p));
            }
        }
        doc.put("paths", paths);
        return doc;
    }

    private static String join(String a, String b) {
        String s = (a + "/" + b).replaceAll("/+", "/");
        s = s.startsWith("/") ? s.substring(1) : s;
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String verb(Method m) {
        if (m.isAnnotationPresent(GET.class)) {
            return "get";
        }
        if (m.isAnnotationPresent(POST.class)) {
            return "post";
        }
        if (m.isAnnotationPresent(PUT.class)) {
            return "put";
        }
        if (m.isAnnotationPresent(DELETE.class)) {
            return "delete";
        }
        return null;
    }

    private static Map<String, Object> operation(Class<?> r, Method m, String path) {
        Map<String, Object> op = new LinkedHashMap<>();
        boolean open = path.equals("/health");
        Role role = AuthFilter.required(r, m);
        op.put("operationId", r.getSimpleName().replace("Resource", "").toLowerCase() + "_" + m.getName());
        op.put("summary", open ? "No token needed" : "Needs a " + role.name().toLowerCase() + " token");
        List<Map<String, Object>> params = new ArrayList<>();
        for (Parameter p : m.getParameters()) {
            for (Annotation a : p.getAnnotations()) {
                if (a instanceof PathParam pp) {
                    params.add(Map.of("name", pp.value(), "in", "path", "required", true, "schema", Map.of("type", "string")));
                } else if (a instanceof QueryParam qp) {
                    params.add(Map.of("name", qp.value(), "in", "query", "required", false, "schema", Map.of("type", "string")));
                }
            }
        }
        if (!params.isEmpty()) {
            op.put("parameters", params);
        }
        if (!open) {
            op.put("security", List.of(Map.of("bearer", List.of())));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", "OK"));
        Map<String, Object> err = Map.of("description", "Error", "content", Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Error"))));
        responses.put("400", err);
        if (!open) {
            responses.put("401", err);
            responses.put("403", err);
        }
        responses.put("404", err);
        op.put("responses", responses);
        return op;
    }
}
