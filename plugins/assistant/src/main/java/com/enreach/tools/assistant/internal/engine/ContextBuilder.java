package com.enreach.tools.assistant.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.ai.AiProvider;
import com.enreach.tools.api.ai.Citation;
import com.enreach.tools.api.kb.ContentTypes;
import com.enreach.tools.api.kb.SearchHit;
import com.enreach.tools.api.kb.SearchQuery;
import com.enreach.tools.assistant.internal.AssistantContext;
import com.enreach.tools.assistant.internal.tools.ToolOutcome;

/**
 * Gathers what the model reads for one question, within the context budget ({@code context_tokens}, counted as four
 * characters a token): hybrid knowledge-base hits and tool results, each redacted for the provider, fenced as data
 * and given a source ref.
 */
final class ContextBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(ContextBuilder.class);
    static final int CHARS_PER_TOKEN = 4;
    private static final int MAX_HITS = 8;
    private static final int MIN_TOOL_CHARS = 400;
    private static final Pattern TICKET_KEY = Pattern.compile("[A-Z][A-Z0-9_]+-\\d+");

    private final AssistantContext context;
    private final AiProvider provider;
    private final Sources sources;
    private int remaining;
    private int redactions;
    private int passages;
    private int toolResults;

    ContextBuilder(AssistantContext context, AiProvider provider, Sources sources, int budgetTokens) {
        this.context = context;
        this.provider = provider;
        this.sources = sources;
        this.remaining = Math.max(0, budgetTokens) * CHARS_PER_TOKEN;
    }

    /** The fenced knowledge-base passages for {@code question}, best first, as many as the budget holds. */
    String knowledge(String question, String scope) {
        if ("inventory".equals(scope)) {
            return "";
        }
        List<SearchHit> hits;
        try {
            String text = question.length() > 1000 ? question.substring(0, 1000) : question;
            hits = context.search().search(new SearchQuery(text, null, null, null, null, false, "hybrid", MAX_HITS)).hits();
        } catch (RuntimeException e) {
            // Search trouble leaves the model with less data, and the prompt tells it to say so; it is not a failure.
            LOG.warn("Knowledge search for the assistant failed: {}", e.toString());
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (SearchHit hit : hits) {
            Citation source = source(hit);
            Guard.Redacted body = context.guard().redact(hit.title() + "\n" + nz(hit.snippet()), provider);
            String block = Guard.fence(hit.contentType(), sources.peek(source), body.text());
            if (block.length() + 2 > remaining) {
                break;
            }
            sources.add(source);
            remaining -= block.length() + 2;
            redactions += body.redactions();
            passages++;
            b.append(block).append("\n\n");
        }
        return b.toString();
    }

    /** A tool's outcome as the model reads it: redacted, with its sources' refs, fenced, cut to the budget left. */
    String toolResult(String tool, ToolOutcome outcome) {
        StringBuilder legend = new StringBuilder();
        for (Citation s : outcome.sources()) {
            legend.append(legend.isEmpty() ? "\nSources: " : "; ")
                    .append(sources.add(s)).append(" = ").append(s.kind()).append(' ')
                    .append(s.key() != null ? s.key() : s.title());
        }
        Guard.Redacted body = context.guard().redact(nz(outcome.text()) + legend, provider);
        String text = body.text();
        int room = Math.max(MIN_TOOL_CHARS, remaining);
        if (text.length() > room) {
            text = text.substring(0, room) + "\n[cut: the context budget is used up]";
        }
        remaining = Math.max(0, remaining - text.length());
        redactions += body.redactions();
        toolResults++;
        return Guard.fence("tool_result", tool, text);
    }

    int redactions() {
        return redactions;
    }

    void addRedactions(int n) {
        redactions += n;
    }

    int passages() {
        return passages;
    }

    int toolResults() {
        return toolResults;
    }

    static Citation source(SearchHit hit) {
        boolean ticket = ContentTypes.TICKET.equals(hit.contentType());
        String title = nz(hit.title());
        String key = title;
        if (ticket) {
            var m = TICKET_KEY.matcher(title);
            key = m.lookingAt() ? m.group() : title;
        }
        String link = ticket ? "#/ext/tickets?id=" + hit.id() : "#/ext/articles?id=" + hit.id();
        return new Citation(0, ticket ? "ticket" : "article", hit.id(), key, title, link, hit.url(), quote(hit.snippet()));
    }

    static String quote(String s) {
        String t = nz(s).replaceAll("\\s+", " ").trim();
        return t.length() > 240 ? t.substring(0, 239) + "…" : t;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
