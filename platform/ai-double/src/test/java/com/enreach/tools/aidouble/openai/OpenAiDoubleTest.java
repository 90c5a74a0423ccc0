package com.enreach.tools.aidouble.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The double speaks OpenAI's wire format: checked against the shapes of the published OpenAPI description. */
class OpenAiDoubleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk-double-key-123456";
    private final HttpClient http = HttpClient.newHttpClient();
    private OpenAiDouble openai = OpenAiDouble.start(KEY);

    @AfterEach
    void close() {
        openai.close();
    }

    private HttpResponse<String> post(String url, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> chat(String body) throws IOException, InterruptedException {
        return post(openai.url() + "/chat/completions", body, "Authorization", "Bearer " + KEY);
    }

    private static List<String> data(String sse) {
        List<String> out = new ArrayList<>();
        for (String event : sse.split("\n\n")) {
            assertTrue(event.startsWith("data: "), event);
            out.add(event.substring(6));
        }
        return out;
    }

    @Test
    void streamsRoleContentToolCallsFinishUsageAndDone() throws Exception {
        openai.enqueue(new Turn("Checking the host.", List.of(new Turn.ToolCall("call_1", "find_entities",
                "{\"query\":\"esx-ams-0003\"}")), null));
        HttpResponse<String> r = chat("{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        List<String> events = data(r.body());
        assertEquals("[DONE]", events.get(events.size() - 1));
        List<JsonNode> chunks = new ArrayList<>();
        for (String e : events.subList(0, events.size() - 1)) {
            chunks.add(JSON.readTree(e));
        }
        JsonNode first = chunks.get(0);
        assertEquals("chat.completion.chunk", first.path("object").asText());
        assertEquals("assistant", first.path("choices").path(0).path("delta").path("role").asText());
        StringBuilder text = new StringBuilder();
        StringBuilder args = new StringBuilder();
        int argChunks = 0;
        String finish = null;
        for (JsonNode c : chunks) {
            assertEquals(first.path("id").asText(), c.path("id").asText(), "every chunk has the same id");
            JsonNode choice = c.path("choices").path(0);
            text.append(choice.path("delta").path("content").asText(""));
            for (JsonNode tc : choice.path("delta").path("tool_calls")) {
                assertEquals(0, tc.path("index").asInt());
                args.append(tc.path("function").path("arguments").asText(""));
                argChunks++;
            }
            if (choice.hasNonNull("finish_reason")) {
                finish = choice.path("finish_reason").asText();
            }
        }
        assertEquals("Checking the host.", text.toString());
        assertEquals("{\"query\":\"esx-ams-0003\"}", args.toString());
        assertTrue(argChunks > 2, "arguments are split across chunks");
        assertEquals("tool_calls", finish);
        JsonNode usage = chunks.get(chunks.size() - 1);
        assertTrue(usage.path("choices").isArray() && usage.path("choices").isEmpty());
        assertTrue(usage.path("usage").path("total_tokens").asInt() > 0);
        assertTrue(chunks.get(1).path("usage").isNull(), "other chunks carry usage: null");
    }

    @Test
    void answersWithoutStreamingWithOneCompletion() throws Exception {
        openai.enqueue(Turn.text("plain"));
        JsonNode r = JSON.readTree(chat("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").body());
        assertEquals("chat.completion", r.path("object").asText());
        assertEquals("plain", r.path("choices").path(0).path("message").path("content").asText());
        assertEquals("stop", r.path("choices").path(0).path("finish_reason").asText());
        assertTrue(r.path("usage").path("prompt_tokens").asInt() > 0);
    }

    @Test
    void theDefaultResponderEchoesTheStartOfTheLastUserMessage() throws Exception {
        JsonNode r = JSON.readTree(chat("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"first\"},"
                + "{\"role\":\"assistant\",\"content\":\"ok\"},{\"role\":\"user\",\"content\":[{\"type\":\"text\","
                + "\"text\":\"which VMs lack a backup?\"}]}]}").body());
        assertEquals("Generated by the OpenAI double: which VMs lack a backup?",
                r.path("choices").path(0).path("message").path("content").asText());
    }

    @Test
    void aResponderAnswersWhenNothingIsScripted() throws Exception {
        openai.respondWith(req -> Turn.text("model was " + req.json().path("model").asText()));
        JsonNode r = JSON.readTree(chat("{\"model\":\"llama3\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}").body());
        assertEquals("model was llama3", r.path("choices").path(0).path("message").path("content").asText());
    }

    @Test
    void aWrongOrMissingKeyIs401AndTheRecordingHoldsNoKey() throws Exception {
        HttpResponse<String> none = post(openai.url() + "/chat/completions", "{}");
        assertEquals(401, none.statusCode());
        assertTrue(none.body().contains("You didn't provide an API key"));
        HttpResponse<String> wrong = post(openai.url() + "/chat/completions", "{}", "Authorization", "Bearer sk-other-1234567890");
        assertEquals(401, wrong.statusCode());
        assertEquals("invalid_api_key", JSON.readTree(wrong.body()).path("error").path("code").asText());
        for (RecordedRequest r : openai.requests()) {
            assertFalse(r.headers().toString().contains("sk-"), r.headers().toString());
        }
    }

    @Test
    void azureModeWantsTheApiKeyHeaderAndTheApiVersion() throws Exception {
        openai.close();
        openai = OpenAiDouble.start(OpenAiDouble.Auth.API_KEY, KEY).requireApiVersion("2024-10-21");
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
        String url = openai.azureUrl("dep") + "/chat/completions";
        assertEquals(401, post(url + "?api-version=2024-10-21", body, "Authorization", "Bearer " + KEY).statusCode());
        assertEquals(404, post(url, body, "api-key", KEY).statusCode());
        assertEquals(200, post(url + "?api-version=2024-10-21", body, "api-key", KEY).statusCode());
    }

    @Test
    void badBodiesAre400LikeOpenAi() throws Exception {
        assertBad("{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}", "model");
        assertBad("{\"model\":\"m\",\"messages\":[]}", "messages");
        assertBad("{\"model\":\"m\",\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}", "messages[0].role");
        assertBad("{\"model\":\"m\",\"messages\":[{\"role\":\"tool\",\"tool_call_id\":\"c9\",\"content\":\"x\"}]}",
                "messages[0].role");
        assertBad("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"},{\"role\":\"assistant\","
                + "\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"f\","
                + "\"arguments\":\"{}\"}}]},{\"role\":\"user\",\"content\":\"y\"}]}", "messages.[2].role");
        assertBad("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"tools\":[{\"type\":\"function\","
                + "\"function\":{\"name\":\"bad name\"}}]}", "tools[0].function.name");
        assertBad("{\"model\":\"m\",\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\","
                + "\"content\":\"x\"}]}", "stream_options");
        // and the well-formed tool round trip is accepted
        assertEquals(200, chat("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"},{\"role\":\"assistant\","
                + "\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"f\","
                + "\"arguments\":\"{}\"}}]},{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"42\"}]}").statusCode());
    }

    private void assertBad(String body, String param) throws Exception {
        HttpResponse<String> r = chat(body);
        assertEquals(400, r.statusCode(), body);
        JsonNode error = JSON.readTree(r.body()).path("error");
        assertEquals("invalid_request_error", error.path("type").asText());
        assertEquals(param, error.path("param").asText(), error.toString());
        assertFalse(error.path("message").asText().isBlank());
    }

    @Test
    void faultsArePlayedOncePerRequestInOrder() throws Exception {
        openai.fail(Fault.rateLimited("3")).fail(Fault.truncated());
        String body = "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
        HttpResponse<String> limited = chat(body);
        assertEquals(429, limited.statusCode());
        assertEquals("3", limited.headers().firstValue("retry-after").orElseThrow());
        String truncated = chat(body).body();
        assertFalse(truncated.contains("[DONE]") || truncated.contains("finish_reason\":\"stop"), truncated);
        assertTrue(chat(body).body().endsWith("data: [DONE]\n\n"));
        assertEquals(3, openai.requests().size());
    }

    @Test
    void errorsInTheStreamAndMalformedChunksLookLikeTheirNames() throws Exception {
        openai.fail(Fault.errorInStream("server_error", "boom")).fail(Fault.malformedChunk());
        String body = "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}";
        List<String> events = data(chat(body).body());
        assertEquals("boom", JSON.readTree(events.get(events.size() - 1)).path("error").path("message").asText());
        List<String> bad = data(chat(body).body());
        assertThrowsJson(bad.get(bad.size() - 1));
    }

    private static void assertThrowsJson(String text) {
        try {
            JSON.readTree(text);
        } catch (IOException expected) {
            return;
        }
        throw new AssertionError("expected unparseable JSON: " + text);
    }
}
