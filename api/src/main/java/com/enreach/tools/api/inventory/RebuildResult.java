package com.enreach.tools.api.inventory;

/**
 * What a full re-resolution did.
 *
 * @param observations observations resolved
 * @param entities     entities after the rebuild
 * @param created      entities created
 * @param removed      entities that no longer have any observation and were removed
 * @param conflicts    open identity conflicts after the rebuild
 * @param millis       how long it took
 */
public record RebuildResult(long observations, long entities, long created, long removed, long conflicts, long millis) {
}
