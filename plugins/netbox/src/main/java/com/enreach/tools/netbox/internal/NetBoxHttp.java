package com.enreach.tools.netbox.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.netbox.client.NetBoxConnection;
import com.enreach.tools.netbox.client.NetBoxException;
import com.enreach.tools.source.support.HttpFailures;
import com.enreach.tools.source.support.SourceHttp;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The transport of one NetBox client: one request, its answer parsed as JSON, every failure as a
 * {@link NetBoxException}. Redirects, TLS and transport errors come from {@link SourceHttp}; the token goes only into
 * the Authorization header, never into a message.
 */
final class NetBoxHttp {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final SourceHttp http;
    private final String basePath;
    private final AtomicLong requests = new AtomicLong();
    private final String token;

    /** An answer with a status NetBox chose (2xx, or a 4xx the caller handles per object). */
    record Answer(int status, Object body) {
    }

    NetBoxHttp(NetBoxConnection c) {
        URI base = baseUrl(c.url());
        String auth = authorization(c.token());
        Duration timeout = c.timeout() == null || c.timeout().isZero() || c.timeout().isNegative()
                ? DEFAULT_TIMEOUT : c.timeout();
        try {
            this.http = SourceHttp.builder("NetBox", base).tls(c.caFile(), c.insecure()).requestTimeout(timeout)
                    .connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
                    .header("Authorization", auth).header("Accept", "application/json").build();
        } catch (SourceException e) {
            throw new IllegalArgumentException(e.userMessage(), e);
        }
        this.basePath = base.getRawPath();
        this.token = c.token().trim();
    }

    /** The base URL without a trailing {@code /} or {@code /api}. */
    static URI baseUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("url: the NetBox URL is missing");
        }
        String s = url.trim();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.endsWith("/api")) {
            s = s.substring(0, s.length() - 4);
        }
        URI u;
        try {
            u = new URI(s);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("url: " + s + " is not a valid URL");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
            throw new IllegalArgumentException("url: " + s + " is not an absolute http(s) URL");
        }
        if (u.getRawUserInfo() != null || u.getRawQuery() != null) {
            throw new IllegalArgumentException("url: give the NetBox address without user, password or query");
        }
        return u;
    }

    /** {@code Token <key>} for a v1 key, {@code Bearer nbt_<key>.<secret>} for a v2 token. */
    static String authorization(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("token: the NetBox API token is missing");
        }
        String t = token.trim();
        if (!t.chars().allMatch(ch -> ch > 32 && ch < 127)) {
            throw new IllegalArgumentException("token: the NetBox API token holds spaces or non-ASCII characters");
        }
        if (t.startsWith("nbt_")) {
            int dot = t.indexOf('.');
            if (dot <= 4 || dot == t.length() - 1) {
                throw new IllegalArgumentException("token: a NetBox v2 token has the form nbt_<key>.<secret>");
            }
            return "Bearer " + t;
        }
        return "Token " + t;
    }

    long requestCount() {
        return requests.get();
    }

    /** The path of an endpoint's list ({@code /api/dcim/devices/}) below the base. */
    String listPath(String endpoint) {
        String e = endpoint == null ? "" : endpoint.trim();
        while (e.startsWith("/")) {
            e = e.substring(1);
        }
        while (e.endsWith("/")) {
            e = e.substring(0, e.length() - 1);
        }
        if (e.startsWith("api/")) {
            e = e.substring(4);
        }
        if (e.isEmpty()) {
            throw new IllegalArgumentException("endpoint is empty");
        }
        return "/api/" + e + "/";
    }

    /** The base path (for {@code next} links of a NetBox hosted below a prefix). */
    String basePath() {
        return basePath;
    }

    /** Sends and accepts only 2xx; 404 is returned (status 404, body) for callers that treat it as "absent". */
    Answer send(String method, String pathAndQuery, Object body, boolean keep4xx) {
        HttpRequest.Builder rb = http.request(pathAndQuery);
        if (body == null) {
            rb.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                rb.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body)));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("a " + method + " body for " + path(pathAndQuery) + " cannot be written as JSON", e);
            }
        }
        HttpRequest request = rb.build();
        String where = "NetBox " + method + " " + path(pathAndQuery);
        HttpResponse<byte[]> r;
        requests.incrementAndGet();
        try {
            r = http.sendRaw(request);
        } catch (SourceException e) {
            Duration ra = e instanceof RetryableSourceException rs ? rs.retryAfter() : null;
            throw new NetBoxException(e.userMessage(), 0, e.retryable(), ra == null ? -1 : ra.toSeconds(), e);
        }
        int status = r.statusCode();
        if (HttpFailures.success(status)) {
            return new Answer(status, status == 204 || r.body().length == 0 ? null : parse(where, r));
        }
        Object errorBody = lenient(r.body());
        if (status == 401 || status == 403) {
            throw new NetBoxException("NetBox refused the token (HTTP " + status + " on " + method + " " + path(pathAndQuery)
                    + ")" + says(errorBody) + ": check the token and its permissions", status, false, -1, null);
        }
        if (HttpFailures.retryable(status)) {
            Duration ra = HttpFailures.retryAfter(r.headers());
            String what = status == 429 ? " asked to slow down (HTTP 429)" : " failed with HTTP " + status;
            throw new NetBoxException(where + what + says(errorBody), status, true, ra == null ? -1 : ra.toSeconds(), null);
        }
        if (keep4xx) {
            return new Answer(status, errorBody);
        }
        throw new NetBoxException(where + " was refused with HTTP " + status + says(errorBody), status, false, -1, null);
    }

    private Object parse(String where, HttpResponse<byte[]> r) {
        String ct = r.headers().firstValue("Content-Type").orElse("");
        if (!ct.isEmpty() && !ct.contains("json")) {
            throw new NetBoxException("Malformed answer from " + where + ": expected JSON but got "
                    + ct.split(";")[0].trim(), r.statusCode(), false, -1, null);
        }
        try {
            return MAPPER.readValue(r.body(), Object.class);
        } catch (JsonProcessingException e) {
            throw new NetBoxException("Malformed answer from " + where + ": " + SourceHttp.notJson(r.body(), e),
                    r.statusCode(), false, -1, e);
        } catch (IOException e) {
            throw new NetBoxException("Malformed answer from " + where + ": unreadable body", r.statusCode(), false, -1, e);
        }
    }

    /** An error body as JSON when it is JSON, else its first line as text (an HTML error page gives nothing). */
    private static Object lenient(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readValue(body, Object.class);
        } catch (IOException e) {
            String s = new String(body, 0, Math.min(body.length, 200), java.nio.charset.StandardCharsets.UTF_8).strip();
            return s.startsWith("<") ? null : s.lines().findFirst().orElse(null);
        }
    }

    private String says(Object errorBody) {
        // NetBox does not echo tokens, but a proxy in front of it might: never let one into a message
        String s = NetBoxErrors.summary(errorBody).replace(token, "***");
        return s.isBlank() ? "" : ": " + s;
    }

    private static String path(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }
}
