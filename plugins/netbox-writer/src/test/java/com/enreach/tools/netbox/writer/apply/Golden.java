package com.enreach.tools.netbox.writer.apply;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.enreach.tools.api.IpAddress;
import com.enreach.tools.api.NetworkInterface;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.inventory.ConflictService;
import com.enreach.tools.api.inventory.Entity;
import com.enreach.tools.api.inventory.EntityDetail;
import com.enreach.tools.api.inventory.EntityService;
import com.enreach.tools.api.inventory.GoldenValue;
import com.enreach.tools.api.inventory.Provenance;
import com.enreach.tools.api.inventory.ResolutionRules;

/**
 * Golden records for the pipeline's scenario tests: entities with their attributes, served through
 * {@link EntityService}; {@link ConflictService#override} sets the attribute, as the core's override would.
 */
final class Golden {
    final Map<Long, Map<String, Object>> attributes = new TreeMap<>();
    final Map<Long, String> types = new TreeMap<>();
    final List<Object[]> overrides = new ArrayList<>();
    final Map<Long, List<NetworkInterface>> nics = new TreeMap<>();
    final Map<Long, List<IpAddress>> ips = new TreeMap<>();

    Golden server(long id, String name, String serial) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", name);
        a.put("type", "server");
        a.put("serial", serial);
        a.put("vendor", "Dell Inc.");
        a.put("model", "PowerEdge R640");
        a.put("site", "AMS1");
        a.put("role", "Server");
        a.put("os", "Ubuntu 22.04");
        attributes.put(id, a);
        types.put(id, "server");
        return this;
    }

    /** An interface with one address, which becomes the entity's primary IP. */
    Golden nic(long id, String ifName, String mac, String address, int prefix) {
        long n = id * 100 + nics.computeIfAbsent(id, k -> new ArrayList<>()).size() + 1;
        nics.get(id).add(new NetworkInterface(n, id, ifName, mac, "ethernet", true, null, null, "test"));
        ips.computeIfAbsent(id, k -> new ArrayList<>()).add(new IpAddress(n, id, address, prefix, 4, ifName, null, "test"));
        set(id, "primary_ip", address);
        return this;
    }

    void set(long id, String attribute, Object value) {
        attributes.get(id).put(attribute, value);
    }

    private Entity entity(long id) {
        Map<String, Object> a = attributes.get(id);
        return new Entity(id, (String) a.get("name"), types.get(id), "active", (String) a.get("site"), List.of("vcenter-prod"),
                1, 0, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"));
    }

    private EntityDetail detail(long id) {
        Provenance p = new Provenance(id, "vcenter", "vcenter-prod", Instant.parse("2026-01-01T00:00:00Z"));
        List<GoldenValue> values = new ArrayList<>();
        attributes.get(id).forEach((k, v) -> values.add(new GoldenValue(k, v, p, "priority:1", List.of(), false)));
        return new EntityDetail(entity(id), values, List.of(), List.of(), nics.getOrDefault(id, List.of()),
                ips.getOrDefault(id, List.of()), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    EntityService entities() {
        return (EntityService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EntityService.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "get" -> attributes.containsKey((Long) args[0]) ? Optional.of(detail((Long) args[0])) : Optional.empty();
                    case "find" -> {
                        List<Entity> all = attributes.keySet().stream().map(this::entity).toList();
                        yield new Page<>(all.size(), 500, 0, all);
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    ConflictService conflicts() {
        return (ConflictService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ConflictService.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "override" -> {
                        overrides.add(args);
                        set((Long) args[0], (String) args[1], args[2]);
                        yield null;
                    }
                    case "rules" -> new ResolutionRules(null, null, List.of(), List.of());
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
