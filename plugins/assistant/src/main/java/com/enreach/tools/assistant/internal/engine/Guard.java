package com.enreach.tools.assistant.internal.engine;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.ai.AiAuditEntry;
import com.enreach.tools.api.ai.AiException;
import com.enreach.tools.api.ai.AiProvider;
import com.enreach.tools.api.ai.ChatListener;
import com.enreach.tools.api.ai.ChatMessage;
import com.enreach.tools.api.ai.ChatRequest;
import com.enreach.tools.api.ai.ChatResponse;
import com.enreach.tools.api.ai.ContentBlock;
import com.enreach.tools.api.ai.ToolSpec;
import com.enreach.tools.assistant.internal.AssistantContext;

/**
 * Everything sent to a provider goes through here: secrets are redacted (and device configurations withheld) unless
 * the provider instance allows them, retrieved text is fenced as data, and each call is written to the audit log
 * (what kinds of content, how much, how many redactions; never a secret). Used by the engine and by the resolver.
 * (engine helper: these signatures are the contract; the bodies are the engine helper's)
 */
public class Guard {
    private static final Logger LOG = LoggerFactory.getLogger(Guard.class);

    /** Opens a data fence; a fence ends with {@link #FENCE_CLOSE} on its own line. */
    public static final String FENCE_OPEN = "<<<DATA";
    public static final String FENCE_CLOSE = ">>>";

    private final AssistantContext context;

    public Guard(AssistantContext context) {
        this.context = context;
    }

    /** Text with secrets replaced by {@code [redacted]} when {@code provider} may not see them; the count of redactions. */
    public Redacted redact(String text, AiProvider provider) {
        if (provider != null && provider.allowsSensitive()) {
            return new Redacted(text == null ? "" : text, 0);
        }
        Redactor.Result r = Redactor.redact(text);
        return new Redacted(r.text(), r.redactions());
    }

    /**
     * Retrieved text as data: inside a fence the model is told never to follow instructions from, with its
     * reference ({@code kind}/{@code ref}, e.g. {@code article}/{@code 12}). Fence markers inside the text are
     * neutralised so a page cannot close the fence.
     */
    public static String fence(String kind, String ref, String text) {
        String safe = neutralise(text == null ? "" : text);
        return FENCE_OPEN + " " + neutralise(label(kind)) + " " + neutralise(label(ref)) + "\n" + safe + "\n" + FENCE_CLOSE;
    }

    // Any run of 3+ angle brackets (the fence markers) becomes look-alike guillemets, so no text can open or close a fence.
    private static String neutralise(String text) {
        return text.replaceAll("<{3,}", "‹‹‹").replaceAll(">{3,}", "›››");
    }

    private static String label(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ").trim();
    }

    /**
     * One provider turn with audit: {@code purpose} is {@code ask}, {@code suggest} or {@code kb_draft};
     * {@code contentSummary} says what the request holds (e.g. {@code question, 4 passages, 2 entities}).
     * Provider failures propagate as {@link com.enreach.tools.api.ai.AiException} (after the audit entry is written).
     */
    public ChatResponse call(AiProvider provider, ChatRequest request, ChatListener listener, String actor, String purpose,
                             Long conversationId, String contentSummary, int redactions) {
        int chars = charsOf(request);
        long start = System.nanoTime();
        String outcome = "internal";
        try {
            ChatResponse response = provider.chat(request, listener == null ? ChatListener.NONE : listener);
            outcome = "ok";
            return response;
        } catch (AiException e) {
            outcome = e.code();
            throw e;
        } finally {
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            audit(new AiAuditEntry(0, conversationId, actor, provider.name(), provider.model(), provider.external(),
                    purpose, chars, contentSummary, redactions, outcome, Instant.now()));
            LOG.info("AI call: provider={} model={} external={} purpose={} chars={} redactions={} outcome={} tookMs={}",
                    provider.name(), provider.model(), provider.external(), purpose, chars, redactions, outcome, tookMs);
        }
    }

    private void audit(AiAuditEntry entry) {
        try {
            context.store().audit(entry);
        } catch (RuntimeException e) {
            // The call happened; a failing audit write must not turn the answer into an error, but must be visible.
            LOG.warn("Could not write the AI audit entry for provider {}: {}", entry.provider(), e.toString());
        }
    }

    /** What a request carries to the provider, in characters. */
    static int charsOf(ChatRequest request) {
        long n = request.system() == null ? 0 : request.system().length();
        for (ChatMessage m : request.messages()) {
            for (ContentBlock c : m.content()) {
                n += len(c.text()) + len(c.inputJson()) + len(c.toolName());
            }
        }
        for (ToolSpec t : request.tools()) {
            n += len(t.name()) + len(t.description()) + len(t.inputSchemaJson());
        }
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    private static int len(String s) {
        return s == null ? 0 : s.length();
    }

    public record Redacted(String text, int redactions) {
    }
}
