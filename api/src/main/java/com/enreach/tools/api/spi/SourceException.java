package com.enreach.tools.api.spi;

import com.enreach.tools.api.plugin.CheckResult;
import com.enreach.tools.api.plugin.FieldError;

/**
 * A failure of a source run. The {@link #userMessage()} is what operators see (REST, CLI, history); the
 * exception message and cause are internal detail for the log. Neither may contain secrets.
 */
public abstract class SourceException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final String field;
    private final String userMessage;

    protected SourceException(String code, String field, String userMessage, String detail, Throwable cause) {
        super(detail == null ? userMessage : detail, cause);
        this.code = code == null ? "error" : code;
        this.field = field;
        this.userMessage = userMessage;
    }

    /** Stable machine code: {@code timeout}, {@code unavailable}, {@code rate_limited}, {@code auth}, {@code config}, {@code malformed}... */
    public String code() {
        return code;
    }

    /** The configuration field at fault, or {@code null}. */
    public String field() {
        return field;
    }

    /** Message for people; says what is wrong and where. */
    public String userMessage() {
        return userMessage;
    }

    /** This failure as the result of a connection check, keeping the user-facing message only. */
    public CheckResult toCheckResult() {
        return CheckResult.failed(new FieldError(field, code, userMessage));
    }

    /** Whether trying again later may succeed. */
    public abstract boolean retryable();
}
