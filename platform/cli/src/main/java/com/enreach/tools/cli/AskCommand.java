package com.enreach.tools.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code enreach ask "question"}: asks the assistant, printing the answer as it streams in (server-sent events), then
 * its numbered sources with their web UI links. With --json, one JSON answer instead. A provider error (rate limit,
 * bad key, timeout) is printed with when to retry and ends with exit code 1; the question stays in its conversation.
 */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = {"Ask the assistant a question about the inventory and the knowledge base; the answer cites its sources.",
            "The answer streams as it is written; the sources follow with links into the web UI."})
final class AskCommand implements Callable<Integer> {
    @ParentCommand
    Enreach root;

    @Parameters(paramLabel = "QUESTION", arity = "1..*", description = "The question (several words are joined).")
    String[] question;

    @Option(names = "--conversation", paramLabel = "ID", description = "Continue this conversation (see 'enreach ai conversations').")
    Long conversation;

    @Option(names = "--provider", paramLabel = "NAME", description = "Provider instance to use (see 'enreach ai providers'); default: the platform's.")
    String provider;

    @Option(names = "--scope", paramLabel = "SCOPE", description = "all (default), inventory or knowledge.")
    String scope;

    @Override
    public Integer call() {
        ObjectNode body = Json.MAPPER.createObjectNode().put("question", String.join(" ", question));
        if (conversation != null) {
            body.put("conversation_id", conversation);
        }
        if (provider != null) {
            body.put("provider", provider);
        }
        if (scope != null) {
            body.put("scope", scope);
        }
        if (root.json()) {
            JsonNode answer = root.api().post("/api/ai/query", body);
            root.printJson(answer);
            return answer.hasNonNull("error") ? failed(answer) : ExitCodes.OK;
        }
        PrintWriter out = root.out();
        JsonNode[] answer = {MissingNode.getInstance()};
        boolean[] streamed = {false};
        long[] conversationId = {0};
        root.api().stream("/api/ai/query", body, (event, data) -> {
            switch (event) {
                case "stored" -> conversationId[0] = data.path("conversation_id").asLong();
                case "status" -> {
                    root.err().println("… " + data.path("text").asText());
                    root.err().flush();
                }
                case "delta" -> {
                    out.print(data.path("text").asText());
                    out.flush();
                    streamed[0] = true;
                }
                case "answer" -> answer[0] = data;
                default -> {
                    // citations arrive again, numbered, with the answer; other events are for richer clients
                }
            }
        });
        JsonNode a = answer[0];
        if (a.isMissingNode()) {
            throw new CliException(ExitCodes.FAILED, "The answer stream ended without an answer"
                    + (conversationId[0] > 0 ? "; the question is stored in conversation " + conversationId[0]
                    + " (enreach ai show " + conversationId[0] + ")" : ""));
        }
        if (a.hasNonNull("error")) {
            if (streamed[0]) {
                out.println();
                out.flush();
            }
            return failed(a);
        }
        if (!streamed[0]) {
            out.print(a.path("text").asText());
        }
        out.println();
        AssistantView view = new AssistantView(out, root.baseUrl());
        view.citations(a.path("citations"));
        out.println();
        view.answerFooter(a);
        out.flush();
        return ExitCodes.OK;
    }

    private int failed(JsonNode answer) {
        PrintWriter err = root.err();
        err.println("enreach: the assistant could not answer: " + AssistantView.error(answer.path("error")));
        err.println("The question is kept in conversation " + answer.path("conversation_id").asLong() + " (enreach ai show "
                + answer.path("conversation_id").asLong() + ").");
        err.flush();
        return ExitCodes.FAILED;
    }
}
