package com.enreach.tools.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** A small HTTP client for the platform's REST API, the way a script would use it. */
final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Api(String base) {
        this.base = base;
    }

    /** One answer: status, raw body, and the body as JSON (missing when it is not JSON). */
    record Reply(int status, String body, JsonNode json) {
        JsonNode at(String pointer) {
            return json.at(pointer);
        }

        String errorCode() {
            return json.at("/error/code").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 600 ? body.substring(0, 600) + "..." : body);
        }
    }

    String base() {
        return base;
    }

    Reply get(String path, String token) {
        return send("GET", path, authorization(token), null);
    }

    Reply post(String path, String token) {
        return send("POST", path, authorization(token), null);
    }

    Reply post(String path, String token, String jsonBody) {
        return send("POST", path, authorization(token), jsonBody);
    }

    Reply delete(String path, String token) {
        return send("DELETE", path, authorization(token), null);
    }

    static String authorization(String token) {
        return token == null ? null : "Bearer " + token;
    }

    /** Any method with any Authorization header value (null = none). */
    Reply send(String method, String path, String authorizationHeader, String jsonBody) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (authorizationHeader != null) {
            b.header("Authorization", authorizationHeader);
        }
        b.header("Accept", "application/json");
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body(), parse(r.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** An answer with its headers, for tests that check more than the body. */
    record Exchange(Reply reply, java.net.http.HttpHeaders headers) {
        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        int status() {
            return reply.status();
        }

        @Override
        public String toString() {
            return reply + " [Content-Type: " + contentType() + "]";
        }
    }

    /**
     * Sends exactly the given headers (and Authorization when not null) and body (null = none), nothing added: for
     * malformed requests (no or a wrong Content-Type, odd methods).
     */
    Exchange exchange(String method, String path, String authorizationHeader, java.util.Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (authorizationHeader != null) {
            b.header("Authorization", authorizationHeader);
        }
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Exchange(new Reply(r.statusCode(), r.body(), parse(r.body())), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
