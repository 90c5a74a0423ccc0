package com.enreach.tools.api;

import java.time.Instant;

/** One stored version of a device's configuration; {@code text} is null in listings. */
public record ConfigVersion(long id, long deviceId, int version, String contentHash, Instant retrievedAt,
                            int lines, String text) {
}
