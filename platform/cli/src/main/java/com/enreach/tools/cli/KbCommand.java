package com.enreach.tools.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code enreach kb}: the cached Confluence articles. */
@Command(name = "kb", mixinStandardHelpOptions = true, description = "Confluence articles cached in the platform.",
        subcommands = {KbRefreshCommand.class, KbListCommand.class, KbShowCommand.class, KbVectorizeCommand.class, KbStatusCommand.class,
            KbAnalyzeCommand.class})
final class KbCommand {
    @ParentCommand
    Enreach root;
}
