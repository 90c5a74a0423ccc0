package com.enreach.tools.ai.openai.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.enreach.tools.aidouble.openai.Fault;
import com.enreach.tools.aidouble.openai.OpenAiDouble;
import com.enreach.tools.aidouble.openai.Turn;
import com.enreach.tools.api.ai.AiException;
import com.enreach.tools.api.ai.AiException.Kind;
import com.enreach.tools.api.ai.ChatMessage;
import com.enreach.tools.api.ai.ChatRequest;
import com.enreach.tools.api.ai.ContentBlock;

class OpenAiErrorsTest {
    static final String KEY = OpenAiProviderTest.KEY;
    private OpenAiDouble openai = OpenAiDouble.start(KEY);

    @AfterEach
    void close() {
        openai.close();
    }

    private AiException failure(String... more) {
        List<String> kv = new java.util.ArrayList<>(List.of("base.url", openai.url(), "model", "gpt-4o-mini", ".password",
                KEY, "timeout", "1"));
        kv.addAll(List.of(more));
        OpenAiProvider p = Configs.provider("eu", kv.toArray(String[]::new));
        AiException e = assertThrows(AiException.class,
                () -> p.chat(new ChatRequest(null, List.of(ChatMessage.user("q")), List.of(), 0, null), null));
        assertEquals("eu", e.provider());
        assertTrue(e.getMessage().contains("openai provider 'eu'"), e.getMessage());
        assertFalse(e.getMessage().contains(KEY), e.getMessage());
        return e;
    }

