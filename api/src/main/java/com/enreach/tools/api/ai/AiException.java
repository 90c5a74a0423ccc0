package com.enreach.tools.api.ai;

import java.time.Duration;

/**
 * A provider failure, with a message fit for the user (never the API key, never a stack trace).
 */
public class AiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong; {@link #retryable()} tells whether trying again later may help. */
    public enum Kind {
        /** 401/403: the key is missing, wrong or not allowed. */
        AUTHENTICATION(false),
        /** 429: rate limited; {@link #retryAfter()} says when to try again when the endpoint said so. */
        RATE_LIMITED(true),
        /** 529 / 503 / "overloaded_error": the endpoint is overloaded. */
        OVERLOADED(true),
        /** No answer (or no further stream event) within the configured timeout. */
        TIMEOUT(true),
        /** The answer or the stream could not be understood or ended early. */
        MALFORMED(false),
        /** 400/404/422: the endpoint refused the request (unknown model, too long, ...). */
        BAD_REQUEST(false),
        /** Connection refused, DNS, TLS, 5xx. */
        UNAVAILABLE(true);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final String provider;
    private final Duration retryAfter;

    public AiException(Kind kind, String provider, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.provider = provider;
        this.retryAfter = retryAfter;
    }

    public AiException(Kind kind, String provider, String message) {
        this(kind, provider, message, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The provider instance's name. */
    public String provider() {
        return provider;
    }

    /** When the endpoint said to retry ({@code Retry-After}), else {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean retryable() {
        return kind.retryable();
    }

    /** The stable error code used by REST and stored with the question: the kind in lower case. */
    public String code() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
