package com.enreach.tools.api;

/**
 * A request the platform refuses, with a reason a person can act on. REST maps {@link Reason} to an HTTP status.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a request was refused. */
    public enum Reason {
        INVALID, NOT_FOUND, CONFLICT, FORBIDDEN, UNAVAILABLE,
        /** Too much load right now (a query ran past its time budget, or too many are running): retry shortly. @since 1.1 */
        OVERLOADED
    }

    private final Reason reason;
    private final String code;
    private final String field;
    private final transient Object detail;

    public ApiException(Reason reason, String code, String field, String message, Object detail) {
        super(message);
        this.reason = reason;
        this.code = code;
        this.field = field;
        this.detail = detail;
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(Reason.NOT_FOUND, "not_found", null, what + " '" + id + "' does not exist", null);
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(Reason.INVALID, "invalid", field, message, null);
    }

    public Reason reason() {
        return reason;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    /** Extra structured detail for the response (e.g. the running run), or null. */
    public Object detail() {
        return detail;
    }
}
