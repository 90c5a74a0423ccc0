package com.enreach.tools.rest.internal;

import static com.enreach.tools.rest.internal.RestMocks.caller;
import static com.enreach.tools.rest.internal.RestMocks.invalid;
import static com.enreach.tools.rest.internal.RestMocks.notFound;
import static com.enreach.tools.rest.internal.RestMocks.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Role;
import com.enreach.tools.api.ai.Answer;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** /api/ai/* and /api/kb/analysis over a fake assistant: bodies, the actor, roles, SSE frames, and 503 without the plugin. */
class AssistantRoutesTest {
    private final FakeAssistant fake = new FakeAssistant();
    private final AssistantResource ai = new AssistantResource();
    private final KbAnalysisResource kb = new KbAnalysisResource();

    @BeforeEach
    void wire() {
        ai.assistant = fake;
        kb.assistant = fake;
    }

    static HttpHeaders accept(String type) {
        HttpHeaders h = mock(HttpHeaders.class);
        when(h.getAcceptableMediaTypes()).thenReturn(List.of(MediaType.valueOf(type)));
        return h;
    }

    static AssistantResource.QueryRequest q(String question) {
        return new AssistantResource.QueryRequest(question, null, null, null);
    }

    @Test
    void withoutTheAssistantPluginEveryRouteIs503NamingIt() {
        ai.assistant = null;
        kb.assistant = null;
        for (Executable call : List.<Executable>of(
                () -> ai.query(q("hi"), accept("application/json"), caller("v", Role.VIEWER), null),
                () -> ai.query(q("hi"), accept("text/event-stream"), caller("v", Role.VIEWER), null),
                ai::providers,
                () -> ai.conversations(null, null, uri("http://h/api/ai/conversations"), caller("v", Role.VIEWER)),
                () -> ai.conversation("7", caller("v", Role.VIEWER)),
                () -> ai.deleteConversation("7", caller("v", Role.VIEWER)),
                () -> ai.suggest(new AssistantResource.SuggestBody("OPS-1", null, null), caller("v", Role.VIEWER)),
                () -> ai.suggestion("1"),
                () -> ai.feedback("1", new AssistantResource.FeedbackBody(true, null), caller("v", Role.VIEWER)),
                () -> ai.audit(null, null, uri("http://h/api/ai/audit")),
                () -> kb.analyze(null, null, null, null, caller("v", Role.VIEWER)))) {
            Response r = new ExceptionMappers().toResponse(assertThrows(ServiceUnavailable.class, call));
            assertEquals(503, r.getStatus());
            ErrorBody.Error error = ((ErrorBody) r.getEntity()).error();
            assertEquals("assistant_missing", error.code());
            assertTrue(error.message().contains("com.enreach.tools.plugin.assistant"), error.message());
        }
    }

    @Test
    void badBodiesAndParametersAre400NamingTheField() {
        var v = caller("v", Role.VIEWER);
        HttpHeaders json = accept("application/json");
        invalid("question", () -> ai.query(q("  "), json, v, null));
        assertTrue(invalid("question", () -> ai.query(q("x".repeat(4001)), json, v, null)).contains("4000"));
        invalid("conversation_id", () -> ai.query(new AssistantResource.QueryRequest("q", 0L, null, null), json, v, null));
        invalid("scope", () -> ai.query(new AssistantResource.QueryRequest("q", null, "everything", null), json, v, null));
        invalid(null, () -> ai.query(null, json, v, null));
        invalid("limit", () -> ai.conversations("0", null, uri("http://h/x"), v));
        invalid("limit", () -> ai.audit("1001", null, uri("http://h/x")));
        invalid("offset", () -> ai.conversations(null, "-1", uri("http://h/x"), v));
        invalid("id", () -> ai.conversation("abc", v));
        invalid("ticket_key", () -> ai.suggest(new AssistantResource.SuggestBody(null, " ", null), v));
        invalid("text", () -> ai.suggest(new AssistantResource.SuggestBody("OPS-1", "both", null), v));
        invalid("helpful", () -> ai.feedback("1", new AssistantResource.FeedbackBody(null, "x"), v));
        invalid("stale_months", () -> kb.analyze("-3", null, null, null, v));
        invalid("duplicate_similarity", () -> kb.analyze(null, "1.5", null, null, v));
        invalid("duplicate_similarity", () -> kb.analyze(null, "abc", null, null, v));
        invalid("draft", () -> kb.analyze(null, null, "yes", null, v));
        assertTrue(fake.asked.isEmpty(), "nothing reached the service");
    }

