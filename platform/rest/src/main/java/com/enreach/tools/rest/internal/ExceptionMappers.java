package com.enreach.tools.rest.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Maps every failure to a JSON error; only a real server fault is a 500, and it never shows internals. */
@Component(service = ExceptionMapper.class)
@JakartarsExtension
@JakartarsName("enreach.errors")
public class ExceptionMappers implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ExceptionMappers.class);

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof ApiException a) {
            return ErrorBody.response(status(a.reason()), a.code(), a.getMessage(), a.field(), a.detail());
        }
        if (e instanceof JsonProcessingException j) {
            return ErrorBody.response(400, "invalid_json", "The request body is not valid JSON: " + j.getOriginalMessage(), null, null);
        }
        if (e instanceof WebApplicationException w) {
            int s = w.getResponse().getStatus();
            String code = switch (s) {
                case 404 -> "not_found";
                case 405 -> "method_not_allowed";
                case 406 -> "not_acceptable";
                case 415 -> "unsupported_media_type";
                default -> "http_" + s;
            };
            String message = s == 404 ? "No such API route (see /api/openapi.json)" : w.getMessage();
            if (w.getCause() instanceof JsonProcessingException j) {
                return ErrorBody.response(400, "invalid_json", "The request body is not valid JSON: " + j.getOriginalMessage(), null, null);
            }
            return ErrorBody.response(s, code, message, null, null);
        }
        LOG.error("Unexpected failure answering a REST request", e);
        return ErrorBody.response(500, "internal", "Internal error; the log has the details", null, null);
    }

    static int status(ApiException.Reason r) {
        return switch (r) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
            case UNAVAILABLE -> 409;
        };
    }
}
