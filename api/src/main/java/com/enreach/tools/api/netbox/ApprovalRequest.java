package com.enreach.tools.api.netbox;

import java.util.List;

/**
 * What an approver approves.
 *
 * @param hash           required: the content hash of the change set as previewed; a different hash is refused
 *                       (409) because the approver did not see what would be applied
 * @param itemIds        the items to approve; empty or null means all items
 * @param includeDeletes deletes are destructive: approving "all" approves them only with this flag (selecting a
 *                       delete item by id approves it too)
 */
public record ApprovalRequest(String hash, List<Long> itemIds, boolean includeDeletes, String comment) {
    public ApprovalRequest {
        itemIds = itemIds == null ? List.of() : List.copyOf(itemIds);
    }
}
