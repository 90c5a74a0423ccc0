package com.enreach.tools.plugin.dorado;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.JsonValues;
import com.enreach.tools.source.support.SessionRenewal;
import com.enreach.tools.source.support.SourceHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One DeviceManager session: log in, read objects, log out. DeviceManager answers HTTP 200 even for errors, so
 * every answer's {@code error.code} is checked here; an expired session ({@code -401}) is renewed once per call
 * (the shared {@link SessionRenewal}). Other error codes become an {@link ApiError} that keeps the array's code.
 */
final class DoradoSession {
    /** Error codes DeviceManager uses for a wrong user name or password, a locked or an expired account. */
    static final Set<Long> BAD_CREDENTIALS = Set.of(1077949061L, 1077949081L, 1077987870L);
    static final long NOT_LOGGED_IN = -401L;
    /**
     * "The entered parameter is incorrect": DeviceManager's answer to a query parameter it refuses, among them a
     * {@code range} wider than it serves at once (100 objects).
     */
    static final long PARAMETER_INCORRECT = 50331651L;

    /** An error code DeviceManager answered inside HTTP 200. */
    static final class ApiError extends PermanentSourceException {
        private static final long serialVersionUID = 1L;
        private final long arrayCode;

        ApiError(String userMessage, long arrayCode) {
            super("api_error", null, userMessage, null, null);
            this.arrayCode = arrayCode;
        }

        /** DeviceManager's error.code. */
        long arrayCode() {
            return arrayCode;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SourceHttp http;
    private final SourceContext context;
    private final String username;
    private final String password;
    private final String scope;
    private final SessionRenewal renewal;
    private String deviceId;
    private String token;

    /** @param http a client whose base is {@code <url>/deviceManager/rest}, with cookies enabled */
    DoradoSession(SourceHttp http, SourceContext context, String username, String password, String scope) {
        this.http = Objects.requireNonNull(http, "http is null");
        this.context = Objects.requireNonNull(context, "context is null");
        this.username = username;
        this.password = password;
        this.scope = scope;
        this.renewal = SessionRenewal.oncePerCall(SessionRenewal::isSessionExpired, this::loginOnce);
    }

    /** The array's device id (its serial number) as the login answered it. */
    String deviceId() {
        return deviceId;
    }

    void login() throws SourceException {
        context.call("POST /sessions", () -> {
            loginOnce();
            return null;
        });
    }

    /**
     * GETs {@code /<deviceid><path>} and returns its {@code data} member, or a missing node when the array left it
     * out (it does so for empty lists).
     */
    JsonNode get(String operation, String path) throws SourceException {
        return get(operation, path, null);
    }

    /**
     * {@link #get(String, String)} with failures naming the part of a larger read ("page 3").
     *
     * @param path the path, possibly with a query (never shown in messages)
     */
    JsonNode get(String operation, String path, String part) throws SourceException {
        return context.call(operation, () -> {
            try {
                return renewal.call(() -> answer(path, part)).path("data");
            } catch (PermanentSourceException e) {
                if (!SessionRenewal.isSessionExpired(e)) {
                    throw e;
                }
                throw new PermanentSourceException("auth", "username", "Dorado refused the session again right after a new login (GET "
                        + path + "); check that user " + username + " may use the REST API", null, null);
            }
        });
    }

    /** The answer of one GET when its error code is 0; a lost session or an array error otherwise. */
    private JsonNode answer(String path, String part) throws SourceException {
        JsonNode root = send(path, part);
        String named = http.uri("/" + SourceHttp.pathSegment(deviceId) + withoutQuery(path)).getRawPath()
                + (part == null ? "" : " " + part);
        long code = errorCode(root, "GET " + named);
        if (code == NOT_LOGGED_IN) {
            throw SessionRenewal.expired("Dorado GET " + named);
        }
        if (code != 0) {
            throw apiError("GET " + named, code, root);
        }
        return root;
    }

    private static String withoutQuery(String path) {
        int q = path.indexOf('?');
        return q < 0 ? path : path.substring(0, q);
    }

    /** Ends the session; best effort and not retried, since a failed logout must not fail or mask the run. */
    void logout() {
        if (deviceId == null || token == null) {
            return;
        }
        try {
            http.sendRaw(http.request("/" + SourceHttp.pathSegment(deviceId) + "/sessions")
                    .header("Accept", "application/json").header("iBaseToken", token).DELETE().build());
        } catch (SourceException | RuntimeException e) {
            // the session times out on the array by itself
        } finally {
            token = null;
        }
    }

    private void loginOnce() throws SourceException {
        ObjectNode body = MAPPER.createObjectNode().put("username", username).put("password", password).put("scope", scope);
        HttpRequest request = http.request("/xxxxx/sessions")
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        JsonNode root = http.json(request);
        long code = errorCode(root, "POST /xxxxx/sessions");
        if (BAD_CREDENTIALS.contains(code)) {
            throw new PermanentSourceException("auth", "username", "Dorado rejected the login of user " + username
                    + " (error " + code + ": " + description(root) + "); check username, password and scope, and whether the account is locked",
                    null, null);
        }
        if (code != 0) {
            throw apiError("login", code, root);
        }
        JsonNode data = root.path("data");
        String id = DoradoValues.text(data, "deviceid");
        String newToken = DoradoValues.text(data, "iBaseToken");
        if (id == null || newToken == null) {
            throw PermanentSourceException.malformed("Dorado POST /sessions", "the login answer has no deviceid or iBaseToken", null);
        }
        this.deviceId = id;
        this.token = newToken;
    }

    private JsonNode send(String path, String part) throws SourceException {
        if (token == null) {
            loginOnce();
        }
        HttpRequest request = http.request("/" + SourceHttp.pathSegment(deviceId) + path)
                .header("Accept", "application/json").header("iBaseToken", token).GET().build();
        return http.json(request, part);
    }

    /** The answer's error code; an answer without one is not a DeviceManager answer. */
    private static long errorCode(JsonNode root, String request) throws SourceException {
        Long code = JsonValues.whole(JsonValues.at(root, "error", "code"));
        if (code == null) {
            throw PermanentSourceException.malformed("Dorado " + request, "the answer has no numeric error.code", null);
        }
        return code;
    }

    private static String description(JsonNode root) {
        String d = DoradoValues.text(root.path("error"), "description");
        return d == null ? "no description" : d;
    }

    private static ApiError apiError(String what, long code, JsonNode root) {
        String suggestion = DoradoValues.text(root.path("error"), "suggestion");
        return new ApiError("Dorado " + what + " failed with error " + code + ": " + description(root)
                + (suggestion == null ? "" : " (" + suggestion + ")"), code);
    }
}
