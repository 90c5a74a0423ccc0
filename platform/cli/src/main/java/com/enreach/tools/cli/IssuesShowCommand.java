package com.enreach.tools.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code enreach issues show <KEY>}: one ticket with its comments and the inventory it mentions. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "One cached ticket: status, resolution, people, link, vectorisation, description, comments and the inventory it mentions.")
final class IssuesShowCommand implements Callable<Integer> {
    @ParentCommand
    IssuesCommand issues;

    @Parameters(paramLabel = "KEY", description = "Ticket key (OPS-123, any letter case) or id.")
    String key;

    @Override
    public Integer call() {
        Enreach root = issues.root;
        JsonNode d = root.api().get("/api/kb/tickets/" + Api.segment(key.trim()));
        if (root.json()) {
            root.printJson(d);
        } else {
            new KnowledgeView(root.out()).ticket(d);
        }
        return ExitCodes.OK;
    }
}
