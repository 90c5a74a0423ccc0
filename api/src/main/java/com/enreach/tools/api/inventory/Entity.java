package com.enreach.tools.api.inventory;

import java.time.Instant;
import java.util.List;

/**
 * One real thing (server, VM, switch, storage array, cluster, ...) as the master database resolved it from the
 * observations of every source that knows it.
 *
 * @param id               stable while the entity exists (a merge keeps the oldest id; a split keeps it for the part
 *                         that stays)
 * @param name             the golden name
 * @param type             the golden type ({@link com.enreach.tools.api.spi.DeviceTypes} values)
 * @param status           {@code active}, or {@code stale} when every observation is stale
 * @param site             the golden site, null when no source knows it
 * @param sources          the source instances with an active observation, sorted
 * @param observationCount how many observations are linked (active and stale)
 * @param conflictCount    attributes whose sources disagree beyond tolerance, plus open identity conflicts
 * @param lastSeen         the newest {@code lastSeen} of its observations
 */
public record Entity(long id, String name, String type, String status, String site, List<String> sources,
                     int observationCount, int conflictCount, Instant lastSeen, Instant createdAt, Instant updatedAt) {
    public Entity {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
