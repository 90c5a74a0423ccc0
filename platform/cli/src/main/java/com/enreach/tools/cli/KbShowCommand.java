package com.enreach.tools.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code enreach kb show <id>}: one article with its text and the inventory it mentions. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "One cached article: space, path, labels, link, vectorisation, its text, and the inventory entities it mentions.")
final class KbShowCommand implements Callable<Integer> {
    @ParentCommand
    KbCommand kb;

    @Parameters(paramLabel = "ID", description = "Article id (see 'enreach kb list').")
    String id;

    @Override
    public Integer call() {
        Enreach root = kb.root;
        JsonNode d = root.api().get("/api/kb/articles/" + Api.segment(id.trim()));
        if (root.json()) {
            root.printJson(d);
        } else {
            new KnowledgeView(root.out()).article(d);
        }
        return ExitCodes.OK;
    }
}