    @Test
    void unknownIdsAre404AndConversationsAreTheCallersOwn() {
        notFound(() -> ai.conversation("7", caller("bob", Role.VIEWER)));
        notFound(() -> ai.deleteConversation("8", caller("alice", Role.VIEWER)));
        notFound(() -> ai.suggestion("2"));
        notFound(() -> ai.feedback("2", new AssistantResource.FeedbackBody(false, null), caller("v", Role.VIEWER)));
        assertEquals(7, ai.conversation("7", caller("alice", Role.VIEWER)).conversation().id());
        assertEquals(204, ai.deleteConversation("7", caller("alice", Role.VIEWER)).getStatus());
        ai.conversations(null, null, uri("http://h/api/ai/conversations"), caller("carol", Role.ADMIN));
        assertEquals(List.of("carol"), fake.actors, "even an admin lists only their own");
    }

    @Test
    void jsonQueryAnswersWithTheActorAndCreatedRoutesAre201() {
        Response r = ai.query(new AssistantResource.QueryRequest(" which VMs? ", 7L, "inventory", "offline"), accept("*/*"),
                caller("alice", Role.VIEWER), null);
        assertEquals(200, r.getStatus());
        assertEquals("esx-ams-0003 runs two VMs [1].", ((Answer) r.getEntity()).text());
        assertEquals("which VMs?", fake.asked.get(0).question());
        assertEquals("inventory", fake.asked.get(0).scope());
        assertEquals(List.of("alice"), fake.actors);
        assertEquals(201, ai.suggest(new AssistantResource.SuggestBody("OPS-1", null, null), caller("v", Role.VIEWER)).getStatus());
        assertEquals(201, ai.feedback("1", new AssistantResource.FeedbackBody(true, "ok"), caller("v", Role.VIEWER)).getStatus());
    }

    private static List<String[]> frames(String body) {
        List<String[]> out = new ArrayList<>();
        for (String frame : body.split("\n\n")) {
            if (frame.startsWith(":")) {
                continue; // a comment: the padding that makes Jersey commit the response
            }
            String[] lines = frame.split("\n");
            assertEquals(2, lines.length, frame);
            assertTrue(lines[0].startsWith("event: ") && lines[1].startsWith("data: "), frame);
            out.add(new String[] {lines[0].substring(7), lines[1].substring(6)});
        }
        return out;
    }

    @Test
    void eventStreamSendsStoredStatusDeltasCitationThenTheAnswerInSnakeCase() throws Exception {
        Response r = ai.query(q("which VMs?"), accept("text/event-stream"), caller("alice", Role.VIEWER), null);
        assertEquals(MediaType.SERVER_SENT_EVENTS_TYPE, r.getMediaType());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((StreamingOutput) r.getEntity()).write(out);
        List<String[]> frames = frames(out.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("stored", "status", "delta", "delta", "citation", "answer"), frames.stream().map(f -> f[0]).toList());
        JsonNode stored = JsonProvider.MAPPER.readTree(frames.get(0)[1]);
        assertEquals(7, stored.get("conversation_id").asLong());
        assertEquals(70, stored.get("question_id").asLong());
        assertEquals("two VMs [1].", JsonProvider.MAPPER.readTree(frames.get(3)[1]).get("text").asText());
        assertEquals("#/entities/12", JsonProvider.MAPPER.readTree(frames.get(4)[1]).get("link").asText());
        JsonNode answer = JsonProvider.MAPPER.readTree(frames.get(5)[1]);
        assertEquals(7, answer.get("conversation_id").asLong());
        assertEquals(1, answer.get("citations").size());
    }

