package com.enreach.tools.api.inventory;

import com.enreach.tools.api.Page;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The resolved entities: read, look up, merge and split by hand, rebuild. Resolution itself runs in the core after
 * every sync batch, driven by the change feed; it re-resolves only the observations that changed.
 */
@ProviderType
public interface EntityService {

    /** Entities matching the query. */
    Page<Entity> find(EntityQuery query);

    /** One entity with provenance, observations and related objects, or empty. */
    Optional<EntityDetail> get(long id);

    /**
     * Entities matching an id, name (case-insensitive, short or full), FQDN, serial number, system UUID, MAC or IP
     * address. Several matches come back as candidates, never one silent pick.
     */
    EntityLookup lookup(String query);

    /**
     * Merges entities into the one with the lowest id; stored as a manual decision that later syncs and rebuilds keep.
     *
     * @throws com.enreach.tools.api.ApiException NOT_FOUND for an unknown id, BAD_REQUEST for fewer than two ids
     */
    Entity merge(List<Long> entityIds, String reason, String actor);

    /**
     * Moves observations out of their entity into a new entity of their own (together); stored as a manual decision
     * that later syncs and rebuilds keep.
     *
     * @return the new entity
     * @throws com.enreach.tools.api.ApiException NOT_FOUND for an unknown id, BAD_REQUEST when the observations are
     *                                            not all of that entity or would leave it empty
     */
    Entity split(long entityId, List<Long> deviceIds, String reason, String actor);

    /** Withdraws a merge or split decision (the entities are re-resolved without it). */
    void revokeDecision(long decisionId, String actor);

    /** Manual decisions, newest first. */
    Page<ManualDecision> decisions(int limit, int offset);

    /** Open (or all) identity conflicts, newest first. */
    Page<IdentityConflict> identityConflicts(boolean openOnly, int limit, int offset);

    /** Re-resolves every observation from scratch (after a rule change); manual decisions are kept. */
    RebuildResult rebuild();
}
