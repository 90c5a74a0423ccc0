package com.enreach.tools.api.ai;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import com.enreach.tools.api.Page;

/**
 * The assistant, provided by the assistant plugin. Every method may throw
 * {@link com.enreach.tools.api.ApiException} for bad input (field, code, message: REST answers 4xx).
 */
@ProviderType
public interface AssistantService {

    /**
     * Answers a question. The question is stored in its conversation (a new one when {@code request.conversationId()}
     * is null) <em>before</em> any provider is called, so it is never lost: a provider failure is stored with it and
     * returned as {@link Answer#error()} (not thrown). Streams progress to {@code listener}.
     *
     * @param actor the token name asking; conversations belong to it
     * @throws com.enreach.tools.api.ApiException 400 for an empty/too long question, an unknown provider or scope;
     *                                            404 for a conversation that does not exist or is someone else's
     */
    Answer ask(AskRequest request, AnswerListener listener, String actor);

    /** The providers the assistant can use, the built-in offline one included, the default first. */
    List<ProviderInfo> providers();

    /** Conversations of {@code actor} (all when {@code actor} is null), newest first. */
    Page<Conversation> conversations(String actor, int limit, int offset);

    /** A conversation with its messages, when it exists and belongs to {@code actor} (any when null). */
    Optional<ConversationDetail> conversation(long id, String actor);

    /** Deletes a conversation of {@code actor} (any when null); false when there was none. */
    boolean deleteConversation(long id, String actor);

    /**
     * {@code suggest_resolution}: similar resolved tickets, relevant articles, affected entities and numbered steps with a
     * confidence, for a cached ticket ({@link SuggestRequest#ticketKey()}) or a problem text. Stored, with an id.
     *
     * @throws com.enreach.tools.api.ApiException 400 neither or both of key and text; 404 unknown ticket key
     */
    Suggestion suggest(SuggestRequest request, String actor);

    Optional<Suggestion> suggestion(long id);

    /** Records whether a suggestion helped. 404 for an unknown suggestion. */
    SuggestionFeedback feedback(long suggestionId, boolean helpful, String comment, String actor);

    /**
     * Knowledge-base maintenance: gaps, outdated articles and duplicates, each with evidence and a suggested action;
     * with {@link KbAnalysisRequest#draft()} and a generating provider, a drafted article per gap.
     */
    KbAnalysis analyzeKnowledgeBase(KbAnalysisRequest request, String actor);

    /** What was sent to which provider, newest first (no secrets are stored). */
    Page<AiAuditEntry> audit(int limit, int offset);
}
