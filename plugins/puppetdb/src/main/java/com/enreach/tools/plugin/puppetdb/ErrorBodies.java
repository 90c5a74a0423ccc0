package com.enreach.tools.plugin.puppetdb;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.HttpFailures;
import com.enreach.tools.source.support.JsonValues;
import com.enreach.tools.source.support.SourceHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keeps PuppetDB's own reason in a failure's message: a refused query (HTTP 400) says in its body which field or
 * operator PuppetDB did not accept, which the status alone does not. The text is made safe for terminals (no
 * control characters) and cut; an HTML page (from a proxy) is left out.
 */
final class ErrorBodies {
    static final int MAX_CHARS = 400;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ErrorBodies() {
    }

    /** Sends the request; a non-2xx answer throws the failure SourceHttp classifies, with the body's text added. */
    static HttpResponse<byte[]> send(SourceHttp http, HttpRequest request) throws SourceException {
        return send(http, request, null);
    }

    /** {@link #send(SourceHttp, HttpRequest)} naming the part of a larger read ("page 3 (offset 1000)"). */
    static HttpResponse<byte[]> send(SourceHttp http, HttpRequest request, String part) throws SourceException {
        HttpResponse<byte[]> r = http.sendRaw(request);
        if (!HttpFailures.success(r.statusCode())) {
            try {
                http.checkStatus(request, r.statusCode(), r.headers(), part);
            } catch (SourceException e) {
                throw withText(e, text(r.headers().firstValue("Content-Type").orElse(""), r.body()));
            }
        }
        return r;
    }

    /** The same failure (kind, code, field, retry delay) with {@code ": text"} added to its message. */
    static SourceException withText(SourceException e, String text) {
        if (text == null) {
            return e;
        }
        String message = e.userMessage() + ": " + text;
        if (e instanceof RetryableSourceException r) {
            return new RetryableSourceException(e.code(), e.field(), message, null, r.retryAfter(), e);
        }
        return new PermanentSourceException(e.code(), e.field(), message, null, e);
    }

    /** The readable reason in an error body: the "error"/"msg" member of a JSON object, else the text; or null. */
    static String text(String contentType, byte[] body) {
        if (body == null || body.length == 0 || contentType.contains("html")) {
            return null;
        }
        String s = new String(body, StandardCharsets.UTF_8).strip();
        if (s.startsWith("<")) {
            return null;
        }
        if (s.startsWith("{")) {
            try {
                JsonNode n = MAPPER.readTree(s);
                String member = JsonValues.firstText(n.get("error"), n.get("msg"), n.get("message"));
                if (member != null) {
                    s = member;
                }
            } catch (java.io.IOException notJson) {
                // keep the raw text
            }
        }
        s = s.replaceAll("\\s+", " ").replaceAll("\\p{Cc}", "").strip();
        if (s.isEmpty()) {
            return null;
        }
        return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS) + "…";
    }
}
