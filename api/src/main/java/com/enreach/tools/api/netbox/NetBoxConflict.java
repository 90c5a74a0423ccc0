package com.enreach.tools.api.netbox;

import java.time.Instant;

/**
 * A field of a managed NetBox object whose value differs from the golden value and was changed in NetBox by hand
 * (per NetBox's changelog, or {@code last_updated} after the platform's last write). It is not overwritten until
 * resolved.
 *
 * @param attribute  the golden attribute behind the field, or null
 * @param rule       what the unified-inventory rules say for that attribute ({@code priority:...}, {@code newest},
 *                   {@code manual})
 * @param suggestion what the rules suggest: {@code keep_netbox} or {@code use_golden}
 * @param status     {@code open} or {@code resolved}
 * @param resolution {@code keep_netbox} (a manual override makes the golden value NetBox's, so nothing is written),
 *                   {@code use_golden} (the next change set writes the golden value)
 */
public record NetBoxConflict(long id, String target, String objectType, Long netboxId, Long entityId, String object,
                             String field, String attribute, Object netboxValue, Object goldenValue, String changedBy,
                             Instant changedAt, String rule, String suggestion, String status, String resolution,
                             String resolvedBy, Instant resolvedAt, String comment, Instant detectedAt) {
    public static final String KEEP_NETBOX = "keep_netbox";
    public static final String USE_GOLDEN = "use_golden";
}
