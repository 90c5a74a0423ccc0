package com.enreach.tools.plugin.netbox.api.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.enreach.tools.api.Page;
import com.enreach.tools.api.inventory.Entity;
import com.enreach.tools.api.inventory.EntityQuery;
import com.enreach.tools.api.inventory.EntityService;

/**
 * The golden records as the read API sees them, through the public {@link EntityService} only.
 *
 * <p>The entity rows (id, name, type, status, site: no golden values) are read in pages of
 * {@link EntityQuery#MAX_LIMIT} and kept for {@code ttl}, so filtering by those and counting is done in memory and a
 * page of a listing fetches the details (golden values, interfaces, IPs) of that page's entities only. Details are
 * cached for the same time, bounded in number.
 */
final class Inventory {
    static final int MAX_CACHED_HOSTS = 50_000;

    private final EntityService entities;
    private final Clock clock;
    private final Duration ttl;
    private final Object indexLock = new Object();
    private volatile Snapshot snapshot;
    private final Map<Long, Cached> hosts = new ConcurrentHashMap<>();

    /** Every entity row, ordered by name then id, and by id. */
    record Snapshot(List<Entity> all, Map<Long, Entity> byId, Instant readAt) {
    }

    private record Cached(Host host, Instant readAt) {
    }

    Inventory(EntityService entities, Clock clock, Duration ttl) {
        this.entities = entities;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The entity rows, read again when older than the time to live (one reader at a time). */
    Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s != null && fresh(s.readAt())) {
            return s;
        }
        synchronized (indexLock) {
            s = snapshot;
            if (s != null && fresh(s.readAt())) {
                return s;
            }
            Instant now = clock.instant();
            List<Entity> all = new ArrayList<>();
            int offset = 0;
            while (true) {
                Page<Entity> page = entities.find(new EntityQuery(null, null, null, null, null, "name", EntityQuery.MAX_LIMIT, offset));
                all.addAll(page.results());
                offset += page.results().size();
                if (page.results().size() < EntityQuery.MAX_LIMIT || offset >= page.count()) {
                    break;
                }
            }
            Map<Long, Entity> byId = new HashMap<>();
            all.forEach(e -> byId.put(e.id(), e));
            snapshot = new Snapshot(List.copyOf(all), byId, now);
            return snapshot;
        }
    }

    List<Entity> ofTypes(Collection<String> types, boolean include) {
        return snapshot().all().stream().filter(e -> types.contains(e.type()) == include).toList();
    }

    Optional<Entity> entity(long id) {
        return Optional.ofNullable(snapshot().byId().get(id));
    }

    /** The details of one entity (cached), or empty when it is gone. */
    Optional<Host> host(long id) {
        Cached c = hosts.get(id);
        if (c != null && fresh(c.readAt())) {
            return Optional.of(c.host());
        }
        Instant now = clock.instant();
        Optional<Host> h = entities.get(id).map(Host::of);
        if (h.isPresent()) {
            if (hosts.size() >= MAX_CACHED_HOSTS) {
                hosts.clear();
            }
            hosts.put(id, new Cached(h.get(), now));
        } else {
            hosts.remove(id);
        }
        return h;
    }

    /** Details of several entities in their order (those gone since the snapshot are left out). */
    List<Host> hosts(List<Entity> list) {
        Map<Long, Host> out = new LinkedHashMap<>();
        for (Entity e : list) {
            host(e.id()).ifPresent(h -> out.put(e.id(), h));
        }
        return new ArrayList<>(out.values());
    }

    private boolean fresh(Instant readAt) {
        return Duration.between(readAt, clock.instant()).compareTo(ttl) < 0;
    }
}
