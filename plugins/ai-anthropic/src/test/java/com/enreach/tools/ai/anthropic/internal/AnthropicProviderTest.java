package com.enreach.tools.ai.anthropic.internal;

import com.enreach.tools.aidouble.anthropic.AnthropicDouble;
import com.enreach.tools.aidouble.anthropic.RecordedRequest;
import com.enreach.tools.aidouble.anthropic.Turn;
import com.enreach.tools.api.ai.ChatMessage;
import com.enreach.tools.api.ai.ChatRequest;
import com.enreach.tools.api.ai.ChatResponse;
import com.enreach.tools.api.ai.ContentBlock;
import com.enreach.tools.api.ai.ToolSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnthropicProviderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ToolSpec COUNT = new ToolSpec("count_entities", "Counts entities of a kind",
            "{\"type\":\"object\",\"properties\":{\"kind\":{\"type\":\"string\"}},\"required\":[\"kind\"]}");
    private final AnthropicDouble anthropic = new AnthropicDouble();
    private final AnthropicProvider provider = Doubles.provider(anthropic);

    @AfterEach
    void close() {
        provider.close();
        anthropic.close();
    }

    @Test
    void streamsTextToTheListenerAndReturnsTheWholeTurn() throws Exception {
        anthropic.enqueue(Turn.text("Three VMs run on esx-ams-0003 [1]."));
        List<String> deltas = new ArrayList<>();
        ChatResponse r = provider.chat(new ChatRequest("Answer with citations.", List.of(ChatMessage.user("Which VMs?")),
                List.of(), 0, null), deltas::add);
        assertTrue(deltas.size() > 1, "the text arrives in pieces: " + deltas);
        assertEquals("Three VMs run on esx-ams-0003 [1].", String.join("", deltas));
        assertEquals("Three VMs run on esx-ams-0003 [1].", r.text());
        assertEquals("end_turn", r.stopReason());
        assertEquals("claude-test", r.model());
        assertTrue(r.inputTokens() > 0 && r.outputTokens() > 0);

        RecordedRequest sent = anthropic.requests().get(0);
        assertTrue(sent.keyAccepted(), "the key goes as x-api-key");
        assertEquals("2023-06-01", sent.header("anthropic-version"));
        assertNull(sent.header("authorization"), "no bearer token besides the key");
        assertEquals("/v1/messages", sent.path());
        JsonNode body = sent.body();
        assertTrue(body.path("stream").asBoolean());
        assertEquals("claude-test", body.path("model").asText());
        assertEquals(1024, body.path("max_tokens").asInt(), "the configured default");
        assertEquals(0.2, body.path("temperature").asDouble(), 1e-9);
        assertEquals("Answer with citations.", body.path("system").asText());
        assertEquals("Which VMs?", body.at("/messages/0/content/0/text").asText());
        assertFalse(body.has("tools"));
    }

    @Test
    void theRequestsOwnBudgetAndTemperatureWinOverTheDefaults() {
        provider.chat(new ChatRequest(null, List.of(ChatMessage.user("x")), List.of(), 77, 0.9), null);
        JsonNode body = anthropic.requests().get(0).body();
        assertEquals(77, body.path("max_tokens").asInt());
        assertEquals(0.9, body.path("temperature").asDouble(), 1e-9);
        assertFalse(body.has("system"));
    }

    @Test
    void aToolUseRoundTrip() throws Exception {
        anthropic.enqueue(Turn.of("tool_use", Turn.Block.text("Let me count."),
                Turn.Block.toolUse("toolu_01", "count_entities", "{\"kind\": \"vm\", \"filter\": {\"host\": \"esx-01\"}}")),
                Turn.text("There are 12 VMs [1]."));
        ChatMessage question = ChatMessage.user("How many VMs on esx-01?");
        ChatResponse first = provider.chat(new ChatRequest(null, List.of(question), List.of(COUNT), 0, null), null);
        assertEquals("tool_use", first.stopReason());
        assertEquals("Let me count.", first.text());
        ContentBlock call = first.toolCalls().get(0);
        assertEquals("toolu_01", call.toolUseId());
        assertEquals("count_entities", call.toolName());
        assertEquals(JSON.readTree("{\"kind\": \"vm\", \"filter\": {\"host\": \"esx-01\"}}"), JSON.readTree(call.inputJson()));

        ChatMessage answer = new ChatMessage("assistant", first.content());
        ChatMessage result = new ChatMessage("user", List.of(ContentBlock.toolResult("toolu_01", "{\"count\": 12}", false)));
        ChatResponse second = provider.chat(new ChatRequest(null, List.of(question, answer, result), List.of(COUNT), 0, null), null);
        assertEquals("There are 12 VMs [1].", second.text());
        assertEquals("end_turn", second.stopReason());

        JsonNode firstBody = anthropic.requests().get(0).body();
        assertEquals("count_entities", firstBody.at("/tools/0/name").asText());
        assertEquals("Counts entities of a kind", firstBody.at("/tools/0/description").asText());
        assertEquals("string", firstBody.at("/tools/0/input_schema/properties/kind/type").asText());
        JsonNode secondBody = anthropic.requests().get(1).body();
        assertEquals("tool_use", secondBody.at("/messages/1/content/1/type").asText());
        assertEquals("vm", secondBody.at("/messages/1/content/1/input/kind").asText());
        assertEquals("toolu_01", secondBody.at("/messages/2/content/0/tool_use_id").asText());
        assertEquals("{\"count\": 12}", secondBody.at("/messages/2/content/0/content").asText());
        assertFalse(secondBody.at("/messages/2/content/0").has("is_error"));
    }

    @Test
    void aFailedToolCallIsMarkedAsAnError() {
        anthropic.enqueue(Turn.toolUse("count_entities", "{}"), Turn.text("Sorry."));
        ChatMessage q = ChatMessage.user("x");
        ChatResponse first = provider.chat(new ChatRequest(null, List.of(q), List.of(COUNT), 0, null), null);
        String id = first.toolCalls().get(0).toolUseId();
        provider.chat(new ChatRequest(null, List.of(q, new ChatMessage("assistant", first.content()),
                new ChatMessage("user", List.of(ContentBlock.toolResult(id, "kind is required", true)))), List.of(COUNT), 0, null), null);
        assertTrue(anthropic.requests().get(1).body().at("/messages/2/content/0/is_error").asBoolean());
    }

    @Test
    void theDefaultResponderAnswersWithoutScripting() {
        ChatResponse r = provider.chat(new ChatRequest(null, List.of(ChatMessage.user("which VMs have no backup?")), List.of(), 0, null), null);
        assertTrue(r.text().startsWith(AnthropicDouble.DEFAULT_PREFIX), r.text());
        assertTrue(r.text().contains("which VMs have no backup?"), r.text());
    }
}
