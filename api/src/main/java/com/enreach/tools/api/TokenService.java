package com.enreach.tools.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** API tokens, stored hashed. */
@ProviderType
public interface TokenService {

    /** The token's record when the secret is valid and not revoked. */
    Optional<ApiToken> authenticate(String secret);

    /** A new token and its secret; the secret is shown this once and never stored. */
    Created create(String name, Role role);

    List<ApiToken> list();

    /** Revokes by id; false when no such active token. */
    boolean revoke(long id);

    /** A newly created token with its secret. */
    record Created(ApiToken token, String secret) {
    }
}
