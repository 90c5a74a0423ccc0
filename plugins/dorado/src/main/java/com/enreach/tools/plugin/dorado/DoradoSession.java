package com.enreach.tools.plugin.dorado;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.SourceHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One DeviceManager session: log in, read objects, log out. DeviceManager answers HTTP 200 even for errors, so
 * every answer's {@code error.code} is checked here; an expired session ({@code -401}) is renewed once per call.
 */
final class DoradoSession {
    /** Error codes DeviceManager uses for a wrong user name or password, a locked or an expired account. */
    static final Set<Long> BAD_CREDENTIALS = Set.of(1077949061L, 1077949081L, 1077987870L);
    static final long NOT_LOGGED_IN = -401L;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SourceHttp http;
    private final SourceContext context;
    private final String username;
    private final String password;
    private final String scope;
    private String deviceId;
    private String token;

    /** @param http a client whose base is {@code <url>/deviceManager/rest}, with cookies enabled */
    DoradoSession(SourceHttp http, SourceContext context, String username, String password, String scope) {
        this.http = Objects.requireNonNull(http, "http is null");
        this.context = Objects.requireNonNull(context, "context is null");
        this.username = username;
        this.password = password;
        this.scope = scope;
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
        return context.call(operation, () -> {
            JsonNode root = send(path);
            long code = errorCode(root, path);
            if (code == NOT_LOGGED_IN) {
                // The session expired (idle timeout, array-side logout): log in again once and repeat the call.
                loginOnce();
                root = send(path);
                code = errorCode(root, path);
                if (code == NOT_LOGGED_IN) {
                    throw new PermanentSourceException("auth", "username", "Dorado refused the session again right after a new login (GET "
                            + path + "); check that user " + username + " may use the REST API", null, null);
                }
            }
            if (code != 0) {
                throw apiError("GET " + path, code, root);
            }
            return root.path("data");
        });
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
        long code = errorCode(root, "/xxxxx/sessions");
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

    private JsonNode send(String path) throws SourceException {
        if (token == null) {
            loginOnce();
        }
        HttpRequest request = http.request("/" + SourceHttp.pathSegment(deviceId) + path)
                .header("Accept", "application/json").header("iBaseToken", token).GET().build();
        return http.json(request);
    }

    /** The answer's error code; an answer without one is not a DeviceManager answer. */
    private static long errorCode(JsonNode root, String path) throws SourceException {
        JsonNode code = root.path("error").path("code");
        if (code.isIntegralNumber()) {
            return code.asLong();
        }
        if (code.isTextual()) {
            try {
                return Long.parseLong(code.asText().trim());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw PermanentSourceException.malformed("Dorado " + path, "the answer has no numeric error.code", null);
    }

    private static String description(JsonNode root) {
        String d = DoradoValues.text(root.path("error"), "description");
        return d == null ? "no description" : d;
    }

    private static PermanentSourceException apiError(String what, long code, JsonNode root) {
        String suggestion = DoradoValues.text(root.path("error"), "suggestion");
        return new PermanentSourceException("api_error", null, "Dorado " + what + " failed with error " + code + ": " + description(root)
                + (suggestion == null ? "" : " (" + suggestion + ")"), null, null);
    }
}
