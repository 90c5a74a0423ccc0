package com.enreach.tools.ai.anthropic.internal;

import com.enreach.tools.aidouble.anthropic.AnthropicDouble;
import com.enreach.tools.aidouble.anthropic.Fault;
import com.enreach.tools.aidouble.anthropic.Turn;
import com.enreach.tools.api.ai.AiException;
import com.enreach.tools.api.ai.AiException.Kind;
import com.enreach.tools.api.ai.ChatMessage;
import com.enreach.tools.api.ai.ChatRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every failure becomes an AiException of the right kind, with a message naming the instance and never the key. */
class ProviderErrorsTest {
    private static final ChatRequest QUESTION = new ChatRequest(null,
            List.of(ChatMessage.user("which VMs on esx-ams-0003 have no backup this week?")), List.of(), 0, null);
    private final AnthropicDouble anthropic = new AnthropicDouble();
    private final List<AnthropicProvider> providers = new ArrayList<>();

    @AfterEach
    void close() {
        providers.forEach(AnthropicProvider::close);
        anthropic.close();
    }

    private AiException fails(Object... overrides) {
        return fails(QUESTION, overrides);
    }

    private AiException fails(ChatRequest request, Object... overrides) {
        AnthropicProvider provider = Doubles.provider(anthropic, overrides);
        providers.add(provider);
        AiException e = assertThrows(AiException.class, () -> provider.chat(request, null));
        assertEquals("test", e.provider());
        assertTrue(e.getMessage().startsWith("Anthropic provider 'test': "), e.getMessage());
        assertFalse(e.getMessage().contains(anthropic.apiKey()), "never the key: " + e.getMessage());
        return e;
    }

    @Test
    void aWrongKeyIsAnAuthenticationError() {
        AiException e = fails(".password", "sk-ant-wrong-key-4242");
        assertEquals(Kind.AUTHENTICATION, e.kind());
        assertTrue(e.getMessage().contains("HTTP 401 authentication_error: invalid x-api-key"), e.getMessage());
        assertFalse(e.getMessage().contains("sk-ant-wrong-key-4242"));
        assertFalse(e.retryable());
    }

    @Test
    void aForbiddenKeyIsAnAuthenticationError() {
        anthropic.enqueue(Fault.status(403, "permission_error", "Your API key does not have permission to use the specified resource."));
        AiException e = fails();
        assertEquals(Kind.AUTHENTICATION, e.kind());
        assertTrue(e.getMessage().contains("does not have permission"), e.getMessage());
    }

