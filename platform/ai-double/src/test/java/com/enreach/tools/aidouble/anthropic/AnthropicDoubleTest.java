package com.enreach.tools.aidouble.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnthropicDoubleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AnthropicDouble anthropic = new AnthropicDouble();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        anthropic.close();
    }

    private HttpResponse<String> post(String key, String version, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(anthropic.url() + "/v1/messages"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("x-api-key", key);
        }
        if (version != null) {
            b.header("anthropic-version", version);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return post(anthropic.apiKey(), "2023-06-01", body);
    }

    private static String request(boolean stream, String messages) {
        return "{\"model\":\"claude-test\",\"max_tokens\":100,\"stream\":" + stream + ",\"messages\":" + messages + "}";
    }

    private static List<String[]> events(String sse) {
        List<String[]> out = new ArrayList<>();
        for (String chunk : sse.split("\n\n")) {
            String[] lines = chunk.split("\n");
            out.add(new String[] {lines[0].substring("event: ".length()), lines[1].substring("data: ".length())});
        }
        return out;
    }

    @Test
    void streamsATextTurnAsAnthropicDoes() throws Exception {
        anthropic.enqueue(Turn.text("Three VMs run on esx-01."));
        HttpResponse<String> r = post(request(true, "[{\"role\":\"user\",\"content\":\"which VMs?\"}]"));
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElseThrow().startsWith("text/event-stream"));
        List<String[]> events = events(r.body());
        List<String> names = events.stream().map(e -> e[0]).toList();
        assertEquals(List.of("message_start", "ping", "content_block_start"), names.subList(0, 3));
        assertEquals(List.of("content_block_stop", "message_delta", "message_stop"), names.subList(names.size() - 3, names.size()));
        StringBuilder text = new StringBuilder();
        for (String[] e : events) {
            JsonNode data = JSON.readTree(e[1]);
            assertEquals(e[0], data.path("type").asText(), "the data's type repeats the event name");
            if (e[0].equals("content_block_delta")) {
                text.append(data.at("/delta/text").asText());
            }
        }
        assertEquals("Three VMs run on esx-01.", text.toString());
        assertEquals("end_turn", JSON.readTree(events.get(events.size() - 2)[1]).at("/delta/stop_reason").asText());
        assertEquals("claude-test", JSON.readTree(events.get(0)[1]).at("/message/model").asText());
    }

    @Test
    void streamsToolInputAsJsonDeltasThatJoinToTheInput() throws Exception {
        anthropic.enqueue(Turn.toolUse("find_entities", "{\"query\": \"esx-ams-0003\", \"limit\": 5}"));
        List<String[]> events = events(post(request(true, "[{\"role\":\"user\",\"content\":\"hi\"}]")).body());
        StringBuilder json = new StringBuilder();
        String name = null;
        for (String[] e : events) {
            JsonNode data = JSON.readTree(e[1]);
            if (e[0].equals("content_block_start")) {
                name = data.at("/content_block/name").asText();
                assertTrue(data.at("/content_block/id").asText().startsWith("toolu_"));
            }
            json.append(data.at("/delta/partial_json").asText(""));
        }
        assertEquals("find_entities", name);
        assertEquals(JSON.readTree("{\"query\": \"esx-ams-0003\", \"limit\": 5}"), JSON.readTree(json.toString()));
        assertEquals("tool_use", JSON.readTree(events.get(events.size() - 2)[1]).at("/delta/stop_reason").asText());
    }

    @Test
    void answersOneJsonMessageWithoutStream() throws Exception {
        JsonNode m = JSON.readTree(post(request(false, "[{\"role\":\"user\",\"content\":\"how are backups doing?\"}]")).body());
        assertEquals("message", m.path("type").asText());
        assertEquals("end_turn", m.path("stop_reason").asText());
        String text = m.at("/content/0/text").asText();
        assertTrue(text.startsWith(AnthropicDouble.DEFAULT_PREFIX), text);
        assertTrue(text.contains("how are backups doing?"), text);
    }

    @Test
    void refusesAWrongKeyAndNeverRecordsTheKey() throws Exception {
        HttpResponse<String> r = post("sk-wrong", "2023-06-01", request(false, "[{\"role\":\"user\",\"content\":\"x\"}]"));
        assertEquals(401, r.statusCode());
        assertEquals("authentication_error", JSON.readTree(r.body()).at("/error/type").asText());
        post(request(false, "[{\"role\":\"user\",\"content\":\"x\"}]"));
        RecordedRequest wrong = anthropic.requests().get(0);
        assertFalse(wrong.keyAccepted());
        assertTrue(anthropic.requests().get(1).keyAccepted());
        assertNull(wrong.header("x-api-key"));
        assertEquals("2023-06-01", wrong.header("anthropic-version"));
        assertFalse(anthropic.requests().toString().contains(anthropic.apiKey()));
    }

    @Test
    void refusesBadShapesWithInvalidRequestError() throws Exception {
        String ok = "[{\"role\":\"user\",\"content\":\"x\"}]";
        assertInvalid(post(anthropic.apiKey(), null, request(false, ok)), "anthropic-version");
        assertInvalid(post("{\"max_tokens\":10,\"messages\":" + ok + "}"), "model: Field required");
        assertInvalid(post("{\"model\":\"m\",\"messages\":" + ok + "}"), "max_tokens: Field required");
        assertInvalid(post(request(false, "[]")), "at least one message");
        assertInvalid(post(request(false, "[{\"role\":\"assistant\",\"content\":\"x\"}]")), "first message must use the \"user\" role");
        assertInvalid(post(request(false, "[{\"role\":\"user\",\"content\":\"x\"},{\"role\":\"user\",\"content\":\"y\"}]")),
                "roles must alternate");
        assertInvalid(post(request(false, "[{\"role\":\"user\",\"content\":\"x\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"t\",\"input\":{}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_2\",\"content\":\"r\"}]}]")),
                "unexpected `tool_use_id` found in `tool_result` blocks: toolu_2");
    }

    @Test
    void acceptsAToolResultAnsweringThePreviousToolUse() throws Exception {
        HttpResponse<String> r = post(request(false, "[{\"role\":\"user\",\"content\":\"x\"},"
                + "{\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"t\",\"input\":{}}]},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_1\",\"content\":\"r\"}]}]"));
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void playsScriptedFaultsInOrder() throws Exception {
        anthropic.enqueue(Fault.rateLimited("17"), Fault.overloaded(), Fault.errorEvent("overloaded_error", "Overloaded"),
                Fault.truncated());
        String body = request(true, "[{\"role\":\"user\",\"content\":\"a question of several words\"}]");
        HttpResponse<String> limited = post(body);
        assertEquals(429, limited.statusCode());
        assertEquals("17", limited.headers().firstValue("retry-after").orElseThrow());
        assertEquals("rate_limit_error", JSON.readTree(limited.body()).at("/error/type").asText());
        HttpResponse<String> overloaded = post(body);
        assertEquals(529, overloaded.statusCode());
        assertEquals("overloaded_error", JSON.readTree(overloaded.body()).at("/error/type").asText());
        List<String> names = events(post(body).body()).stream().map(e -> e[0]).toList();
        assertEquals("error", names.get(names.size() - 1));
        List<String> truncated = events(post(body).body()).stream().map(e -> e[0]).toList();
        assertFalse(truncated.contains("message_stop"));
        assertTrue(truncated.contains("content_block_delta"));
        assertEquals(200, post(body).statusCode(), "the queue is empty again: the responder answers");
    }

    @Test
    void theResponderAnswersWhatTheQueueDoesNotCover() throws Exception {
        anthropic.respondWith(req -> Turn.text("model was " + req.path("model").asText()));
        JsonNode m = JSON.readTree(post(request(false, "[{\"role\":\"user\",\"content\":\"x\"}]")).body());
        assertEquals("model was claude-test", m.at("/content/0/text").asText());
    }

    private static void assertInvalid(HttpResponse<String> r, String message) throws Exception {
        assertEquals(400, r.statusCode(), r.body());
        JsonNode error = JSON.readTree(r.body());
        assertEquals("error", error.path("type").asText());
        assertEquals("invalid_request_error", error.at("/error/type").asText());
        assertTrue(error.at("/error/message").asText().contains(message), error.toString());
    }
}
