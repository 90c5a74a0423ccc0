package com.enreach.tools.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small HTTP server on 127.0.0.1 for test doubles of vendor APIs. Routes match method and path (without query);
 * a route answers with a function of the exchange, and one-shot overrides can be queued in front of it to script
 * faults (a 503, a 429 with Retry-After, a truncated body). Every request is recorded.
 */
public class FixtureServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, Function<Request, Response>> routes = new LinkedHashMap<>();
    private final Map<String, Deque<Response>> overrides = new LinkedHashMap<>();
    public final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    /** A received request; {@code path} is decoded, {@code rawPath} as sent on the wire. */
    public record Request(String method, String path, String rawPath, String query, Map<String, List<String>> headers, String body) {
        /** A query parameter's decoded value, or null. */
        public String param(String name) {
            if (query == null) {
                return null;
            }
            for (String kv : query.split("&")) {
                int i = kv.indexOf('=');
                String k = i < 0 ? kv : kv.substring(0, i);
                if (java.net.URLDecoder.decode(k, StandardCharsets.UTF_8).equals(name)) {
                    return i < 0 ? "" : java.net.URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** An answer. */
    public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
        public static Response json(String body) {
            return new Response(200, "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        public static Response text(int status, String contentType, String body) {
            return new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        public static Response status(int status) {
            return new Response(status, "text/plain", ("HTTP " + status).getBytes(StandardCharsets.UTF_8), Map.of());
        }

        public Response withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Response(status, contentType, body, h);
        }
    }

    public FixtureServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Routes {@code METHOD path} to a handler. */
    public FixtureServer route(String method, String path, Function<Request, Response> handler) {
        routes.put(method + " " + path, handler);
        return this;
    }

    /** Routes {@code GET path} to a fixed JSON body. */
    public FixtureServer json(String path, String body) {
        return route("GET", path, r -> Response.json(body));
    }

    /** Queues one-shot answers for {@code METHOD path} that are served before its route. */
    public FixtureServer once(String method, String path, Response... responses) {
        Deque<Response> q = overrides.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>());
        Collections.addAll(q, responses);
        return this;
    }

    /** Requests received for one path. */
    public List<Request> requestsTo(String path) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.path().equals(path)).toList();
        }
    }

    /** Reads a classpath resource (fixture file) as UTF-8. */
    public static String resource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name + " beside " + owner.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request req = new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(),
                    Map.copyOf(ex.getRequestHeaders()), body);
            requests.add(req);
            String key = req.method() + " " + req.path();
            Response resp;
            synchronized (overrides) {
                Deque<Response> q = overrides.get(key);
                resp = q == null ? null : q.poll();
            }
            if (resp == null) {
                Function<Request, Response> h = routes.get(key);
                resp = h == null ? Response.status(404) : h.apply(req);
            }
            ex.getResponseHeaders().set("Content-Type", resp.contentType());
            resp.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            ex.sendResponseHeaders(resp.status(), resp.body().length == 0 ? -1 : resp.body().length);
            if (resp.body().length > 0) {
                ex.getResponseBody().write(resp.body());
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
