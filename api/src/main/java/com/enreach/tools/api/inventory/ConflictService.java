package com.enreach.tools.api.inventory;

import com.enreach.tools.api.Page;
import java.time.Instant;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Golden-record rules, attribute conflicts and manual overrides. */
@ProviderType
public interface ConflictService {

    /** Attribute conflicts, by entity name then attribute. */
    Page<AttributeConflict> find(ConflictQuery query);

    /**
     * Sets an attribute's value by hand (resolving its conflict): stored as an override that wins over every source
     * until it expires or is revoked, and audited.
     *
     * @param value     the value to keep (typically one of the candidates)
     * @param expiresAt null for no expiry
     * @return the attribute's golden value afterwards
     * @throws com.enreach.tools.api.ApiException NOT_FOUND for an unknown entity, BAD_REQUEST for an unknown
     *                                            attribute or a value of the wrong kind
     */
    GoldenValue override(long entityId, String attribute, Object value, String reason, Instant expiresAt, String actor);

    /** Withdraws an override (the rules choose again). */
    void revokeOverride(long entityId, String attribute, String actor);

    /** The rules in force and any errors of the rules file. */
    ResolutionRules rules();

    /** Attribute names known to the rules. */
    default List<String> attributes() {
        return Attributes.ALL;
    }
}