    @Test
    void aWrongKeyIsAnAuthenticationErrorWithoutEvenTheMaskedKey() {
        AiException e = failure(".password", "sk-wrong-key-abcdefghijkl");
        assertEquals(Kind.AUTHENTICATION, e.kind());
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("HTTP 401") && e.getMessage().contains("Incorrect API key provided"),
                e.getMessage());
        assertFalse(e.getMessage().contains("sk-w"), "the masked key OpenAI echoes is scrubbed: " + e.getMessage());
        assertTrue(e.getMessage().contains("etc/ai.openai-eu.cfg"), e.getMessage());
    }

    @Test
    void forbiddenIsAnAuthenticationError() {
        openai.fail(Fault.status(403, "invalid_request_error", "unsupported_country_region_territory",
                "Country, region, or territory not supported"));
        AiException e = failure();
        assertEquals(Kind.AUTHENTICATION, e.kind());
        assertTrue(e.getMessage().contains("Country, region, or territory not supported"), e.getMessage());
    }

    @Test
    void rateLimitCarriesRetryAfterSeconds() {
        openai.fail(Fault.rateLimited("7"));
        AiException e = failure();
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertTrue(e.retryable());
        assertEquals(Duration.ofSeconds(7), e.retryAfter());
        assertTrue(e.getMessage().contains("retry after 7 s"), e.getMessage());
    }

    @Test
    void rateLimitPrefersRetryAfterMs() {
        openai.fail(Fault.rateLimited("7").header("retry-after-ms", "1500"));
        assertEquals(Duration.ofMillis(1500), failure().retryAfter());
    }

    @Test
    void rateLimitFallsBackToTheRequestsResetHeader() {
        openai.fail(Fault.status(429, "requests", "rate_limit_exceeded", "slow down")
                .header("x-ratelimit-reset-requests", "1m30s"));
        AiException e = failure();
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(Duration.ofSeconds(90), e.retryAfter());
    }

    @Test
    void rateLimitWithoutAnyHintHasNoRetryAfter() {
        openai.fail(Fault.status(429, "insufficient_quota", "insufficient_quota", "You exceeded your current quota"));
        AiException e = failure();
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertNull(e.retryAfter());
        assertTrue(e.getMessage().contains("You exceeded your current quota"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"500, UNAVAILABLE", "502, UNAVAILABLE", "503, OVERLOADED", "529, OVERLOADED",
            "400, BAD_REQUEST", "404, BAD_REQUEST", "422, BAD_REQUEST"})
    void statusesMapOntoKinds(int status, Kind kind) {
        openai.fail(Fault.status(status, "some_error", null, "vendor says " + status));
        AiException e = failure();
        assertEquals(kind, e.kind());
        assertTrue(e.getMessage().contains("HTTP " + status + ": vendor says " + status), e.getMessage());
    }

    @Test
    void aBodyTheEndpointRejectsIsABadRequestWithItsMessage() {
        OpenAiProvider p = Configs.provider("eu", "base.url", openai.url(), "model", "m", ".password", KEY);
        // a tool result answering no earlier call: the double refuses it as OpenAI does
        ChatRequest orphan = new ChatRequest(null, List.of(new ChatMessage("user",
                List.of(ContentBlock.toolResult("call_nowhere", "x", false)))), List.of(), 0, null);
        AiException e = assertThrows(AiException.class, () -> p.chat(orphan, null));
        assertEquals(Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("must be a response to a preceeding message with 'tool_calls'"), e.getMessage());
    }

    @Test
    void anUnknownDeploymentNamesTheFieldsToCheck() {
        openai.requireApiVersion("2024-10-21");
        AiException e = failure();
        assertEquals(Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("HTTP 404: Resource not found") && e.getMessage().contains("check base.url"),
                e.getMessage());
    }

    @Test
    void anErrorInsideTheStreamIsReported() {
        openai.fail(Fault.errorInStream("server_error", "The server had an error while processing your request."));
        AiException e = failure();
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("in the stream: The server had an error"), e.getMessage());
    }

    @Test
    void aRateLimitInsideTheStreamIsRateLimited() {
        openai.fail(Fault.errorInStream("rate_limit_exceeded", "Too many tokens"));
        assertEquals(Kind.RATE_LIMITED, failure().kind());
    }

    @Test
    void aTruncatedStreamIsMalformed() {
        openai.fail(Fault.truncated());
        AiException e = failure();
        assertEquals(Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("ended before the answer was complete"), e.getMessage());
    }

    @Test
    void anUnparseableChunkIsMalformed() {
        openai.fail(Fault.malformedChunk());
        AiException e = failure();
        assertEquals(Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
    }

    @Test
    void noAnswerWithinTheTimeoutIsATimeout() {
        openai.fail(Fault.stallBeforeHeaders());
        AiException e = failure();
        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(e.retryable());
    }

    @Test
    void aStreamThatStallsIsATimeout() {
        openai.fail(Fault.stallInStream());
        assertEquals(Kind.TIMEOUT, failure().kind());
    }

    @Test
    void aContentFilterStopIsReported() {
        openai.enqueue(Turn.text("").finishedBy("content_filter"));
        AiException e = failure();
        assertEquals(Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("content filter"), e.getMessage());
    }

    @Test
    void anEndpointNobodyListensOnIsUnavailable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        AiException e = failure("base.url", "http://127.0.0.1:" + port + "/v1");
        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("cannot be reached"), e.getMessage());
    }

    @Test
    void theProviderStillAnswersAfterAFailure() {
        openai.fail(Fault.truncated());
        failure();
        OpenAiProvider p = Configs.provider("eu", "base.url", openai.url(), "model", "m", ".password", KEY);
        assertEquals("Generated by the OpenAI double: again",
                p.chat(new ChatRequest(null, List.of(ChatMessage.user("again")), List.of(), 0, null), null).text());
    }

    @Test
    void goDurationsAreParsed() {
        assertEquals(Duration.ofMillis(20), Failures.goDuration("20ms").orElseThrow());
        assertEquals(Duration.ofMillis(6500), Failures.goDuration("6.5s").orElseThrow());
        assertEquals(Duration.ofHours(1).plusMinutes(2), Failures.goDuration("1h2m0s").orElseThrow());
        assertTrue(Failures.goDuration("soon").isEmpty());
    }
}
