package com.enreach.tools.plugin.confluence;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.HttpFailures;
import com.enreach.tools.source.support.SourceHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Single requests against one Confluence site; retries are the caller's {@code SourceContext.call}. Failures are
 * classified like every source's ({@link HttpFailures}) with Confluence's own explanation appended, and name the
 * request ("GET /wiki/api/v2/pages page 3"); credentials and bodies never appear.
 */
final class ConfluenceClient {
    static final String SYSTEM = "Confluence";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_MESSAGE = 300;

    /** An answer whose status the caller handles itself (a page gone or hidden since it was listed). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return body != null;
        }
    }

    private final SourceHttp http;

    ConfluenceClient(SourceHttp http) {
        this.http = http;
    }

    URI base() {
        return http.base();
    }

    /** GETs a path with query; every non-2xx is a classified failure, a body that is not JSON is malformed. */
    JsonNode get(String href, String part) throws SourceException {
        return answer(href, part).body();
    }

    /**
     * GETs a path with query; a 2xx or one of the {@code handled} statuses comes back as an answer (a handled
     * status without body), any other status is a classified failure.
     */
    Answer answer(String href, String part, int... handled) throws SourceException {
        return exchange(request(href), part, handled);
    }

    private Answer exchange(HttpRequest request, String part, int... handled) throws SourceException {
        HttpResponse<byte[]> r = http.sendRaw(request);
        for (int h : handled) {
            if (r.statusCode() == h) {
                return new Answer(h, null);
            }
        }
        if (!HttpFailures.success(r.statusCode())) {
            throw failure(request, r, part);
        }
        return new Answer(r.statusCode(), http.parseJson(request, r, part));
    }

    /** POSTs a JSON document; like {@link #answer} for the answer. */
    Answer postAnswer(String path, JsonNode body, String part, int... handled) throws SourceException {
        HttpRequest request = http.request(path).header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return exchange(request, part, handled);
    }

    private HttpRequest request(String href) throws SourceException {
        try {
            return http.request(href).header("Accept", "application/json").GET().build();
        } catch (IllegalArgumentException e) {
            throw PermanentSourceException.malformed(SYSTEM, "a link is not a valid URL", e);
        }
    }

    private static SourceException failure(HttpRequest request, HttpResponse<byte[]> r, String part) {
        String path = request.uri().getRawPath() + (part == null ? "" : " " + part);
        return HttpFailures.of(SYSTEM, request.method(), path, r.statusCode(), r.headers(), remoteMessage(r), null);
    }

    /**
     * Confluence's explanation: v1 answers {@code {"message": "..."}}, v2 {@code {"errors": [{"title", "detail"}]}}.
     * One line, bounded; null when the body is no such JSON.
     */
    static String remoteMessage(HttpResponse<byte[]> r) {
        String ct = r.headers().firstValue("Content-Type").orElse("");
        if (r.body().length == 0 || !ct.contains("json")) {
            return null;
        }
        try {
            JsonNode n = MAPPER.readTree(r.body());
            String m = n.path("message").asText(null);
            JsonNode err = n.path("errors").path(0);
            if (m == null && !err.isMissingNode()) {
                m = err.path("detail").isTextual() ? err.path("detail").asText() : err.path("title").asText(null);
            }
            if (m == null) {
                return null;
            }
            String one = m.replaceAll("\\p{Cntrl}+", " ").trim();
            return one.length() > MAX_MESSAGE ? one.substring(0, MAX_MESSAGE) + "..." : one;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
