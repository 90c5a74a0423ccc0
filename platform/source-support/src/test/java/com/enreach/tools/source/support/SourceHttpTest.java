package com.enreach.tools.source.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceException;
import com.sun.net.httpserver.HttpServer;

class SourceHttpTest {

    static final String PASSWORD = "s3cret";
    /** The credential as it travels in the Authorization header: Base64 of "user:password". */
    static final String BASIC = Base64.getEncoder().encodeToString(("u:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    /** A server that answers with the status and, like some proxies and error pages, echoes the request's credentials. */
    private static HttpServer serve(int status, String contentType, String body, String retryAfter) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/", ex -> {
            String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
            byte[] b = body.replace("$AUTH", auth).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", contentType);
            ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"" + auth + "\"");
            ex.getResponseHeaders().set("X-Echo-Authorization", auth);
            if (retryAfter != null) {
                ex.getResponseHeaders().set("Retry-After", retryAfter);
            }
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        s.start();
        return s;
    }

    private static SourceException fail(int status, String ct, String body, String retryAfter) throws Exception {
        HttpServer s = serve(status, ct, body, retryAfter);
        try {
            SourceHttp http = SourceHttp.builder("Test", URI.create("http://127.0.0.1:" + s.getAddress().getPort())).basicAuth("u", PASSWORD).build();
            return assertThrows(SourceException.class, () -> http.getJson("/api/x"));
        } finally {
            s.stop(0);
        }
    }

    @Test
    void classifiesStatusesAndNeverLeaksCredentials() throws Exception {
        SourceException auth = fail(401, "application/json", "{\"error\":\"bad $AUTH\"}", null);
        assertEquals("auth", auth.code());
        assertFalse(auth.retryable());
        assertEquals("not_found", fail(404, "application/json", "{}", null).code());
        SourceException busy = fail(503, "text/html", "<html>$AUTH</html>", null);
        assertTrue(busy.retryable());
        RetryableSourceException slow = (RetryableSourceException) fail(429, "application/json", "{}", "7");
        assertEquals(Duration.ofSeconds(7), slow.retryAfter());
        SourceException xml = fail(200, "application/xml", "<a/>", null);
        assertEquals("malformed", xml.code());
        SourceException truncated = fail(200, "application/json", "{\"results\": [\"$AUTH\", 2", null);
        SourceException refused = fail(400, "application/json", "{\"message\":\"$AUTH\"}", null);
        assertEquals("malformed", truncated.code());
        for (SourceException e : new SourceException[] {auth, busy, slow, xml, truncated, refused}) {
            assertNoCredential(e);
        }
    }

    private static SourceException failPart(int status, String ct, String body) throws Exception {
        HttpServer s = serve(status, ct, body, null);
        try {
            SourceHttp http = SourceHttp.builder("Test", URI.create("http://127.0.0.1:" + s.getAddress().getPort())).build();
            return assertThrows(SourceException.class, () -> http.getJson("/api/hosts?page=3", "page 3 of 20"));
        } finally {
            s.stop(0);
        }
    }

    @Test
    void failuresNameThePartReadAndDescribeANonJsonAnswerWithoutParserInternals() throws Exception {
        SourceException truncated = failPart(200, "application/json", "{\"results\": [{\"id\": 1, \"na");
        SourceException html = failPart(200, "application/json", "<html><body>Login</body></html>");
        SourceException garbage = failPart(200, "application/json", "results: none");
        SourceException busy = failPart(503, "text/html", "<html/>");
        assertEquals("Malformed response from Test GET /api/hosts page 3 of 20: the JSON answer ends early (truncated)",
                truncated.userMessage());
        assertTrue(html.userMessage().endsWith("page 3 of 20: an HTML or XML page came instead of JSON (a proxy, login or error page?)"),
                html.userMessage());
        assertTrue(busy.userMessage().startsWith("Test GET /api/hosts page 3 of 20 failed with HTTP 503"), busy.userMessage());
        for (SourceException e : new SourceException[] {truncated, html, garbage, busy}) {
            for (String internal : new String[] {"com.fasterxml", "Source:", "line:", "column:", "Exception", "code 60"}) {
                assertFalse(e.userMessage().contains(internal), e.userMessage());
            }
        }
    }

    /** Neither the password nor its Base64 form (the Authorization header) in any message, detail or cause. */
    static void assertNoCredential(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (String text : new String[] {String.valueOf(t.getMessage()), t.toString(),
                    t instanceof SourceException s ? s.userMessage() : ""}) {
                assertFalse(text.contains(PASSWORD), "password in " + text);
                assertFalse(text.contains(BASIC), "Base64 credential in " + text);
                assertFalse(text.contains("Basic "), "Authorization header in " + text);
            }
        }
    }

    @Test
    void credentialsAreNotSentToAnotherHostARedirectPointsTo() throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        other.createContext("/", ex -> {
            seen.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            byte[] b = "{}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        other.start();
        // "localhost" and "127.0.0.1" are different hosts to a client: the credentials belong to the first only
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/", ex -> {
            ex.getResponseHeaders().set("Location", "http://localhost:" + other.getAddress().getPort() + "/elsewhere");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        s.start();
        try {
            SourceHttp http = SourceHttp.builder("Test", URI.create("http://127.0.0.1:" + s.getAddress().getPort())).basicAuth("u", PASSWORD).build();
            SourceException e = assertThrows(SourceException.class, () -> http.getJson("/api/x"));
            assertEquals("redirect", e.code());
            assertEquals("url", e.field());
            assertFalse(e.retryable());
            assertTrue(e.userMessage().contains("localhost:" + other.getAddress().getPort()), e.userMessage());
            assertNoCredential(e);
            for (String auth : seen) {
                assertFalse(auth.contains(BASIC), "credentials sent to the redirect target: " + auth);
            }
        } finally {
            s.stop(0);
            other.stop(0);
        }
    }

    @Test
    void aRedirectWithinTheSameServerIsFollowedWithTheCredentials() throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        s.createContext("/", ex -> {
            seen.add(ex.getRequestURI().getPath() + " " + ex.getRequestHeaders().getFirst("Authorization"));
            if (ex.getRequestURI().getPath().equals("/old")) {
                ex.getResponseHeaders().set("Location", "/new");
                ex.sendResponseHeaders(301, -1);
            } else {
                byte[] b = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, b.length);
                ex.getResponseBody().write(b);
            }
            ex.close();
        });
        s.start();
        try {
            SourceHttp http = SourceHttp.builder("Test", URI.create("http://127.0.0.1:" + s.getAddress().getPort())).basicAuth("u", PASSWORD).build();
            assertTrue(http.getJson("/old").path("ok").asBoolean());
            assertEquals(java.util.List.of("/old Basic " + BASIC, "/new Basic " + BASIC), seen);
        } finally {
            s.stop(0);
        }
    }

    @Test
    void aRefusedConnectionIsUnreachableAndRetryable() throws Exception {
        int port;
        try (ServerSocket ss = new ServerSocket(0)) {
            port = ss.getLocalPort();
        }
        SourceHttp http = SourceHttp.builder("Test", URI.create("http://127.0.0.1:" + port)).build();
        SourceException e = assertThrows(SourceException.class, () -> http.getJson("/"));
        assertEquals("unreachable", e.code());
        assertTrue(e.retryable());
    }

    @Test
    void encodesPathSegments() {
        assertEquals("core%2Fsw%2001%C3%BC", SourceHttp.pathSegment("core/sw 01ü"));
    }
}
