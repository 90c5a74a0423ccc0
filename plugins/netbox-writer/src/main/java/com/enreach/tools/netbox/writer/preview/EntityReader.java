package com.enreach.tools.netbox.writer.preview;

import com.enreach.tools.api.Page;
import com.enreach.tools.api.inventory.Entity;
import com.enreach.tools.api.inventory.EntityDetail;
import com.enreach.tools.api.inventory.EntityQuery;
import com.enreach.tools.api.inventory.EntityService;
import com.enreach.tools.netbox.writer.mapping.Mapper;
import com.enreach.tools.netbox.writer.mapping.MappingRules;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the golden records the mapping sends: pages of {@link EntityService#find} (types the mapping does not send
 * are skipped without reading their details), then {@link EntityService#get} per entity. Entities that only a
 * NetBox source observes are skipped: they are NetBox's own objects read back (hand-made, or not yet linked to a real
 * source's machine), and writing them to NetBox would duplicate what is there.
 */
final class EntityReader {
    private EntityReader() {
    }

    static List<EntityDetail> read(EntityService entities, MappingRules rules, List<Long> only) {
        List<EntityDetail> out = new ArrayList<>();
        if (!only.isEmpty()) {
            for (Long id : only) {
                entities.get(id).ifPresent(d -> {
                    if (Mapper.target(rules, d.entity().type()) != null && !mirrorOnly(d)) {
                        out.add(d);
                    }
                });
            }
            return out;
        }
        int offset = 0;
        while (true) {
            Page<Entity> page = entities.find(new EntityQuery(null, null, null, null, null, "name", EntityQuery.MAX_LIMIT, offset));
            for (Entity e : page.results()) {
                if (Mapper.target(rules, e.type()) != null
                        && (rules.includeStale() || !"stale".equals(e.status()))) {
                    entities.get(e.id()).filter(d -> !mirrorOnly(d)).ifPresent(out::add);
                }
            }
            offset += page.results().size();
            if (page.results().isEmpty() || offset >= page.count()) {
                return out;
            }
        }
    }

    /** Observed by NetBox sources only (source system {@code netbox}). */
    static boolean mirrorOnly(EntityDetail d) {
        return !d.observations().isEmpty() && d.observations().stream()
                .allMatch(o -> o.device() != null && "netbox".equalsIgnoreCase(o.device().sourceSystem()));
    }
}
