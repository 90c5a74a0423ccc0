package com.enreach.tools.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code enreach kb status}: vectorisation of articles and tickets, the model, the index. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Vectorisation status of articles and tickets, and of the vector index.")
final class KbStatusCommand implements Callable<Integer> {
    @ParentCommand
    KbCommand parent;

    @Override
    public Integer call() {
        Enreach root = parent.root;
        JsonNode s = root.api().get("/api/kb/vectorization");
        if (root.json()) {
            root.printJson(s);
            return ExitCodes.OK;
        }
        PrintWriter out = root.out();
        Table t = new Table("CONTENT", "PENDING", "DONE", "FAILED");
        s.path("counts").fields().forEachRemaining(e -> t.row(e.getKey().equals("article") ? "articles" : "tickets",
                e.getValue().path("pending").asLong(), e.getValue().path("done").asLong(), e.getValue().path("failed").asLong()));
        t.print(out);
        out.println("Vectors stored: " + s.path("chunks").asLong());
        String model = Json.text(s, "model");
        out.println("Embedding model: " + (model.isEmpty() ? "none (no embedding provider plugin installed)" : model));
        if (s.path("index_present").asBoolean()) {
            out.println("Vector index: " + s.path("index_chunks").asLong() + " chunks, "
                    + (s.path("index_in_sync").asBoolean() ? "in step with the stored vectors" : "being rebuilt from the stored vectors"));
        } else {
            out.println("Vector index: none (no vector index plugin installed; search uses the database's text search)");
        }
        if (s.path("running").asBoolean()) {
            out.println("A vectorisation is running.");
        }
        if (!s.path("failures").isEmpty()) {
            out.println("Failures:");
            s.path("failures").forEach(f -> out.println("  " + f.asText()));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
