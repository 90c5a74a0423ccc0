package com.enreach.tools.netbox.writer.testing;

import com.enreach.tools.api.Device;
import com.enreach.tools.api.IpAddress;
import com.enreach.tools.api.NetworkInterface;
import com.enreach.tools.api.inventory.Entity;
import com.enreach.tools.api.inventory.EntityDetail;
import com.enreach.tools.api.inventory.GoldenValue;
import com.enreach.tools.api.inventory.Observation;
import com.enreach.tools.api.inventory.Provenance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds golden entities for tests: {@code Golden.entity(1, "server", "web01").attr("site", "AMS1")...build()}. */
public final class Golden {
    public static final Instant SEEN = Instant.parse("2026-11-01T10:00:00Z");

    private final long id;
    private final String type;
    private final String name;
    private String status = "active";
    private Instant seen = SEEN;
    private final Map<String, Object> attrs = new LinkedHashMap<>();
    private final Map<String, String> rules = new LinkedHashMap<>();
    private final List<NetworkInterface> ifaces = new ArrayList<>();
    private final List<IpAddress> ips = new ArrayList<>();
    private final List<Observation> observations = new ArrayList<>();

    private Golden(long id, String type, String name) {
        this.id = id;
        this.type = type;
        this.name = name;
    }

    public static Golden entity(long id, String type, String name) {
        return new Golden(id, type, name);
    }

    public Golden attr(String attribute, Object value) {
        attrs.put(attribute, value);
        return this;
    }

    /** The golden rule that chose an attribute (default {@code priority:0}). */
    public Golden rule(String attribute, String rule) {
        rules.put(attribute, rule);
        return this;
    }

    public Golden seen(Instant at) {
        this.seen = at;
        return this;
    }

    public Golden stale() {
        this.status = "stale";
        return this;
    }

    /** An observation of the entity by a source of this system. */
    public Golden observedBy(String system, String instance) {
        Device device = new Device(id * 10 + observations.size(), name, type, system, instance, "obj-" + id, Map.of(), "active",
                SEEN, seen, SEEN, SEEN);
        observations.add(new Observation(device, "test", 1.0, "test", SEEN, null));
        return this;
    }

    public Golden iface(String ifName, String mac) {
        ifaces.add(new NetworkInterface(ifaces.size() + 1, id, ifName, mac, "ethernet", true, null, null, "test"));
        return this;
    }

    public Golden ip(String address, Integer prefix, String ifName) {
        ips.add(new IpAddress(ips.size() + 1, id, address, prefix, address.contains(":") ? 6 : 4, ifName, null, "test"));
        return this;
    }

    public EntityDetail build() {
        List<GoldenValue> values = new ArrayList<>();
        attrs.forEach((k, v) -> values.add(new GoldenValue(k, v, new Provenance(id, "vcenter", "vcenter-test", seen),
                rules.getOrDefault(k, "priority:0"), List.of(), false)));
        Entity e = new Entity(id, name, type, status, (String) attrs.get("site"), List.of("vcenter-test"), 1, 0, seen, SEEN, SEEN);
        return new EntityDetail(e, values, observations, List.of(), ifaces, ips, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
