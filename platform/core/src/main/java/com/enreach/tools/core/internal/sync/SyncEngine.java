package com.enreach.tools.core.internal.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.ConnectionStatus;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.SourceInstance;
import com.enreach.tools.api.SourceService;
import com.enreach.tools.api.SyncRun;
import com.enreach.tools.api.SyncService;
import com.enreach.tools.api.SyncStatus;
import com.enreach.tools.api.spi.CheckResult;
import com.enreach.tools.api.spi.FieldError;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Times;

/**
 * Runs source instances: on demand and on their schedule, one run per instance at a time, on the core's own
 * threads. Owns retries (through {@link RunContext}), loading (through {@link RunLoader}), stale marking with the
 * delete budget, cursor storage and history.
 */
@Component(service = {SyncService.class, SourceService.class, SyncEngine.class}, immediate = true)
public class SyncEngine implements SyncService, SourceService {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    static final int BATCH_SIZE = 2000;

    private final Database db;
    private final SourceRegistry registry;
    private final SyncQueries queries;
    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;
    private final Map<String, RunHandle> running = new ConcurrentHashMap<>();
    private final Map<String, ConnectionStatus> checks = new ConcurrentHashMap<>();
    /** Connection checks run here, one at a time, so a slow or unreachable source never holds up sync runs. */
    private final ExecutorService checker;

    /** A run in progress. */
    static final class RunHandle {
        volatile long runId;
        volatile RunContext context;
        volatile String system;
        volatile String trigger;
        volatile Instant startedAt;
        final RunLoader.RunProgress progress = new RunLoader.RunProgress();
    }

    @Activate
    public SyncEngine(@Reference Database db, @Reference SourceRegistry registry) {
        this(db, registry, 10);
    }

