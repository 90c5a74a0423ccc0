package com.enreach.tools.core.internal.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.SyncRun;
import com.enreach.tools.api.SyncStatus;
import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Times;
import com.enreach.tools.metrics.PlatformMetrics;
import com.enreach.tools.metrics.SyncRunEnd;
import com.enreach.tools.source.support.retry.RetryPolicy;

/**
 * Starts runs and carries them out on the core's worker threads, one run per instance at a time: fetch through
 * {@link RunContext} (retries), load through {@link RunLoader}, then history.
 */
final class SyncRunner {
    private static final Logger LOG = LoggerFactory.getLogger(SyncRunner.class);

    private final Database db;
    private final SourceRegistry registry;
    private final SyncQueries queries;
    private final EngineSettings settings;
    private final ConnectionChecker connections;
    private final ChangeListener changes;
    private final Supplier<PlatformMetrics> metrics;
    private final ExecutorService workers;
    /** Interrupts an attempt whose call ran out of its time limit (one thread for all runs). */
    private final ScheduledThreadPoolExecutor watchdog = new ScheduledThreadPoolExecutor(1, threads("enreach-watchdog"));
    private final Map<String, RunHandle> running = new ConcurrentHashMap<>();

    /**
     * A run from the moment it claims its instance. The id and context are set once its history row exists; until
     * then {@link #ready} is closed, and a cancel is kept in {@link #cancelled} (which the context shares).
     */
    static final class RunHandle {
        final CountDownLatch ready = new CountDownLatch(1);
        final CountDownLatch cancelled = new CountDownLatch(1);
        volatile String cancelReason;
        volatile long runId;
        volatile RunContext context;
        volatile String system;
        volatile String trigger;
        volatile Instant startedAt;
        /** For the run's duration in the metrics (monotonic, unlike startedAt). */
        final long startNanos = System.nanoTime();
        final RunLoader.RunProgress progress = new RunLoader.RunProgress();

        void cancel(String reason) {
            if (cancelReason == null) {
                cancelReason = reason;
            }
            cancelled.countDown();
            RunContext c = context;
            if (c != null) {
                c.cancel(); // also interrupts a request in progress
            }
        }

        boolean isCancelled() {
            return cancelled.getCount() == 0;
        }

        /** The run's id once it started; 0 if it could not start within the wait. */
        long awaitId() {
            try {
                ready.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return runId;
        }
    }

    SyncRunner(Database db, SourceRegistry registry, SyncQueries queries, EngineSettings settings, ConnectionChecker connections,
               ChangeListener changes, Supplier<PlatformMetrics> metrics) {
        this.changes = changes;
        this.metrics = metrics;
        this.db = db;
        this.registry = registry;
        this.queries = queries;
        this.settings = settings;
        this.connections = connections;
        this.workers = Executors.newFixedThreadPool(settings.workers(), threads("enreach-sync"));
        watchdog.setRemoveOnCancelPolicy(true);
    }

    static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    SyncRun trigger(String instance, String trigger, boolean confirm) {
        SourceRegistry.Entry entry = runnable(instance);
        RunHandle handle = new RunHandle();
        RunHandle existing = running.putIfAbsent(instance, handle);
        if (existing != null) {
            // The other run may be between claiming the instance and getting its id: wait for it rather than say "run 0".
            long id = existing.awaitId();
            SyncRun current = id == 0 ? null : run(id).orElse(null);
            throw new ApiException(ApiException.Reason.CONFLICT, "already_running", null,
                    "Source instance '" + instance + "' is already running" + (id == 0 ? " (its run is starting)" : " (run " + id + ")"), current);
        }
        try {
            String now = Times.format(Times.now());
            String system = entry.descriptor().kind();
            handle.system = system;
            handle.trigger = trigger;
            handle.startedAt = Times.parse(now);
            long runId = db.write(c -> SyncHistory.start(c, instance, system, trigger, confirm, now));
            String state = db.read(c -> SyncHistory.savedState(c, instance));
            handle.context = new RunContext(instance, runId, state, settings.retryFor(entry), handle.cancelled, watchdog,
                    kind -> storedRevisions(instance, kind));
            handle.runId = runId;
            handle.ready.countDown();
            workers.execute(() -> execute(entry, handle, confirm));
            LOG.info("Run {} of {} started ({})", runId, instance, trigger);
            return snapshot(instance, handle);
        } catch (RuntimeException e) {
            running.remove(instance, handle);
            handle.ready.countDown();
            if (handle.runId > 0) {
                finish(instance, handle, SyncStatus.FAILED, "The run could not be started: " + e.getMessage(), null);
            }
            throw e;
        }
    }

