package com.enreach.tools.assistant.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.enreach.tools.api.ai.AiProvider;
import com.enreach.tools.api.ai.ChatListener;
import com.enreach.tools.api.ai.ChatRequest;
import com.enreach.tools.api.ai.ChatResponse;
import com.enreach.tools.api.ai.ContentBlock;

/**
 * A scripted provider: each turn is answered by the next script step (the last one repeats); it records every request.
 * A step returns a {@link Turn}: the deltas to stream and the tool calls to make.
 */
class FakeProvider implements AiProvider {
    final String name;
    final boolean sensitive;
    final boolean tools;
    final List<ChatRequest> requests = new ArrayList<>();
    final List<Function<ChatRequest, Turn>> script = new ArrayList<>();

    FakeProvider(String name, boolean sensitive, boolean tools) {
        this.name = name;
        this.sensitive = sensitive;
        this.tools = tools;
    }

    FakeProvider then(Function<ChatRequest, Turn> step) {
        script.add(step);
        return this;
    }

    FakeProvider answering(String... deltas) {
        return then(r -> Turn.text(deltas));
    }

    record Turn(List<String> deltas, List<ContentBlock> toolCalls, String stopReason) {
        Turn(List<String> deltas, List<ContentBlock> toolCalls) {
            this(deltas, toolCalls, toolCalls.isEmpty() ? "end_turn" : "tool_use");
        }

        static Turn text(String... deltas) {
            return new Turn(List.of(deltas), List.of());
        }

        static Turn tool(String id, String name, String input) {
            return new Turn(List.of(), List.of(ContentBlock.toolUse(id, name, input)));
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "openai";
    }

    @Override
    public String model() {
        return "fake-model";
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:1/v1";
    }

    @Override
    public boolean allowsSensitive() {
        return sensitive;
    }

    @Override
    public boolean supportsTools() {
        return tools;
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatListener listener) {
        requests.add(request);
        Turn turn = script.get(Math.min(requests.size(), script.size()) - 1).apply(request);
        List<ContentBlock> content = new ArrayList<>();
        if (!turn.deltas().isEmpty()) {
            turn.deltas().forEach(listener::onText);
            content.add(ContentBlock.text(String.join("", turn.deltas())));
        }
        content.addAll(turn.toolCalls());
        return new ChatResponse(content, turn.stopReason(), "fake-model-1", 10, 10);
    }

    /** Everything the provider was sent in request {@code i}: system prompt and message texts/tool results. */
    String sent(int i) {
        ChatRequest r = requests.get(i);
        StringBuilder b = new StringBuilder(r.system()).append('\n');
        r.messages().forEach(m -> m.content().forEach(c -> b.append(c.text() == null ? "" : c.text())
                .append(c.inputJson() == null ? "" : c.inputJson()).append('\n')));
        return b.toString();
    }
}
