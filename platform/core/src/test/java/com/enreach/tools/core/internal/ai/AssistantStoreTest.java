package com.enreach.tools.core.internal.ai;

import com.enreach.tools.core.internal.db.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.ai.AiAuditEntry;
import com.enreach.tools.api.ai.Citation;
import com.enreach.tools.api.ai.Conversation;
import com.enreach.tools.api.ai.ConversationMessage;
import com.enreach.tools.api.ai.Suggestion;
import com.enreach.tools.api.ai.Suggestion.SimilarItem;
import com.enreach.tools.api.ai.SuggestionFeedback;
import com.enreach.tools.core.internal.db.Database;

class AssistantStoreTest {
    @TempDir
    Path dir;
    private Database db;
    private AssistantStoreImpl store;

    @BeforeEach
    void open() {
        db = TestDatabases.open(dir.resolve("m.db"));
        store = new AssistantStoreImpl(db);
    }

    static final Citation CITE = new Citation(1, "entity", 12, "esx-ams-0003", "esx-ams-0003", "#/entities/12", null,
            "host in AMS1");

    private ConversationMessage question(long conv, String text) {
        return new ConversationMessage(0, conv, "user", text, null, null, null, null, false, null, null, null, 0);
    }

    @Test
    void messagesKeepCitationsAndToolCallsAndBumpTheConversation() {
        Conversation conv = store.createConversation("which VMs run on esx-ams-0003?", "alice");
        ConversationMessage q = store.addMessage(question(conv.id(), "which VMs run on esx-ams-0003?"));
        ConversationMessage a = store.addMessage(new ConversationMessage(0, conv.id(), "assistant", "Two VMs [1].",
                List.of(CITE), List.of("vms_on_host host=esx-ams-0003"), "offline", null, true, null, null, null, 42));
        assertTrue(a.id() > q.id());

        List<ConversationMessage> msgs = store.messages(conv.id());
        assertEquals(2, msgs.size());
        assertEquals("user", msgs.get(0).role());
        assertEquals(List.of(CITE), msgs.get(1).citations());
        assertEquals(List.of("vms_on_host host=esx-ams-0003"), msgs.get(1).toolCalls());
        assertTrue(msgs.get(1).extractive());
        assertEquals(42, msgs.get(1).tookMs());
        assertEquals(2, store.conversation(conv.id()).orElseThrow().messageCount());
    }

    @Test
    void anErrorIsStoredWithItsRetryAfter() {
        Conversation conv = store.createConversation("q", "alice");
        store.addMessage(question(conv.id(), "q"));
        store.addMessage(new ConversationMessage(0, conv.id(), "assistant", "rate limited", null, null, "claude", "m", false,
                "rate_limited", 30L, null, 5));
        ConversationMessage err = store.messages(conv.id()).get(1);
        assertEquals("rate_limited", err.errorCode());
        assertEquals(30L, err.retryAfterSeconds());
        assertNull(store.messages(conv.id()).get(0).retryAfterSeconds());
    }

    @Test
    void titleIsCutTo200Characters() {
        Conversation conv = store.createConversation("x".repeat(500), "alice");
        assertEquals(200, conv.title().length());
        assertEquals(200, store.conversation(conv.id()).orElseThrow().title().length());
    }

    @Test
    void conversationsAreListedPerOwnerNewestFirst() {
        Conversation first = store.createConversation("first", "alice");
        Conversation second = store.createConversation("second", "alice");
        store.createConversation("bob's", "bob");
        // first is now the most recently updated (a later time than any creation, so no tie within a millisecond)
        store.addMessage(new ConversationMessage(0, first.id(), "user", "again", null, null, null, null, false, null, null,
                Instant.now().plusSeconds(60), 0));

        Page<Conversation> alice = store.conversations("alice", 10, 0);
        assertEquals(2, alice.count());
        assertEquals(List.of(first.id(), second.id()), alice.results().stream().map(Conversation::id).toList());
        assertEquals(3, store.conversations(null, 10, 0).count());
        Page<Conversation> page = store.conversations(null, 1, 1);
        assertEquals(1, page.results().size());
        assertEquals(3, page.count());
    }

    @Test
    void badPagingIsRefusedNamingTheField() {
        ApiException e = assertThrows(ApiException.class, () -> store.conversations(null, -1, 0));
        assertEquals("limit", e.field());
        assertEquals("offset", assertThrows(ApiException.class, () -> store.audits(10, -5)).field());
    }

