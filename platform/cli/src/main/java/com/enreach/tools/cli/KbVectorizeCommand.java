package com.enreach.tools.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code enreach kb vectorize}. */
@Command(name = "vectorize", mixinStandardHelpOptions = true, description = "Embed new and changed Confluence articles (only changed chunks go to the model).")
final class KbVectorizeCommand extends VectorizeCommand {
    @ParentCommand
    KbCommand parent;

    @Override
    String contentType() {
        return "article";
    }

    @Override
    Enreach root() {
        return parent.root;
    }
}
