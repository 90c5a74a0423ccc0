package com.enreach.tools.netbox.writer.testing;

import com.enreach.tools.api.netbox.ChangeSet;
import com.enreach.tools.api.netbox.NetBoxKinds;
import com.enreach.tools.netbox.client.BulkResult;
import com.enreach.tools.netbox.client.ItemResult;
import com.enreach.tools.netbox.client.NetBoxClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small in-memory NetBox for unit tests of the preview: answers like NetBox (nested references, choice fields,
 * tags as objects, last_updated, a changelog with the writing user), no schema validation (the double does that).
 */
public final class MemoryNetBox implements NetBoxClient {
    private static final Map<String, String> REFS = new HashMap<>();

    static {
        REFS.put("site", "dcim/sites");
        REFS.put("role", "dcim/device-roles");
        REFS.put("device_type", "dcim/device-types");
        REFS.put("platform", "dcim/platforms");
        REFS.put("rack", "dcim/racks");
        REFS.put("cluster", "virtualization/clusters");
        REFS.put("group", "virtualization/cluster-groups");
        REFS.put("manufacturer", "dcim/manufacturers");
        REFS.put("device", "dcim/devices");
        REFS.put("virtual_machine", "virtualization/virtual-machines");
        REFS.put("primary_ip4", "ipam/ip-addresses");
        REFS.put("primary_ip6", "ipam/ip-addresses");
    }

    private final Map<String, Map<Long, Map<String, Object>>> data = new HashMap<>();
    private final List<Map<String, Object>> changes = new ArrayList<>();
    private final String version;
    private long nextId = 1;
    private Instant clock = Instant.parse("2026-11-02T08:00:00Z");
    public String user = "enreach";
    /** Simulates a NetBox whose changelog cannot be read (permissions, pruned). */
    public boolean changelogFails;
    public long requests;

    public MemoryNetBox(String version) {
        this.version = version;
    }

    @Override
    public Map<String, Object> status() {
        requests++;
        return Map.of("netbox-version", version);
    }

