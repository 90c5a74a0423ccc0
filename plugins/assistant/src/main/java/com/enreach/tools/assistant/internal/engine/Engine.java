package com.enreach.tools.assistant.internal.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.ai.AiException;
import com.enreach.tools.api.ai.AiProvider;
import com.enreach.tools.api.ai.Answer;
import com.enreach.tools.api.ai.AnswerListener;
import com.enreach.tools.api.ai.AskRequest;
import com.enreach.tools.api.ai.Citation;
import com.enreach.tools.api.ai.Conversation;
import com.enreach.tools.api.ai.ConversationDetail;
import com.enreach.tools.api.ai.ConversationMessage;
import com.enreach.tools.api.ai.ProviderInfo;
import com.enreach.tools.assistant.internal.AssistantContext;
import com.enreach.tools.assistant.internal.offline.OfflineAnswerer;

/** Questions and conversations: context building, tools, fencing, privacy, provider turns, storage. (engine helper) */
public class Engine {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    static final Set<String> SCOPES = Set.of("all", "inventory", "knowledge");
    static final int TITLE_CHARS = 80;

    private final AssistantContext context;
    private final Generator generator;

    public Engine(AssistantContext context) {
        this.context = context;
        this.generator = new Generator(context);
    }

    public Answer ask(AskRequest request, AnswerListener listener, String actor) {
        if (request == null) {
            throw ApiException.invalid("question", "A question is required");
        }
        String question = request.question() == null ? "" : request.question().strip();
        if (question.isEmpty()) {
            throw ApiException.invalid("question", "The question is empty");
        }
        if (question.length() > AskRequest.MAX_QUESTION) {
            throw ApiException.invalid("question", "The question has " + question.length() + " characters; at most "
                    + AskRequest.MAX_QUESTION + " are allowed");
        }
        String scope = scope(request.scope());
        AiProvider provider = context.provider(request.provider());
        Conversation conversation;
        List<ConversationMessage> earlier;
        if (request.conversationId() != null) {
            conversation = owned(request.conversationId(), actor).orElseThrow(
                    () -> ApiException.notFound("Conversation", String.valueOf(request.conversationId())));
            earlier = context.store().messages(conversation.id());
        } else {
            conversation = context.store().createConversation(title(question), actor);
            earlier = List.of();
        }
        // The question is stored before anything can fail, so it is never lost.
        ConversationMessage stored = context.store().addMessage(new ConversationMessage(0, conversation.id(), "user",
                question, List.of(), List.of(), null, null, false, null, null, Instant.now(), 0));
        AnswerListener out = new SafeListener(listener == null ? AnswerListener.NONE : listener);
        out.onStored(conversation.id(), stored.id());

        long start = System.nanoTime();
        try {
            if (isOffline(provider)) {
                OfflineAnswerer.Drafted d = context.offlineAnswerer().answer(question, scope, out);
                return store(conversation.id(), stored.id(), provider, provider.model(), true, d.text(), d.citations(),
                        d.toolCalls(), start);
            }
            Generator.Result r = generator.generate(provider, question, scope, earlier, out, actor, conversation.id());
            if (r.droppedRefs() > 0) {
                LOG.info("Answer in conversation {}: {} citation(s) to sources that were not given were dropped",
                        conversation.id(), r.droppedRefs());
            }
            return store(conversation.id(), stored.id(), provider, r.model(), false, r.text(), r.citations(),
                    r.toolCalls(), start);
        } catch (AiException e) {
            Long retry = e.retryAfter() == null ? null : Math.max(1, e.retryAfter().toSeconds());
            return failed(conversation.id(), stored.id(), provider, e.code(), e.getMessage(), retry, start);
        } catch (RuntimeException e) {
            LOG.warn("The assistant failed on a question in conversation {} (provider {})", conversation.id(),
                    provider.name(), e);
            return failed(conversation.id(), stored.id(), provider, "internal",
                    "The assistant could not answer because of an internal error (" + e.getClass().getSimpleName()
                            + "); the question is kept, try again or ask the administrator to check the log.",
                    null, start);
        }
    }

    private Answer store(long conversationId, long questionId, AiProvider provider, String model, boolean extractive,
                         String text, List<Citation> citations, List<String> toolCalls, long start) {
        long took = (System.nanoTime() - start) / 1_000_000;
        ConversationMessage saved = context.store().addMessage(new ConversationMessage(0, conversationId, "assistant",
                text == null ? "" : text, citations, toolCalls, provider.name(), model, extractive, null, null,
                Instant.now(), took));
        return new Answer(conversationId, questionId, saved.id(), provider.name(), model, extractive, saved.text(),
                saved.citations(), saved.toolCalls(), null, saved.createdAt(), took);
    }

    private Answer failed(long conversationId, long questionId, AiProvider provider, String code, String message,
                          Long retryAfter, long start) {
        long took = (System.nanoTime() - start) / 1_000_000;
        String text = message == null || message.isBlank() ? "The provider failed (" + code + ")" : message;
        ConversationMessage saved = context.store().addMessage(new ConversationMessage(0, conversationId, "assistant",
                text, List.of(), List.of(), provider.name(), provider.model(), false, code, retryAfter, Instant.now(), took));
        return new Answer(conversationId, questionId, saved.id(), provider.name(), provider.model(), false, "", List.of(),
                List.of(), new Answer.AnswerError(code, text, retryAfter), saved.createdAt(), took);
    }

    static boolean isOffline(AiProvider provider) {
        return "offline".equals(provider.kind());
    }

    static String scope(String scope) {
        if (scope == null || scope.isBlank()) {
            return "all";
        }
        String s = scope.strip().toLowerCase(Locale.ROOT);
        if (!SCOPES.contains(s)) {
            throw ApiException.invalid("scope", "Unknown scope '" + scope.strip() + "'; use all, inventory or knowledge");
        }
        return s;
    }

    /** The first line of the question, whitespace collapsed, cut to {@link #TITLE_CHARS}. */
    static String title(String question) {
        String t = question.strip().lines().findFirst().orElse("").replaceAll("\\s+", " ");
        return t.length() > TITLE_CHARS ? t.substring(0, TITLE_CHARS - 1).strip() + "…" : t;
    }

    public List<ProviderInfo> providers() {
        AiProvider chosen = context.provider(null);
        List<ProviderInfo> out = new ArrayList<>();
        out.add(info(chosen, true));
        for (AiProvider p : context.aiProviders()) {
            if (p != chosen) {
                out.add(info(p, false));
            }
        }
        return out;
    }

    private static ProviderInfo info(AiProvider p, boolean isDefault) {
        return new ProviderInfo(p.name(), p.kind(), p.model(), p.baseUrl(), p.external(), p.allowsSensitive(),
                p.supportsTools(), isDefault, p.problem() == null ? "ready" : "misconfigured", p.problem());
    }

    public Page<Conversation> conversations(String actor, int limit, int offset) {
        return context.store().conversations(actor, limit, offset);
    }

    public Optional<ConversationDetail> conversation(long id, String actor) {
        return owned(id, actor).map(c -> new ConversationDetail(c, context.store().messages(c.id())));
    }

    public boolean deleteConversation(long id, String actor) {
        return owned(id, actor).isPresent() && context.store().deleteConversation(id);
    }

    private Optional<Conversation> owned(long id, String actor) {
        return context.store().conversation(id).filter(c -> actor == null || actor.equals(c.createdBy()));
    }
}
