package com.enreach.tools.ai.openai.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.enreach.tools.aidouble.openai.OpenAiDouble;
import com.enreach.tools.aidouble.openai.RecordedRequest;
import com.enreach.tools.aidouble.openai.Turn;
import com.enreach.tools.api.ai.ChatMessage;
import com.enreach.tools.api.ai.ChatRequest;
import com.enreach.tools.api.ai.ChatResponse;
import com.enreach.tools.api.ai.ContentBlock;
import com.enreach.tools.api.ai.ToolSpec;
import com.fasterxml.jackson.databind.JsonNode;

class OpenAiProviderTest {
    static final String KEY = "sk-test-0123456789abcdefSECRET";
    private OpenAiDouble openai;

    @AfterEach
    void close() {
        if (openai != null) {
            openai.close();
        }
    }

    private OpenAiProvider provider(String... more) {
        List<String> kv = new ArrayList<>(List.of("base.url", openai.url(), "model", "gpt-4o-mini", ".password", KEY));
        kv.addAll(List.of(more));
        return Configs.provider("main", kv.toArray(String[]::new));
    }

    @Test
    void streamsTextToTheListenerAndReturnsTheTurn() {
        openai = OpenAiDouble.start(KEY).enqueue(Turn.text("Three VMs on esx-ams-0003 have no backup [1]."));
        List<String> deltas = new ArrayList<>();
        ChatResponse r = provider().chat(new ChatRequest("Be brief.", List.of(ChatMessage.user("Which VMs?")), List.of(),
                0, null), deltas::add);

        assertEquals("Three VMs on esx-ams-0003 have no backup [1].", r.text());
        assertEquals(String.join("", deltas), r.text());
        assertTrue(deltas.size() > 1, "the text arrived in pieces: " + deltas);
        assertEquals("end_turn", r.stopReason());
        assertEquals("gpt-4o-mini", r.model());
        assertTrue(r.inputTokens() > 0 && r.outputTokens() > 0, "usage from the usage chunk");

        RecordedRequest req = openai.lastRequest();
        assertEquals("/v1/chat/completions", req.path());
        assertEquals(OpenAiDouble.REDACTED, req.header("authorization"));
        JsonNode body = req.json();
        assertEquals("gpt-4o-mini", body.path("model").asText());
        assertEquals("system", body.path("messages").path(0).path("role").asText());
        assertEquals("Be brief.", body.path("messages").path(0).path("content").asText());
        assertEquals("Which VMs?", req.lastUserText());
        assertEquals(1024, body.path("max_tokens").asInt(), "the configured default");
        assertEquals(0.2, body.path("temperature").asDouble(), 1e-9);
        assertTrue(body.path("stream").asBoolean());
        assertTrue(body.path("stream_options").path("include_usage").asBoolean());
        assertFalse(body.has("tools"), "no tools asked for, none sent");
    }

    @Test
    void requestValuesOverrideTheConfiguredDefaults() {
        openai = OpenAiDouble.start(KEY);
        provider("max.tokens", "300", "temperature", "0.7", "max.tokens.param", "max_completion_tokens")
                .chat(new ChatRequest(null, List.of(ChatMessage.user("q")), List.of(), 50, 0.0), null);
        JsonNode body = openai.lastRequest().json();
        assertEquals(50, body.path("max_completion_tokens").asInt());
        assertFalse(body.has("max_tokens"));
        assertEquals(0.0, body.path("temperature").asDouble(), 1e-9);
        assertEquals("user", body.path("messages").path(0).path("role").asText(), "no system message when none is given");
    }

    @Test
    void toolCallsAreAssembledFromFragmentsAndResultsGoBackAsToolMessages() {
        openai = OpenAiDouble.start(KEY).enqueue(
                Turn.toolCalls(new Turn.ToolCall("call_a1", "find_entities", "{\"query\":\"esx-ams-0003\",\"limit\":5}"),
                        new Turn.ToolCall("call_b2", "sync_status", "{}")),
                Turn.text("Host esx-ams-0003 runs 12 VMs [1]."));
        OpenAiProvider p = provider();
        ToolSpec find = new ToolSpec("find_entities", "Find entities by name or IP",
                "{\"type\":\"object\",\"properties\":{\"query\":{\"type\":\"string\"}}}");
        List<ChatMessage> conversation = new ArrayList<>(List.of(ChatMessage.user("How many VMs on esx-ams-0003?")));

        ChatResponse first = p.chat(new ChatRequest("sys", conversation, List.of(find), 0, null), null);
        assertEquals("tool_use", first.stopReason());
        assertEquals(List.of(ContentBlock.toolUse("call_a1", "find_entities", "{\"query\":\"esx-ams-0003\",\"limit\":5}"),
                ContentBlock.toolUse("call_b2", "sync_status", "{}")), first.toolCalls());
        JsonNode tool = openai.lastRequest().json().path("tools").path(0);
        assertEquals("function", tool.path("type").asText());
        assertEquals("find_entities", tool.path("function").path("name").asText());
        assertEquals("string", tool.path("function").path("parameters").path("properties").path("query").path("type").asText());

        conversation.add(new ChatMessage("assistant", first.content()));
        conversation.add(new ChatMessage("user", List.of(ContentBlock.toolResult("call_a1", "[{\"id\":7}]", false),
                ContentBlock.toolResult("call_b2", "no such source", true))));
        ChatResponse second = p.chat(new ChatRequest("sys", conversation, List.of(find), 0, null), null);

        assertEquals("Host esx-ams-0003 runs 12 VMs [1].", second.text());
        RecordedRequest req = openai.lastRequest();
        JsonNode assistant = req.json().path("messages").path(2);
        assertEquals("assistant", assistant.path("role").asText());
        assertTrue(assistant.path("content").isNull());
        assertEquals("call_b2", assistant.path("tool_calls").path(1).path("id").asText());
        assertEquals("[{\"id\":7}]", req.toolResult("call_a1"));
        assertEquals("Error: no such source", req.toolResult("call_b2"));
    }