    /**
     * Jersey buffers the first bytes of a response (its content-length buffer) and a flush does not send them: the
     * stream opens with a comment longer than that buffer, so every event after it reaches the client at once.
     */
    @Test
    void theStreamOpensWithACommentLongerThanJerseysBuffer() throws Exception {
        jakarta.ws.rs.core.Configuration config = mock(jakarta.ws.rs.core.Configuration.class);
        when(config.getProperty("jersey.config.server.contentLength.buffer")).thenReturn("100");
        List<Integer> writes = new ArrayList<>();
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                writes.add(1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writes.add(len);
            }
        };
        Response r = ai.query(q("which VMs?"), accept("text/event-stream"), caller("alice", Role.VIEWER), config);
        ((StreamingOutput) r.getEntity()).write(counting);
        assertTrue(writes.get(0) > 100, "first write " + writes.get(0));
        assertEquals(8192, AnswerStream.bufferSize(null));
        when(config.getProperty("jersey.config.server.contentLength.buffer")).thenReturn(0);
        writes.clear();
        ((StreamingOutput) ai.query(q("q"), accept("text/event-stream"), caller("alice", Role.VIEWER), config).getEntity()).write(counting);
        assertEquals(6, writes.size(), "no padding when Jersey does not buffer: " + writes);
    }

    @Test
    void aClientThatGoesAwayDoesNotStopTheAnswerFromBeingStored() throws Exception {
        Response r = ai.query(q("which VMs?"), accept("text/event-stream"), caller("alice", Role.VIEWER), null);
        int[] writes = {0};
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                writes[0]++;
                throw new IOException("Broken pipe");
            }
        };
        ((StreamingOutput) r.getEntity()).write(broken);
        assertEquals(1, fake.answered.size(), "the service ran to its end");
        assertEquals(1, writes[0], "no more writes after the first failure");
    }

    @Test
    void aStreamedRefusalStill404sBeforeStreamingAndLaterFailuresEndWithAnAnswerEvent() throws Exception {
        notFound(() -> ai.query(new AssistantResource.QueryRequest("q", 8L, null, null), accept("text/event-stream"),
                caller("alice", Role.VIEWER), null));
        invalid("provider", () -> ai.query(new AssistantResource.QueryRequest("q", null, null, "gpt"), accept("text/event-stream"),
                caller("alice", Role.VIEWER), null));
        fake.failure = ApiException.invalid("question", "too vague");
        Response r = ai.query(q("q"), accept("text/event-stream"), caller("alice", Role.VIEWER), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((StreamingOutput) r.getEntity()).write(out);
        List<String[]> frames = frames(out.toString(StandardCharsets.UTF_8));
        assertEquals("answer", frames.get(0)[0]);
        JsonNode error = JsonProvider.MAPPER.readTree(frames.get(0)[1]).get("error");
        assertEquals("invalid", error.get("code").asText());
        assertEquals("too vague", error.get("message").asText());
    }

    @Test
    void draftNeedsTheOperatorRoleAndTheAuditIsAdminOnly() throws Exception {
        ApiException e = assertThrows(ApiException.class, () -> kb.analyze(null, null, "true", null, caller("v", Role.VIEWER)));
        assertEquals(403, new ExceptionMappers().toResponse(e).getStatus());
        assertFalse(fake.analysed != null, "refused before the service");
        kb.analyze("6", "0.8", "true", "claude", caller("op", Role.OPERATOR));
        assertEquals(6, fake.analysed.staleMonths());
        assertEquals(0.8, fake.analysed.duplicateSimilarity());
        assertTrue(fake.analysed.draft());
        kb.analyze(null, null, "false", null, caller("v", Role.VIEWER));
        assertEquals(0, fake.analysed.staleMonths());
        assertEquals(Role.ADMIN, AuthFilter.required(AssistantResource.class, AssistantResource.class.getMethod("audit", String.class,
                String.class, jakarta.ws.rs.core.UriInfo.class)));
        assertEquals(Role.VIEWER, AuthFilter.required(AssistantResource.class, AssistantResource.class.getMethod("query",
                AssistantResource.QueryRequest.class, HttpHeaders.class, jakarta.ws.rs.container.ContainerRequestContext.class,
                jakarta.ws.rs.core.Configuration.class)));
    }
}
