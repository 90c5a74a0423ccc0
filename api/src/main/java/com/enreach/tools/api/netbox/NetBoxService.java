package com.enreach.tools.api.netbox;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import com.enreach.tools.api.Page;

/**
 * The NetBox pipeline, provided by the NetBox writer plugin. Refusals are {@link com.enreach.tools.api.ApiException}s:
 * NOT_FOUND (unknown change set, conflict, target), INVALID (bad filter or request, naming the field), CONFLICT
 * (a hash that is not the change set's, a change set in a state that does not allow the step, a superseded change
 * set), FORBIDDEN (self-approval when the target's policy forbids it), UNAVAILABLE (NetBox not reachable, with the
 * reason).
 *
 * <p>Roles are enforced by REST: validate, preview, rollback, adopt and conflict resolution need {@code operator};
 * approve, reject and apply need {@code approver}; reads need {@code viewer}.
 */
@ProviderType
public interface NetBoxService {

    /** The configured targets with their last known state. */
    List<NetBoxTarget> targets();

    /** Validates every golden entity the mapping sends to the target against the rules and NetBox's current state. */
    ValidationReport validate(ValidationQuery query);

    /**
     * Reads NetBox and the golden records, computes and stores a change set (status pending; earlier pending change
     * sets of the target become superseded). Objects with blocking findings or open conflicts are held out.
     */
    ChangeSet preview(PreviewRequest request, String actor);

    /** Stored change sets, newest first, without items. */
    Page<ChangeSet> changeSets(ChangeSetQuery query);

    /** One change set with its items filtered by {@code items}. */
    Optional<ChangeSet> changeSet(long id, ItemQuery items);

    /** Approves all or selected items, bound to {@code request.hash()}. */
    ChangeSet approve(long id, ApprovalRequest request, String actor);

    /** Rejects the change set (nothing of it can be applied any more). */
    ChangeSet reject(long id, String hash, String comment, String actor);

    /**
     * Applies the approved items in dependency order, bulk with a per-item fallback, after a drift check per item.
     * Resumes an interrupted apply (items journalled as applying are looked up in NetBox first, never created twice).
     */
    ApplyResult apply(long id, String actor);

    /** Builds (and stores, pending) the change set that reverses an applied one, from the stored before-images. */
    ChangeSet rollback(long changeSetId, String actor);

    /** Builds (and stores, pending) a change set that marks a hand-made NetBox object as managed for an entity. */
    ChangeSet adopt(String target, String objectType, long netboxId, long entityId, String actor);

    /**
     * Builds (and stores, pending) one change set that marks as managed every hand-made NetBox object that matches an
     * entity the mapping sends (the objects a preview holds as {@code unmanaged-match}): onboarding an existing NetBox.
     * Interfaces are matched on their device or VM once that is managed, so a second round adopts those.
     *
     * @throws com.enreach.tools.api.ApiException CONFLICT when nothing matches
     * @since 1.2
     */
    default ChangeSet adoptMatches(String target, String actor) {
        throw new com.enreach.tools.api.ApiException(com.enreach.tools.api.ApiException.Reason.UNAVAILABLE, "unsupported", null,
                "this NetBox writer cannot adopt every match", null);
    }

    /** Conflicts between hand edits in NetBox and golden values. */
    Page<NetBoxConflict> conflicts(ConflictQuery query);

    /** Resolves a conflict ({@link NetBoxConflict#KEEP_NETBOX} or {@link NetBoxConflict#USE_GOLDEN}). */
    NetBoxConflict resolveConflict(long id, String resolution, String comment, String actor);

    /** What the platform changed in NetBox. */
    Page<HistoryEntry> history(HistoryQuery query);
}
