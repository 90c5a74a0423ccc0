package com.enreach.tools.aidouble.openai;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the double plays for one request instead of a turn ({@link OpenAiDouble#fail(Fault)}).
 */
public final class Fault {
    enum Mode { STATUS, STREAM_ERROR, TRUNCATED, MALFORMED, STALL_BEFORE_HEADERS, STALL_IN_STREAM }

    final Mode mode;
    final int status;
    final String type;
    final String code;
    final String message;
    final Map<String, String> headers = new LinkedHashMap<>();

    private Fault(Mode mode, int status, String type, String code, String message) {
        this.mode = mode;
        this.status = status;
        this.type = type;
        this.code = code;
        this.message = message;
    }

    /** An HTTP error with OpenAI's error body {@code {"error": {"message", "type", "param", "code"}}}. */
    public static Fault status(int status, String type, String code, String message) {
        return new Fault(Mode.STATUS, status, type, code, message);
    }

    /** 429 {@code rate_limit_exceeded} with {@code Retry-After: seconds}. */
    public static Fault rateLimited(String retryAfterSeconds) {
        return status(429, "requests", "rate_limit_exceeded", "Rate limit reached for requests").header("Retry-After",
                retryAfterSeconds);
    }

    /** A 200 stream that starts answering, then sends {@code data: {"error": {...}}} and ends. */
    public static Fault errorInStream(String type, String message) {
        return new Fault(Mode.STREAM_ERROR, 200, type, null, message);
    }

    /** A 200 stream that sends some content and ends without {@code finish_reason} or {@code [DONE]}. */
    public static Fault truncated() {
        return new Fault(Mode.TRUNCATED, 200, null, null, null);
    }

    /** A 200 stream whose second chunk is not JSON. */
    public static Fault malformedChunk() {
        return new Fault(Mode.MALFORMED, 200, null, null, null);
    }

    /** Accepts the request and never answers (until the double is closed). */
    public static Fault stallBeforeHeaders() {
        return new Fault(Mode.STALL_BEFORE_HEADERS, 200, null, null, null);
    }

    /** Streams the first chunk, then sends nothing more (until the double is closed). */
    public static Fault stallInStream() {
        return new Fault(Mode.STALL_IN_STREAM, 200, null, null, null);
    }

    /** Adds a response header (e.g. {@code retry-after-ms}, {@code x-ratelimit-reset-requests}). */
    public Fault header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
