package com.enreach.tools.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The small REST client every command shares: JSON in and out, the bearer token on every request, and failures
 * turned into {@link CliException}s that carry the documented exit code.
 */
final class Api {
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final TokenSource token;

    Api(String baseUrl, TokenSource token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    String baseUrl() {
        return baseUrl;
    }

    JsonNode get(String path) {
        return send("GET", path, null);
    }

    JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    JsonNode delete(String path) {
        return send("DELETE", path, null);
    }

    /** Sends one request; returns the parsed body of a 2xx answer (missing when empty), throws otherwise. */
    JsonNode send(String method, String path, Object body) {
        return send(method, path, body, REQUEST_TIMEOUT);
    }

    /** As {@link #send(String, String, Object)}, for a request that may take longer than usual (a vectorisation). */
    JsonNode send(String method, String path, Object body, Duration timeout) {
        return parse(exchange(method, path, body, "application/json", timeout), method, path);
    }

    /** A GET whose 2xx body is not JSON (a report's CSV), as text; errors as for {@link #send}. */
    String getText(String path, String accept) {
        return exchange("GET", path, null, accept, REQUEST_TIMEOUT).body();
    }

    private HttpResponse<String> exchange(String method, String path, Object body, String accept, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Accept", accept);
        String secret = token.secret();
        if (secret != null) {
            b.header("Authorization", "Bearer " + secret);
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)));
        }
        HttpResponse<String> r = call(b, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() >= 200 && r.statusCode() < 300) {
            return r;
        }
        throw error(r, method, path);
    }

    /**
     * POSTs a JSON body asking for server-sent events and hands each event (name, parsed data) to {@code onEvent} as
     * it arrives. An error answer (4xx/5xx before the stream starts) throws as {@link #send} does.
     */
    void stream(String path, Object body, java.util.function.BiConsumer<String, JsonNode> onEvent) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "text/event-stream").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)));
        String secret = token.secret();
        if (secret != null) {
            b.header("Authorization", "Bearer " + secret);
        }
        HttpResponse<java.io.InputStream> r = call(b, HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            if (r.statusCode() < 200 || r.statusCode() >= 300) {
                StringBuilder text = new StringBuilder();
                in.lines().forEach(l -> text.append(l).append('\n'));
                throw error(r.statusCode(), text.toString(), "POST", path);
            }
            SseReader.read(in, onEvent);
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "The answer stream from " + baseUrl + path + " broke off: " + e.getMessage());
        }
    }

    /** Sends; a platform that cannot be reached is a CliException with exit code 3. */
    private <T> HttpResponse<T> call(HttpRequest.Builder b, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(b.build(), handler);
        } catch (ConnectException e) {
            throw unreachable("connection refused");
        } catch (HttpTimeoutException e) {
            throw unreachable("no answer in time");
        } catch (IOException e) {
            throw unreachable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.FAILED, "interrupted");
        }
    }

    private CliException unreachable(String why) {
        return new CliException(ExitCodes.UNREACHABLE, "Enreach Tools is not reachable at " + baseUrl + " (" + why
                + "). Is it running? Start it with 'enreach start', or check --host/--port (ENREACH_PORT).");
    }

    private JsonNode parse(HttpResponse<String> r, String method, String path) {
        if (r.body() == null || r.body().isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (JsonProcessingException e) {
            throw new CliException(ExitCodes.FAILED, method + " " + path + " answered " + r.statusCode() + " with a body that is not JSON");
        }
    }

    private ApiError error(HttpResponse<String> r, String method, String path) {
        return error(r.statusCode(), r.body(), method, path);
    }

    private ApiError error(int status, String body, String method, String path) {
        JsonNode err = MissingNode.getInstance();
        try {
            if (body != null && !body.isBlank()) {
                err = Json.MAPPER.readTree(body).path("error");
            }
        } catch (JsonProcessingException e) {
            // not our JSON (a proxy, another server on this port): fall back to the status line below
        }
        String message = err.path("message").asText("");
        if (message.isEmpty()) {
            message = method + " " + path + " failed with HTTP " + status;
        }
        StringBuilder text = new StringBuilder(message);
        for (JsonNode d : err.path("detail")) {
            if (d.hasNonNull("message")) {
                text.append(System.lineSeparator()).append("  - ").append(d.path("field").asText("(general)"))
                        .append(": ").append(d.path("message").asText());
            }
        }
        if (status == 401) {
            text.append(System.lineSeparator()).append("  ").append(token.hint());
        }
        return new ApiError(status, err.path("code").asText(null), text.toString(), err.path("detail"));
    }

    /** Encodes one path segment (instance or device names may hold spaces and unicode). */
    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code path?k=v&...}, leaving out null values. */
    static String query(String path, Map<String, ?> params) {
        StringJoiner q = new StringJoiner("&");
        for (Map.Entry<String, ?> e : params.entrySet()) {
            if (e.getValue() != null) {
                q.add(e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8));
            }
        }
        return q.length() == 0 ? path : path + "?" + q;
    }

    /** An ordered parameter map for {@link #query}, written as key, value, key, value... */
    static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
