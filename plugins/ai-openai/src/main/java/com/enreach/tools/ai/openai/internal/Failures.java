package com.enreach.tools.ai.openai.internal;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.enreach.tools.api.ai.AiException;
import com.enreach.tools.api.ai.AiException.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns HTTP statuses, error bodies and stream errors into {@link AiException}s that name the instance, never the key. */
final class Failures {
    /** OpenAI echoes a masked key in 401 messages ("sk-ab***yz"); even that stays out of our messages. */
    private static final Pattern KEY_LIKE = Pattern.compile("\\bsk-[A-Za-z0-9_*\\-]{4,}");
    private static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");
    private static final int MAX_VENDOR_MESSAGE = 500;

    private final Settings s;
    private final ObjectMapper json;

    Failures(Settings s, ObjectMapper json) {
        this.s = s;
        this.json = json;
    }

    AiException status(int status, HttpHeaders headers, String body) {
        String vendor = vendorMessage(body);
        String said = vendor == null ? "" : ": " + vendor;
        if (status == 401 || status == 403) {
            return new AiException(Kind.AUTHENTICATION, s.name(), s.who() + " refused the key (HTTP " + status + said
                    + "); check .password / api.key.env and auth=" + s.auth() + " in " + s.file());
        }
        if (status == 429) {
            Duration after = retryAfter(headers).orElse(null);
            return new AiException(Kind.RATE_LIMITED, s.name(), s.who() + " is rate limiting (HTTP 429" + said + ")"
                    + (after == null ? "" : "; retry after " + (after.toMillis() + 999) / 1000 + " s"), after, null);
        }
        if (status == 503 || status == 529) {
            return new AiException(Kind.OVERLOADED, s.name(), s.who() + " is overloaded (HTTP " + status + said
                    + "); try again later", retryAfter(headers).orElse(null), null);
        }
        if (status >= 500) {
            return new AiException(Kind.UNAVAILABLE, s.name(), s.who() + " failed (HTTP " + status + said + ")");
        }
        String hint = status == 404 ? "; check base.url" + (s.apiVersion() == null ? "" : ", api.version") + " and model ("
                + s.model() + ") in " + s.file() : "";
        return new AiException(Kind.BAD_REQUEST, s.name(), s.who() + " refused the request (HTTP " + status + said + ")"
                + hint);
    }

    /** An {@code error} object sent inside a 200 stream. */
    AiException streamError(JsonNode error) {
        String type = error.path("type").asText("") + " " + error.path("code").asText("");
        String said = scrub(error.path("message").asText(error.toString()));
        Kind kind = type.contains("rate_limit") ? Kind.RATE_LIMITED
                : type.contains("overloaded") ? Kind.OVERLOADED
                : type.contains("invalid_request") ? Kind.BAD_REQUEST : Kind.UNAVAILABLE;
        return new AiException(kind, s.name(), s.who() + " reported an error in the stream: " + said);
    }

    AiException malformed(String what, Throwable cause) {
        return new AiException(Kind.MALFORMED, s.name(), s.who() + ": " + what, null, cause);
    }

    AiException timeout() {
        return new AiException(Kind.TIMEOUT, s.name(), s.who() + " sent nothing for " + s.timeout().toSeconds()
                + " s (timeout in " + s.file() + ")");
    }

    AiException unreachable(Throwable cause) {
        String why = cause instanceof java.net.ConnectException ? "connection refused"
                : cause.getMessage() == null ? cause.getClass().getSimpleName() : scrub(cause.getMessage());
        return new AiException(Kind.UNAVAILABLE, s.name(), s.who() + " cannot be reached: " + why, null, null);
    }

    /** Retry-After (seconds or an HTTP date), retry-after-ms, or x-ratelimit-reset-requests ("1s", "6m0s", "20ms"). */
    static Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> ms = headers.firstValue("retry-after-ms");
        if (ms.isPresent()) {
            try {
                return Optional.of(Duration.ofMillis((long) Double.parseDouble(ms.get().trim())));
            } catch (NumberFormatException e) {
                // fall through to the others
            }
        }
        Optional<String> after = headers.firstValue("retry-after");
        if (after.isPresent()) {
            String v = after.get().trim();
            try {
                return Optional.of(Duration.ofSeconds((long) Math.ceil(Double.parseDouble(v))));
            } catch (NumberFormatException e) {
                try {
                    Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v,
                            DateTimeFormatter.RFC_1123_DATE_TIME));
                    return Optional.of(d.isNegative() ? Duration.ZERO : d);
                } catch (RuntimeException notADate) {
                    // fall through
                }
            }
        }
        return headers.firstValue("x-ratelimit-reset-requests").flatMap(Failures::goDuration);
    }

    static Optional<Duration> goDuration(String v) {
        Matcher m = GO_DURATION.matcher(v.trim());
        double millis = 0;
        boolean any = false;
        while (m.find()) {
            any = true;
            double n = Double.parseDouble(m.group(1));
            millis += switch (m.group(2)) {
                case "h" -> n * 3_600_000;
                case "m" -> n * 60_000;
                case "s" -> n * 1000;
                default -> n;
            };
        }
        return any ? Optional.of(Duration.ofMillis((long) Math.ceil(millis))) : Optional.empty();
    }

    /** The vendor's error.message (OpenAI, Azure) or the start of the body, scrubbed. */
    String vendorMessage(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        String m;
        try {
            JsonNode n = json.readTree(body);
            JsonNode e = n.path("error");
            m = e.isTextual() ? e.asText() : e.path("message").isTextual() ? e.path("message").asText()
                    : n.path("message").isTextual() ? n.path("message").asText() : body;
        } catch (IOException notJson) {
            m = body;
        }
        m = scrub(m.strip());
        return m.length() > MAX_VENDOR_MESSAGE ? m.substring(0, MAX_VENDOR_MESSAGE) + "..." : m;
    }

    String scrub(String text) {
        String out = text;
        if (s.key() != null) {
            out = out.replace(s.key(), "<key>");
        }
        return KEY_LIKE.matcher(out).replaceAll("<key>");
    }
}
