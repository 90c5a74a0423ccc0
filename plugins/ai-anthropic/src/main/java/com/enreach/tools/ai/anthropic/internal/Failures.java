package com.enreach.tools.ai.anthropic.internal;

import com.anthropic.core.ObjectMappers;
import com.anthropic.core.http.Headers;
import com.anthropic.errors.AnthropicInvalidDataException;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.errors.SseException;
import com.enreach.tools.api.ai.AiException;
import com.enreach.tools.api.ai.AiException.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Turns what the SDK throws into an {@link AiException} with the contract's kind and a message naming the provider
 * instance, the HTTP status and Anthropic's own error type and message. The API key is scrubbed from every message.
 */
final class Failures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Failures() {
    }

    static AiException of(Settings s, RuntimeException e) {
        if (e instanceof AiException ai) {
            return ai;
        }
        if (e instanceof AnthropicServiceException service) {
            return service(s, service);
        }
        if (e instanceof AnthropicIoException) {
            if (causedBy(e, InterruptedIOException.class)) {
                return fail(s, Kind.TIMEOUT, "no answer within " + s.timeout().toSeconds() + " s (timeout)", null, e);
            }
            String what = causedBy(e, ConnectException.class) || causedBy(e, UnknownHostException.class)
                    ? "cannot reach " + s.baseUrl() : "connection to " + s.baseUrl() + " failed";
            return fail(s, Kind.UNAVAILABLE, what + ": " + rootMessage(e), null, e);
        }
        if (e instanceof AnthropicInvalidDataException) {
            return fail(s, Kind.MALFORMED, "malformed answer: an event could not be read (" + rootMessage(e) + ")", null, e);
        }
        return fail(s, Kind.MALFORMED, "unexpected answer: " + rootMessage(e), null, e);
    }

    private static AiException service(Settings s, AnthropicServiceException e) {
        int status = e.statusCode();
        JsonNode error = errorOf(e);
        String type = error.path("type").asText("");
        String vendor = error.path("message").asText("");
        Kind kind = kind(status, type);
        StringBuilder what = new StringBuilder(switch (kind) {
            case AUTHENTICATION -> "the API key was refused";
            case RATE_LIMITED -> "rate limited";
            case OVERLOADED -> "Anthropic is overloaded";
            case BAD_REQUEST -> "the request was refused";
            case TIMEOUT -> "the endpoint timed out";
            default -> "the endpoint failed";
        });
        what.append(" (").append(e instanceof SseException ? "error event mid-stream" : "HTTP " + status);
        if (!type.isEmpty()) {
            what.append(' ').append(type);
        }
        if (!vendor.isEmpty()) {
            what.append(": ").append(vendor);
        }
        what.append(')');
        Duration retryAfter = retryAfter(e.headers());
        if (retryAfter != null) {
            what.append("; retry after ").append(retryAfter.toSeconds()).append(" s");
        }
        return fail(s, kind, what.toString(), retryAfter, e);
    }

    static Kind kind(int status, String errorType) {
        switch (errorType) {
            case "authentication_error", "permission_error" -> {
                return Kind.AUTHENTICATION;
            }
            case "rate_limit_error" -> {
                return Kind.RATE_LIMITED;
            }
            case "overloaded_error" -> {
                return Kind.OVERLOADED;
            }
            case "invalid_request_error", "not_found_error", "request_too_large" -> {
                return Kind.BAD_REQUEST;
            }
            case "timeout_error" -> {
                return Kind.TIMEOUT;
            }
            default -> {
                // api_error, unknown types and bodies without one: the status decides
            }
        }
        if (status == 401 || status == 403) {
            return Kind.AUTHENTICATION;
        }
        if (status == 429) {
            return Kind.RATE_LIMITED;
        }
        if (status == 529 || status == 503) {
            return Kind.OVERLOADED; // as the contract says, and as the OpenAI-compatible provider maps them
        }
        if (status == 408 || status == 504) {
            return Kind.TIMEOUT;
        }
        return status >= 400 && status < 500 ? Kind.BAD_REQUEST : Kind.UNAVAILABLE;
    }

    /** {@code retry-after-ms}, else {@code retry-after} (seconds or an HTTP date); null when absent or unreadable. */
    static Duration retryAfter(Headers headers) {
        String ms = first(headers.values("retry-after-ms"));
        try {
            if (ms != null) {
                return Duration.ofMillis((long) Double.parseDouble(ms));
            }
        } catch (NumberFormatException e) {
            // try retry-after
        }
        String value = first(headers.values("retry-after"));
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }

    private static JsonNode errorOf(AnthropicServiceException e) {
        try {
            JsonNode body = JSON.readTree(ObjectMappers.jsonMapper().writeValueAsString(e.body()));
            return body.has("error") ? body.path("error") : body;
        } catch (Exception notJson) {
            return JSON.createObjectNode();
        }
    }

    private static AiException fail(Settings s, Kind kind, String what, Duration retryAfter, Throwable cause) {
        String message = "Anthropic provider '" + s.name() + "': " + what;
        return new AiException(kind, s.name(), scrub(message, s.apiKey()), retryAfter, cause);
    }

    /** The key never leaves in a message, even if an endpoint echoed it. */
    static String scrub(String message, String key) {
        return key == null || key.isEmpty() ? message : message.replace(key, "***");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        int line = m.indexOf('\n');
        return line < 0 ? m : m.substring(0, line).strip(); // parsers add the source position on further lines
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0).strip();
    }
}
