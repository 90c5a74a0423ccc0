package com.enreach.tools.assistant.internal.offline;

import com.enreach.tools.api.ai.AiException;
import com.enreach.tools.api.ai.AiProvider;
import com.enreach.tools.api.ai.ChatListener;
import com.enreach.tools.api.ai.ChatRequest;
import com.enreach.tools.api.ai.ChatResponse;
import com.enreach.tools.assistant.internal.AssistantContext;

/**
 * The built-in provider: no model, no network. Listed as provider {@code offline}; the engine answers extractively
 * when it is chosen. (engine helper)
 */
public class OfflineProvider implements AiProvider {
    public static final String NAME = "offline";

    private final AssistantContext context;

    public OfflineProvider(AssistantContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String kind() {
        return "offline";
    }

    @Override
    public String model() {
        return "extractive";
    }

    @Override
    public String baseUrl() {
        return null;
    }

    @Override
    public boolean external() {
        return false;
    }

    @Override
    public boolean allowsSensitive() {
        return true;
    }

    @Override
    public boolean supportsTools() {
        return false;
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatListener listener) {
        throw new AiException(AiException.Kind.BAD_REQUEST, NAME, "The offline provider does not generate text");
    }
}
