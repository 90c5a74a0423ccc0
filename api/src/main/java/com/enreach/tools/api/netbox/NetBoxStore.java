package com.enreach.tools.api.netbox;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import com.enreach.tools.api.Page;

/**
 * Persistence of the NetBox pipeline, provided by the core (the NetBox writer plugin never opens the database).
 * Every method is one transaction; item state changes are durable when the method returns (the apply journal).
 */
@ProviderType
public interface NetBoxStore {

    /**
     * Stores a new change set (ids of the argument and its items are ignored and assigned), status {@code pending};
     * marks earlier {@code pending} change sets of the same target {@code superseded} in the same transaction.
     */
    ChangeSet create(ChangeSet changeSet);

    Optional<ChangeSet> get(long id, ItemQuery items);

    Page<ChangeSet> list(ChangeSetQuery query);

    /** Sets the change set's status (and {@code appliedBy}/{@code appliedAt} when applied or partially applied). */
    void setStatus(long id, String status, String actor);

    /** Records an approval or rejection and sets the named items' approval ({@code approved} / {@code rejected}). */
    Approval addApproval(Approval approval, Collection<Long> itemIds, String itemApproval);

    /**
     * The journal: sets items' status, NetBox id (when known) and message. Called with {@code applying} before a
     * request is sent and with the outcome after it answered.
     */
    void setItemState(Collection<Long> itemIds, String status, Long netboxId, String message);

    /**
     * The journal and the history of one answered request, in one transaction: each outcome sets its item's status,
     * NetBox id (when given) and message like {@link #setItemState}, and the entries are appended to the history.
     * Returns the stored entries.
     *
     * @since 1.1
     */
    default List<HistoryEntry> recordOutcomes(List<ItemOutcome> outcomes, List<HistoryEntry> history) {
        for (ItemOutcome o : outcomes) {
            setItemState(List.of(o.itemId()), o.status(), o.netboxId(), o.message());
        }
        return history.stream().map(this::addHistory).toList();
    }

    /** Appends to the history. */
    HistoryEntry addHistory(HistoryEntry entry);

    Page<HistoryEntry> history(HistoryQuery query);

    /**
     * Replaces the target's open conflicts by {@code detected} (a conflict still detected keeps its id and detection
     * time; one no longer detected is closed as {@code resolved} with resolution {@code gone}); resolved conflicts
     * are kept.
     */
    List<NetBoxConflict> replaceOpenConflicts(String target, List<NetBoxConflict> detected);

    Page<NetBoxConflict> conflicts(ConflictQuery query);

    Optional<NetBoxConflict> conflict(long id);

    NetBoxConflict resolve(long id, String resolution, String comment, String actor);
}
