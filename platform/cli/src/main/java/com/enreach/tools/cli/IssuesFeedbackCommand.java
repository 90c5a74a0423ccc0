package com.enreach.tools.cli;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code enreach issues feedback ID --helpful|--not-helpful}: whether a suggestion helped (it calibrates the confidence). */
@Command(name = "feedback", mixinStandardHelpOptions = true, description = "Record whether a suggested resolution helped.")
final class IssuesFeedbackCommand implements Callable<Integer> {
    @ParentCommand
    IssuesCommand issues;

    @Parameters(paramLabel = "SUGGESTION_ID", description = "The suggestion's id (printed by 'enreach issues suggest').")
    long id;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Verdict verdict;

    static final class Verdict {
        @Option(names = "--helpful", required = true, description = "It helped.")
        boolean helpful;

        @Option(names = "--not-helpful", required = true, description = "It did not help.")
        boolean notHelpful;
    }

    @Option(names = "--comment", paramLabel = "TEXT", description = "What was right or wrong.")
    String comment;

    @Override
    public Integer call() {
        Enreach root = issues.root;
        ObjectNode body = Json.MAPPER.createObjectNode().put("helpful", verdict.helpful);
        if (comment != null) {
            body.put("comment", comment);
        }
        JsonNode f = root.api().post("/api/ai/suggestions/" + id + "/feedback", body);
        if (root.json()) {
            root.printJson(f);
        } else {
            root.out().println("Recorded: suggestion " + id + " " + (f.path("helpful").asBoolean() ? "helped" : "did not help")
                    + (f.hasNonNull("comment") ? " (" + f.path("comment").asText() + ")" : ""));
            root.out().flush();
        }
        return ExitCodes.OK;
    }
}