    /** @param tickSeconds how often the scheduler looks for due instances (0 = no scheduler, for tests) */
    public SyncEngine(Database db, SourceRegistry registry, int tickSeconds) {
        this.db = db;
        this.registry = registry;
        this.queries = new SyncQueries(db);
        int closed = db.write(c -> SyncHistory.closeInterrupted(c, Times.format(Times.now())));
        if (closed > 0) {
            LOG.warn("{} sync runs were interrupted by the last stop and are recorded as failed", closed);
        }
        this.workers = Executors.newFixedThreadPool(3, threads("enreach-sync"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(threads("enreach-scheduler"));
        this.checker = Executors.newSingleThreadExecutor(threads("enreach-check"));
        if (tickSeconds > 0) {
            scheduler.scheduleWithFixedDelay(this::runDue, Math.min(2, tickSeconds), tickSeconds, TimeUnit.SECONDS);
        }
        // An instance is known from the moment it is configured, so it stays listed (absent) if its plugin goes away.
        registry.onBind(e -> {
            try {
                db.write(c -> {
                    SyncHistory.upsertMetadata(c, e.instance(), e.descriptor().kind(), Times.format(Times.now()));
                    return null;
                });
            } catch (RuntimeException ex) {
                LOG.error("Could not record source instance {}", e.instance(), ex);
            }
            checks.remove(e.instance());
            if (e.configErrors().isEmpty()) {
                checker.execute(() -> {
                    if (registry.get(e.instance()) == e) {
                        CheckResult r = check(e.instance());
                        if (!r.ok()) {
                            r.errors().forEach(err -> LOG.warn("Source instance {}: connection check failed: {} ({})", e.instance(), err.message(), err.code()));
                        }
                    }
                });
            }
        });
        registry.onRemoval(instance -> {
            checks.remove(instance);
            RunHandle h = running.get(instance);
            if (h != null && h.context != null) {
                LOG.warn("Cancelling the run of {}: its plugin went away", instance);
                h.context.cancel();
            }
        });
    }

    @Deactivate
    public void stop() {
        running.values().forEach(h -> {
            if (h.context != null) {
                h.context.cancel();
            }
        });
        scheduler.shutdownNow();
        checker.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(20, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    // ---------------------------------------------------------------- SyncService

    @Override
    public SyncRun trigger(String instance, String trigger, boolean confirm) {
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
        RunHandle handle = new RunHandle();
        RunHandle existing = running.putIfAbsent(instance, handle);
        if (existing != null) {
            SyncRun current = run(existing.runId).orElse(null);
            throw new ApiException(ApiException.Reason.CONFLICT, "already_running", null,
                    "Source instance '" + instance + "' is already running (run " + existing.runId + ")", current);
        }
        try {
            String now = Times.format(Times.now());
            String system = entry.descriptor().kind();
            handle.system = system;
            handle.trigger = trigger;
            handle.startedAt = Times.parse(now);
            handle.runId = db.write(c -> SyncHistory.start(c, instance, system, trigger, confirm, now));
            String state = db.read(c -> SyncHistory.savedState(c, instance));
            handle.context = new RunContext(instance, handle.runId, state, entry.retryAttempts(), entry.retryBackoffMs());
            workers.execute(() -> execute(entry, handle, confirm));
            LOG.info("Run {} of {} started ({})", handle.runId, instance, trigger);
            return snapshot(instance, handle);
        } catch (RuntimeException e) {
            running.remove(instance, handle);
            throw e;
        }
    }

    private void execute(SourceRegistry.Entry entry, RunHandle h, boolean confirm) {
        String instance = entry.instance();
        String status;
        String error = null;
        String state = null;
        try (RunLoader loader = new RunLoader(db, entry.descriptor().kind(), instance, h.runId, BATCH_SIZE, h.progress)) {
            try {
                h.progress.phase = "fetching";
                entry.connector().fetch(h.context, loader);
                if (h.context.cancelled()) {
                    loader.finishFailed();
                    status = SyncStatus.CANCELLED;
                    error = "Cancelled before the fetch completed; nothing was marked stale.";
                } else {
                    h.progress.phase = "marking stale";
                    RunLoader.Finish f = loader.finishComplete(entry.deleteBudgetPercent(), confirm);
                    if (f.needsConfirmation()) {
                        status = SyncStatus.NEEDS_CONFIRMATION;
                        error = f.message();
                    } else {
                        status = SyncStatus.SUCCEEDED;
                        state = loader.savedState();
                    }
                }
            } catch (SourceException e) {
                loader.finishFailed();
                status = h.context.cancelled() ? SyncStatus.CANCELLED : SyncStatus.FAILED;
                error = e.userMessage() + (e.retryable() ? " (temporary; retries exhausted)" : "") + " Nothing was marked stale.";
                LOG.warn("Run {} of {} failed: {} [{}]", h.runId, instance, e.userMessage(), e.getMessage());
            } catch (RunLoader.LoadException e) {
                status = SyncStatus.FAILED;
                error = "Writing to the master database failed: " + e.getMessage();
                LOG.error("Run {} of {} failed while loading", h.runId, instance, e);
            } catch (RuntimeException | LinkageError e) {
                loader.finishFailed();
                status = h.context.cancelled() ? SyncStatus.CANCELLED : SyncStatus.FAILED;
                error = "The " + entry.descriptor().kind() + " plugin failed: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ". Nothing was marked stale.";
                LOG.error("Run {} of {}: plugin failure", h.runId, instance, e);
            }
        } catch (java.sql.SQLException e) {
            status = SyncStatus.FAILED;
            error = "The master database could not be opened for writing: " + e.getMessage();
            LOG.error("Run {} of {} could not start loading", h.runId, instance, e);
        }
        h.progress.phase = "done";
        String finalStatus = status;
        String finalError = error;
        String finalState = state;
        try {
            db.write(c -> {
                SyncHistory.finish(c, h.runId, instance, finalStatus, finalError, finalState, h.progress, Times.format(Times.now()));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("Could not record the end of run {}", h.runId, e);
        } finally {
            running.remove(instance, h);
        }
        LOG.info("Run {} of {} ended {}: fetched {}, added {}, updated {}, unchanged {}, stale {}, warnings {}", h.runId, instance, finalStatus,
                h.progress.fetched.get(), h.progress.added.get(), h.progress.updated.get(), h.progress.unchanged.get(), h.progress.stale.get(),
                h.progress.warnings.get());
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

    @Override
    public Optional<SyncRun> run(long id) {
        for (Map.Entry<String, RunHandle> e : running.entrySet()) {
            if (e.getValue().runId == id) {
                return Optional.of(snapshot(e.getKey(), e.getValue()));
            }
        }
        return queries.run(id);
    }

    @Override
    public Page<SyncRun> runs(String instance, int limit, int offset) {
        Page<SyncRun> page = queries.runs(instance, limit, offset);
        List<SyncRun> live = new ArrayList<>(page.results().size());
        for (SyncRun r : page.results()) {
            live.add(SyncStatus.RUNNING.equals(r.status()) ? run(r.id()).orElse(r) : r);
        }
        return new Page<>(page.count(), page.limit(), page.offset(), live);
    }

    @Override
    public boolean cancel(long id) {
        for (RunHandle h : running.values()) {
            if (h.runId == id && h.context != null) {
                h.context.cancel();
                return true;
            }
        }
        return false;
    }

    /** Starts every enabled, valid, scheduled instance whose interval has passed since its last attempt. */
    void runDue() {
        try {
            Map<String, Instant> lastAttempts = queries.lastAttempts();
            Instant now = Instant.now();
            for (SourceRegistry.Entry e : registry.all()) {
                if (e.scheduleMinutes() <= 0 || !e.enabled() || running.containsKey(e.instance())) {
                    continue;
                }
                Instant last = lastAttempts.get(e.instance());
                if (last == null || !last.plusSeconds(e.scheduleMinutes() * 60L).isAfter(now)) {
                    try {
                        trigger(e.instance(), "schedule", false);
                    } catch (ApiException ex) {
                        LOG.debug("Scheduled run of {} not started: {}", e.instance(), ex.getMessage());
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Scheduler tick failed", e);
        }
    }

    // ---------------------------------------------------------------- SourceService

    @Override
    public List<SourceInstance> sources() {
        return queries.sources(registry.all(), runningIds(), checks);
    }

    @Override
    public Optional<SourceInstance> source(String instance) {
        return sources().stream().filter(s -> s.instance().equals(instance)).findFirst();
    }

    @Override
    public List<String> instancesOfKind(String kind) {
        return registry.all().stream().filter(e -> e.descriptor().kind().equals(kind)).map(SourceRegistry.Entry::instance).sorted().toList();
    }

    @Override
    public CheckResult check(String instance) {
        SourceRegistry.Entry entry = registry.get(instance);
        if (entry == null) {
            throw ApiException.notFound("Live source instance", instance);
        }
        List<FieldError> errors = entry.configErrors();
        if (!errors.isEmpty()) {
            return CheckResult.failed(errors);
        }
        CheckResult result;
        try {
            result = entry.connector().checkConnection(new RunContext(instance, 0, null, 1, 0));
        } catch (RuntimeException e) {
            LOG.error("Connection check of {} threw", instance, e);
            result = CheckResult.failed(FieldError.of(null, "plugin_error", "the plugin failed during the check: " + e.getClass().getSimpleName()));
        }
        checks.put(instance, new ConnectionStatus(result.ok(), result.detail(), result.errors(), Times.now()));
        return result;
    }

    private Map<String, Long> runningIds() {
        Map<String, Long> m = new ConcurrentHashMap<>();
        running.forEach((k, v) -> m.put(k, v.runId));
        return m;
    }
}