    /** source id -> revision of the instance's active articles or tickets; empty for other kinds. */
    private Map<String, String> storedRevisions(String instance, String kind) {
        OwnedTable table = RunLoader.tableOf(kind);
        if (table == null || !KnowledgeBatch.isKnowledge(table)) {
            return Map.of();
        }
        return java.util.Collections.unmodifiableMap(db.read(c -> table.revisions(c, instance)));
    }

    /** The live entry of an instance that may run, or a clear refusal. */
    private SourceRegistry.Entry runnable(String instance) {
        SourceRegistry.Entry entry = registry.get(instance);
        if (entry == null) {
            if (queries.knownInstance(instance)) {
                throw new ApiException(ApiException.Reason.UNAVAILABLE, "plugin_absent", null,
                        "Source instance '" + instance + "' is not live: its plugin is not deployed or its configuration file was removed", null);
            }
            throw ApiException.notFound("Source instance", instance);
        }
        if (!entry.enabled()) {
            throw new ApiException(ApiException.Reason.UNAVAILABLE, "disabled", "enabled",
                    "Source instance '" + instance + "' is disabled (enabled=false in its configuration)", null);
        }
        List<FieldError> errors = entry.configErrors();
        if (!errors.isEmpty()) {
            throw new ApiException(ApiException.Reason.UNAVAILABLE, "config_invalid", errors.get(0).field(),
                    "Source instance '" + instance + "' has an invalid configuration: " + errors.get(0).message(), errors);
        }
        return entry;
    }

    private void execute(SourceRegistry.Entry entry, RunHandle h, boolean confirm) {
        if (h.isCancelled()) {
            // cancelled while waiting for a worker: the connector is never called
            finish(entry.instance(), h, SyncStatus.CANCELLED, cancelledMessage(h, "before it started") + " The source was not contacted; nothing was marked stale.", null);
            return;
        }
        Outcome o = fetchAndLoad(entry, h, confirm);
        finish(entry.instance(), h, o.status, o.error, o.state);
    }

    private record Outcome(String status, String error, String state) {
    }

