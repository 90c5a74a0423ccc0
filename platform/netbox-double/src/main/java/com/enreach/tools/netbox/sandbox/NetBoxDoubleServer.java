package com.enreach.tools.netbox.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The double served over HTTP on 127.0.0.1 and a free port, for tests and benchmarks:
 * {@code try (var nb = new NetBoxDoubleServer()) { client(nb.url(), nb.token()) ... }}.
 */
public final class NetBoxDoubleServer implements AutoCloseable {
    static {
        // The JDK server writes headers and body separately; with Nagle on, each answer waits for the client's
        // delayed ACK (~40 ms). Read once by the JDK when its first server starts in this JVM.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final NetBoxDouble netbox;
    private final HttpServer server;
    private final ExecutorService executor;

    public NetBoxDoubleServer() throws IOException {
        this(new NetBoxDouble());
    }

    public NetBoxDoubleServer(NetBoxDouble netbox) throws IOException {
        this.netbox = netbox;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "netbox-double");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:43211} (the API is under {@code /api/}). */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The admin's v1 token. */
    public String token() {
        return netbox.token();
    }


    /** The double behind the server (state, tokens, fault hooks); {@code double} being a Java keyword. */
    public NetBoxDouble netbox() {
        return netbox;
    }

    private void serve(HttpExchange ex) throws IOException {
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k, v.isEmpty() ? "" : v.get(0)));
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            NetBoxResponse r;
            try {
                r = netbox.handle(new NetBoxRequest(ex.getRequestMethod(), url(), ex.getRequestURI().getRawPath(),
                        ex.getRequestURI().getRawQuery(), headers, body));
            } catch (ConnectionDropped dropped) {
                ex.close(); // no answer: the client sees the connection closed
                return;
            }
            r.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(r.status(), r.status() == 204 || bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0 && r.status() != 204) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
