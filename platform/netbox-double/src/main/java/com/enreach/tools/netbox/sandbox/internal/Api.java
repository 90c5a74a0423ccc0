package com.enreach.tools.netbox.sandbox.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.enreach.tools.netbox.sandbox.NetBoxRequest;
import com.enreach.tools.netbox.sandbox.NetBoxResponse;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Routes an authenticated request to the endpoint of its kind: lists, single objects, status, object changes. */
public final class Api {
    /** NetBox's PAGINATE_COUNT and MAX_PAGE_SIZE defaults. */
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Kinds kinds;
    private final Store store;
    private final Render render;
    private final Filters filters;
    private final Changelog changelog;
    private final Writes writes;

    public Api(Kinds kinds, Store store, Changelog changelog) {
        this.kinds = kinds;
        this.store = store;
        this.render = new Render(kinds, store);
        this.filters = new Filters(kinds, store, render);
        this.changelog = changelog;
        this.writes = new Writes(kinds, store, render, changelog);
    }

    public Render render() {
        return render;
    }

    public NetBoxResponse handle(NetBoxRequest req, Writes.Ctx ctx, ObjectNode status) {
        String path = req.path();
        if (!path.startsWith("/api")) {
            return Reply.detail(404, "Not found.");
        }
        String rest = path.substring(4).replaceAll("^/+|/+$", "");
        Map<String, List<String>> params;
        try {
            params = params(req.query());
        } catch (IllegalArgumentException e) {
            return Reply.detail(400, "Malformed query string: " + e.getMessage());
        }
        if (rest.isEmpty()) {
            ObjectNode root = F.objectNode();
            for (String app : List.of("core", "dcim", "extras", "ipam", "virtualization", "status")) {
                root.put(app, ctx.base() + "/api/" + app + "/");
            }
            return Reply.json(200, root);
        }
        if (rest.equals("status")) {
            return req.method().equals("GET") ? Reply.json(200, status) : notAllowed(req);
        }
        String[] parts = rest.split("/");
        Long id = null;
        String endpoint = rest;
        if (parts.length == 3) {
            try {
                id = Long.parseLong(parts[2]);
            } catch (NumberFormatException e) {
                return Reply.detail(404, "Not found.");
            }
            endpoint = parts[0] + "/" + parts[1];
        } else if (parts.length != 2) {
            return Reply.detail(404, "Not found.");
        }
        if (endpoint.equals("core/object-changes")) {
            return objectChanges(req, ctx, id, params);
        }
        KindDef kind = kinds.byEndpoint(endpoint);
        if (kind == null) {
            return Reply.detail(404, "Not found.");
        }
        boolean brief = "true".equalsIgnoreCase(first(params, "brief")) || "1".equals(first(params, "brief"));
        switch (req.method()) {
            case "GET": {
                if (id != null) {
                    ObjectNode o = store.get(kind.name(), id);
                    return o == null ? Writes.notFound(kind) : Reply.json(200, brief ? render.brief(ctx.base(), kind, o) : render.full(ctx.base(), kind, o));
                }
                List<ObjectNode> found = Ordering.sort(filters.apply(kind, params), first(params, "ordering"));
                return page(req, ctx.base(), params, found, o -> brief ? render.brief(ctx.base(), kind, o) : render.full(ctx.base(), kind, o));
            }
            case "POST": {
                if (id != null) {
                    return notAllowed(req);
                }
                JsonNode body = body(req);
                return body == null ? parseError() : writes.create(ctx, kind, body);
            }
            case "PUT":
            case "PATCH": {
                JsonNode body = body(req);
                return body == null ? parseError() : writes.update(ctx, kind, id, body, req.method().equals("PATCH"));
            }
            case "DELETE": {
                JsonNode body = id == null ? body(req) : null;
                return writes.delete(ctx, kind, id, body);
            }
            default:
                return notAllowed(req);
        }
    }

    private NetBoxResponse objectChanges(NetBoxRequest req, Writes.Ctx ctx, Long id, Map<String, List<String>> params) {
        if (!req.method().equals("GET")) {
            return notAllowed(req);
        }
        boolean brief = "true".equalsIgnoreCase(first(params, "brief"));
        if (id != null) {
            List<ObjectNode> all = changelog.all();
            return id < 1 || id > all.size() ? Reply.detail(404, "No ObjectChange matches the given query.")
                    : Reply.json(200, changelog.render(ctx.base(), all.get((int) (id - 1)), brief));
        }
        Map<String, List<String>> filters = new LinkedHashMap<>(params);
        Filters.NOT_FILTERS.forEach(filters::remove);
        return page(req, ctx.base(), params, changelog.filter(filters), c -> changelog.render(ctx.base(), c, brief));
    }

    private NetBoxResponse page(NetBoxRequest req, String base, Map<String, List<String>> params, List<ObjectNode> found,
                                java.util.function.Function<ObjectNode, ObjectNode> show) {
        int limit = intParam(params, "limit", DEFAULT_LIMIT);
        if (limit <= 0 || limit > MAX_LIMIT) {
            limit = MAX_LIMIT;
        }
        int offset = Math.max(0, intParam(params, "offset", 0));
        ObjectNode page = F.objectNode();
        page.put("count", found.size());
        String self = base + req.path();
        page.put("next", offset + limit < found.size() ? link(self, params, limit, offset + limit) : null);
        page.put("previous", offset > 0 ? link(self, params, limit, Math.max(0, offset - limit)) : null);
        ArrayNode results = page.putArray("results");
        for (int i = offset; i < Math.min(found.size(), offset + limit); i++) {
            results.add(show.apply(found.get(i)));
        }
        return Reply.json(200, page);
    }

    /** The URL of another page: the same filters, limit and offset replaced (offset left out for the first page). */
    private static String link(String self, Map<String, List<String>> params, int limit, int offset) {
        StringBuilder q = new StringBuilder();
        params.forEach((k, vs) -> {
            if (!k.equals("limit") && !k.equals("offset")) {
                vs.forEach(v -> q.append(q.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
            }
        });
        q.append(q.length() == 0 ? "" : "&").append("limit=").append(limit);
        if (offset > 0) {
            q.append("&offset=").append(offset);
        }
        return self + "?" + q;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public static Map<String, List<String>> params(String query) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return p;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            p.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return p;
    }

    private static String first(Map<String, List<String>> p, String k) {
        List<String> v = p.get(k);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static int intParam(Map<String, List<String>> p, String k, int dflt) {
        try {
            String v = first(p, k);
            return v == null ? dflt : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static JsonNode body(NetBoxRequest req) {
        if (req.body() == null || req.body().isBlank()) {
            return F.objectNode();
        }
        try {
            return Reply.JSON.readTree(req.body());
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static NetBoxResponse parseError() {
        return Reply.detail(400, "JSON parse error - the request body is not valid JSON");
    }

    private static NetBoxResponse notAllowed(NetBoxRequest req) {
        return Reply.detail(405, "Method \"" + req.method() + "\" not allowed.");
    }
}
