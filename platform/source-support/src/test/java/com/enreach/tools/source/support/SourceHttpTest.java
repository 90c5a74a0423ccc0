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

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceException;
import com.sun.net.httpserver.HttpServer;

class SourceHttpTest {

    private static HttpServer serve(int status, String contentType, String body, String retryAfter) throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.createContext("/", ex -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", contentType);
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
            SourceHttp http = SourceHttp.builder("Test", URI.create("http://127.0.0.1:" + s.getAddress().getPort())).basicAuth("u", "s3cret").build();
            return assertThrows(SourceException.class, () -> http.getJson("/api/x"));
        } finally {
            s.stop(0);
        }
    }

    @Test
    void classifiesStatusesAndNeverLeaksCredentials() throws Exception {
        SourceException auth = fail(401, "application/json", "{}", null);
        assertEquals("auth", auth.code());
        assertFalse(auth.retryable());
        assertEquals("not_found", fail(404, "application/json", "{}", null).code());
        SourceException busy = fail(503, "text/html", "<html/>", null);
        assertTrue(busy.retryable());
        RetryableSourceException slow = (RetryableSourceException) fail(429, "application/json", "{}", "7");
        assertEquals(Duration.ofSeconds(7), slow.retryAfter());
        SourceException xml = fail(200, "application/xml", "<a/>", null);
        assertEquals("malformed", xml.code());
        SourceException truncated = fail(200, "application/json", "{\"results\": [1, 2", null);
        assertEquals("malformed", truncated.code());
        for (SourceException e : new SourceException[] {auth, busy, slow, xml, truncated}) {
            assertFalse(String.valueOf(e.getMessage()).contains("s3cret") || e.userMessage().contains("s3cret"));
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
