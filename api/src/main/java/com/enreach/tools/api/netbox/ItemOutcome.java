package com.enreach.tools.api.netbox;

/**
 * What became of one item when NetBox answered (the apply journal's second write).
 *
 * @param status   the item's status ({@link ChangeItem#status()})
 * @param netboxId the NetBox object id when known (a create's new id), else null (the stored one is kept)
 * @param message  NetBox's answer for a failed item, the drift found, ...; null when applied
 * @since 1.1
 */
public record ItemOutcome(long itemId, String status, Long netboxId, String message) {
}
