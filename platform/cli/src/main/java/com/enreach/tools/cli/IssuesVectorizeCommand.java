package com.enreach.tools.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code enreach issues vectorize}. */
@Command(name = "vectorize", mixinStandardHelpOptions = true, description = "Embed new and changed Jira tickets (only changed chunks go to the model).")
final class IssuesVectorizeCommand extends VectorizeCommand {
    @ParentCommand
    IssuesCommand parent;

    @Override
    String contentType() {
        return "ticket";
    }

    @Override
    Enreach root() {
        return parent.root;
    }
}
