package com.enreach.tools.aidouble.anthropic;

import java.time.Duration;

/**
 * A scripted failure, shaped as Anthropic fails: an HTTP error with the JSON error body
 * {@code {"type":"error","error":{"type":..,"message":..}}}, or a stream that goes wrong after it started.
 *
 * @param kind       what happens
 * @param status     HTTP status ({@link Kind#STATUS}); 200 for the stream faults
 * @param errorType  Anthropic's error type ({@code rate_limit_error}, {@code overloaded_error}, ...)
 * @param message    the error message
 * @param retryAfter value of the {@code retry-after} header, or null
 * @param stall      how long a {@link Kind#STALL} or {@link Kind#STALL_MID_STREAM} waits before giving up
 */
public record Fault(Kind kind, int status, String errorType, String message, String retryAfter, Duration stall)
        implements Reply {
    /** The kinds of failure the double can play. */
    public enum Kind {
        /** An HTTP error status with Anthropic's error body. */
        STATUS,
        /** The stream starts, then an {@code error} event arrives (e.g. overloaded mid-stream). */
        ERROR_EVENT,
        /** The stream starts, sends some text, then the connection closes before {@code message_stop}. */
        TRUNCATED,
        /** The stream starts, then an event whose data is not JSON. */
        MALFORMED_EVENT,
        /** Nothing is answered (not even headers) for {@link #stall}. */
        STALL,
        /** The stream starts, then nothing more is sent for {@link #stall}. */
        STALL_MID_STREAM
    }

    /** Any status with Anthropic's error body. */
    public static Fault status(int status, String errorType, String message) {
        return new Fault(Kind.STATUS, status, errorType, message, null, null);
    }

    /** 429 {@code rate_limit_error} with a {@code retry-after} header (seconds or an HTTP date; null: none). */
    public static Fault rateLimited(String retryAfter) {
        return new Fault(Kind.STATUS, 429, "rate_limit_error",
                "Number of request tokens has exceeded your per-minute rate limit", retryAfter, null);
    }

    /** 529 {@code overloaded_error}, as Anthropic answers when it is overloaded. */
    public static Fault overloaded() {
        return status(529, "overloaded_error", "Overloaded");
    }

    /** An {@code error} event after the stream started. */
    public static Fault errorEvent(String errorType, String message) {
        return new Fault(Kind.ERROR_EVENT, 200, errorType, message, null, null);
    }

    /** The connection closes mid-stream, before {@code message_stop}. */
    public static Fault truncated() {
        return new Fault(Kind.TRUNCATED, 200, null, null, null, null);
    }

    /** An event whose data is not JSON. */
    public static Fault malformedEvent() {
        return new Fault(Kind.MALFORMED_EVENT, 200, null, null, null, null);
    }

    /** No answer at all for {@code stall} (make it longer than the client's timeout). */
    public static Fault stall(Duration stall) {
        return new Fault(Kind.STALL, 200, null, null, null, stall);
    }

    /** The stream starts, then stops sending for {@code stall}. */
    public static Fault stallMidStream(Duration stall) {
        return new Fault(Kind.STALL_MID_STREAM, 200, null, null, null, stall);
    }

    /** The same fault with a {@code retry-after} header. */
    public Fault withRetryAfter(String value) {
        return new Fault(kind, status, errorType, message, value, stall);
    }
}
