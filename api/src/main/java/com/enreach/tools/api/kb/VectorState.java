package com.enreach.tools.api.kb;

import java.time.Instant;

/**
 * The vectorisation state of one article or ticket.
 *
 * @param status {@code pending} (changed since, or never vectorised), {@code done}, {@code failed}
 * @param reason why it failed, or null
 * @param model  the embedding model its vectors were made with, or null
 * @param chunks how many chunks it has vectors for
 */
public record VectorState(String status, String reason, String model, int chunks, Instant vectorizedAt) {
}
