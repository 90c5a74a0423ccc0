package com.enreach.tools.api.ai;

import java.time.Instant;

public record SuggestionFeedback(long id, long suggestionId, boolean helpful, String comment, String actor, Instant createdAt) {
}
