package com.enreach.tools.metrics.internal;

import java.util.Locale;
import java.util.function.Supplier;

import com.enreach.tools.api.TokenService;

/** Decides whether a scrape may see the metrics: any valid API token (every role reads), or anyone with auth=none. */
final class ScrapeAccess {
    /** A refused scrape: the HTTP status and the message for the caller. */
    record Refusal(int status, String code, String message) {
        String json() {
            return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message.replace("\"", "'") + "\"}}";
        }
    }

    enum Mode { TOKEN, NONE }

    private final Mode mode;
    private final Supplier<TokenService> tokens;

    ScrapeAccess(Mode mode, Supplier<TokenService> tokens) {
        this.mode = mode;
        this.tokens = tokens;
    }

    static Mode mode(String auth) {
        String a = auth == null ? "token" : auth.trim().toLowerCase(Locale.ROOT);
        return switch (a) {
            case "", "token" -> Mode.TOKEN;
            case "none" -> Mode.NONE;
            default -> throw new IllegalArgumentException("auth: '" + auth + "' is not one of token, none (" + MetricsConfiguration.PID + ")");
        };
    }

    Mode mode() {
        return mode;
    }

    /** Null when the scrape may proceed, else why not. */
    Refusal check(String authorization) {
        if (mode == Mode.NONE) {
            return null;
        }
        if (authorization == null || authorization.isBlank()) {
            return new Refusal(401, "unauthenticated", "/metrics needs 'Authorization: Bearer <token>' (any role)");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Refusal(401, "unauthenticated", "Use the Bearer scheme: 'Authorization: Bearer <token>'");
        }
        TokenService t = tokens.get();
        if (t == null) {
            return new Refusal(503, "unavailable", "Tokens cannot be checked: the core is not running");
        }
        if (t.authenticate(authorization.substring(7).trim()).isEmpty()) {
            return new Refusal(401, "invalid_token", "The token is unknown or revoked");
        }
        return null;
    }
}
