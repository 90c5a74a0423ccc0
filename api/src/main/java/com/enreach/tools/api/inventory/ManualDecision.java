package com.enreach.tools.api.inventory;

import java.time.Instant;
import java.util.List;

/**
 * An operator's decision, stored in terms of observations (source instance + source id) so that it survives every
 * later sync and a full rebuild, and audited (who, when, why).
 *
 * @param action       {@code merge} (these observations are one entity), {@code split} (these observations are
 *                     apart from the rest of their entity), {@code override} (an attribute's value)
 * @param observations the observations it names, as {@code <source instance>/<source id>}
 * @param attribute    for {@code override}: the attribute; else null
 * @param value        for {@code override}: the value; else null
 * @param expiresAt    for {@code override}: when it stops applying (null: never)
 * @param revokedAt    when it was withdrawn, or null while it applies
 */
public record ManualDecision(long id, String action, Long entityId, List<String> observations, String attribute,
                             Object value, String reason, String actor, Instant createdAt, Instant expiresAt,
                             Instant revokedAt) {
    public ManualDecision {
        observations = observations == null ? List.of() : List.copyOf(observations);
    }
}
