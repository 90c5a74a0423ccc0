package com.enreach.tools.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code enreach issues}: the cached Jira tickets. */
@Command(name = "issues", mixinStandardHelpOptions = true, description = "Jira tickets cached in the platform.",
        subcommands = {IssuesRefreshCommand.class, IssuesListCommand.class, IssuesShowCommand.class, IssuesVectorizeCommand.class,
            IssuesSuggestCommand.class, IssuesFeedbackCommand.class})
final class IssuesCommand {
    @ParentCommand
    Enreach root;
}
