package com.enreach.tools.api.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A configuration text (running config of a network device) of a device of this instance.
 *
 * @param deviceSourceId source id of the device, emitted in the same run
 * @param text           full configuration text
 * @param retrievedAt    when the source took it; null means now
 */
public record ConfigRecord(String deviceSourceId, String text, Instant retrievedAt) {
    public ConfigRecord {
        Objects.requireNonNull(deviceSourceId, "deviceSourceId is null");
        Objects.requireNonNull(text, "text is null");
    }
}
