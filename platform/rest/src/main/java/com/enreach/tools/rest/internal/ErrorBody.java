package com.enreach.tools.rest.internal;

import java.util.List;

import com.enreach.tools.api.plugin.FieldError;
import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Every error answer: a stable code, a message a person can act on, the offending field when there is one, and
 * optional detail (field errors, the run already in progress).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(Error error) {
    /** The error. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String code, String message, String field, Object detail) {
    }

    static Response response(int status, String code, String message, String field, Object detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorBody(new Error(code, message, field, detail))).build();
    }

    static Response fieldErrors(int status, String code, String message, List<FieldError> errors) {
        return response(status, code, message, errors.isEmpty() ? null : errors.get(0).field(), errors);
    }
}
