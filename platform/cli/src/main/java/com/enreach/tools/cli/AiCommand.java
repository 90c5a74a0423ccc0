package com.enreach.tools.cli;

import java.io.PrintWriter;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code enreach ai}: the assistant's providers, your conversations, and the audit of what was sent to providers. */
@Command(name = "ai", mixinStandardHelpOptions = true,
        description = {"The assistant: its providers, your conversations, the audit of provider calls (admin).",
            "Ask with 'enreach ask \"question\"'."})
final class AiCommand {
    @ParentCommand
    Enreach root;

    @Command(name = "providers", mixinStandardHelpOptions = true, description = "Providers the assistant can use, the default first.")
    int providers() {
        JsonNode r = root.api().get("/api/ai/providers");
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        Table t = new Table("NAME", "KIND", "MODEL", "DEFAULT", "EXTERNAL", "SENSITIVE", "TOOLS", "STATUS");
        for (JsonNode p : r.path("results")) {
            t.row(p.path("name").asText(), p.path("kind").asText(), p.path("model").asText(""), Format.yesNo(p, "is_default"),
                    Format.yesNo(p, "external"), p.path("allows_sensitive").asBoolean() ? "allowed" : "withheld",
                    Format.yesNo(p, "supports_tools"), p.path("status").asText("") + (p.hasNonNull("message") ? ": " + p.path("message").asText() : ""));
        }
        t.print(root.out());
        return ExitCodes.OK;
    }

    @Command(name = "conversations", mixinStandardHelpOptions = true, description = "Your conversations, most recent first.")
    int conversations(@Mixin PageOptions page) {
        JsonNode r = root.api().get(Api.query("/api/ai/conversations", Api.params("limit", page.limit, "offset", page.offset)));
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        Table t = new Table("ID", "UPDATED", "MESSAGES", "TITLE");
        for (JsonNode c : r.path("results")) {
            t.row(c.path("id").asLong(), Format.time(c, "updated_at"), c.path("message_count").asInt(), c.path("title").asText());
        }
        t.print(root.out());
        page.printCount(root.out(), r, "conversations");
        return ExitCodes.OK;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One of your conversations: every question and answer with its sources.")
    int show(@Parameters(paramLabel = "ID", description = "Conversation id.") long id) {
        JsonNode r = root.api().get("/api/ai/conversations/" + id);
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        PrintWriter out = root.out();
        JsonNode c = r.path("conversation");
        out.println("Conversation " + c.path("id").asLong() + ": " + c.path("title").asText() + " (" + c.path("created_by").asText()
                + ", " + Format.time(c, "created_at") + ")");
        AssistantView view = new AssistantView(out, root.baseUrl());
        for (JsonNode m : r.path("messages")) {
            out.println();
            if ("user".equals(m.path("role").asText())) {
                out.println("Q [" + Format.time(m, "created_at") + "]: " + m.path("text").asText());
            } else if (m.hasNonNull("error_code")) {
                out.println("A: failed, " + AssistantView.error(Json.MAPPER.createObjectNode().put("code", m.path("error_code").asText())
                        .put("message", m.path("text").asText()).set("retry_after_seconds", m.path("retry_after_seconds"))));
            } else {
                out.println("A (" + m.path("provider").asText("?") + (m.path("extractive").asBoolean() ? ", extractive" : "") + "):");
                out.println(m.path("text").asText());
                view.citations(m.path("citations"));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    @Command(name = "audit", mixinStandardHelpOptions = true, description = "What was sent to which provider, newest first (admin token).")
    int audit(@Mixin PageOptions page) {
        JsonNode r = root.api().get(Api.query("/api/ai/audit", Api.params("limit", page.limit, "offset", page.offset)));
        if (root.json()) {
            root.printJson(r);
            return ExitCodes.OK;
        }
        Table t = new Table("ID", "AT", "ACTOR", "PROVIDER", "MODEL", "EXTERNAL", "PURPOSE", "CHARS", "REDACTED", "CONTENT", "OUTCOME");
        for (JsonNode a : r.path("results")) {
            t.row(a.path("id").asLong(), Format.time(a, "created_at"), a.path("actor").asText(""), a.path("provider").asText(),
                    a.path("model").asText(""), Format.yesNo(a, "external"), a.path("purpose").asText(""), a.path("chars_sent").asInt(),
                    a.path("redactions").asInt(), a.path("content_summary").asText(""), a.path("outcome").asText(""));
        }
        t.print(root.out());
        page.printCount(root.out(), r, "provider calls");
        return ExitCodes.OK;
    }
}
