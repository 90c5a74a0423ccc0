package com.enreach.tools.rest.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.ai.AiAuditEntry;
import com.enreach.tools.api.ai.Answer;
import com.enreach.tools.api.ai.AnswerListener;
import com.enreach.tools.api.ai.AskRequest;
import com.enreach.tools.api.ai.AssistantService;
import com.enreach.tools.api.ai.Citation;
import com.enreach.tools.api.ai.Conversation;
import com.enreach.tools.api.ai.ConversationDetail;
import com.enreach.tools.api.ai.KbAnalysis;
import com.enreach.tools.api.ai.KbAnalysisRequest;
import com.enreach.tools.api.ai.ProviderInfo;
import com.enreach.tools.api.ai.SuggestRequest;
import com.enreach.tools.api.ai.Suggestion;
import com.enreach.tools.api.ai.SuggestionFeedback;

/** An assistant that answers every question with two deltas and one citation, recording what it was asked. */
class FakeAssistant implements AssistantService {
    static final Citation CITE = new Citation(1, "entity", 12, "esx-ams-0003", "esx-ams-0003", "#/entities/12", null, "a host");
    final List<AskRequest> asked = new ArrayList<>();
    final List<String> actors = new ArrayList<>();
    final List<Answer> answered = new ArrayList<>();
    KbAnalysisRequest analysed;
    RuntimeException failure;

    @Override
    public Answer ask(AskRequest request, AnswerListener listener, String actor) {
        asked.add(request);
        actors.add(actor);
        if (failure != null) {
            throw failure;
        }
        AnswerListener l = listener == null ? AnswerListener.NONE : listener;
        l.onStored(7, 70);
        l.onStatus("searching the knowledge base");
        l.onText("esx-ams-0003 runs ");
        l.onText("two VMs [1].");
        l.onCitation(CITE);
        Answer a = new Answer(7, 70, 71L, "offline", null, true, "esx-ams-0003 runs two VMs [1].", List.of(CITE), List.of(), null,
                Instant.EPOCH, 3);
        answered.add(a);
        return a;
    }

    @Override
    public List<ProviderInfo> providers() {
        return List.of(new ProviderInfo("offline", "offline", null, null, false, true, false, true, "ready", null));
    }

    @Override
    public Page<Conversation> conversations(String actor, int limit, int offset) {
        actors.add(actor);
        return new Page<>(1, limit, offset, List.of(new Conversation(7, "q", actor, 2, Instant.EPOCH, Instant.EPOCH)));
    }

    @Override
    public Optional<ConversationDetail> conversation(long id, String actor) {
        return id == 7 && "alice".equals(actor)
                ? Optional.of(new ConversationDetail(new Conversation(7, "q", actor, 0, Instant.EPOCH, Instant.EPOCH), List.of()))
                : Optional.empty();
    }

    @Override
    public boolean deleteConversation(long id, String actor) {
        return id == 7 && "alice".equals(actor);
    }

    @Override
    public Suggestion suggest(SuggestRequest request, String actor) {
        return suggestion(1).orElseThrow();
    }

    @Override
    public Optional<Suggestion> suggestion(long id) {
        return id == 1 ? Optional.of(new Suggestion(1, "OPS-1", "p", List.of("step"), null, null, null, null, 0.5, "medium", null,
                "offline", null, true, "alice", Instant.EPOCH, null)) : Optional.empty();
    }

    @Override
    public SuggestionFeedback feedback(long suggestionId, boolean helpful, String comment, String actor) {
        if (suggestionId != 1) {
            throw ApiException.notFound("suggestion", Long.toString(suggestionId));
        }
        return new SuggestionFeedback(3, suggestionId, helpful, comment, actor, Instant.EPOCH);
    }

    @Override
    public KbAnalysis analyzeKnowledgeBase(KbAnalysisRequest request, String actor) {
        analysed = request;
        return new KbAnalysis(List.of(), null, 12, 0.9, Instant.EPOCH, 1);
    }

    @Override
    public Page<AiAuditEntry> audit(int limit, int offset) {
        return new Page<>(0, limit, offset, List.of());
    }
}
