package com.enreach.tools.plugin.commvault;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.SessionRenewal;
import com.enreach.tools.source.support.SourceHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Commvault REST API with its authentication: a QSDK token from {@code POST /Login} sent as {@code Authtoken},
 * renewed (the shared {@link SessionRenewal}, once per call) when the web server answers 401/403 mid-run; or a
 * configured API token sent as {@code Authorization: Bearer}, which cannot be renewed. Every answer must be JSON: the API falls back to XML when
 * it ignores the Accept header, which is reported as such.
 */
final class CommvaultApi {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SourceHttp http;
    private final SourceContext context;
    private final String username;
    private final String password;
    private final String apiToken;
    private final SessionRenewal renewal;
    private String token;

    CommvaultApi(SourceHttp http, SourceContext context, String username, String password, String apiToken) {
        this.http = Objects.requireNonNull(http, "http is null");
        this.context = Objects.requireNonNull(context, "context is null");
        this.username = username;
        this.password = password;
        this.apiToken = apiToken;
        // a QSDK token is renewed by a new login; a configured API token cannot be
        this.renewal = SessionRenewal.atMost(apiToken == null ? Integer.MAX_VALUE : 0, e -> "auth".equals(e.code()), this::loginOnce);
    }

    /** Logs in unless an API token is configured. */
    void login() throws SourceException {
        if (apiToken == null) {
            context.call("POST /Login", () -> {
                loginOnce();
                return null;
            });
        }
    }

    /**
     * GETs a path (with query) and returns the JSON answer.
     *
     * @param headers extra request headers (paging)
     */
    JsonNode get(String operation, String path, Map<String, String> headers) throws SourceException {
        return get(operation, path, headers, null);
    }

    /** {@link #get(String, String, Map)} with failures naming the part of a larger read ("page 2 of 5"). */
    JsonNode get(String operation, String path, Map<String, String> headers, String part) throws SourceException {
        return context.call(operation, () -> {
            try {
                return renewal.call(() -> send(path, headers, part));
            } catch (PermanentSourceException e) {
                if (apiToken != null && "auth".equals(e.code())) {
                    throw new PermanentSourceException("auth", "api.token", "Commvault refused the API token (" + e.userMessage()
                            + "); it may have expired or been revoked", null, e);
                }
                throw e;
            }
        });
    }

    private JsonNode send(String path, Map<String, String> headers, String part) throws SourceException {
        if (apiToken == null && token == null) {
            loginOnce();
        }
        HttpRequest.Builder rb = http.request(path).header("Accept", "application/json");
        if (apiToken != null) {
            rb.header("Authorization", "Bearer " + apiToken);
        } else {
            rb.header("Authtoken", token);
        }
        headers.forEach(rb::header);
        HttpRequest request = rb.GET().build();
        return parse(request, http.send(request, part), part);
    }

    private void loginOnce() throws SourceException {
        ObjectNode body = MAPPER.createObjectNode().put("username", username)
                .put("password", Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8)));
        HttpRequest request = http.request("/Login").header("Accept", "application/json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        JsonNode root = parse(request, http.send(request), null);
        String t = CommvaultValues.text(root, "token");
        if (t == null) {
            throw new PermanentSourceException("auth", "username", "Commvault rejected the login of user " + username + ": "
                    + loginError(root), null, null);
        }
        this.token = t;
    }

    /** The reason a login failed, from whichever error shape this Commvault release uses. */
    static String loginError(JsonNode root) {
        for (JsonNode e : root.path("errList")) {
            String m = first(e, "errLogMessage", "errorMessage", "message");
            if (m != null) {
                return m;
            }
        }
        String m = first(root, "errorMessage", "errLogMessage", "message");
        return m != null ? m : "the answer holds no token";
    }

    private static String first(JsonNode node, String... fields) {
        for (String f : fields) {
            String v = CommvaultValues.text(node, f);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** Parses JSON, naming the usual cause when the web server answered XML instead. */
    private JsonNode parse(HttpRequest request, HttpResponse<byte[]> response, String part) throws SourceException {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (type.contains("xml") || (!type.contains("html") && startsWithAngle(response.body()))) {
            throw PermanentSourceException.malformed("Commvault " + request.method() + " " + request.uri().getRawPath()
                    + (part == null ? "" : " " + part),
                    "the web server answered XML instead of JSON although the request asked for application/json;"
                            + " check that url is the REST API root (.../webconsole/api or .../commandcenter/api)", null);
        }
        return http.parseJson(request, response, part);
    }

    private static boolean startsWithAngle(byte[] body) {
        for (byte b : body) {
            if (b == '<') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return false;
            }
        }
        return false;
    }
}
