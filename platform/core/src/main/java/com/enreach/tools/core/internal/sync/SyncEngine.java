package com.enreach.tools.core.internal.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.SourceInstance;
import com.enreach.tools.api.SourceService;
import com.enreach.tools.api.SyncRun;
import com.enreach.tools.api.SyncRunQuery;
import com.enreach.tools.api.SyncService;
import com.enreach.tools.api.SyncStatus;
import com.enreach.tools.api.plugin.CheckResult;
import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Times;
import com.enreach.tools.metrics.PlatformMetrics;

/**
 * The sync engine as a service: runs source instances on demand ({@link SyncRunner}) and on their schedule
 * ({@link SyncScheduler}), checks their connections ({@link ConnectionChecker}), and follows the registry as
 * instances come and go. Configured by the core configuration ({@link CoreConfiguration}, PID {@code enreach.core});
 * a change of it restarts the engine (runs in progress end cancelled).
 */
@Component(service = {SyncService.class, SourceService.class, SyncEngine.class}, immediate = true, configurationPid = EngineSettings.PID)
@Designate(ocd = CoreConfiguration.class)
public class SyncEngine implements SyncService, SourceService {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

    private final Database db;
    private final SourceRegistry registry;
    private final SyncQueries queries;
    private final SyncRunner runner;
    private final SyncScheduler scheduler;
    /** Only the node holding it schedules and starts runs (several nodes may share a PostgreSQL master database). */
    private final SchedulerLease lease;
    private final ConnectionChecker connections;
    private final List<SourceRegistry.Listening> listening = new ArrayList<>();
    /** Told about committed change-log batches (change feed retention, EventAdmin); none is required. */
    private final List<ChangeListener> changeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Told each run's end (/metrics); none is required. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile PlatformMetrics metrics;

    @Activate
    public SyncEngine(@Reference Database db, @Reference SourceRegistry registry, Map<String, Object> properties) {
        this(db, registry, settings(properties));
    }

    /** @param tickSeconds how often the scheduler looks for due instances (0 = no scheduler, for tests) */
    public SyncEngine(Database db, SourceRegistry registry, int tickSeconds) {
        this(db, registry, tickSeconds > 0 ? EngineSettings.defaults() : EngineSettings.defaults().withoutScheduler());
    }

    public SyncEngine(Database db, SourceRegistry registry, EngineSettings settings) {
        this(db, registry, settings, SchedulerLease.thisNode());
    }

    /** @param node this node's name as a scheduler lease holder (several nodes on one database, in tests) */
    SyncEngine(Database db, SourceRegistry registry, EngineSettings settings, String node) {
        this.db = db;
        this.registry = registry;
        this.queries = new SyncQueries(db);
        java.time.Duration tick = settings.schedulerTick().isZero() ? java.time.Duration.ofSeconds(EngineSettings.DEFAULT_TICK_SECONDS)
                : settings.schedulerTick();
        this.lease = new SchedulerLease(db, node, SchedulerLease.termFor(tick), java.time.Clock.systemUTC());
        // Runs still "running" were interrupted by the last stop of the node that held the lease: recorded as failed
        // when this node takes the lease (now, or when that node's lease expires), never while another node runs them.
        if (!lease.hold(this::closeInterrupted)) {
            LOG.info("Another node ({}) holds the scheduler lease: this node serves reads and starts no sync runs while it does",
                    lease.holder().orElse("unknown"));
        }
        this.connections = new ConnectionChecker(registry, settings.checkTimeout());
        this.runner = new SyncRunner(db, registry, queries, settings, connections, ChangeListener.all(changeListeners),
                () -> metrics);
        this.scheduler = new SyncScheduler(registry, queries, runner, settings.schedulerTick(), () -> lease.holds(this::closeInterrupted));
        // An instance is known from the moment it is configured, so it stays listed (absent) if its plugin goes away.
        listening.add(registry.onBind(this::bound));
        listening.add(registry.onRemoval(instance -> {
            connections.forget(instance);
            runner.cancelInstance(instance, "its plugin or configuration went away");
        }));
    }

    private int closeInterrupted(java.sql.Connection c) throws java.sql.SQLException {
        int closed = SyncHistory.closeInterrupted(c, Times.format(Times.now()));
        if (closed > 0) {
            LOG.warn("{} sync runs were interrupted by the last stop and are recorded as failed", closed);
        }
        return closed;
    }

    private static EngineSettings settings(Map<String, Object> properties) {
        List<FieldError> errors = new ArrayList<>();
        EngineSettings s = EngineSettings.read(properties, errors);
        errors.forEach(e -> LOG.error("Core configuration ({}): {}; using the default", EngineSettings.PID, e.message()));
        return s;
    }

    private void bound(SourceRegistry.Entry e) {
        try {
            db.write(c -> {
                SyncHistory.upsertMetadata(c, e.instance(), e.descriptor().kind(), Times.format(Times.now()));
                return null;
            });
        } catch (RuntimeException ex) {
            LOG.error("Could not record source instance {}", e.instance(), ex);
        }
        connections.checkInBackground(e);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindChangeListener(ChangeListener listener) {
        changeListeners.add(listener);
    }

    void unbindChangeListener(ChangeListener listener) {
        changeListeners.remove(listener);
    }

    @Deactivate
    public void stop() {
        listening.forEach(SourceRegistry.Listening::close);
        listening.clear();
        scheduler.stop();
        connections.stop();
        runner.stop();
        lease.release();
    }

    // ---------------------------------------------------------------- SyncService

    @Override
    public SyncRun trigger(String instance, String trigger, boolean confirm) {
        if (!lease.holds(this::closeInterrupted)) {
            String holder = lease.holder().orElse("another node");
            throw new ApiException(ApiException.Reason.CONFLICT, "not_scheduler", null, "Sync runs are started by the node that holds the"
                    + " scheduler lease (" + holder + "); trigger '" + instance + "' there (docs/scaling.md)", null);
        }
        return runner.trigger(instance, trigger, confirm);
    }

    @Override
    public Optional<SyncRun> run(long id) {
        return runner.run(id);
    }

    @Override
    public Page<SyncRun> runs(String instance, int limit, int offset) {
        return runs(new SyncRunQuery(instance, null, null, null, limit, offset));
    }

    @Override
    public Page<SyncRun> runs(SyncRunQuery query) {
        Page<SyncRun> page = queries.runs(query);
        List<SyncRun> live = new ArrayList<>(page.results().size());
        for (SyncRun r : page.results()) {
            live.add(SyncStatus.RUNNING.equals(r.status()) ? runner.run(r.id()).orElse(r) : r);
        }
        return new Page<>(page.count(), page.limit(), page.offset(), live);
    }

    @Override
    public boolean cancel(long id) {
        return runner.cancel(id);
    }

    /** Starts every enabled, valid, scheduled instance whose interval has passed since its last attempt. */
    void runDue() {
        scheduler.runDue();
    }

    // ---------------------------------------------------------------- SourceService

    @Override
    public List<SourceInstance> sources() {
        return queries.sources(registry.all(), runner.runningIds(), connections.statuses());
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
        return connections.check(entry);
    }
}
