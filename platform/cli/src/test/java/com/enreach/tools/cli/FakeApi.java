package com.enreach.tools.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the platform's REST API on 127.0.0.1: canned answers per "METHOD /path" (query ignored for
 * matching, recorded for asserts). Several answers for one route are given in turn; the last one repeats.
 */
final class FakeApi implements AutoCloseable {
    /** A request as received. */
    record Request(String method, String path, String query, String authorization, String body, String accept) {
        String target() {
            return method + " " + path + (query == null ? "" : "?" + query);
        }
    }

    private record Answer(int status, String body) {
    }

    /** As a status: close the connection without answering. */
    static final int DROP = 0;

    private final HttpServer server;
    private final Map<String, Deque<Answer>> routes = new HashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Runnable> onEach = new HashMap<>();
    private final Map<String, java.util.concurrent.CountDownLatch> holds = new HashMap<>();
    private String requiredToken;

    FakeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        // requests are answered in parallel, so a held answer (holdUntil) does not block the others
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        on("GET", "/api/health", 200, "{\"status\":\"ok\"}");
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Adds an answer for a route (several calls: answered in turn, the last one repeats). */
    synchronized FakeApi on(String method, String path, int status, String json) {
        routes.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).add(new Answer(status, json));
        return this;
    }

    /** Replaces every answer of a route with this one (the health check the constructor sets up, for one). */
    synchronized FakeApi only(String method, String path, int status, String json) {
        routes.remove(method + " " + path);
        return on(method, path, status, json);
    }

    /** Runs the action whenever a request for the route arrives (before it is answered). */
    synchronized FakeApi onEach(String method, String path, Runnable action) {
        onEach.put(method + " " + path, action);
        return this;
    }

    /** Holds the answers of a route until the latch opens (at most 30 s): a long-running request, ended by the test. */
    synchronized FakeApi holdUntil(String method, String path, java.util.concurrent.CountDownLatch latch) {
        holds.put(method + " " + path, latch);
        return this;
    }

    /** Answer 401 like the platform unless this bearer token is sent (the health check needs none). */
    synchronized FakeApi requireToken(String token) {
        requiredToken = token;
        return this;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Requests other than the health check, as "METHOD /path?query". */
    synchronized List<String> targets() {
        return requests.stream().filter(r -> !r.path().equals("/api/health")).map(Request::target).toList();
    }

    private void handle(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = x.getRequestURI().getRawPath();
        Request req = new Request(x.getRequestMethod(), path, x.getRequestURI().getRawQuery(),
                x.getRequestHeaders().getFirst("Authorization"), body, x.getRequestHeaders().getFirst("Accept"));
        Answer a;
        Runnable action;
        java.util.concurrent.CountDownLatch hold;
        synchronized (this) {
            requests.add(req);
            a = answer(req);
            action = onEach.get(req.method() + " " + req.path());
            hold = holds.get(req.method() + " " + req.path());
        }
        if (action != null) {
            action.run();
        }
        if (hold != null) {
            try {
                hold.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (a.status() == DROP) {
            x.close(); // no answer at all: the connection is closed, as a proxy or an idle timeout would
            return;
        }
        if (a.body().startsWith("event:")) {
            // server-sent events: sent frame by frame, flushed, as the platform streams an answer
            x.getResponseHeaders().add("Content-Type", "text/event-stream");
            x.sendResponseHeaders(a.status(), 0);
            try (OutputStream out = x.getResponseBody()) {
                for (String frame : a.body().split("(?<=\n\n)")) {
                    out.write(frame.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
            return;
        }
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Answer answer(Request req) {
        boolean open = req.path().equals("/api/health");
        if (!open && requiredToken != null && !("Bearer " + requiredToken).equals(req.authorization())) {
            return new Answer(401, error("invalid_token", "The token is unknown or revoked"));
        }
        Deque<Answer> q = routes.get(req.method() + " " + req.path());
        if (q == null || q.isEmpty()) {
            return new Answer(404, error("not_found", "No such API route (see /api/openapi.json)"));
        }
        return q.size() > 1 ? q.poll() : q.peek();
    }

    static String error(String code, String message) {
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
