package com.enreach.tools.api.inventory;

import com.enreach.tools.api.Device;
import java.time.Instant;

/**
 * One source's observation linked to an entity, with the rule that linked it.
 *
 * @param device     the observation as stored (a device row)
 * @param rule       {@code source-id} (the first observation of its entity), {@code system_uuid}, {@code serial},
 *                   {@code mac}, {@code fqdn}, {@code hostname}, {@code ip} or {@code manual}
 * @param confidence 0..1: identifiers near 1, a short host name or an IP well below
 * @param evidence   the normalised identifier value that matched (null for {@code source-id})
 * @param sourceUrl  a link to the object in its source system when the plugin's configuration allows one, else null
 */
public record Observation(Device device, String rule, double confidence, String evidence, Instant linkedAt,
                          String sourceUrl) {
}
