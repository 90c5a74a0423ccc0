package com.enreach.tools.api.spi;

import java.time.Duration;

/** A transient failure: timeout, connection reset, HTTP 429 or 5xx. The core retries with backoff. */
public class RetryableSourceException extends SourceException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RetryableSourceException(String code, String userMessage, String detail, Duration retryAfter, Throwable cause) {
        this(code, null, userMessage, detail, retryAfter, cause);
    }

    /**
     * @param field the configuration field the failure points at ({@code url} for an unreachable host), or null
     * @since 1.0
     */
    public RetryableSourceException(String code, String field, String userMessage, String detail, Duration retryAfter, Throwable cause) {
        super(code, field, userMessage, detail, cause);
        this.retryAfter = retryAfter;
    }

    public RetryableSourceException(String code, String userMessage, Throwable cause) {
        this(code, userMessage, null, null, cause);
    }

    /** The delay the remote system asked for (HTTP Retry-After), or {@code null} to use the core's backoff. */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
