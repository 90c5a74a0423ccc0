package com.enreach.tools.plugin.netbox.api.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.enreach.tools.api.IpAddress;
import com.enreach.tools.api.NetworkInterface;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.inventory.Entity;
import com.enreach.tools.api.inventory.EntityDetail;
import com.enreach.tools.api.inventory.EntityLookup;
import com.enreach.tools.api.inventory.EntityQuery;
import com.enreach.tools.api.inventory.EntityRelation;
import com.enreach.tools.api.inventory.EntityService;
import com.enreach.tools.api.inventory.GoldenValue;
import com.enreach.tools.api.inventory.IdentityConflict;
import com.enreach.tools.api.inventory.ManualDecision;
import com.enreach.tools.api.inventory.Provenance;
import com.enreach.tools.api.inventory.RebuildResult;

/** An in-memory EntityService: entities with golden values, interfaces and IPs; counts the calls made to it. */
final class FakeEntities implements EntityService {
    static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
    final Map<Long, EntityDetail> details = new HashMap<>();
    final AtomicInteger finds = new AtomicInteger();
    final AtomicInteger gets = new AtomicInteger();
    private long nextRow = 1000;

    /** Adds an entity with golden values given as name/value pairs; returns its id. */
    long add(long id, String name, String type, String site, String status, Object... golden) {
        Entity e = new Entity(id, name, type, status, site, List.of("demo-x"), 1, 0, T0, T0, T0.plusSeconds(id));
        List<GoldenValue> values = new ArrayList<>();
        values.add(new GoldenValue("name", name, new Provenance(id, "vcenter", "vcenter-x", T0), "only-source", List.of(), false));
        for (int i = 0; i < golden.length; i += 2) {
            values.add(new GoldenValue((String) golden[i], golden[i + 1], new Provenance(id, "vcenter", "vcenter-x", T0), "only-source",
                    List.of(), false));
        }
        details.put(id, new EntityDetail(e, values, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of()));
        return id;
    }

    /** Adds an interface (and optionally an IP on it) to an entity's observation {@code device}. */
    long nic(long entity, long device, String name, String mac, String ip, Integer prefix) {
        EntityDetail d = details.get(entity);
        List<NetworkInterface> ifs = new ArrayList<>(d.interfaces());
        long id = nextRow++;
        ifs.add(new NetworkInterface(id, device, name, mac, "ethernet", true, 1500, null, "demo-x"));
        List<IpAddress> ips = new ArrayList<>(d.ipAddresses());
        if (ip != null) {
            ips.add(new IpAddress(nextRow++, device, ip, prefix, ip.contains(":") ? 6 : 4, name, "h" + entity + ".example.net", "demo-x"));
        }
        details.put(entity, new EntityDetail(d.entity(), d.attributes(), d.observations(), d.relationships(), ifs, ips, d.facts(),
                d.configs(), d.volumes(), d.backups(), d.decisions(), d.identityConflicts()));
        return id;
    }

    /** An outgoing relationship of {@code from} to {@code to}. */
    void relate(long from, String type, long to) {
        EntityDetail d = details.get(from);
        Entity other = details.get(to).entity();
        List<EntityRelation> rels = new ArrayList<>(d.relationships());
        rels.add(new EntityRelation(type, "out", to, other.name(), other.type(), "demo-x"));
        details.put(from, new EntityDetail(d.entity(), d.attributes(), d.observations(), rels, d.interfaces(), d.ipAddresses(), d.facts(),
                d.configs(), d.volumes(), d.backups(), d.decisions(), d.identityConflicts()));
    }

    @Override
    public Page<Entity> find(EntityQuery query) {
        finds.incrementAndGet();
        List<Entity> all = details.values().stream().map(EntityDetail::entity)
                .sorted(Comparator.comparing((Entity e) -> e.name().toLowerCase()).thenComparing(Entity::id)).toList();
        int from = Math.min(all.size(), query.offset());
        return new Page<>(all.size(), query.limit(), query.offset(), all.subList(from, Math.min(all.size(), from + query.limit())));
    }

    @Override
    public Optional<EntityDetail> get(long id) {
        gets.incrementAndGet();
        return Optional.ofNullable(details.get(id));
    }

    @Override
    public EntityLookup lookup(String query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Entity merge(List<Long> entityIds, String reason, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Entity split(long entityId, List<Long> deviceIds, String reason, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void revokeDecision(long decisionId, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<ManualDecision> decisions(int limit, int offset) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<IdentityConflict> identityConflicts(boolean openOnly, int limit, int offset) {
        throw new UnsupportedOperationException();
    }

    @Override
    public RebuildResult rebuild() {
        throw new UnsupportedOperationException();
    }
}
