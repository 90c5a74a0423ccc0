package com.enreach.tools.api.netbox;

import java.util.List;

/**
 * What to preview.
 *
 * @param target    the NetBox target (null: the only one configured)
 * @param entityIds only these entities (and what they need), empty = every entity the mapping sends
 * @param kinds     only these {@link NetBoxKinds} (and what they need), empty = all
 * @param deletes   propose deletes of managed objects whose entity is gone (default true)
 */
public record PreviewRequest(String target, List<Long> entityIds, List<String> kinds, boolean deletes) {
    public PreviewRequest {
        entityIds = entityIds == null ? List.of() : List.copyOf(entityIds);
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
    }
}
