package com.enreach.tools.cli;

import java.io.PrintWriter;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** How the assistant's answers, citations, suggestions and KB findings read for people. */
final class AssistantView {
    private final PrintWriter out;
    private final String baseUrl;

    AssistantView(PrintWriter out, String baseUrl) {
        this.out = out;
        this.baseUrl = baseUrl;
    }

    /** The web UI link of a citation in full: the UI is served at "/", its links are hash routes. */
    String link(JsonNode citation) {
        String link = citation.path("link").asText("");
        return link.isEmpty() ? "" : baseUrl + "/" + link;
    }

    /** {@code [1] entity esx-ams-0003 — title}, then the UI link and the source's own URL, indented. */
    void citations(JsonNode citations) {
        if (citations.isEmpty()) {
            return;
        }
        out.println();
        out.println("Sources:");
        for (JsonNode c : citations) {
            String key = c.path("key").asText("");
            String title = c.path("title").asText("");
            out.println("  [" + c.path("n").asInt() + "] " + c.path("kind").asText() + " " + key
                    + (title.isEmpty() || title.equals(key) ? "" : " — " + title));
            String link = link(c);
            if (!link.isEmpty()) {
                out.println("      " + link);
            }
            if (c.hasNonNull("url") && !c.path("url").asText().isBlank()) {
                out.println("      " + c.path("url").asText());
            }
        }
    }

    /** The error of an answer, with when to retry: {@code rate_limited: ... (retry after 30 s)}. */
    static String error(JsonNode error) {
        String retry = error.hasNonNull("retry_after_seconds") ? " (retry after " + error.path("retry_after_seconds").asLong() + " s)" : "";
        return error.path("code").asText("error") + ": " + error.path("message").asText("") + retry;
    }

    /** What answered: provider, model, extractive, tools, time. */
    void answerFooter(JsonNode a) {
        StringBuilder b = new StringBuilder("— ").append(a.path("provider").asText("?"));
        if (a.hasNonNull("model")) {
            b.append(" (").append(a.path("model").asText()).append(')');
        }
        if (a.path("extractive").asBoolean()) {
            b.append(", extractive: quoted from the sources, no language model");
        }
        if (!a.path("tool_calls").isEmpty()) {
            b.append(", tools: ").append(a.path("tool_calls").size());
        }
        b.append(", ").append(a.path("took_ms").asLong()).append(" ms; continue with --conversation ")
                .append(a.path("conversation_id").asLong());
        out.println(b);
    }

    static String confidence(JsonNode s) {
        return String.format(Locale.ROOT, "%.2f (%s)", s.path("confidence").asDouble(), s.path("confidence_label").asText("?"));
    }

    void suggestion(JsonNode s) {
        out.println("Suggestion " + s.path("id").asLong() + (s.hasNonNull("ticket_key") ? " for " + s.path("ticket_key").asText() : ""));
        out.println("Problem: " + TerminalText.escape(oneLine(s.path("problem").asText(""), 300)));
        out.println("Confidence: " + confidence(s) + basis(s.path("confidence_basis")));
        if (s.path("extractive").asBoolean()) {
            out.println("(extractive: assembled from similar tickets and articles, no language model)");
        }
        out.println();
        out.println("Steps:");
        int n = 1;
        for (JsonNode step : s.path("steps")) {
            out.println("  " + n++ + ". " + step.asText());
        }
        if (s.path("steps").isEmpty()) {
            out.println("  (none: nothing similar enough was found)");
        }
        citations(s.path("references"));
        similar("Similar tickets:", s.path("similar_tickets"));
        similar("Articles:", s.path("articles"));
        if (!s.path("entities").isEmpty()) {
            out.println();
            out.println("Affected:");
            for (JsonNode e : s.path("entities")) {
                out.println("  " + e.path("kind").asText() + " " + e.path("key").asText() + "  " + link(e));
            }
        }
        out.println();
        out.println("Helped? enreach issues feedback " + s.path("id").asLong() + " --helpful | --not-helpful [--comment TEXT]");
        out.flush();
    }

    private static String basis(JsonNode basis) {
        if (basis.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(" from ");
        basis.fields().forEachRemaining(f -> b.append(b.length() > 6 ? ", " : "").append(f.getKey()).append(' ')
                .append(String.format(Locale.ROOT, "%.2f", f.getValue().asDouble())));
        return b.toString();
    }

    private void similar(String heading, JsonNode items) {
        if (items.isEmpty()) {
            return;
        }
        out.println();
        out.println(heading);
        for (JsonNode i : items) {
            String resolution = oneLine(i.path("resolution").asText(""), 120);
            out.println(String.format(Locale.ROOT, "  %.2f  ", i.path("similarity").asDouble()) + i.path("key").asText("")
                    + (i.path("title").asText("").equals(i.path("key").asText("")) ? "" : " — " + oneLine(i.path("title").asText(""), 80))
                    + (resolution.isEmpty() ? "" : System.lineSeparator() + "        resolution: " + resolution));
            if (i.hasNonNull("link")) {
                out.println("        " + baseUrl + "/" + i.path("link").asText());
            }
            if (i.hasNonNull("url")) {
                out.println("        " + i.path("url").asText());
            }
        }
    }

    static String oneLine(String s, int max) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > max ? t.substring(0, max - 1) + "…" : t;
    }
}