    @Test
    void aRateLimitCarriesRetryAfterInSeconds() {
        anthropic.enqueue(Fault.rateLimited("17"));
        AiException e = fails();
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(Duration.ofSeconds(17), e.retryAfter());
        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("retry after 17 s"), e.getMessage());
        assertEquals(1, anthropic.requests().size(), "the provider does not retry on its own");
    }

    @Test
    void aRateLimitCarriesRetryAfterAsAnHttpDate() {
        String inAnHour = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusHours(1));
        anthropic.enqueue(Fault.rateLimited(inAnHour));
        AiException e = fails();
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertTrue(e.retryAfter().compareTo(Duration.ofMinutes(30)) > 0, "about an hour: " + e.retryAfter());
    }

    @Test
    void aRateLimitWithoutRetryAfterHasNone() {
        anthropic.enqueue(Fault.rateLimited(null));
        assertNull(fails().retryAfter());
    }

    @Test
    void status529IsOverloaded() {
        anthropic.enqueue(Fault.overloaded());
        AiException e = fails();
        assertEquals(Kind.OVERLOADED, e.kind());
        assertTrue(e.getMessage().contains("HTTP 529 overloaded_error: Overloaded"), e.getMessage());
    }

    @Test
    void anOverloadedErrorEventMidStreamIsOverloaded() {
        anthropic.enqueue(Fault.errorEvent("overloaded_error", "Overloaded"));
        AiException e = fails();
        assertEquals(Kind.OVERLOADED, e.kind());
        assertTrue(e.getMessage().contains("error event mid-stream overloaded_error"), e.getMessage());
    }

    @Test
    void aServerErrorIsUnavailableAndA503Overloaded() {
        anthropic.enqueue(Fault.status(500, "api_error", "Internal server error"), Fault.status(503, "api_error", "Service unavailable"));
        assertEquals(Kind.UNAVAILABLE, fails().kind());
        AiException e = fails();
        assertEquals(Kind.OVERLOADED, e.kind());
        assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
    }

    @Test
    void aRefusedRequestIsABadRequestWithAnthropicsMessage() {
        ChatRequest startsWithAssistant = new ChatRequest(null, List.of(ChatMessage.assistant("hello")), List.of(), 0, null);
        AiException e = fails(startsWithAssistant);
        assertEquals(Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("HTTP 400 invalid_request_error: messages: first message must use the \"user\" role"),
                e.getMessage());
    }

    @Test
    void anUnknownModelIsABadRequest() {
        anthropic.enqueue(Fault.status(404, "not_found_error", "model: claude-nope"));
        AiException e = fails();
        assertEquals(Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("model: claude-nope"), e.getMessage());
    }

    @Test
    void aWrongBasePathIsABadRequestNamingIt() {
        AiException e = fails("base.url", anthropic.url() + "/proxy");
        assertEquals(Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("Not found: POST /proxy/v1/messages"), e.getMessage());
    }

    @Test
    void noAnswerWithinTheTimeoutIsATimeout() {
        anthropic.enqueue(Fault.stall(Duration.ofSeconds(30)));
        AiException e = fails("timeout", "1");
        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(e.getMessage().contains("no answer within 1 s"), e.getMessage());
    }

    @Test
    void aStreamThatStallsIsATimeout() {
        anthropic.enqueue(Fault.stallMidStream(Duration.ofSeconds(30)));
        assertEquals(Kind.TIMEOUT, fails("timeout", "1").kind());
    }

    @Test
    void aTruncatedStreamIsMalformedAndTheTextSoFarWasStreamed() {
        anthropic.enqueue(Fault.truncated());
        List<String> deltas = new ArrayList<>();
        AnthropicProvider provider = Doubles.provider(anthropic);
        providers.add(provider);
        AiException e = assertThrows(AiException.class, () -> provider.chat(QUESTION, deltas::add));
        assertEquals(Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("before message_stop"), e.getMessage());
        assertFalse(deltas.isEmpty(), "the listener saw the text that did arrive");
    }

    @Test
    void anUnparseableEventIsMalformed() {
        anthropic.enqueue(Fault.malformedEvent());
        assertEquals(Kind.MALFORMED, fails().kind());
    }

    @Test
    void toolInputThatIsNotJsonIsMalformed() {
        anthropic.enqueue(Turn.toolUse("count_entities", "[1, 2]"));
        AiException e = fails();
        assertEquals(Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("input of tool call count_entities"), e.getMessage());
    }

    @Test
    void aClosedPortIsUnavailable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        AiException e = fails("base.url", "http://127.0.0.1:" + port);
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("cannot reach http://127.0.0.1:" + port), e.getMessage());
        assertTrue(e.retryable());
    }

    @Test
    void theCallersOwnListenerFailureIsNotDisguised() {
        AnthropicProvider provider = Doubles.provider(anthropic);
        providers.add(provider);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> provider.chat(QUESTION, d -> {
            throw new IllegalStateException("client went away");
        }));
        assertEquals("client went away", e.getMessage());
    }

    @Test
    void aToolCallWithInputThatIsNotAnObjectIsRefusedBeforeSending() {
        ChatRequest bad = new ChatRequest(null, List.of(ChatMessage.user("x"),
                new ChatMessage("assistant", List.of(com.enreach.tools.api.ai.ContentBlock.toolUse("t1", "t", "not json")))),
                List.of(), 0, null);
        AiException e = fails(bad);
        assertEquals(Kind.BAD_REQUEST, e.kind());
        assertNotNull(e.getMessage());
        assertTrue(anthropic.requests().isEmpty());
    }
}
