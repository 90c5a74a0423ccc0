package com.enreach.tools.plugin.netbox.api.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import com.enreach.tools.api.inventory.Attributes;
import com.enreach.tools.api.inventory.Entity;

/** Which cluster entity a device or VM belongs to. */
final class Clusters {
    private static final String MEMBER_OF = "member_of";
    private static final String RUNS_ON = "runs_on";
    private final Map<String, Entity> byName = new HashMap<>();
    private final Map<Long, Entity> byId = new HashMap<>();
    private final Function<Long, Optional<Host>> hosts;

    Clusters(Iterable<Entity> clusters, Function<Long, Optional<Host>> hosts) {
        this.hosts = hosts;
        clusters.forEach(c -> {
            byName.putIfAbsent(c.name().toLowerCase(Locale.ROOT), c);
            byId.put(c.id(), c);
        });
    }

    /**
     * The one named by the golden {@code cluster} value (any letter case), else the cluster it is a {@code member_of},
     * else (a VM) the cluster of the host it {@code runs_on}; null when none.
     */
    Entity of(Host h) {
        String name = h.text(Attributes.CLUSTER);
        Entity named = name == null ? null : byName.get(name.toLowerCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        Entity member = memberOf(h);
        if (member != null || !Render.isVm(h)) {
            return member;
        }
        for (long host : h.related(RUNS_ON, null)) {
            Entity c = hosts.apply(host).map(this::memberOf).orElse(null);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private Entity memberOf(Host h) {
        return h.related(MEMBER_OF, "cluster").stream().map(byId::get).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
