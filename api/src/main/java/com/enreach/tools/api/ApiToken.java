package com.enreach.tools.api;

import java.time.Instant;

/** A token as listed: never the secret, only its first characters. */
public record ApiToken(long id, String name, Role role, String prefix, Instant createdAt, Instant lastUsedAt,
                       Instant revokedAt) {
}
