package com.enreach.tools.api.inventory;

import java.util.List;

/**
 * The answer to a lookup by id, name, FQDN, serial, UUID or IP: the entities it matches. One match is an answer;
 * several are candidates for the caller to choose from — a lookup never picks one silently.
 *
 * @param query      what was looked up
 * @param candidates the matching entities (at most 50), best match first
 */
public record EntityLookup(String query, List<Entity> candidates) {
    public EntityLookup {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    public boolean unique() {
        return candidates.size() == 1;
    }
}
