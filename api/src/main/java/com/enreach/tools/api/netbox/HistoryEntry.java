package com.enreach.tools.api.netbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One change the platform made (or tried to make) in NetBox.
 *
 * @param sources    the source instances behind the entity when the change was applied
 * @param appliedBy  the token name that applied it
 * @param approvedBy the token name(s) that approved it, comma-separated
 * @param status     {@code applied}, {@code failed}, {@code drifted} or {@code dry_run}
 * @param before     NetBox's object before (null for a create)
 * @param after      NetBox's object after, as it answered (null for a delete or a failure)
 */
public record HistoryEntry(long id, Instant at, String target, long changeSetId, long itemId, String action,
                           String objectType, Long netboxId, Long entityId, String object, List<String> sources,
                           String appliedBy, String approvedBy, String status, Map<String, Object> before,
                           Map<String, Object> after, String message) {
    public HistoryEntry {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
