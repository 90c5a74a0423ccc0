package com.enreach.tools.metrics.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * {@code /metrics} on a port of its own (the JDK's HTTP server, one thread): for a scraper that reaches a private
 * address only, so the platform's port can stay closed to it.
 */
final class SeparateListener {
    private final HttpServer server;
    private final ExecutorService thread;

    private SeparateListener(HttpServer server, ExecutorService thread) {
        this.server = server;
        this.thread = thread;
    }

    static SeparateListener start(String host, int port, BiFunction<String, String, MetricsEndpoint.Answer> scrape) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
            server.createContext("/metrics", exchange -> answer(exchange, scrape));
            ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "enreach-metrics-" + port);
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(thread);
            server.start();
            return new SeparateListener(server, thread);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + " for /metrics", e);
        }
    }

    private static void answer(HttpExchange exchange, BiFunction<String, String, MetricsEndpoint.Answer> scrape) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) || !exchange.getRequestURI().getPath().equals("/metrics")) {
                exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/metrics") ? 405 : 404, -1);
                return;
            }
            MetricsEndpoint.Answer a = scrape.apply(exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Accept"));
            exchange.getResponseHeaders().set("Content-Type", a.contentType());
            exchange.sendResponseHeaders(a.status(), 0); // chunked
            try (OutputStream out = exchange.getResponseBody()) {
                a.body().writeTo(out);
            }
        }
    }

    void stop() {
        server.stop(0);
        thread.shutdownNow();
    }
}
