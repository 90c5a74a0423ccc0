package com.enreach.tools.api.netbox;

import java.time.Instant;
import java.util.List;

/**
 * A decision on a change set, bound to the exact content it was made on.
 *
 * @param decision {@code approve} or {@code reject}
 * @param scope    {@code all} (every item but deletes unless {@code includeDeletes}) or {@code selected}
 * @param itemIds  the items approved (scope selected), empty for all
 * @param hash     the change set's content hash the approver saw
 */
public record Approval(long id, long changeSetId, String decision, String scope, List<Long> itemIds,
                       boolean includeDeletes, String hash, String actor, Instant at, String comment) {
    public Approval {
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
    }
}
