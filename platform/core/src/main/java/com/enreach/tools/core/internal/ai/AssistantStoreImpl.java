package com.enreach.tools.core.internal.ai;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.ai.AiAuditEntry;
import com.enreach.tools.api.ai.AssistantStore;
import com.enreach.tools.api.ai.Conversation;
import com.enreach.tools.api.ai.ConversationMessage;
import com.enreach.tools.api.ai.Suggestion;
import com.enreach.tools.api.ai.SuggestionFeedback;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Times;

/**
 * The assistant's tables (V31). Each method is one transaction: writes are short IMMEDIATE transactions under the
 * write lock ({@link Database#write}), reads run on the read pool and never wait for a writer (an answer being stored
 * does not hold up the conversation list).
 */
@Component(service = AssistantStore.class)
public class AssistantStoreImpl implements AssistantStore {
    static final int TITLE_MAX = 200;
    private final Database db;

    @Activate
    public AssistantStoreImpl(@Reference Database db) {
        this.db = db;
    }

    @Override
    public Conversation createConversation(String title, String createdBy) {
        if (createdBy == null || createdBy.isBlank()) {
            throw ApiException.invalid("created_by", "a conversation needs who created it");
        }
        String t = title == null ? "" : title.strip();
        String cut = t.length() > TITLE_MAX ? t.substring(0, TITLE_MAX) : t;
        return db.write(c -> ConversationRows.insert(c, cut, createdBy, Times.format(Times.now())));
    }

    @Override
    public Optional<Conversation> conversation(long id) {
        return db.read(c -> ConversationRows.get(c, id));
    }

    @Override
    public Page<Conversation> conversations(String createdBy, int limit, int offset) {
        return db.read(c -> ConversationRows.list(c, createdBy, limit, offset));
    }

    @Override
    public ConversationMessage addMessage(ConversationMessage message) {
        if (!"user".equals(message.role()) && !"assistant".equals(message.role())) {
            throw ApiException.invalid("role", "role must be user or assistant, got " + message.role());
        }
        return db.write(c -> MessageRows.insert(c, message, Times.format(Times.now())));
    }

    @Override
    public List<ConversationMessage> messages(long conversationId) {
        return db.read(c -> MessageRows.list(c, conversationId));
    }

    @Override
    public boolean deleteConversation(long id) {
        return db.write(c -> ConversationRows.delete(c, id));
    }

    @Override
    public Suggestion saveSuggestion(Suggestion suggestion) {
        if (suggestion.createdBy() == null || suggestion.createdBy().isBlank()) {
            throw ApiException.invalid("created_by", "a suggestion needs who asked for it");
        }
        if (!(suggestion.confidence() >= 0 && suggestion.confidence() <= 1)) {
            throw ApiException.invalid("confidence", "confidence must be within 0..1, got " + suggestion.confidence());
        }
        long id = db.write(c -> SuggestionRows.insert(c, suggestion, Times.format(Times.now())));
        return suggestion(id).orElseThrow();
    }

    @Override
    public Optional<Suggestion> suggestion(long id) {
        return db.read(c -> SuggestionRows.get(c, id));
    }

    @Override
    public SuggestionFeedback addFeedback(SuggestionFeedback feedback) {
        if (feedback.actor() == null || feedback.actor().isBlank()) {
            throw ApiException.invalid("actor", "feedback needs who gave it");
        }
        return db.write(c -> SuggestionRows.insertFeedback(c, feedback, Times.format(Times.now())));
    }

    @Override
    public AiAuditEntry audit(AiAuditEntry entry) {
        if (entry.provider() == null || entry.provider().isBlank()) {
            throw ApiException.invalid("provider", "an audit entry needs its provider");
        }
        return db.write(c -> AuditRows.insert(c, entry, Times.format(Times.now())));
    }

    @Override
    public Page<AiAuditEntry> audits(int limit, int offset) {
        return db.read(c -> AuditRows.list(c, limit, offset));
    }
}
