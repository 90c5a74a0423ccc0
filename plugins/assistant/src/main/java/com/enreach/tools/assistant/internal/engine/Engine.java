package com.enreach.tools.assistant.internal.engine;

import java.util.List;
import java.util.Optional;

import com.enreach.tools.api.Page;
import com.enreach.tools.api.ai.Answer;
import com.enreach.tools.api.ai.AnswerListener;
import com.enreach.tools.api.ai.AskRequest;
import com.enreach.tools.api.ai.Conversation;
import com.enreach.tools.api.ai.ConversationDetail;
import com.enreach.tools.api.ai.ProviderInfo;
import com.enreach.tools.assistant.internal.AssistantContext;

/** Questions and conversations: context building, tools, fencing, privacy, provider turns, storage. (engine helper) */
public class Engine {
    private final AssistantContext context;

    public Engine(AssistantContext context) {
        this.context = context;
    }

    public Answer ask(AskRequest request, AnswerListener listener, String actor) {
        throw new UnsupportedOperationException("not built yet");
    }

    public List<ProviderInfo> providers() {
        throw new UnsupportedOperationException("not built yet");
    }

    public Page<Conversation> conversations(String actor, int limit, int offset) {
        throw new UnsupportedOperationException("not built yet");
    }

    public Optional<ConversationDetail> conversation(long id, String actor) {
        throw new UnsupportedOperationException("not built yet");
    }

    public boolean deleteConversation(long id, String actor) {
        throw new UnsupportedOperationException("not built yet");
    }
}
