package com.enreach.tools.assistant.internal.engine;

import com.enreach.tools.api.ai.AiProvider;
import com.enreach.tools.api.ai.ChatListener;
import com.enreach.tools.api.ai.ChatRequest;
import com.enreach.tools.api.ai.ChatResponse;
import com.enreach.tools.assistant.internal.AssistantContext;

/**
 * Everything sent to a provider goes through here: secrets are redacted (and device configurations withheld) unless
 * the provider instance allows them, retrieved text is fenced as data, and each call is written to the audit log
 * (what kinds of content, how much, how many redactions; never a secret). Used by the engine and by the resolver.
 * (engine helper: these signatures are the contract; the bodies are the engine helper's)
 */
public class Guard {
    private final AssistantContext context;

    public Guard(AssistantContext context) {
        this.context = context;
    }

    /** Text with secrets replaced by {@code [redacted]} when {@code provider} may not see them; the count of redactions. */
    public Redacted redact(String text, AiProvider provider) {
        return new Redacted(text, 0);
    }

    /**
     * Retrieved text as data: inside a fence the model is told never to follow instructions from, with its
     * reference ({@code kind}/{@code ref}, e.g. {@code article}/{@code 12}). Fence markers inside the text are
     * neutralised so a page cannot close the fence.
     */
    public static String fence(String kind, String ref, String text) {
        String safe = text == null ? "" : text.replace("<<<", "‹‹‹").replace(">>>", "›››");
        return "<<<DATA " + kind + " " + ref + "\n" + safe + "\n>>>";
    }

    /**
     * One provider turn with audit: {@code purpose} is {@code ask}, {@code suggest} or {@code kb_draft};
     * {@code contentSummary} says what the request holds (e.g. {@code question, 4 passages, 2 entities}).
     * Provider failures propagate as {@link com.enreach.tools.api.ai.AiException} (after the audit entry is written).
     */
    public ChatResponse call(AiProvider provider, ChatRequest request, ChatListener listener, String actor, String purpose,
                             Long conversationId, String contentSummary, int redactions) {
        return provider.chat(request, listener);
    }

    public record Redacted(String text, int redactions) {
    }
}
