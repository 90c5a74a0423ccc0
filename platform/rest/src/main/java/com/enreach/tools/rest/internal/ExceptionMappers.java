package com.enreach.tools.rest.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.ApiException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

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
            Response r = ErrorBody.response(status(a.reason()), a.code(), a.getMessage(), a.field(), a.detail());
            return a.reason() == ApiException.Reason.OVERLOADED
                    ? Response.fromResponse(r).header("Retry-After", Integer.toString(QueryGate.RETRY_AFTER_SECONDS)).build()
                    : r;
        }
        if (e instanceof ServiceUnavailable u) {
            return ErrorBody.response(503, u.code(), u.getMessage(), null, null);
        }
        if (e instanceof JsonProcessingException j) {
            return invalidJson(j);
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
            String message = switch (s) {
                case 404 -> "No such API route (see /api/openapi.json)";
                case 405 -> "This route does not take that method" + (allow(w) == null ? "" : "; it allows " + allow(w));
                case 406 -> "This API answers application/json only (send Accept: application/json or nothing)";
                case 415 -> "Send the request body as JSON with Content-Type: application/json";
                default -> w.getMessage();
            };
            if (w.getCause() instanceof JsonProcessingException j) {
                return invalidJson(j);
            }
            Response r = ErrorBody.response(s, code, message, null, null);
            return allow(w) == null ? r : Response.fromResponse(r).header("Allow", allow(w)).build();
        }
        LOG.error("Unexpected failure answering a REST request", e);
        return ErrorBody.response(500, "internal", "Internal error; the log has the details", null, null);
    }

    private static String allow(WebApplicationException w) {
        return w.getResponse().getHeaderString("Allow");
    }

    private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile("^Duplicate field '(.{0,200})'");

    /** Bad JSON bodies: say what was expected and where, never Java type names or parser internals. */
    static Response invalidJson(JsonProcessingException j) {
        if (j instanceof UnrecognizedPropertyException u) {
            // Only bodies that ask for it (@JacksonFeatures on the parameter) reject unknown fields.
            return ErrorBody.response(400, "invalid_json", "The JSON field '" + u.getPropertyName() + "' is not known here; the body takes "
                    + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList() + " (see /api/openapi.json)", u.getPropertyName(), null);
        }
        if (j instanceof MismatchedInputException m) {
            String field = lastField(m);
            String what = field == null ? "The request body must be a JSON object" : "The JSON field '" + field + "' has the wrong type";
            return ErrorBody.response(400, "invalid_json", what + " (see /api/openapi.json)", field, null);
        }
        java.util.regex.Matcher dup = DUPLICATE.matcher(String.valueOf(j.getOriginalMessage()));
        if (j instanceof JsonParseException && dup.find()) {
            String field = dup.group(1);
            return ErrorBody.response(400, "invalid_json", "The JSON field '" + field + "' appears more than once; send it once", field, null);
        }
        if (j instanceof JsonMappingException m) {
            String field = lastField(m);
            return ErrorBody.response(400, "invalid_json", (field == null ? "The request body" : "The JSON field '" + field + "'")
                    + " does not have the expected form (see /api/openapi.json)", field, null);
        }
        return ErrorBody.response(400, "invalid_json", "The request body is not valid JSON: " + withoutTypeNames(j.getOriginalMessage()), null, null);
    }

    private static String lastField(JsonMappingException m) {
        for (int i = m.getPath().size() - 1; i >= 0; i--) {
            if (m.getPath().get(i).getFieldName() != null) {
                return m.getPath().get(i).getFieldName();
            }
        }
        return null;
    }

    /** Syntax messages name characters and positions; anything that looks like a qualified Java name is cut out. */
    static String withoutTypeNames(String message) {
        return message == null ? "" : message.replaceAll("\\b[a-z_$][\\w$]*(\\.[a-zA-Z_$][\\w$]*){2,}\\b", "<type>");
    }

    static int status(ApiException.Reason r) {
        return switch (r) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
            case UNAVAILABLE -> 409;
            case OVERLOADED -> 503;
        };
    }
}
