package com.enreach.tools.api.ai;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import com.enreach.tools.api.Page;

/**
 * Persistence of the assistant, provided by the core (plugins never open the database). Each method is one
 * transaction. Citations, tool calls, suggestions and analyses are kept as the records above (the core stores them as
 * JSON).
 */
@ProviderType
public interface AssistantStore {

    /** A new conversation; {@code title} is cut to 200 characters. */
    Conversation createConversation(String title, String createdBy);

    Optional<Conversation> conversation(long id);

    /** Newest first; {@code createdBy} null = everyone's. */
    Page<Conversation> conversations(String createdBy, int limit, int offset);

    /** Appends a message (its id and conversation's message count / updated time are set); returns it with its id. */
    ConversationMessage addMessage(ConversationMessage message);

    /** Oldest first. */
    List<ConversationMessage> messages(long conversationId);

    boolean deleteConversation(long id);

    /** Stores a suggestion (id, feedback ignored); returns it with its id. */
    Suggestion saveSuggestion(Suggestion suggestion);

    /** With its feedback. */
    Optional<Suggestion> suggestion(long id);

    SuggestionFeedback addFeedback(SuggestionFeedback feedback);

    AiAuditEntry audit(AiAuditEntry entry);

    Page<AiAuditEntry> audits(int limit, int offset);
}
