package com.enreach.tools.assistant.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.ai.AiException;
import com.enreach.tools.api.ai.Answer;
import com.enreach.tools.api.ai.AskRequest;
import com.enreach.tools.api.ai.Citation;
import com.enreach.tools.api.ai.ConversationMessage;
import com.enreach.tools.assistant.internal.offline.OfflineAnswerer;

class EngineTest {
    private final FakeContext ctx = new FakeContext();
    private final Engine engine = new Engine(ctx);

    private static AskRequest ask(String q) {
        return new AskRequest(q, null, null, null);
    }

    @Test
    void questionIsStoredBeforeTheProviderIsCalled() {
        FakeProvider p = new FakeProvider("gpt", false, true).then(r -> {
            List<ConversationMessage> stored = ctx.store.messages;
            assertEquals(1, stored.size(), "the question is stored before the provider turn");
            assertEquals("user", stored.get(0).role());
            assertEquals("Which hosts run out of disk?", stored.get(0).text());
            return FakeProvider.Turn.text("None do.");
        });
        ctx.with(p);
        RecordingListener l = new RecordingListener();

        Answer a = engine.ask(ask("  Which hosts run out of disk?  "), l, "alice");

        assertEquals("stored " + a.conversationId() + " " + a.questionId(), l.events.get(0));
        assertEquals("None do.", a.text());
        assertEquals("gpt", a.provider());
        assertEquals("fake-model-1", a.model(), "the model the endpoint reported");
        assertFalse(a.extractive());
        List<ConversationMessage> stored = ctx.store.messages(a.conversationId());
        assertEquals(List.of("user", "assistant"), stored.stream().map(ConversationMessage::role).toList());
        assertEquals(a.answerId(), stored.get(1).id());
        assertEquals("Which hosts run out of disk?", ctx.store.conversations.get(a.conversationId()).title());
        assertEquals("alice", ctx.store.conversations.get(a.conversationId()).createdBy());
    }

    @ParameterizedTest
    @EnumSource(AiException.Kind.class)
    void everyProviderFailureIsStoredWithTheQuestionAndReturnedNotThrown(AiException.Kind kind) {
        Duration retry = kind == AiException.Kind.RATE_LIMITED ? Duration.ofSeconds(30) : null;
        ctx.with(new FakeProvider("claude", false, true).then(r -> {
            throw new AiException(kind, "claude", "Provider 'claude' said no (" + kind + ")", retry, null);
        }));

        Answer a = engine.ask(ask("why is nfs stale?"), null, "alice");

        assertNotNull(a.error());
        assertEquals(kind.name().toLowerCase(), a.error().code());
        assertEquals("Provider 'claude' said no (" + kind + ")", a.error().message());
        assertEquals(retry == null ? null : 30L, a.error().retryAfterSeconds());
        assertEquals("", a.text());
        List<ConversationMessage> stored = ctx.store.messages(a.conversationId());
        assertEquals("why is nfs stale?", stored.get(0).text());
        assertEquals(kind.name().toLowerCase(), stored.get(1).errorCode());
        assertEquals(retry == null ? null : 30L, stored.get(1).retryAfterSeconds());
        assertEquals("Provider 'claude' said no (" + kind + ")", stored.get(1).text());
        assertEquals(kind.name().toLowerCase(), ctx.store.audits.get(0).outcome(), "the failed call is audited");
    }

    @Test
    void anUnexpectedFailureIsStoredAsInternalAndTheQuestionKept() {
        // the default provider is offline, whose answerer is not there yet: it throws
        Answer a = engine.ask(ask("how many VMs?"), null, "alice");

        assertEquals("internal", a.error().code());
        List<ConversationMessage> stored = ctx.store.messages(a.conversationId());
        assertEquals("how many VMs?", stored.get(0).text());
        assertEquals("internal", stored.get(1).errorCode());
    }

    @Test
    void theOfflineProviderAnswersExtractively() {
        Citation c = new Citation(1, "entity", 12, "esx-ams-0003", "esx-ams-0003", "#/entities/12", null, "host");
        ctx.offline = q -> new OfflineAnswerer.Drafted("esx-ams-0003 is a host [1]", List.of(c), List.of("find_entities"));

        Answer a = engine.ask(new AskRequest("esx-ams-0003?", null, "inventory", "offline"), null, "alice");

        assertTrue(a.extractive());
        assertEquals("offline", a.provider());
        assertEquals("esx-ams-0003 is a host [1]", a.text());
        assertEquals(List.of(c), a.citations());
        assertTrue(ctx.store.messages(a.conversationId()).get(1).extractive());
        assertTrue(ctx.store.audits.isEmpty(), "nothing was sent to a provider");
    }

