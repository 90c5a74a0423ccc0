package com.enreach.tools.api.inventory;

import java.time.Instant;
import java.util.List;

/**
 * Two or more observations that weak evidence says are one thing but a strong identifier says are not (or the
 * reverse), kept apart and listed for a person to look at — never merged silently.
 *
 * @param kind      e.g. {@code same-name-different-serial}, {@code same-name-different-uuid},
 *                  {@code same-ip-different-entity}, {@code ambiguous-identifier}
 * @param key       the shared weak value (the host name, the IP...)
 * @param detail    a sentence saying what disagrees
 * @param entityIds the entities involved
 * @param deviceIds the observations involved
 * @param status    {@code open}, or {@code resolved} once a merge or split decided it
 */
public record IdentityConflict(long id, String kind, String key, String detail, List<Long> entityIds,
                               List<Long> deviceIds, String status, Instant createdAt) {
    public IdentityConflict {
        entityIds = entityIds == null ? List.of() : List.copyOf(entityIds);
        deviceIds = deviceIds == null ? List.of() : List.copyOf(deviceIds);
    }
}
