package com.enreach.tools.netbox.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.enreach.tools.testkit.FixtureServer;
import com.enreach.tools.testkit.FixtureServer.Response;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A few NetBox list endpoints over fixed objects, paged by limit/offset with next links like NetBox's. */
final class TinyNetBox implements AutoCloseable {
    static final String TOKEN = "0123456789abcdef0123456789abcdef01234567";
    private static final ObjectMapper JSON = new ObjectMapper();
    final FixtureServer server = new FixtureServer();
    private final Map<String, List<Map<String, Object>>> objects = new LinkedHashMap<>();

    TinyNetBox() {
        for (String e : List.of("dcim/manufacturers", "dcim/sites", "dcim/device-types", "virtualization/clusters", "dcim/interfaces",
                "virtualization/interfaces", "dcim/mac-addresses", "ipam/ip-addresses", "dcim/devices",
                "virtualization/virtual-machines")) {
            objects.put(e, new ArrayList<>());
            String path = "/api/" + e + "/";
            server.route("GET", path, r -> page(r, path, objects.get(e)));
        }
        server.route("GET", "/api/status/", r -> ("Token " + TOKEN).equals(r.header("Authorization"))
                ? json(200, Map.of("netbox-version", "4.2.2")) : json(403, Map.of("detail", "Invalid token")));
    }

    TinyNetBox add(String endpoint, Map<String, Object> o) {
        objects.get(endpoint).add(o);
        return this;
    }

    String url() {
        return server.uri().toString();
    }

    private Response page(FixtureServer.Request r, String path, List<Map<String, Object>> all) {
        if (!("Token " + TOKEN).equals(r.header("Authorization"))) {
            return json(403, Map.of("detail", "Invalid token"));
        }
        int limit = Integer.parseInt(r.param("limit"));
        int offset = r.param("offset") == null ? 0 : Integer.parseInt(r.param("offset"));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("count", all.size());
        page.put("next", offset + limit < all.size() ? server.uri() + path + "?limit=" + limit + "&offset=" + (offset + limit) : null);
        page.put("previous", null);
        page.put("results", all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit)));
        return json(200, page);
    }

    static Response json(int status, Object body) {
        try {
            return new Response(status, "application/json", JSON.writeValueAsBytes(body), Map.of());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> ref(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Override
    public void close() {
        server.close();
    }
}
