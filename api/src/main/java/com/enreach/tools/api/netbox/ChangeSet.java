package com.enreach.tools.api.netbox;

import java.time.Instant;
import java.util.List;

/**
 * A previewed set of changes to one NetBox target, stored with an id and a content hash.
 *
 * @param kind       {@code sync} (from golden records), {@code rollback} (reverses {@code rollbackOf}) or
 *                   {@code adopt} (marks hand-made objects as managed)
 * @param status     {@code pending} (awaiting approval), {@code approved}, {@code rejected}, {@code applying},
 *                   {@code applied}, {@code partially_applied} (some items failed or drifted), {@code failed},
 *                   {@code superseded} (a newer preview of the target exists; cannot be approved)
 * @param hash       SHA-256 over the items' refs, actions, bodies and before-hashes: approvals bind to it
 * @param counts     items per action and outcome
 * @param items      the items (in listings: empty; ask for one change set to get them, filtered by {@link ItemQuery})
 * @param held       objects kept out by blocking validation errors or open conflicts (not items)
 * @param dryRun     true when the target is not write-enabled: apply reports what it would send and sends nothing
 */
public record ChangeSet(long id, String target, String kind, Long rollbackOf, String status, String hash,
                        String createdBy, Instant createdAt, String netboxVersion, Counts counts,
                        List<ChangeItem> items, List<ValidationFinding> held, List<Approval> approvals,
                        String appliedBy, Instant appliedAt, boolean dryRun) {
    public ChangeSet {
        items = items == null ? List.of() : List.copyOf(items);
        held = held == null ? List.of() : List.copyOf(held);
        approvals = approvals == null ? List.of() : List.copyOf(approvals);
    }

    /** Item counts. */
    public record Counts(int total, int creates, int updates, int deletes, int approved, int applied, int failed,
                         int drifted, int skipped, int held, int conflicts) {
    }
}