    @Test
    void lengthAndStopWithToolCallsMapOntoTheContractsReasons() {
        openai = OpenAiDouble.start(KEY).enqueue(Turn.text("cut sh").finishedBy("length"),
                Turn.toolCalls(new Turn.ToolCall("c1", "count", "{}")).finishedBy("stop"));
        OpenAiProvider p = provider();
        ChatRequest q = new ChatRequest(null, List.of(ChatMessage.user("q")), List.of(), 0, null);
        assertEquals("max_tokens", p.chat(q, null).stopReason());
        assertEquals("tool_use", p.chat(q, null).stopReason(), "servers that end tool calls with 'stop'");
    }

    @Test
    void azureStyleSendsTheApiKeyHeaderAndTheApiVersion() {
        openai = OpenAiDouble.start(OpenAiDouble.Auth.API_KEY, KEY).requireApiVersion("2024-10-21");
        OpenAiProvider p = Configs.provider("azure", "base.url", openai.azureUrl("gpt4o"), "model", "gpt-4o",
                ".password", KEY, "auth", "api-key", "api.version", "2024-10-21");
        ChatResponse r = p.chat(new ChatRequest(null, List.of(ChatMessage.user("hello azure")), List.of(), 0, null), null);

        assertEquals("Generated by the OpenAI double: hello azure", r.text());
        RecordedRequest req = openai.lastRequest();
        assertEquals("/openai/deployments/gpt4o/chat/completions", req.path());
        assertEquals("api-version=2024-10-21", req.query());
        assertEquals(OpenAiDouble.REDACTED, req.header("api-key"));
        assertNull(req.header("authorization"));
    }

    @Test
    void authNoneSendsNoKeyAndNeedsNone() {
        openai = OpenAiDouble.start(OpenAiDouble.Auth.NONE, null);
        OpenAiProvider p = Configs.provider("ollama", "base.url", openai.url() + "/", "model", "llama3.1", "auth", "none",
                "stream.usage", "false", "tools", "false");
        ChatResponse r = p.chat(new ChatRequest(null, List.of(ChatMessage.user("local?")), List.of(
                new ToolSpec("count", "c", "{\"type\":\"object\"}")), 0, null), null);

        assertEquals("Generated by the OpenAI double: local?", r.text());
        assertFalse(p.supportsTools());
        RecordedRequest req = openai.lastRequest();
        assertNull(req.header("authorization"));
        assertNull(req.header("api-key"));
        assertFalse(req.json().has("stream_options"), "stream.usage=false");
        assertFalse(req.json().has("tools"), "tools=false");
        assertEquals("/v1/chat/completions", req.path(), "a trailing / in base.url is dropped");
    }

    @Test
    void describesItselfWithoutTheKey() {
        openai = OpenAiDouble.start(KEY);
        OpenAiProvider p = provider("allow.sensitive", "true");
        assertEquals("main", p.name());
        assertEquals("openai", p.kind());
        assertEquals("gpt-4o-mini", p.model());
        assertEquals(openai.url(), p.baseUrl());
        assertTrue(p.external());
        assertTrue(p.allowsSensitive());
        assertTrue(p.supportsTools());
        assertFalse(p.toString().contains(KEY));
    }

    @Test
    void nameComesFromTheFactoryPidOrTheNameProperty() {
        assertEquals("prod", OpenAiProvider.nameOf(Map.of("service.pid", "ai.openai~prod")));
        assertEquals("azure-eu", OpenAiProvider.nameOf(Map.of("service.pid", "ai.openai~prod", "name", " azure-eu ")));
    }
}
