package com.enreach.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** An error answer of the REST API: {@code {"error": {"code", "message", "field", "detail"}}}. */
final class ApiError extends CliException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient JsonNode detail;

    ApiError(int status, String code, String message, JsonNode detail) {
        super(ExitCodes.forHttpStatus(status), message);
        this.status = status;
        this.code = code == null ? "" : code;
        this.detail = detail == null ? MissingNode.getInstance() : detail;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** The error's detail: field errors, or the run already in progress; missing when none. */
    JsonNode detail() {
        return detail;
    }
}
