package com.enreach.tools.api.ai;

import java.time.Instant;

/** A conversation: its title is the first question, shortened. */
public record Conversation(long id, String title, String createdBy, int messageCount, Instant createdAt, Instant updatedAt) {
}
