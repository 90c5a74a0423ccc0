package com.enreach.tools.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.ServiceRegistration;

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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * /api/ai/* and /api/kb/analysis in the real container over a small assistant registered by the test (the assistant
 * plugin is not in this container): JSON answers in snake_case, the SSE stream with its events in order and flushed
 * as they come, a client that goes away mid-stream, and the 503 naming the plugin once the service is gone.
 */
public class AssistantRestIT extends PlatformTestSupport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Citation CITE = new Citation(1, "entity", 12, "esx-ams-0003", "esx-ams-0003", "#/entities/12", null, "a host");
    private final FakeAssistant fake = new FakeAssistant();
    private ServiceRegistration<AssistantService> registration;

    @Before
    public void registerAssistant() {
        registration = bundleContext.registerService(AssistantService.class, fake, null);
        await("GET /api/ai/providers to answer 200", CHANGE, () -> api.get("/api/ai/providers", admin), r -> r.status() == 200);
    }

    @After
    public void unregisterAssistant() {
        if (registration != null) {
            registration.unregister();
        }
    }

    @Test
    public void jsonRoutesAnswerInSnakeCaseWithTheTokenAsActor() {
        Api.Reply providers = api.get("/api/ai/providers", admin);
        assertEquals("offline", providers.at("/results/0/name").asText());
        assertTrue(providers.toString(), providers.at("/results/0/is_default").asBoolean());

        Api.Reply answer = api.post("/api/ai/query", admin, Api.json(Map.of("question", "which VMs run on esx-ams-0003?", "scope", "inventory")));
        assertEquals(answer.toString(), 200, answer.status());
        assertEquals(7, answer.at("/conversation_id").asLong());
        assertEquals("esx-ams-0003 runs two VMs [1].", answer.at("/text").asText());
        assertEquals("#/entities/12", answer.at("/citations/0/link").asText());
        assertEquals("bootstrap-admin", fake.actors.get(0));
        assertEquals("inventory", fake.asked.get(0).scope());

        Api.Reply conversations = api.get("/api/ai/conversations?limit=5", admin);
        assertEquals(conversations.toString(), 1, conversations.at("/count").asInt());
        assertEquals("bootstrap-admin", conversations.at("/results/0/created_by").asText());
        assertEquals(404, api.get("/api/ai/conversations/8", admin).status());
        assertEquals(204, api.delete("/api/ai/conversations/7", admin).status());

        Api.Reply suggestion = api.post("/api/ai/suggestions", admin, Api.json(Map.of("ticket_key", "OPS-1")));
        assertEquals(suggestion.toString(), 201, suggestion.status());
        assertEquals("medium", suggestion.at("/confidence_label").asText());
        Api.Reply feedback = api.post("/api/ai/suggestions/1/feedback", admin, Api.json(Map.of("helpful", false, "comment", "wrong host")));
        assertEquals(feedback.toString(), 201, feedback.status());
        assertEquals(1, feedback.at("/suggestion_id").asLong());
        assertFalse(feedback.at("/helpful").asBoolean());
        assertEquals(404, api.post("/api/ai/suggestions/2/feedback", admin, Api.json(Map.of("helpful", true))).status());
        assertEquals(404, api.get("/api/ai/suggestions/2", admin).status());

        Api.Reply kb = api.get("/api/kb/analysis?stale_months=6&duplicate_similarity=0.85", admin);
        assertEquals(kb.toString(), 200, kb.status());
        assertEquals(6, fake.analysed.staleMonths());
        assertEquals(0.85, fake.analysed.duplicateSimilarity(), 1e-9);
        assertEquals(200, api.get("/api/ai/audit", admin).status());
    }

    private HttpRequest streamed(String body) {
        return HttpRequest.newBuilder(URI.create(api.base() + "/api/ai/query")).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .header("Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    /**
     * The fake holds the rest of its answer until the client has read the first delta: the test can only pass if each
     * event is flushed as it is sent, not buffered until the answer is complete.
     */
    @Test
    public void theEventStreamIsFlushedEventByEventAndEndsWithTheAnswer() throws Exception {
        fake.holdAfterFirstDelta = new CountDownLatch(1);
        HttpResponse<InputStream> r = HttpClient.newHttpClient().send(streamed(Api.json(Map.of("question", "which VMs?"))),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse(""), r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<String> events = new ArrayList<>();
        List<JsonNode> data = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String line;
            String event = null;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    events.add(event);
                    data.add(JSON.readTree(line.substring(6)));
                    if (events.equals(List.of("stored", "status", "delta"))) {
                        fake.holdAfterFirstDelta.countDown();
                    }
                }
            }
        }
        assertFalse("the first delta did not reach the client before the answer was complete: events are not flushed", fake.heldInVain);
        assertEquals(List.of("stored", "status", "delta", "delta", "citation", "answer"), events);
        assertEquals(7, data.get(0).path("conversation_id").asLong());
        assertEquals(70, data.get(0).path("question_id").asLong());
        assertEquals("esx-ams-0003 runs ", data.get(2).path("text").asText());
        assertEquals("esx-ams-0003", data.get(4).path("key").asText());
        assertEquals("esx-ams-0003 runs two VMs [1].", data.get(5).path("text").asText());
        assertTrue(data.get(5).path("error").isMissingNode() || data.get(5).path("error").isNull());
    }

    @Test
    public void aClientLeavingMidStreamLetsTheAnswerFinishAndTheServerGoesOn() throws Exception {
        fake.holdAfterFirstDelta = new CountDownLatch(1);
        fake.extraDeltas = 500;
        HttpResponse<InputStream> r = HttpClient.newHttpClient().send(streamed(Api.json(Map.of("question", "which VMs?"))),
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null && !line.equals("event: delta")) {
                // read up to the first delta, then hang up
            }
        }
        fake.holdAfterFirstDelta.countDown();
        await("the assistant to finish the answer of the client that left", CHANGE, fake.completed::get, n -> n == 1);
        assertEquals(200, api.get("/api/ai/providers", admin).status());
    }

    @Test
    public void aStreamedQuestionForSomeoneElsesConversationIsA404NotAStream() {
        Api.Exchange r = api.exchange("POST", "/api/ai/query", Api.authorization(admin), Map.of("Content-Type", "application/json",
                "Accept", "text/event-stream"), Api.json(Map.of("question", "q", "conversation_id", 8)));
        assertEquals(r.toString(), 404, r.status());
        assertEquals("not_found", r.reply().errorCode());
        Api.Exchange failed = api.exchange("POST", "/api/ai/query", Api.authorization(admin), Map.of("Content-Type", "application/json",
                "Accept", "text/event-stream"), Api.json(Map.of("question", "fail please")));
        assertEquals(200, failed.status());
        // stored, then the final answer carrying the error (the question was stored before the failure)
        String body = failed.reply().body();
        String last = body.substring(body.lastIndexOf("event: "));
        assertTrue(failed.toString(), body.contains("event: stored\ndata: {\"conversation_id\":7"));
        assertTrue(failed.toString(), last.startsWith("event: answer\ndata: "));
        assertTrue(failed.toString(), last.contains("\"code\":\"rate_limited\""));
    }

    @Test
    public void withoutTheServiceEveryRouteIsA503NamingThePlugin() {
        registration.unregister();
        registration = null;
        Api.Reply r = await("the 503 once the assistant is gone", CHANGE, () -> api.get("/api/ai/providers", admin), x -> x.status() == 503);
        assertEquals("assistant_missing", r.errorCode());
        assertTrue(r.toString(), r.at("/error/message").asText().contains("com.enreach.tools.plugin.assistant"));
        assertEquals(503, api.post("/api/ai/query", admin, Api.json(Map.of("question", "q"))).status());
        assertEquals(503, api.get("/api/kb/analysis", admin).status());
    }

    /** Answers every question with two deltas and a citation; "fail please" fails with a rate limit. */
    static final class FakeAssistant implements AssistantService {
        final List<AskRequest> asked = new CopyOnWriteArrayList<>();
        final List<String> actors = new CopyOnWriteArrayList<>();
        final AtomicInteger completed = new AtomicInteger();
        volatile CountDownLatch holdAfterFirstDelta;
        volatile boolean heldInVain;
        volatile int extraDeltas;
        volatile KbAnalysisRequest analysed;

        @Override
        public Answer ask(AskRequest request, AnswerListener listener, String actor) {
            asked.add(request);
            actors.add(actor);
            AnswerListener l = listener == null ? AnswerListener.NONE : listener;
            l.onStored(7, 70);
            if (request.question().equals("fail please")) {
                throw new ApiException(ApiException.Reason.OVERLOADED, "rate_limited", null, "try again in 30 s", null);
            }
            l.onStatus("searching the knowledge base");
            l.onText("esx-ams-0003 runs ");
            CountDownLatch hold = holdAfterFirstDelta;
            if (hold != null) {
                try {
                    heldInVain = !hold.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            for (int i = 0; i < extraDeltas; i++) {
                l.onText(" more text to write to a client that is gone ".repeat(20));
            }
            l.onText("two VMs [1].");
            l.onCitation(CITE);
            completed.incrementAndGet();
            return new Answer(7, 70, 71L, "offline", null, true, "esx-ams-0003 runs two VMs [1].", List.of(CITE), List.of(), null,
                    Instant.EPOCH, 3);
        }

        @Override
        public List<ProviderInfo> providers() {
            return List.of(new ProviderInfo("offline", "offline", null, null, false, true, false, true, "ready", null));
        }

        @Override
        public Page<Conversation> conversations(String actor, int limit, int offset) {
            return new Page<>(1, limit, offset, List.of(new Conversation(7, "q", actor, 2, Instant.EPOCH, Instant.EPOCH)));
        }

        @Override
        public Optional<ConversationDetail> conversation(long id, String actor) {
            return id == 7 ? Optional.of(new ConversationDetail(new Conversation(7, "q", actor, 0, Instant.EPOCH, Instant.EPOCH), List.of()))
                    : Optional.empty();
        }

        @Override
        public boolean deleteConversation(long id, String actor) {
            return id == 7;
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
            return new KbAnalysis(List.of(), Map.of("gap", 0), request.staleMonths(), request.duplicateSimilarity(), Instant.EPOCH, 1);
        }

        @Override
        public Page<AiAuditEntry> audit(int limit, int offset) {
            return new Page<>(0, limit, offset, List.of());
        }
    }
}
