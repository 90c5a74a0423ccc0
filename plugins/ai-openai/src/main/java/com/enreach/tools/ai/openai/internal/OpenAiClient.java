package com.enreach.tools.ai.openai.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.ai.AiException;
import com.enreach.tools.api.ai.ChatListener;
import com.enreach.tools.api.ai.ChatRequest;
import com.enreach.tools.api.ai.ChatResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One streamed chat-completions call over {@code java.net.http}. Lines are handed over through a queue the calling
 * thread polls with the configured timeout, so a server that stops sending (before the headers or mid-stream) ends in
 * {@link AiException.Kind#TIMEOUT} without a thread of our own.
 */
final class OpenAiClient {
    private static final Logger LOG = LoggerFactory.getLogger(OpenAiClient.class);
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final Settings s;
    private final HttpClient http;
    private final ObjectMapper json;
    private final RequestBody bodies;
    private final Failures failures;

    private record Head(int status, HttpHeaders headers) {
    }

    private record Failed(Throwable error) {
    }

    private static final Object END = new Object();

    OpenAiClient(Settings s, HttpClient http, ObjectMapper json) {
        this.s = s;
        this.http = http;
        this.json = json;
        this.bodies = new RequestBody(json);
        this.failures = new Failures(s, json);
    }

    ChatResponse chat(ChatRequest request, ChatListener listener) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(bodies.of(request, s, true));
        } catch (IOException | IllegalArgumentException e) {
            throw new AiException(AiException.Kind.BAD_REQUEST, s.name(), s.who() + ": cannot build the request: "
                    + e.getMessage(), null, null);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(s.endpoint()).header("Content-Type", "application/json")
                .header("Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if ("bearer".equals(s.auth())) {
            b.header("Authorization", "Bearer " + s.key());
        } else if ("api-key".equals(s.auth())) {
            b.header("api-key", s.key());
        }
        LOG.debug("{}: model {}, {} messages, {} tools, {} bytes", s.who(), s.model(), request.messages().size(),
                request.tools().size(), body.length);
        BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        Lines lines = new Lines(queue);
        CompletableFuture<HttpResponse<Void>> call = http.sendAsync(b.build(), info -> {
            queue.add(new Head(info.statusCode(), info.headers()));
            return HttpResponse.BodySubscribers.fromLineSubscriber(lines);
        });
        call.whenComplete((r, e) -> {
            if (e != null) {
                queue.add(new Failed(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e));
            }
        });
        try {
            return read(queue, listener);
        } catch (AiException e) {
            LOG.debug("{}", e.getMessage());
            throw e;
        } finally {
            lines.cancel();
            call.cancel(true);
        }
    }

    private ChatResponse read(BlockingQueue<Object> queue, ChatListener listener) {
        Object first = next(queue);
        if (!(first instanceof Head head)) {
            throw failure(first);
        }
        if (head.status() != 200) {
            throw failures.status(head.status(), head.headers(), rest(queue));
        }
        Assembler turn = new Assembler(listener);
        boolean eventStream = head.headers().firstValue("content-type").orElse("").contains("text/event-stream");
        if (!eventStream) {
            // some servers answer stream=true with one JSON document
            String whole = rest(queue);
            try {
                turn.completion(json.readTree(whole));
            } catch (IOException e) {
                throw failures.malformed("the answer is neither an event stream nor JSON", e);
            }
            return finish(turn);
        }
        StringBuilder data = new StringBuilder();
        while (true) {
            Object item = next(queue);
            if (item == END) {
                if (!data.isEmpty() && dispatch(data.toString(), turn)) {
                    return finish(turn);
                }
                if (turn.finished()) {
                    return finish(turn);
                }
                throw failures.malformed("the stream ended before the answer was complete (no finish_reason, no [DONE])",
                        null);
            }
            if (!(item instanceof String line)) {
                throw failure(item);
            }
            if (line.isEmpty()) {
                if (!data.isEmpty() && dispatch(data.toString(), turn)) {
                    return finish(turn);
                }
                data.setLength(0);
            } else if (line.startsWith("data:")) {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(line.substring(5).strip());
            }
            // "event:", "id:", "retry:" and ":" comment lines carry nothing we need
        }
    }

    /** One event's data; true at {@code [DONE]}. */
    private boolean dispatch(String data, Assembler turn) {
        if (data.equals("[DONE]")) {
            return true;
        }
        JsonNode chunk;
        try {
            chunk = json.readTree(data);
        } catch (IOException e) {
            throw failures.malformed("a stream chunk is not JSON: " + failures.scrub(abbreviate(data)), null);
        }
        if (chunk == null || !chunk.isObject()) {
            throw failures.malformed("a stream chunk is not a JSON object: " + failures.scrub(abbreviate(data)), null);
        }
        if (chunk.has("error")) {
            throw failures.streamError(chunk.path("error"));
        }
        turn.chunk(chunk);
        return false;
    }

    private ChatResponse finish(Assembler turn) {
        String incomplete = turn.incompleteCall();
        if (incomplete != null) {
            throw failures.malformed(incomplete, null);
        }
        String reason = turn.finishReason();
        if (reason == null) {
            throw failures.malformed("the answer carries no finish_reason", null);
        }
        String stop = switch (reason) {
            case "tool_calls", "function_call" -> "tool_use";
            case "length" -> "max_tokens";
            case "content_filter" -> throw new AiException(AiException.Kind.BAD_REQUEST, s.name(), s.who()
                    + ": the endpoint's content filter withheld the answer (finish_reason content_filter)");
            default -> turn.hasToolCalls() ? "tool_use" : "end_turn"; // stop, eos, ...
        };
        return turn.response(stop, s.model());
    }

    /** The remaining body as text (error bodies, whole-JSON answers), bounded. */
    private String rest(BlockingQueue<Object> queue) {
        StringBuilder b = new StringBuilder();
        while (b.length() < MAX_ERROR_BODY) {
            Object item = next(queue);
            if (item == END) {
                break;
            }
            if (!(item instanceof String line)) {
                throw failure(item);
            }
            b.append(line).append('\n');
        }
        return b.toString();
    }

    private Object next(BlockingQueue<Object> queue) {
        try {
            Object item = queue.poll(s.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (item == null) {
                throw failures.timeout();
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AiException(AiException.Kind.UNAVAILABLE, s.name(), s.who() + ": interrupted", null, null);
        }
    }

    private AiException failure(Object item) {
        Throwable e = item instanceof Failed f ? f.error() : new IllegalStateException("unexpected " + item);
        if (e instanceof HttpTimeoutException) {
            return failures.timeout();
        }
        if (e instanceof IOException && e.getMessage() != null && e.getMessage().contains("EOF")) {
            return failures.malformed("the connection closed before the answer was complete", null);
        }
        return failures.unreachable(e);
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    /** Hands the body's lines to the queue. */
    private static final class Lines implements Flow.Subscriber<String> {
        private final BlockingQueue<Object> queue;
        private volatile Flow.Subscription subscription;
        private volatile boolean cancelled;

        Lines(BlockingQueue<Object> queue) {
            this.queue = queue;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (cancelled) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(String line) {
            queue.add(line);
        }

        @Override
        public void onError(Throwable t) {
            queue.add(new Failed(t));
        }

        @Override
        public void onComplete() {
            queue.add(END);
        }

        void cancel() {
            cancelled = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
