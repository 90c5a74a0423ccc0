package com.enreach.tools.rest.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.JakartarsWhiteboardConstants;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.Role;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The OpenAPI 3 document of the whole API, derived from the resources themselves so it cannot drift from the routes:
 * every Jakarta REST whiteboard resource registered in the framework (whatever bundle provides it), its paths,
 * methods, path and query parameters, request body, the role each operation needs, bearer security, and the
 * schemas of the JSON it answers and accepts ({@link OpenApiSchemas}, from the API's own Jackson mapper).
 */
@Component(service = OpenApiResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@Path("openapi.json")
@Produces(MediaType.APPLICATION_JSON)
public class OpenApiResource {
    private static final Logger LOG = LoggerFactory.getLogger(OpenApiResource.class);
    private static final String RESOURCE_FILTER = "(" + JakartarsWhiteboardConstants.JAKARTA_RS_RESOURCE + "=true)";
    /** Parameters the runtime injects: not part of the request. */
    private static final List<Class<? extends Annotation>> INJECTED = List.of(PathParam.class, QueryParam.class, HeaderParam.class,
            CookieParam.class, FormParam.class, MatrixParam.class, BeanParam.class, Context.class, Suspended.class);

    private BundleContext context;

    @Activate
    void activate(BundleContext ctx) {
        this.context = ctx;
    }

    @GET
    public Map<String, Object> document() {
        return build(resources());
    }

    /** The classes of every whiteboard resource service, loaded through the bundle that registered it. */
    private List<Class<?>> resources() {
        Map<String, Class<?>> out = new TreeMap<>();
        try {
            ServiceReference<?>[] refs = context.getServiceReferences((String) null, RESOURCE_FILTER);
            for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
                for (String name : (String[]) ref.getProperty(Constants.OBJECTCLASS)) {
                    try {
                        Class<?> c = ref.getBundle().loadClass(name);
                        if (c.isAnnotationPresent(Path.class)) {
                            out.put(name, c);
                        }
                    } catch (ClassNotFoundException | IllegalStateException e) {
                        LOG.debug("OpenAPI: cannot load resource class {}: {}", name, e.toString());
                    }
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return new ArrayList<>(out.values());
    }

    static Map<String, Object> build(Collection<Class<?>> resources) {
        OpenApiSchemas schemas = new OpenApiSchemas(JsonProvider.MAPPER);
        schemas.put("Error", Map.of("type", "object", "properties", Map.of("error", Map.of("type", "object", "properties",
                Map.of("code", Map.of("type", "string"), "message", Map.of("type", "string"), "field", Map.of("type", "string"),
                        "detail", Map.of())))));
        Map<String, Map<String, Object>> paths = new TreeMap<>();
        for (Class<?> r : resources) {
            String base = r.getAnnotation(Path.class).value();
            for (Method m : r.getMethods()) {
                String verb = verb(m);
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String p = "/" + join(base, sub == null ? "" : sub.value());
                paths.computeIfAbsent(p, k -> new TreeMap<>()).put(verb, operation(r, m, p, schemas));
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "Enreach Tools API", "version", "1.0.0",
                "description", "Master database of the infrastructure estate. Every route but GET /health and GET /health/ready needs 'Authorization: Bearer <token>' (GET /health shows details to a valid token)."
                        + " Lists answer {count, next, previous, results} with limit (1-1000, default 50) and offset."));
        doc.put("servers", List.of(Map.of("url", "/api")));
        doc.put("paths", paths);
        doc.put("components", Map.of("securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer")),
                "schemas", schemas.components()));
        return doc;
    }

    static String join(String a, String b) {
        String s = withoutRegex(a + "/" + b).replaceAll("/+", "/");
        s = s.startsWith("/") ? s.substring(1) : s;
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** A template parameter with a regular expression ({@code {id: [0-9]+}}) written as just its name ({@code {id}}). */
    static String withoutRegex(String template) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != '{') {
                out.append(c);
                continue;
            }
            int depth = 1;
            int colon = -1;
            int j = i + 1;
            for (; j < template.length() && depth > 0; j++) {
                char d = template.charAt(j);
                depth += d == '{' ? 1 : d == '}' ? -1 : 0;
                if (d == ':' && depth == 1 && colon < 0) {
                    colon = j;
                }
            }
            out.append('{').append(template.substring(i + 1, colon < 0 ? j - 1 : colon).trim()).append('}');
            i = j - 1;
        }
        return out.toString();
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

    private static Map<String, Object> operation(Class<?> r, Method m, String path, OpenApiSchemas schemas) {
        Map<String, Object> op = new LinkedHashMap<>();
        // The web UI's sign-in carries its token in the body, not in a header.
        boolean open = path.equals("/health") || path.equals("/health/ready") || (path.equals("/session") && m.isAnnotationPresent(POST.class));
        Role role = AuthFilter.required(r, m);
        op.put("operationId", r.getSimpleName().replace("Resource", "").toLowerCase(Locale.ROOT) + "_" + m.getName());
        op.put("summary", open ? "No token needed" : "Needs a " + role.name().toLowerCase(Locale.ROOT) + " token");
        List<Map<String, Object>> params = new ArrayList<>();
        Type body = null;
        for (int i = 0; i < m.getParameterCount(); i++) {
            Parameter p = m.getParameters()[i];
            if (p.isAnnotationPresent(PathParam.class)) {
                params.add(Map.of("name", p.getAnnotation(PathParam.class).value(), "in", "path", "required", true, "schema", Map.of("type", "string")));
            } else if (p.isAnnotationPresent(QueryParam.class)) {
                params.add(Map.of("name", p.getAnnotation(QueryParam.class).value(), "in", "query", "required", false, "schema", Map.of("type", "string")));
            } else if (INJECTED.stream().noneMatch(p::isAnnotationPresent)) {
                body = m.getGenericParameterTypes()[i]; // the one parameter without an annotation is the entity
            }
        }
        if (!params.isEmpty()) {
            op.put("parameters", params);
        }
        if (body != null) {
            op.put("requestBody", Map.of("required", true, "content", json(schemas.of(body))));
        }
        if (!open) {
            op.put("security", List.of(Map.of("bearer", List.of())));
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        Answers answers = m.getAnnotation(Answers.class);
        if (answers != null) {
            responses.put(Integer.toString(answers.status()), Map.of("description", "OK", "content", json(schemas.of(answers.value()))));
        } else if (m.getReturnType() == Response.class || m.getReturnType() == void.class) {
            responses.put("200", Map.of("description", "OK"));
        } else {
            responses.put("200", Map.of("description", "OK", "content", json(schemas.of(m.getGenericReturnType()))));
        }
        Map<String, Object> err = Map.of("description", "Error", "content", json(Map.of("$ref", "#/components/schemas/Error")));
        responses.put("400", err);
        if (!open) {
            responses.put("401", err);
            responses.put("403", err);
        }
        responses.put("404", err);
        op.put("responses", responses);
        return op;
    }

    private static Map<String, Object> json(Map<String, Object> schema) {
        return Map.of(MediaType.APPLICATION_JSON, Map.of("schema", schema));
    }
}
