package com.enreach.tools.plugin.ontap;

import java.net.http.HttpResponse;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.HttpFailures;
import com.enreach.tools.source.support.JsonValues;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a non-2xx ONTAP answer into a {@link SourceException}. ONTAP explains its refusals in
 * {@code {"error":{"message","code","target"}}}; that message is what an operator needs ("User is not authorized",
 * "The value "x" is invalid for field "fields""), so it is kept, shortened and on one line. Request headers and
 * credentials never appear.
 */
final class OntapErrors {
    /** ONTAP's code for a field name it does not know, e.g. in {@code fields=} on an older release. */
    static final String INVALID_FIELD = "262197";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_MESSAGE = 300;

    private OntapErrors() {
    }

    /** The ONTAP error carried by a body; fields are null when the body is not ONTAP's error JSON. */
    record OntapError(String message, String code, String target) {
        static final OntapError NONE = new OntapError(null, null, null);
    }

    static SourceException of(String method, String path, HttpResponse<byte[]> r) {
        int status = r.statusCode();
        OntapError e = parse(r);
        String what = "ONTAP " + method + " " + path;
        String says = e.message() == null ? "" : ": " + e.message();
        // ONTAP-specific advice first; every other status is classified like any source's
        if (status == 403) {
            return new PermanentSourceException("auth", "username", "ONTAP refused " + method + " " + path
                    + " to this account (HTTP 403)" + says + "; it needs at least the readonly role", detail(e), null);
        }
        if (status == 404) {
            return new PermanentSourceException("not_found", "url", what
                    + " answered 404 Not Found (is url the cluster management address?)" + says, detail(e), null);
        }
        if (status == 400 && INVALID_FIELD.equals(e.code())) {
            return new PermanentSourceException("invalid_field", null, what + " does not know a requested field"
                    + says + " (ONTAP release too old for this plugin?)", detail(e), null);
        }
        return HttpFailures.of("ONTAP", method, path, status, r.headers(), e.message(), detail(e));
    }

    static OntapError parse(HttpResponse<byte[]> r) {
        String ct = r.headers().firstValue("Content-Type").orElse("");
        if (r.body().length == 0 || !ct.contains("json")) {
            return OntapError.NONE;
        }
        try {
            return of(MAPPER.readTree(r.body()).path("error"));
        } catch (java.io.IOException | RuntimeException ex) {
            return OntapError.NONE;
        }
    }

    /** An ONTAP error object ({@code message}, {@code code}, {@code target}), cleaned for messages. */
    static OntapError of(JsonNode err) {
        return new OntapError(clean(JsonValues.text(err, "message")), clean(JsonValues.text(err, "code")),
                clean(JsonValues.text(err, "target")));
    }

    static String detail(OntapError e) {
        return e.code() == null ? null : "ONTAP error code " + e.code() + (e.target() == null ? "" : ", target " + e.target());
    }

    /** One line, printable, bounded: the message goes into run history and the CLI. */
    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String one = s.replaceAll("\\p{Cntrl}+", " ").trim();
        return one.length() > MAX_MESSAGE ? one.substring(0, MAX_MESSAGE) + "..." : one;
    }
}