    @Test
    void validationErrorsNameTheirField() {
        ctx.with(new FakeProvider("gpt", false, true).answering("x"));
        assertEquals("question", assertThrows(ApiException.class, () -> engine.ask(ask("   "), null, "a")).field());
        assertEquals("question", assertThrows(ApiException.class, () -> engine.ask(ask(null), null, "a")).field());
        assertEquals("question", assertThrows(ApiException.class,
                () -> engine.ask(ask("x".repeat(AskRequest.MAX_QUESTION + 1)), null, "a")).field());
        ApiException scope = assertThrows(ApiException.class,
                () -> engine.ask(new AskRequest("q", null, "everything", null), null, "a"));
        assertEquals("scope", scope.field());
        assertEquals(ApiException.Reason.INVALID, scope.reason());
        assertEquals("provider", assertThrows(ApiException.class,
                () -> engine.ask(new AskRequest("q", null, null, "nope"), null, "a")).field());
        assertTrue(ctx.store.messages.isEmpty() && ctx.store.conversations.isEmpty(), "nothing stored for bad input");

        Answer ok = engine.ask(new AskRequest("x".repeat(AskRequest.MAX_QUESTION), null, " Knowledge ", null), null, "a");
        assertNull(ok.error());
    }

    @Test
    void conversationsBelongToTheirActor() {
        ctx.with(new FakeProvider("gpt", false, true).answering("fine"));
        Answer a = engine.ask(ask("first"), null, "alice");
        long id = a.conversationId();

        ApiException e = assertThrows(ApiException.class,
                () -> engine.ask(new AskRequest("more", id, null, null), null, "bob"));
        assertEquals(ApiException.Reason.NOT_FOUND, e.reason());
        assertEquals(ApiException.Reason.NOT_FOUND, assertThrows(ApiException.class,
                () -> engine.ask(new AskRequest("more", 999L, null, null), null, "alice")).reason());
        assertTrue(engine.conversation(id, "bob").isEmpty());
        assertFalse(engine.deleteConversation(id, "bob"));
        assertEquals(0, engine.conversations("bob", 10, 0).count());

        engine.ask(new AskRequest("second", id, null, null), null, "alice");
        assertEquals(4, engine.conversation(id, "alice").orElseThrow().messages().size());
        assertEquals(1, engine.conversations("alice", 10, 0).count());
        assertTrue(engine.conversation(id, null).isPresent(), "actor null sees every conversation");
        assertTrue(engine.deleteConversation(id, "alice"));
        assertTrue(engine.conversation(id, "alice").isEmpty());
    }

    @Test
    void earlierAnsweredTurnsAreSentFailedOnesLeftOut() {
        FakeProvider p = new FakeProvider("gpt", false, true).answering("Answer one [S1].");
        ctx.with(p);
        ctx.hits.add(FakeContext.hit("article", 3, "NFS runbook", "Remount the share."));
        long id = engine.ask(ask("first question"), null, "alice").conversationId();
        ctx.store.addMessage(new ConversationMessage(0, id, "user", "lost question", null, null, null, null, false, null,
                null, null, 0));
        ctx.store.addMessage(new ConversationMessage(0, id, "assistant", "timed out", null, null, "gpt", null, false,
                "timeout", null, null, 0));

        engine.ask(new AskRequest("second question", id, null, null), null, "alice");

        var messages = p.requests.get(1).messages();
        assertEquals(List.of("user", "assistant", "user"), messages.stream().map(m -> m.role()).toList());
        assertEquals("first question", messages.get(0).text());
        assertEquals("Answer one .", messages.get(1).text(), "old citation markers are removed");
        assertTrue(messages.get(2).text().endsWith("Question: second question"));
    }

    @Test
    void theTitleIsTheQuestionsFirstLineShortened() {
        assertEquals("Why is this slow?", Engine.title("  Why is \t this slow?\nDetails: the NFS share on esx-ams-0003"));
        String title = Engine.title("word ".repeat(40));
        assertEquals(Engine.TITLE_CHARS, title.length());
        assertTrue(title.endsWith("word…"));
    }

    @Test
    void providersListTheDefaultFirst() {
        ctx.with(new FakeProvider("gpt", false, true)).with(new FakeProvider("claude", true, true));
        var list = engine.providers();
        assertEquals(List.of("gpt", "offline", "claude"), list.stream().map(p -> p.name()).toList());
        assertTrue(list.get(0).isDefault());
        assertFalse(list.get(1).isDefault() || list.get(2).isDefault());
        assertTrue(list.get(2).allowsSensitive());
        assertFalse(list.get(1).external());
        assertEquals("ready", list.get(0).status());
    }

    @Test
    void aListenerThatFailsDoesNotCostTheAnswer() {
        ctx.with(new FakeProvider("gpt", false, true).answering("part one ", "part two"));
        Answer a = engine.ask(ask("q"), new RecordingListener() {
            @Override
            public void onText(String delta) {
                throw new IllegalStateException("client went away");
            }
        }, "alice");
        assertNull(a.error());
        assertEquals("part one part two", a.text());
        assertEquals("part one part two", ctx.store.messages(a.conversationId()).get(1).text());
    }
}