    @Test
    void deletingAConversationTakesItsMessages() throws Exception {
        Conversation conv = store.createConversation("q", "alice");
        store.addMessage(question(conv.id(), "q"));
        assertTrue(store.deleteConversation(conv.id()));
        assertFalse(store.deleteConversation(conv.id()));
        assertTrue(store.conversation(conv.id()).isEmpty());
        long left = db.read(c -> AiSql.count(c, "SELECT COUNT(*) FROM ai_messages"));
        assertEquals(0, left);
    }

    @Test
    void aMessageForAMissingConversationIs404() {
        ApiException e = assertThrows(ApiException.class, () -> store.addMessage(question(999, "q")));
        assertEquals(ApiException.Reason.NOT_FOUND, e.reason());
    }

    @Test
    void suggestionsRoundTripWithTheirFeedback() {
        Suggestion s = store.saveSuggestion(new Suggestion(0, "OPS-12", "NFS stale handle", List.of("Remount the share [1]",
                "Restart nfsd"), List.of(CITE), List.of(new SimilarItem("ticket", 7, "OPS-3", "NFS stale", 0.83, "remounted",
                "#/ext/tickets?id=7", "https://jira/OPS-3")), List.of(), List.of(CITE), 0.7, "medium",
                Map.of("similarity", 0.83, "agreement", 0.5), "offline", null, true, "alice", null, null));
        assertTrue(s.id() > 0);
        assertEquals(List.of("Remount the share [1]", "Restart nfsd"), s.steps());
        assertEquals(0.83, s.similarTickets().get(0).similarity());
        assertEquals(Map.of("similarity", 0.83, "agreement", 0.5), s.confidenceBasis());
        assertEquals(List.of(), s.feedback());

        SuggestionFeedback f = store.addFeedback(new SuggestionFeedback(0, s.id(), true, "worked", "bob", null));
        store.addFeedback(new SuggestionFeedback(0, s.id(), false, null, "carol", null));
        assertTrue(f.id() > 0);
        List<SuggestionFeedback> fb = store.suggestion(s.id()).orElseThrow().feedback();
        assertEquals(2, fb.size());
        assertTrue(fb.get(0).helpful());
        assertEquals("worked", fb.get(0).comment());
        assertFalse(fb.get(1).helpful());
    }

    @Test
    void feedbackOnAMissingSuggestionIs404AndConfidenceIsBounded() {
        assertEquals(ApiException.Reason.NOT_FOUND, assertThrows(ApiException.class,
                () -> store.addFeedback(new SuggestionFeedback(0, 404, true, null, "bob", null))).reason());
        assertEquals("confidence", assertThrows(ApiException.class, () -> store.saveSuggestion(new Suggestion(0, null, "p",
                null, null, null, null, null, 1.5, "high", null, null, null, false, "alice", null, null))).field());
    }

    @Test
    void auditOutlivesItsConversationAndListsNewestFirst() {
        Conversation conv = store.createConversation("q", "alice");
        store.audit(new AiAuditEntry(0, conv.id(), "alice", "claude", "m1", true, "answer", 1200, "question, 5 kb passages",
                2, "ok", null));
        AiAuditEntry second = store.audit(new AiAuditEntry(0, null, "bob", "offline", null, false, "suggest", 0, "question", 0,
                "ok", null));
        store.deleteConversation(conv.id());
        Page<AiAuditEntry> page = store.audits(10, 0);
        assertEquals(2, page.count());
        assertEquals(second.id(), page.results().get(0).id());
        AiAuditEntry first = page.results().get(1);
        assertEquals(conv.id(), first.conversationId());
        assertEquals(2, first.redactions());
        assertTrue(first.external());
    }

    /**
     * An answer being stored (a write transaction held open here) does not hold up the listings: reads run on the read
     * pool and see the last committed state. Were reads under the write lock, the read below would wait for the release
     * that only comes after it, and the test would time out.
     */
    @Test
    void readsDoNotWaitForAWriterHoldingTheLock() throws Exception {
        Conversation conv = store.createConversation("q", "alice");
        java.util.concurrent.CountDownLatch inWrite = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread writer = new Thread(() -> db.write(c -> {
            inWrite.countDown();
            try {
                release.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        writer.start();
        try {
            assertTrue(inWrite.await(30, java.util.concurrent.TimeUnit.SECONDS));
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> {
                assertEquals(1, store.conversations("alice", 10, 0).count());
                assertEquals(List.of(), store.messages(conv.id()));
                assertTrue(store.conversation(conv.id()).isPresent());
            });
        } finally {
            release.countDown();
            writer.join();
        }
    }
}
