package com.enreach.tools.ai.openai.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.enreach.tools.api.ai.ChatMessage;
import com.enreach.tools.api.ai.ChatRequest;
import com.enreach.tools.api.ai.ChatResponse;
import com.sun.net.httpserver.HttpServer;

/** Compatible servers that differ from OpenAI in small ways the provider copes with. */
class OtherServersTest {
    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private OpenAiProvider serving(String contentType, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", ex -> {
            ex.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", contentType);
            ex.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return Configs.provider("other", "base.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                "model", "local", "auth", "none");
    }

    private static final ChatRequest Q = new ChatRequest(null, List.of(ChatMessage.user("q")), List.of(), 0, null);

    @Test
    void aWholeJsonAnswerToAStreamingRequestIsUnderstood() throws IOException {
        OpenAiProvider p = serving("application/json", "{\"id\":\"x\",\"object\":\"chat.completion\",\"model\":\"local-7b\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\","
                + "\"type\":\"function\",\"function\":{\"name\":\"count\",\"arguments\":\"{\\\"kind\\\":\\\"vm\\\"}\"}}]},"
                + "\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":3}}");
        ChatResponse r = p.chat(Q, null);
        assertEquals("tool_use", r.stopReason());
        assertEquals("{\"kind\":\"vm\"}", r.toolCalls().get(0).inputJson());
        assertEquals("local-7b", r.model());
        assertEquals(11, r.inputTokens());
    }

    @Test
    void commentsEventLinesCrLfAndAMissingDoneAfterFinishAreFine() throws IOException {
        String chunk = "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"finish_reason\":%s}]}";
        OpenAiProvider p = serving("text/event-stream", ": keep-alive\r\n\r\nevent: message\r\ndata: "
                + String.format(chunk, "Hel", "null") + "\r\n\r\n: OPENROUTER PROCESSING\r\n\r\ndata: "
                + String.format(chunk, "lo", "\"stop\"") + "\r\n\r\n");
        List<String> deltas = new ArrayList<>();
        ChatResponse r = p.chat(Q, deltas::add);
        assertEquals("Hello", r.text());
        assertEquals(List.of("Hel", "lo"), deltas);
        assertEquals("end_turn", r.stopReason());
        assertEquals("local", r.model(), "no model in the chunks: the configured one");
    }
}
