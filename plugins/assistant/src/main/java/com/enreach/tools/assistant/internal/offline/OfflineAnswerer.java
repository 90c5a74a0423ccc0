package com.enreach.tools.assistant.internal.offline;

import java.util.List;

import com.enreach.tools.api.ai.AnswerListener;
import com.enreach.tools.api.ai.Citation;
import com.enreach.tools.assistant.internal.AssistantContext;
import com.enreach.tools.assistant.internal.tools.Toolbox;

/**
 * The offline provider's answers, from retrieval alone: recognises entity names, FQDNs and IPs in the question, answers
 * with their facts and related objects (VMs on a host, last backup, tickets and runbooks), list/count questions through
 * the tools, plus the most relevant passages, all quoted with citations, and says plainly that it is extractive.
 * (offline helper)
 */
public class OfflineAnswerer {
    private final AssistantContext context;
    private final Toolbox tools;

    public OfflineAnswerer(AssistantContext context, Toolbox tools) {
        this.context = context;
        this.tools = tools;
    }

    /**
     * An extractive answer: Markdown text with {@code [n]} markers matching {@code citations} (numbered from 1), and
     * the tools used. Streams the text to {@code listener} ({@code onText}) and each citation ({@code onCitation}).
     */
    public Drafted answer(String question, String scope, AnswerListener listener) {
        throw new UnsupportedOperationException("not built yet");
    }

    public record Drafted(String text, List<Citation> citations, List<String> toolCalls) {
    }
}