    @Override
    public List<Map<String, Object>> list(String endpoint, Map<String, String> filters, boolean brief) {
        requests++;
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> o : table(endpoint).values()) {
            String tag = filters.get("tag");
            if (tag == null || ((List<?>) o.getOrDefault("tags", List.of())).stream().anyMatch(t -> tag.equals(((Map<?, ?>) t).get("slug")))) {
                out.add(copy(o));
            }
        }
        return out;
    }

    @Override
    public Optional<Map<String, Object>> get(String endpoint, long id) {
        requests++;
        Map<String, Object> o = table(endpoint).get(id);
        return Optional.ofNullable(o == null ? null : copy(o));
    }

    @Override
    public BulkResult create(String endpoint, List<Map<String, Object>> bodies) {
        requests++;
        List<ItemResult> out = new ArrayList<>();
        for (Map<String, Object> b : bodies) {
            Map<String, Object> o = new LinkedHashMap<>();
            long id = nextId++;
            o.put("id", id);
            write(endpoint, o, b);
            table(endpoint).put(id, o);
            log("create", endpoint, id, null, o);
            out.add(new ItemResult(out.size(), id, copy(o), 201, Map.of()));
        }
        return new BulkResult(out, 1);
    }

    @Override
    public BulkResult update(String endpoint, List<Map<String, Object>> bodies) {
        requests++;
        List<ItemResult> out = new ArrayList<>();
        for (Map<String, Object> b : bodies) {
            long id = ((Number) b.get("id")).longValue();
            Map<String, Object> o = table(endpoint).get(id);
            Map<String, Object> pre = copy(o);
            write(endpoint, o, b);
            log("update", endpoint, id, pre, o);
            out.add(new ItemResult(out.size(), id, copy(o), 200, Map.of()));
        }
        return new BulkResult(out, 1);
    }

    @Override
    public BulkResult delete(String endpoint, List<Long> ids) {
        requests++;
        List<ItemResult> out = new ArrayList<>();
        for (Long id : ids) {
            Map<String, Object> pre = table(endpoint).remove(id);
            log("delete", endpoint, id, pre, null);
            out.add(new ItemResult(out.size(), id, null, 204, Map.of()));
        }
        return new BulkResult(out, 1);
    }

    @Override
    public List<Map<String, Object>> objectChanges(Instant since, String objectType) {
        requests++;
        if (changelogFails) {
            throw new com.enreach.tools.netbox.client.NetBoxException("NetBox GET /api/core/object-changes/ was refused with HTTP 403", 403, false, 0, null);
        }
        return changes.stream().filter(c -> objectType == null || objectType.equals(c.get("changed_object_type"))).map(HashMap::new)
                .map(m -> (Map<String, Object>) m).toList();
    }

    @Override
    public long requestCount() {
        return requests;
    }

    /** NetBox's clock: the time of the latest write. */
    public Instant now() {
        return clock;
    }

    /** An edit made by hand in NetBox by {@code by}. */
    public void handEdit(String endpoint, long id, String field, Object value, String by) {
        String was = user;
        user = by;
        update(endpoint, List.of(Map.of("id", id, field, value)));
        user = was;
    }

    /** Puts an object as a person would have made it (no marker), answering its id. */
    public long handMade(String endpoint, Map<String, Object> body) {
        String was = user;
        user = "alice";
        long id = create(endpoint, List.of(body)).items().get(0).id();
        user = was;
        return id;
    }

    /** Applies a change set as the apply would (in seq order, {"$ref"} replaced by created ids). */
    public void apply(ChangeSet cs) {
        TestApply.apply(this, cs);
    }

    private void write(String endpoint, Map<String, Object> o, Map<String, Object> body) {
        for (Map.Entry<String, Object> e : body.entrySet()) {
            String k = e.getKey();
            Object v = e.getValue();
            if (k.equals("id")) {
                continue;
            }
            String target = k.equals("type") && endpoint.equals("virtualization/clusters") ? "virtualization/cluster-types" : REFS.get(k);
            if (target != null && v instanceof Number n) {
                o.put(k, nested(target, n.longValue()));
            } else if (k.equals("tags") && v instanceof List<?> l) {
                o.put(k, l.stream().map(t -> nested("extras/tags", ((Number) t).longValue())).toList());
            } else if (k.equals("status") && v instanceof String s) {
                o.put(k, Map.of("value", s, "label", s));
            } else if (k.equals("address") && v instanceof String a && a.contains("/")
                    && com.enreach.tools.netbox.writer.mapping.Addresses.host(a) != null) {
                // NetBox (netaddr) stores addresses in canonical form: 2001:DB8:0::9 -> 2001:db8::9
                o.put(k, com.enreach.tools.netbox.writer.mapping.Addresses.host(a) + a.substring(a.indexOf('/')));
            } else if (k.equals("assigned_object_id") && v instanceof Number n) {
                o.put(k, n.longValue());
            } else {
                o.put(k, v);
            }
        }
        o.put("last_updated", clock.toString());
    }

    private Map<String, Object> nested(String endpoint, long id) {
        Map<String, Object> t = table(endpoint).get(id);
        if (t == null) {
            throw new IllegalArgumentException(endpoint + " " + id + " does not exist");
        }
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("id", id);
        for (String k : List.of("name", "slug", "model", "address", "display")) {
            if (t.containsKey(k)) {
                n.put(k, t.get(k));
            }
        }
        if (t.get("manufacturer") != null) {
            n.put("manufacturer", t.get("manufacturer"));
        }
        return n;
    }

    private void log(String action, String endpoint, long id, Map<String, Object> pre, Map<String, Object> post) {
        clock = clock.plusSeconds(60);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("user_name", user);
        c.put("time", clock.toString());
        c.put("action", Map.of("value", action));
        c.put("changed_object_type", kindOf(endpoint));
        c.put("changed_object_id", id);
        c.put("prechange_data", pre == null ? null : copy(pre));
        c.put("postchange_data", post == null ? null : copy(post));
        changes.add(c);
        if (post != null) {
            post.put("last_updated", clock.toString());
        }
    }

    private static String kindOf(String endpoint) {
        for (String k : NetBoxKinds.APPLY_ORDER) {
            if (NetBoxKinds.endpoint(k).equals(endpoint)) {
                return k;
            }
        }
        return endpoint;
    }

    /** Every object of an endpoint (for assertions). */
    public List<Map<String, Object>> all(String endpoint) {
        return table(endpoint).values().stream().map(MemoryNetBox::copy).toList();
    }

    private Map<Long, Map<String, Object>> table(String endpoint) {
        return data.computeIfAbsent(endpoint, k -> new LinkedHashMap<>());
    }

    private static Map<String, Object> copy(Map<String, Object> o) {
        return o == null ? null : new LinkedHashMap<>(o);
    }
}
