package com.enreach.tools.source.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An HTTP client for one source instance. Every failure comes out as a {@link SourceException}:
 * <ul>
 * <li>timeouts, connection refused/reset, 5xx and 429 (with its Retry-After) are retryable;</li>
 * <li>401/403 ({@code auth}), 404 ({@code not_found}, usually a wrong URL), other 4xx, TLS failures ({@code tls})
 *     and unknown hosts ({@code unreachable}) are permanent.</li>
 * </ul>
 * Messages name the system and the path, never headers, credentials or response bodies that could hold them.
 */
public final class SourceHttp {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client;
    private final URI base;
    private final String system;
    private final Duration requestTimeout;
    private final Map<String, String> headers;

    private SourceHttp(Builder b) {
        this.base = b.base;
        this.system = b.system;
        this.requestTimeout = b.requestTimeout;
        this.headers = Map.copyOf(b.headers);
        HttpClient.Builder cb = HttpClient.newBuilder()
                .connectTimeout(b.connectTimeout)
                // redirects are followed here, not by the JDK client: it would send the credentials to any host
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(b.sslContext);
        if (b.cookies) {
            cb.cookieHandler(new java.net.CookieManager());
        }
        this.client = cb.build();
    }

    /**
     * @param system what to call the remote in messages ("vCenter", "Foreman")
     * @param base   base URL of the API, no trailing slash
     */
    public static Builder builder(String system, URI base) {
        return new Builder(system, base);
    }

    public URI base() {
        return base;
    }

    /** Resolves a path (starting with '/') or an absolute URL against the base. */
    public URI uri(String pathOrUrl) {
        if (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://")) {
            return URI.create(pathOrUrl);
        }
        return URI.create(base + pathOrUrl);
    }

