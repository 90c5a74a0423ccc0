package com.enreach.tools.api.ai;

/** Exactly one of {@code ticketKey} (a cached Jira ticket, e.g. {@code OPS-12}) and {@code text}; provider optional. */
public record SuggestRequest(String ticketKey, String text, String provider) {
}
