package com.enreach.tools.netbox.writer.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import com.enreach.tools.netbox.client.BulkResult;
import com.enreach.tools.netbox.client.ItemResult;
import com.enreach.tools.netbox.client.NetBoxClient;
import com.enreach.tools.netbox.client.NetBoxException;

/**
 * An in-memory NetBox behind the client interface, for apply tests while the HTTP double is not there: ids, nested
 * references on read ({@code site: {id, name}}), bulk requests that fail as a whole when one object is refused (then
 * one request per object, like the real client), a connection that drops after N objects were committed, and 429s.
 */
final class FakeNetBox implements NetBoxClient {
    final Map<String, TreeMap<Long, Map<String, Object>>> objects = new HashMap<>();
    private long nextId = 1;
    long requests;
    /** An object refused by "NetBox": field → message, or null. */
    Function<Map<String, Object>, Map<String, List<String>>> refuse = b -> null;
    /** After this many more objects are committed, the answer is lost (connection dropped); -1 never. */
    int dropAfter = -1;
    /** The next write answers 429 with this Retry-After. */
    int throttleOnce = -1;

    TreeMap<Long, Map<String, Object>> table(String endpoint) {
        return objects.computeIfAbsent(endpoint, k -> new TreeMap<>());
    }

    long put(String endpoint, Map<String, Object> body) {
        long id = nextId++;
        Map<String, Object> o = new LinkedHashMap<>(body);
        o.put("id", id);
        table(endpoint).put(id, o);
        return id;
    }

    @Override
    public Map<String, Object> status() {
        requests++;
        return Map.of("netbox-version", "4.2.9");
    }

    @Override
    public List<Map<String, Object>> list(String endpoint, Map<String, String> filters, boolean brief) {
        requests++;
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> o : table(endpoint).values()) {
            boolean ok = true;
            for (Map.Entry<String, String> f : filters.entrySet()) {
                Object v;
                if (f.getKey().startsWith("cf_")) {
                    v = o.get("custom_fields") instanceof Map<?, ?> cf ? cf.get(f.getKey().substring(3)) : null;
                } else {
                    v = o.get(f.getKey().endsWith("_id") ? f.getKey().substring(0, f.getKey().length() - 3) : f.getKey());
                }
                ok &= v != null && String.valueOf(WriteValues.normalize(v)).equals(f.getValue());
            }
            if (ok) {
                out.add(render(o));
            }
        }
        return out;
    }

    /** As NetBox reads: references to other objects nested. */
    private Map<String, Object> render(Map<String, Object> o) {
        Map<String, Object> r = new LinkedHashMap<>(o);
        for (String ref : List.of("site", "device", "role", "cluster")) {
            if (r.get(ref) instanceof Number n) {
                r.put(ref, Map.of("id", n.longValue(), "display", ref + " " + n));
            }
        }
        return r;
    }

    @Override
    public Optional<Map<String, Object>> get(String endpoint, long id) {
        requests++;
        return Optional.ofNullable(table(endpoint).get(id)).map(this::render);
    }

    private void throttle() {
        if (throttleOnce >= 0) {
            long after = throttleOnce;
            throttleOnce = -1;
            throw new NetBoxException("429 Too Many Requests", 429, true, after, null);
        }
    }

    private void committed() {
        if (dropAfter > 0 && --dropAfter == 0) {
            dropAfter = -1;
            throw new NetBoxException("connection reset by peer", 0, true, -1, null);
        }
    }

    @Override
    public BulkResult create(String endpoint, List<Map<String, Object>> bodies) {
        return write(bodies, (b, k) -> {
            long id = put(endpoint, b);
            return new ItemResult(k, id, render(table(endpoint).get(id)), 201, Map.of());
        });
    }

    @Override
    public BulkResult update(String endpoint, List<Map<String, Object>> bodies) {
        return write(bodies, (b, k) -> {
            long id = ((Number) b.get("id")).longValue();
            Map<String, Object> o = table(endpoint).get(id);
            if (o == null) {
                return new ItemResult(k, id, null, 404, Map.of("detail", List.of("Not found.")));
            }
            b.forEach((f, v) -> {
                if (f.equals("custom_fields") && v instanceof Map<?, ?> m && o.get(f) instanceof Map<?, ?> old) {
                    Map<Object, Object> merged = new LinkedHashMap<>(old);
                    merged.putAll(m);
                    o.put(f, merged);
                } else {
                    o.put(f, v);
                }
            });
            return new ItemResult(k, id, render(o), 200, Map.of());
        });
    }

    @Override
    public BulkResult delete(String endpoint, List<Long> ids) {
        List<Map<String, Object>> bodies = ids.stream().map(i -> Map.<String, Object>of("id", i)).toList();
        return write(bodies, (b, k) -> {
            long id = ((Number) b.get("id")).longValue();
            return table(endpoint).remove(id) == null ? new ItemResult(k, id, null, 404, Map.of("detail", List.of("Not found.")))
                    : new ItemResult(k, id, null, 204, Map.of());
        });
    }

    private interface Op {
        ItemResult apply(Map<String, Object> body, int index);
    }

    /** One bulk request; when an object is refused NetBox writes nothing and the client sends each one alone. */
    private BulkResult write(List<Map<String, Object>> bodies, Op op) {
        throttle();
        requests++;
        int requestsHere = 1;
        boolean anyRefused = bodies.stream().anyMatch(b -> refuse.apply(b) != null);
        List<ItemResult> out = new ArrayList<>();
        for (int k = 0; k < bodies.size(); k++) {
            Map<String, List<String>> err = refuse.apply(bodies.get(k));
            if (anyRefused) {
                requests++;
                requestsHere++;
            }
            if (err != null) {
                out.add(new ItemResult(k, null, null, 400, err));
                continue;
            }
            out.add(op.apply(bodies.get(k), k));
            committed();
        }
        return new BulkResult(out, requestsHere);
    }

    @Override
    public List<Map<String, Object>> objectChanges(Instant since, String objectType) {
        return List.of();
    }

    @Override
    public long requestCount() {
        return requests;
    }
}
