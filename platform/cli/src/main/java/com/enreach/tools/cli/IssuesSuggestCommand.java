package com.enreach.tools.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code enreach issues suggest KEY | --text "..."}: a suggested resolution from similar resolved tickets and articles. */
@Command(name = "suggest", mixinStandardHelpOptions = true,
        description = {"Suggest a resolution for a cached ticket or a problem description: numbered steps with references,",
            "similar resolved tickets, relevant articles, affected entities, and a confidence (see docs/suggestions.md)."})
final class IssuesSuggestCommand implements Callable<Integer> {
    @ParentCommand
    IssuesCommand issues;

    @Parameters(paramLabel = "KEY", arity = "0..1", description = "Ticket key, e.g. OPS-12 (or give --text).")
    String key;

    @Option(names = "--text", paramLabel = "TEXT", description = "The problem in your words, instead of a ticket key.")
    String text;

    @Option(names = "--provider", paramLabel = "NAME", description = "Provider instance to use (see 'enreach ai providers').")
    String provider;

    @Override
    public Integer call() {
        Enreach root = issues.root;
        boolean hasKey = key != null && !key.isBlank();
        boolean hasText = text != null && !text.isBlank();
        if (hasKey == hasText) {
            throw new CliException(ExitCodes.USAGE, "give a ticket KEY or --text \"the problem\" (exactly one)");
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        if (hasKey) {
            body.put("ticket_key", key.trim());
        } else {
            body.put("text", text);
        }
        if (provider != null) {
            body.put("provider", provider);
        }
        JsonNode s = root.api().post("/api/ai/suggestions", body);
        if (root.json()) {
            root.printJson(s);
        } else {
            new AssistantView(root.out(), root.baseUrl()).suggestion(s);
        }
        return ExitCodes.OK;
    }
}