    private Outcome fetchAndLoad(SourceRegistry.Entry entry, RunHandle h, boolean confirm) {
        String instance = entry.instance();
        try (RunLoader loader = new RunLoader(db, entry.descriptor().kind(), instance, h.runId, settings.batchSize(), h.progress, changes)) {
            try {
                h.progress.phase = "fetching";
                entry.connector().fetch(h.context, loader);
                if (h.context.cancelled()) {
                    loader.finishFailed();
                    return new Outcome(SyncStatus.CANCELLED, cancelledMessage(h, "before the fetch completed") + " Nothing was marked stale.", null);
                }
                connections.runReachedSource(instance, h.runId);
                h.progress.phase = "marking stale";
                RunLoader.Finish f = loader.finishComplete(settings.deleteBudgetFor(entry), confirm);
                if (f.needsConfirmation()) {
                    return new Outcome(SyncStatus.NEEDS_CONFIRMATION, f.message(), null);
                }
                return new Outcome(SyncStatus.SUCCEEDED, null, loader.savedState());
            } catch (SourceException e) {
                loader.finishFailed();
                LOG.warn("Run {} of {} failed: {} [{}]", h.runId, instance, e.userMessage(), e.getMessage());
                if (h.context.cancelled()) {
                    return new Outcome(SyncStatus.CANCELLED, cancelledMessage(h, "before the fetch completed") + " Nothing was marked stale.", null);
                }
                connections.runFailed(instance, e);
                return new Outcome(SyncStatus.FAILED, e.userMessage() + retryNote(e, h.context) + " Nothing was marked stale.", null);
            } catch (RunLoader.LoadException e) {
                LOG.error("Run {} of {} failed while loading", h.runId, instance, e);
                return new Outcome(SyncStatus.FAILED, "Writing to the master database failed: " + e.getMessage(), null);
            } catch (RuntimeException | LinkageError e) {
                loader.finishFailed();
                LOG.error("Run {} of {}: plugin failure", h.runId, instance, e);
                if (h.context.cancelled()) {
                    return new Outcome(SyncStatus.CANCELLED, cancelledMessage(h, "before the fetch completed") + " Nothing was marked stale.", null);
                }
                return new Outcome(SyncStatus.FAILED, "The " + entry.descriptor().kind() + " plugin failed: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ". Nothing was marked stale.", null);
            }
        } catch (java.sql.SQLException e) {
            LOG.error("Run {} of {} could not start loading", h.runId, instance, e);
            return new Outcome(SyncStatus.FAILED, "The master database could not be opened for writing: " + e.getMessage(), null);
        }
    }

    private static String cancelledMessage(RunHandle h, String when) {
        return "Cancelled " + when + " (" + (h.cancelReason == null ? "cancelled" : h.cancelReason) + ").";
    }

    /** What the retry policy did about a failure: retried and gave up, hit the call's time limit, or nothing. */
    private static String retryNote(SourceException e, RunContext context) {
        if (!e.retryable()) {
            return "";
        }
        RetryPolicy.GiveUp why = context.lastGiveUp();
        return why == null ? " (temporary failure)" : " (temporary; " + why.describe() + ")";
    }

    private void finish(String instance, RunHandle h, String status, String error, String state) {
        h.progress.phase = "done";
        try {
            db.write(c -> {
                SyncHistory.finish(c, h.runId, instance, status, error, state, h.progress, Times.format(Times.now()));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("Could not record the end of run {}", h.runId, e);
        } finally {
            running.remove(instance, h);
        }
        LOG.info("Run {} of {} ended {}: fetched {}, added {}, updated {}, unchanged {}, stale {}, warnings {}", h.runId, instance, status,
                h.progress.fetched.get(), h.progress.added.get(), h.progress.updated.get(), h.progress.unchanged.get(), h.progress.stale.get(),
                h.progress.warnings.get());
        record(instance, h, status);
    }

    /** The run's figures as its history has them, for /metrics. */
    private void record(String instance, RunHandle h, String status) {
        PlatformMetrics m = metrics.get();
        if (m == null) {
            return;
        }
        RunLoader.RunProgress p = h.progress;
        m.syncRunEnded(new SyncRunEnd(instance, h.system, status, java.time.Duration.ofNanos(System.nanoTime() - h.startNanos), Instant.now(),
                p.fetched.get(), p.added.get(), p.updated.get(), p.stale.get()));
    }

    private SyncRun snapshot(String instance, RunHandle h) {
        RunLoader.RunProgress p = h.progress;
        List<String> samples;
        synchronized (p.warningSamples) {
            samples = new ArrayList<>(p.warningSamples);
        }
        return new SyncRun(h.runId, instance, h.system, h.trigger, SyncStatus.RUNNING, p.phase, h.startedAt, null, p.fetched.get(),
                p.added.get(), p.updated.get(), p.unchanged.get(), p.stale.get(), p.warnings.get(), null, samples);
    }

    /** The live view of a run in progress, else its history. */
    Optional<SyncRun> run(long id) {
        for (Map.Entry<String, RunHandle> e : running.entrySet()) {
            if (id > 0 && e.getValue().runId == id) {
                return Optional.of(snapshot(e.getKey(), e.getValue()));
            }
        }
        return queries.run(id);
    }

    /** Cancels a run in progress (also one still waiting for a worker). */
    boolean cancel(long id) {
        for (RunHandle h : running.values()) {
            if (id > 0 && h.runId == id) { // a starting run has no id yet (0)
                h.cancel("cancelled by an operator");
                return true;
            }
        }
        return false;
    }

    /** Cancels the instance's run, if one is in progress or starting. */
    void cancelInstance(String instance, String reason) {
        RunHandle h = running.get(instance);
        if (h != null) {
            LOG.warn("Cancelling the run of {}: {}", instance, reason);
            h.cancel(reason);
        }
    }

    boolean isRunning(String instance) {
        return running.containsKey(instance);
    }

    Map<String, Long> runningIds() {
        Map<String, Long> m = new ConcurrentHashMap<>();
        running.forEach((k, v) -> {
            if (v.runId > 0) {
                m.put(k, v.runId);
            }
        });
        return m;
    }

    void stop() {
        running.values().forEach(h -> h.cancel("the sync engine stopped: platform stop or core configuration change"));
        workers.shutdown();
        try {
            if (!workers.awaitTermination(20, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            watchdog.shutdownNow();
        }
    }
}