    /** A request builder for a path with this instance's default headers and timeout. */
    public HttpRequest.Builder request(String pathOrUrl) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri(pathOrUrl)).timeout(requestTimeout);
        headers.forEach(rb::header);
        return rb;
    }

    /** GETs a path and parses the JSON answer. */
    public JsonNode getJson(String pathOrUrl) throws SourceException {
        return getJson(pathOrUrl, null);
    }

    /**
     * GETs a path and parses the JSON answer; failures name {@code part} after the path.
     *
     * @param part which piece of a larger read this is ("page 3 of 20", "volume svm1:vol7"), or null
     * @since 1.3
     */
    public JsonNode getJson(String pathOrUrl, String part) throws SourceException {
        return json(request(pathOrUrl).header("Accept", "application/json").GET().build(), part);
    }

    /** Sends a request whose answer must be a 2xx JSON document. */
    public JsonNode json(HttpRequest request) throws SourceException {
        return json(request, null);
    }

    /**
     * Sends a request whose answer must be a 2xx JSON document; failures name {@code part} after the path.
     *
     * @since 1.3
     */
    public JsonNode json(HttpRequest request, String part) throws SourceException {
        HttpResponse<byte[]> r = send(request, part);
        return parseJson(request, r, part);
    }

    /** Parses an answer as JSON; XML, HTML or a truncated document is a permanent "malformed" failure. */
    public JsonNode parseJson(HttpRequest request, HttpResponse<byte[]> r) throws SourceException {
        return parseJson(request, r, null);
    }

    /**
     * {@link #parseJson(HttpRequest, HttpResponse)} naming {@code part} after the path. Messages describe what came
     * (truncated, an HTML page) and never quote the parser: no class names, no parser locations.
     *
     * @since 1.3
     */
    public JsonNode parseJson(HttpRequest request, HttpResponse<byte[]> r, String part) throws SourceException {
        String where = system + " " + request.method() + " " + path(request, part);
        String ct = r.headers().firstValue("Content-Type").orElse("");
        byte[] body = r.body();
        if (body.length == 0) {
            throw PermanentSourceException.malformed(where, "empty answer where JSON was expected", null);
        }
        if (!ct.isEmpty() && !ct.contains("json") && !ct.startsWith("text/plain")) {
            throw PermanentSourceException.malformed(where, "expected JSON but got " + ct.split(";")[0].trim(), null);
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw PermanentSourceException.malformed(where, "empty answer where JSON was expected", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw PermanentSourceException.malformed(where, notJson(body, e), e);
        } catch (IOException e) {
            throw PermanentSourceException.malformed(where, "unreadable body", e);
        }
    }

    /**
     * What a document that is not JSON looks like, in words, for plugins that parse an answer themselves: the
     * parser's own message holds its internals (class names, "[Source: ...; line: 1, column: 2]").
     *
     * @param body the answer, or its start
     * @since 1.3
     */
    public static String notJson(byte[] body, JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException) {
            return "the JSON answer ends early (truncated)";
        }
        String start = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8).stripLeading();
        if (start.startsWith("<")) {
            return "an HTML or XML page came instead of JSON (a proxy, login or error page?)";
        }
        return "the answer is not valid JSON";
    }

    /** The raw path, plus the part of a larger read when given. */
    private static String path(HttpRequest request, String part) {
        String p = request.uri().getRawPath();
        return part == null || part.isBlank() ? p : p + " " + part;
    }

    /** Sends a request; returns only 2xx answers, classifies everything else. */
    public HttpResponse<byte[]> send(HttpRequest request) throws SourceException {
        return send(request, null);
    }

    /**
     * {@link #send(HttpRequest)} naming {@code part} after the path in failures.
     *
     * @since 1.3
     */
    public HttpResponse<byte[]> send(HttpRequest request, String part) throws SourceException {
        HttpResponse<byte[]> r = sendRaw(request, part);
        checkStatus(request, r.statusCode(), r.headers(), part);
        return r;
    }

    /** Sends a request and returns the answer whatever its status; only transport failures are thrown. */
    public HttpResponse<byte[]> sendRaw(HttpRequest request) throws SourceException {
        return sendRaw(request, null);
    }

    private HttpResponse<byte[]> sendRaw(HttpRequest request, String part) throws SourceException {
        try {
            return exchange(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw transportFailure(request, e, part);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableSourceException("interrupted", system + " request was interrupted", e);
        }
    }

    /** Sends a request and streams the 2xx body (for large answers parsed incrementally). */
    public InputStream stream(HttpRequest request) throws SourceException {
        try {
            HttpResponse<InputStream> r = exchange(request, HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() / 100 != 2) {
                r.body().close();
            }
            checkStatus(request, r.statusCode(), r.headers());
            return r.body();
        } catch (IOException e) {
            throw transportFailure(request, e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableSourceException("interrupted", system + " request was interrupted", e);
        } catch (UncheckedIOException e) {
            throw transportFailure(request, e.getCause(), null);
        }
    }

    /**
     * Sends a request and follows up to {@value #MAX_REDIRECTS} redirects within the same origin (scheme, host and
     * port), where the credentials belong. A redirect elsewhere is refused: following it would hand the
     * instance's Authorization header or token to another server.
     */
    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException, SourceException {
        HttpRequest current = request;
        for (int hop = 0; ; hop++) {
            HttpResponse<T> r = client.send(current, handler);
            int status = r.statusCode();
            String location = r.headers().firstValue("Location").orElse(null);
            if (!REDIRECTS.contains(status) || location == null) {
                return r;
            }
            discard(r);
            String where = system + " " + current.method() + " " + current.uri().getRawPath();
            URI target;
            try {
                target = current.uri().resolve(location.trim());
            } catch (IllegalArgumentException e) {
                throw PermanentSourceException.malformed(where, "a redirect to an invalid address", null);
            }
            if (!sameOrigin(current.uri(), target)) {
                throw new PermanentSourceException("redirect", "url", where + " was redirected to another address ("
                        + target.getScheme() + "://" + target.getRawAuthority() + "); credentials are not sent there:"
                        + " set url to the address the API answers on", null, null);
            }
            if (hop >= MAX_REDIRECTS) {
                throw new PermanentSourceException("redirect", "url", where + " was redirected more than "
                        + MAX_REDIRECTS + " times", null, null);
            }
            // 303, and 301/302 after a POST, continue as GET (what browsers and the JDK client do); 307/308 keep the request
            boolean toGet = status == 303 || ((status == 301 || status == 302) && !current.method().equals("GET")
                    && !current.method().equals("HEAD"));
            HttpRequest.Builder b = HttpRequest.newBuilder(current, (name, value) -> true).uri(target);
            if (toGet) {
                b.GET();
            }
            current = b.build();
        }
    }

    private static final int MAX_REDIRECTS = 5;
    private static final java.util.Set<Integer> REDIRECTS = java.util.Set.of(301, 302, 303, 307, 308);

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static void discard(HttpResponse<?> r) {
        if (r.body() instanceof InputStream in) {
            try {
                in.close();
            } catch (IOException e) {
                // nothing to keep from a redirect body
            }
        }
    }

    private SourceException transportFailure(HttpRequest request, IOException e, String part) {
        String where = system + " at " + request.uri().getScheme() + "://" + request.uri().getAuthority();
        if (e instanceof HttpConnectTimeoutException) {
            return new RetryableSourceException("timeout", "url", "Connecting to " + where + " timed out", null, null, e);
        }
        if (e instanceof HttpTimeoutException) {
            return new RetryableSourceException("timeout", where + " did not answer " + request.method() + " "
                    + path(request, part) + " within " + requestTimeout.toSeconds() + " s", e);
        }
        Throwable root = rootCause(e);
        if (inChain(e, SSLException.class) || inChain(e, java.security.cert.CertificateException.class)
                || inChain(e, java.security.GeneralSecurityException.class)) {
            return new PermanentSourceException("tls", "url", "TLS handshake with " + where
                    + " failed: the server certificate is not trusted (set ca.file to its CA, or insecure=true to skip verification)",
                    root.toString(), e);
        }
        if (root instanceof UnknownHostException) {
            return new PermanentSourceException("unreachable", "url", "Host of " + where + " is unknown (check url)", root.toString(), e);
        }
        if (root instanceof ConnectException || inChain(e, ConnectException.class)) {
            return new RetryableSourceException("unreachable", "url", where + " refused the connection (is it running, is the port right?)", null, null, e);
        }
        return new RetryableSourceException("io", "Connection to " + where + " failed: " + root.getClass().getSimpleName(), e);
    }

    private static boolean inChain(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    /**
     * Classifies a non-2xx status (for APIs read with {@link #sendRaw}, such as SOAP faults carried by HTTP 500):
     * returns for 2xx, throws the classified failure otherwise.
     */
    public void checkStatus(HttpRequest request, int status, HttpHeaders h) throws SourceException {
        checkStatus(request, status, h, null);
    }

    /**
     * {@link #checkStatus(HttpRequest, int, HttpHeaders)} naming {@code part} after the path.
     *
     * @since 1.3
     */
    public void checkStatus(HttpRequest request, int status, HttpHeaders h, String part) throws SourceException {
        if (!HttpFailures.success(status)) {
            throw HttpFailures.of(system, request.method(), path(request, part), status, h, null, null);
        }
    }

    /** Parses Retry-After as seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(HttpHeaders h) {
        return HttpFailures.retryAfter(h);
    }

    /** Percent-encodes one path segment (node names with spaces, slashes, unicode); see {@link WebLinks#segment}. */
    public static String pathSegment(String s) {
        return WebLinks.segment(s);
    }

    /** Percent-encodes a query parameter value. */
    public static String query(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Builds an instance's client. */
    public static final class Builder {
        private final String system;
        private final URI base;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private SSLContext sslContext;
        private boolean cookies;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder(String system, URI base) {
            this.system = Objects.requireNonNull(system, "system is null");
            this.base = Objects.requireNonNull(base, "base is null");
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = d;
            return this;
        }

        public Builder requestTimeout(Duration d) {
            this.requestTimeout = d;
            return this;
        }

        /** TLS: verify against the JDK trust store, or the PEM CA file when given, or not at all when insecure. */
        public Builder tls(String caFile, boolean insecure) throws SourceException {
            this.sslContext = Tls.context(caFile, insecure);
            return this;
        }

        /** Keeps cookies between requests (session-cookie APIs). */
        public Builder cookies() {
            this.cookies = true;
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder basicAuth(String user, String password) {
            String token = java.util.Base64.getEncoder().encodeToString((user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
            return header("Authorization", "Basic " + token);
        }

        public SourceHttp build() throws SourceException {
            if (sslContext == null) {
                sslContext = Tls.context(null, false);
            }
            return new SourceHttp(this);
        }
    }
}
