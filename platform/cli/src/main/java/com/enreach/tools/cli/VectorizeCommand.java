package com.enreach.tools.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code enreach kb vectorize} / {@code enreach issues vectorize}: asks the platform to vectorise what is pending and
 * follows it with a progress bar (the pending count falling in the vectorisation status) until it answers.
 */
abstract class VectorizeCommand implements java.util.concurrent.Callable<Integer> {
    /** A vectorisation of a large knowledge base takes a while; the request waits for it. */
    static final Duration TIMEOUT = Duration.ofHours(6);
    static final Duration POLL = Duration.ofSeconds(1);
    private static final int BAR = 24;

    @Spec
    CommandSpec spec;

    @Option(names = "--retry-failed", description = "Also retry contents whose vectorisation failed before.")
    boolean retryFailed;

    /** {@code article} or {@code ticket}. */
    abstract String contentType();

    abstract Enreach root();

    @Override
    public Integer call() {
        Enreach root = root();
        String type = contentType();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("retry_failed", retryFailed);
        long pendingAtStart = root.json() ? 0 : pending(root.api().get("/api/kb/vectorization"), type) + (retryFailed ? failed(root, type) : 0);
        CompletableFuture<JsonNode> call = CompletableFuture.supplyAsync(() -> root.api().send("POST", "/api/kb/vectorize", body, TIMEOUT));
        long lastPlain = Long.MIN_VALUE;
        int drawn = 0;
        while (!root.json() && !call.isDone()) {
            root.sleep(POLL);
            if (call.isDone()) {
                break;
            }
            long left = pending(root.api().get("/api/kb/vectorization"), type);
            long done = Math.max(0, pendingAtStart - left);
            String line = line(done, pendingAtStart, type);
            if (root.terminal()) {
                root.redrawLine(line + " ".repeat(Math.max(0, drawn - line.length())));
                drawn = line.length();
            } else if (lastPlain == Long.MIN_VALUE || root.nowMillis() - lastPlain >= Progress.PLAIN_EVERY_MILLIS) {
                lastPlain = root.nowMillis();
                root.err().println(line);
            }
            root.err().flush();
        }
        JsonNode r;
        try {
            r = join(call);
        } catch (CliException e) {
            if (e.exitCode() != ExitCodes.UNREACHABLE) {
                throw e;
            }
            return followLost(root, type, e);
        }
        if (root.terminal() && drawn > 0) {
            root.redrawLine(line(r.path("contents").asLong(), r.path("contents").asLong(), type));
            root.err().println();
            root.err().flush();
        }
        if (root.json()) {
            root.printJson(r);
            return r.path("failed").asLong() > 0 ? ExitCodes.FAILED : ExitCodes.OK;
        }
        PrintWriter out = root.out();
        out.println("Vectorised " + r.path("contents").asLong() + " " + noun(type) + " with " + Json.text(r, "model") + ": "
                + r.path("chunks_embedded").asLong() + " chunks embedded, " + r.path("chunks_reused").asLong() + " reused, "
                + r.path("chunks_removed").asLong() + " removed, " + r.path("failed").asLong() + " failed (" + r.path("took_ms").asLong() + " ms)");
        if (r.path("failed").asLong() > 0) {
            out.println("See why: enreach kb status; retry with --retry-failed");
        }
        out.flush();
        return r.path("failed").asLong() > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /**
     * The request's answer was lost (a proxy or the HTTP idle timeout closed a long request) but the server goes on
     * with the vectorisation: follow its status until it ends, then report from the status.
     */
    private Integer followLost(Enreach root, String type, CliException lost) {
        JsonNode s = null;
        for (int attempt = 0; s == null; attempt++) {
            try {
                s = root.api().get("/api/kb/vectorization");
            } catch (CliException e) {
                if (attempt == 2) {
                    throw lost; // the platform itself is gone
                }
                root.sleep(POLL); // a connection closed with the lost answer may still be tried first
            }
        }
        root.err().println("The answer to the vectorisation request was lost (" + lost.getMessage() + "); following its status instead");
        root.err().flush();
        while (s.path("running").asBoolean()) {
            root.sleep(POLL);
            s = root.api().get("/api/kb/vectorization");
        }
        JsonNode counts = s.path("counts").path(type);
        if (root.json()) {
            root.printJson(s);
        } else {
            root.out().println("Vectorisation ended: " + counts.path("done").asLong() + " " + noun(type) + " done, " + counts.path("pending").asLong()
                    + " pending, " + counts.path("failed").asLong() + " failed");
            root.out().flush();
        }
        return counts.path("failed").asLong() > 0 || counts.path("pending").asLong() > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private static JsonNode join(CompletableFuture<JsonNode> call) {
        try {
            return call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.FAILED, "interrupted");
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new CliException(ExitCodes.FAILED, String.valueOf(e.getCause()));
        }
    }

    private static String line(long done, long total, String type) {
        int pct = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
        int filled = pct * BAR / 100;
        return "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "] " + String.format("%3d%%", pct) + " " + done + "/" + total + " " + noun(type);
    }

    static String noun(String type) {
        return type.equals("article") ? "articles" : "tickets";
    }

    static long pending(JsonNode status, String type) {
        return status.path("counts").path(type).path("pending").asLong();
    }

    private static long failed(Enreach root, String type) {
        return root.api().get("/api/kb/vectorization").path("counts").path(type).path("failed").asLong();
    }
}
