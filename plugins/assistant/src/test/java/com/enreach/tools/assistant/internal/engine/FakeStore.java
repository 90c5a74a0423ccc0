package com.enreach.tools.assistant.internal.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.enreach.tools.api.Page;
import com.enreach.tools.api.ai.AiAuditEntry;
import com.enreach.tools.api.ai.AssistantStore;
import com.enreach.tools.api.ai.Conversation;
import com.enreach.tools.api.ai.ConversationMessage;
import com.enreach.tools.api.ai.Suggestion;
import com.enreach.tools.api.ai.SuggestionFeedback;

/** An in-memory {@link AssistantStore} for the engine's tests. */
class FakeStore implements AssistantStore {
    final Map<Long, Conversation> conversations = new LinkedHashMap<>();
    final List<ConversationMessage> messages = new ArrayList<>();
    final List<AiAuditEntry> audits = new ArrayList<>();
    boolean failAudit;
    private long ids;

    @Override
    public synchronized Conversation createConversation(String title, String createdBy) {
        Conversation c = new Conversation(++ids, title, createdBy, 0, Instant.now(), Instant.now());
        conversations.put(c.id(), c);
        return c;
    }

    @Override
    public synchronized Optional<Conversation> conversation(long id) {
        return Optional.ofNullable(conversations.get(id));
    }

    @Override
    public synchronized Page<Conversation> conversations(String createdBy, int limit, int offset) {
        List<Conversation> all = conversations.values().stream()
                .filter(c -> createdBy == null || createdBy.equals(c.createdBy()))
                .sorted(Comparator.comparingLong(Conversation::id).reversed()).toList();
        return new Page<>(all.size(), limit, offset, all.stream().skip(offset).limit(limit).toList());
    }

    @Override
    public synchronized ConversationMessage addMessage(ConversationMessage m) {
        if (!conversations.containsKey(m.conversationId())) {
            throw new IllegalStateException("no conversation " + m.conversationId());
        }
        ConversationMessage saved = new ConversationMessage(++ids, m.conversationId(), m.role(), m.text(), m.citations(),
                m.toolCalls(), m.provider(), m.model(), m.extractive(), m.errorCode(), m.retryAfterSeconds(),
                m.createdAt(), m.tookMs());
        messages.add(saved);
        return saved;
    }

    @Override
    public synchronized List<ConversationMessage> messages(long conversationId) {
        return messages.stream().filter(m -> m.conversationId() == conversationId).toList();
    }

    @Override
    public synchronized boolean deleteConversation(long id) {
        messages.removeIf(m -> m.conversationId() == id);
        return conversations.remove(id) != null;
    }

    @Override
    public Suggestion saveSuggestion(Suggestion suggestion) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Suggestion> suggestion(long id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SuggestionFeedback addFeedback(SuggestionFeedback feedback) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized AiAuditEntry audit(AiAuditEntry entry) {
        if (failAudit) {
            throw new IllegalStateException("database is locked");
        }
        audits.add(entry);
        return entry;
    }

    @Override
    public synchronized Page<AiAuditEntry> audits(int limit, int offset) {
        return new Page<>(audits.size(), limit, offset, List.copyOf(audits));
    }
}
