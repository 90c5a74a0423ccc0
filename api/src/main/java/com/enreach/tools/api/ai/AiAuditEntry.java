package com.enreach.tools.api.ai;

import java.time.Instant;

/**
 * One call to a provider, for audit: who asked, which provider (external or not), how much was sent, what kinds of
 * content (e.g. {@code question, 5 kb passages, 2 entities}) and how many values were withheld or redacted as
 * sensitive. Never the key, never a secret.
 */
public record AiAuditEntry(long id, Long conversationId, String actor, String provider, String model, boolean external,
                           String purpose, int charsSent, String contentSummary, int redactions, String outcome,
                           Instant createdAt) {
}
