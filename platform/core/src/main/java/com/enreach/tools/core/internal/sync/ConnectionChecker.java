package com.enreach.tools.core.internal.sync;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.ConnectionStatus;
import com.enreach.tools.api.plugin.CheckResult;
import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.api.spi.SourceConnector;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.core.internal.db.Times;
import com.enreach.tools.source.support.retry.RetryPolicy;

/**
 * Checks connections and keeps each live instance's connection status (in memory; shown by {@code /api/sources}).
 * A check runs on its own thread, at most one per instance configuration at a time; a caller waits at most the check timeout and
 * then gets a {@code timeout} result while the check goes on and records its own result when it ends. Runs update the
 * status too: one that fails because the source could not be reached or refused the credentials marks the
 * connection failed, one that reached the source marks it ok.
 */
final class ConnectionChecker {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionChecker.class);
    /** Error codes of a run's failure that are about the connection, not the data. */
    static final Set<String> CONNECTION_CODES = Set.of("unreachable", "tls", "auth");

    private final SourceRegistry registry;
    private final Duration timeout;
    private final ExecutorService threads = Executors.newCachedThreadPool(SyncRunner.threads("enreach-check"));
    /** Checks in progress, by connector: a reconfigured instance (a new connector) is checked at once, not after the old check. */
    private final Map<SourceConnector, CompletableFuture<CheckResult>> inFlight = new ConcurrentHashMap<>();
    private final Map<String, ConnectionStatus> statuses = new ConcurrentHashMap<>();

    ConnectionChecker(SourceRegistry registry, Duration timeout) {
        this.registry = registry;
        this.timeout = timeout;
    }

    /** The connection status of every instance that has one. */
    Map<String, ConnectionStatus> statuses() {
        return statuses;
    }

    /** Checks the instance, waiting at most the check timeout. */
    CheckResult check(SourceRegistry.Entry entry) {
        List<FieldError> errors = entry.configErrors();
        if (!errors.isEmpty()) {
            return CheckResult.failed(errors);
        }
        CompletableFuture<CheckResult> f = start(entry);
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            CheckResult late = CheckResult.failed(FieldError.of(null, "timeout", "The connection check of " + entry.instance()
                    + " got no answer within " + (timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s") + "; it goes on in the background and its result will be shown with the source."));
            statuses.put(entry.instance(), status(late));
            return late;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.failed(FieldError.of(null, "interrupted", "The connection check of " + entry.instance() + " was interrupted."));
        } catch (ExecutionException e) {
            // start() turns plugin failures into results; this is a bug of ours
            throw new IllegalStateException("connection check of " + entry.instance() + " failed", e.getCause());
        }
    }

    /** Starts a check in the background (a configured or reconfigured instance); logs a failure. */
    void checkInBackground(SourceRegistry.Entry entry) {
        statuses.remove(entry.instance());
        if (!entry.configErrors().isEmpty()) {
            return;
        }
        start(entry).thenAccept(r -> {
            if (!r.ok()) {
                r.errors().forEach(err -> LOG.warn("Source instance {}: connection check failed: {} ({})", entry.instance(), err.message(), err.code()));
            }
        });
    }

    private CompletableFuture<CheckResult> start(SourceRegistry.Entry entry) {
        CompletableFuture<CheckResult> mine = new CompletableFuture<>();
        CompletableFuture<CheckResult> running = inFlight.putIfAbsent(entry.connector(), mine);
        if (running != null) {
            return running;
        }
        try {
            threads.execute(() -> {
                try {
                    CheckResult r = run(entry);
                    // a result for a configuration that was replaced meanwhile is not shown
                    if (registry.get(entry.instance()) == entry) {
                        statuses.put(entry.instance(), status(r));
                    }
                    mine.complete(r);
                } catch (Throwable t) {
                    mine.completeExceptionally(t);
                } finally {
                    inFlight.remove(entry.connector(), mine);
                }
            });
        } catch (RuntimeException e) {
            inFlight.remove(entry.connector(), mine);
            mine.complete(CheckResult.failed(FieldError.of(null, "stopping", "The platform is stopping; no connection check was made.")));
        }
        return mine;
    }

    private static CheckResult run(SourceRegistry.Entry entry) {
        try {
            RunContext context = new RunContext(entry.instance(), 0, null, RetryPolicy.DEFAULT.with(1, Duration.ZERO), new CountDownLatch(1));
            CheckResult r = entry.connector().checkConnection(context);
            return r == null ? CheckResult.failed(FieldError.of(null, "plugin_error", "the plugin answered the check with nothing")) : r;
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Connection check of {} threw", entry.instance(), e);
            return CheckResult.failed(FieldError.of(null, "plugin_error", "the plugin failed during the check: " + e.getClass().getSimpleName()));
        }
    }

    private static ConnectionStatus status(CheckResult r) {
        return new ConnectionStatus(r.ok(), r.detail(), r.errors(), Times.now());
    }

    /** A run failed: when for a connection reason, the connection is shown as failed with the run's message. */
    void runFailed(String instance, SourceException e) {
        if (CONNECTION_CODES.contains(e.code())) {
            statuses.put(instance, new ConnectionStatus(false, null, List.of(FieldError.of(e.field(), e.code(), e.userMessage())), Times.now()));
        }
    }

    /** A run reached the source: a failed connection status is no longer true. */
    void runReachedSource(String instance, long runId) {
        statuses.compute(instance, (k, old) -> old != null && old.ok() ? old
                : new ConnectionStatus(true, "reached by run " + runId, List.of(), Times.now()));
    }

    void forget(String instance) {
        statuses.remove(instance);
    }

    void stop() {
        threads.shutdownNow();
    }
}
