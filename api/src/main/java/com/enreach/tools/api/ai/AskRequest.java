package com.enreach.tools.api.ai;

/**
 * A question.
 *
 * @param question       1 to {@link #MAX_QUESTION} characters
 * @param conversationId the conversation to continue, or null for a new one
 * @param scope          {@code all} (default when null), {@code inventory} (entities, reports, syncs only) or
 *                       {@code knowledge} (articles and tickets only)
 * @param provider       the provider instance to use, or null for the default (see {@link AssistantService#providers()})
 */
public record AskRequest(String question, Long conversationId, String scope, String provider) {
    public static final int MAX_QUESTION = 4000;
}
