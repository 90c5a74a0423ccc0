package com.enreach.tools.core.internal.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.enreach.tools.api.ConnectionStatus;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.SourceInstance;
import com.enreach.tools.api.SyncRun;
import com.enreach.tools.api.SyncRunQuery;
import com.enreach.tools.api.plugin.SecretKeys;
import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.db.Times;
import com.enreach.tools.core.internal.query.QueryMapper;
import com.enreach.tools.core.internal.query.QuerySessions;
import com.enreach.tools.core.internal.query.Rows.MetadataRow;
import com.enreach.tools.core.internal.query.Rows.RunRow;

/**
 * The engine's reads: sync runs and the state of source instances (stored state joined with the live registry).
 * Lives with the engine, not in the query package, so that package never depends on the engine.
 */
public final class SyncQueries {
    private final QuerySessions reads;

    public SyncQueries(Database db) {
        this.reads = new QuerySessions(db);
    }

    public Optional<SyncRun> run(long id) {
        return reads.read(m -> Optional.ofNullable(m.runById(id)).map(SyncQueries::toRun));
    }

    public Page<SyncRun> runs(String instance, int limit, int offset) {
        return runs(new SyncRunQuery(instance, null, null, null, limit, offset));
    }

    /** Runs newest first by instance, status and start time (times compare as text: they are stored fixed-width). */
    public Page<SyncRun> runs(SyncRunQuery q) {
        String from = Times.format(q.startedFrom());
        String before = Times.format(q.startedBefore());
        return reads.read(m -> {
            List<SyncRun> list = m.runs(q.instance(), q.status(), from, before, q.limit(), q.offset()).stream().map(SyncQueries::toRun).toList();
            return new Page<>(m.countRuns(q.instance(), q.status(), from, before), q.limit(), q.offset(), list);
        });
    }

    public boolean knownInstance(String instance) {
        return reads.read(m -> m.syncMetadata().stream().anyMatch(r -> r.sourceInstance.equals(instance)));
    }

    public Map<String, Instant> lastAttempts() {
        Map<String, Instant> m = new HashMap<>();
        for (MetadataRow r : reads.read(QueryMapper::syncMetadata)) {
            if (r.lastAttemptAt != null) {
                m.put(r.sourceInstance, Times.parse(r.lastAttemptAt));
            }
        }
        return m;
    }

    /** Live instances and instances seen before whose plugin or configuration is gone now. */
    public List<SourceInstance> sources(Iterable<SourceRegistry.Entry> live, Map<String, Long> running, Map<String, ConnectionStatus> checks) {
        Map<String, MetadataRow> meta = new LinkedHashMap<>();
        Map<String, long[]> counts = new HashMap<>();
        reads.read(m -> {
            m.syncMetadata().forEach(r -> meta.put(r.sourceInstance, r));
            m.deviceCounts().forEach(r -> {
                long[] c = counts.computeIfAbsent(r.sourceInstance, k -> new long[2]);
                if ("active".equals(r.status)) {
                    c[0] += r.n;
                } else if ("stale".equals(r.status)) {
                    c[1] += r.n;
                }
            });
            return null;
        });
        Map<String, SourceInstance> out = new TreeMap<>();
        for (SourceRegistry.Entry e : live) {
            MetadataRow r = meta.get(e.instance());
            long[] c = counts.getOrDefault(e.instance(), new long[2]);
            List<FieldError> errors = e.configErrors();
            out.put(e.instance(), new SourceInstance(e.instance(), e.descriptor().kind(), e.descriptor().displayName(), true, e.enabled(), errors,
                    redacted(e.properties()), e.scheduleMinutes(), r == null ? null : Times.parse(r.lastAttemptAt),
                    r == null ? null : Times.parse(r.lastSuccessAt), r == null ? null : r.lastStatus, r == null ? null : r.lastRunId, c[0], c[1],
                    running.get(e.instance()), checks.get(e.instance()), e.descriptor().entityKinds()));
        }
        for (MetadataRow r : meta.values()) {
            if (!out.containsKey(r.sourceInstance)) {
                long[] c = counts.getOrDefault(r.sourceInstance, new long[2]);
                out.put(r.sourceInstance, new SourceInstance(r.sourceInstance, r.sourceSystem, r.sourceSystem, false, false, List.of(), Map.of(), 0,
                        Times.parse(r.lastAttemptAt), Times.parse(r.lastSuccessAt), r.lastStatus, r.lastRunId, c[0], c[1], null, null));
            }
        }
        return new ArrayList<>(out.values());
    }

    /**
     * The configuration as people may see it: framework bookkeeping left out, private (dot) keys and anything
     * that looks like a secret replaced.
     */
    static Map<String, Object> redacted(Map<String, Object> props) {
        Map<String, Object> m = new TreeMap<>();
        props.forEach((k, v) -> {
            if (k.startsWith("service.") || k.startsWith("component.") || k.startsWith("felix.") || k.startsWith("osgi.") || k.equals("objectClass")) {
                return;
            }
            m.put(k, SecretKeys.mask(k, v));
        });
        return m;
    }

    static SyncRun toRun(RunRow r) {
        List<String> samples = new ArrayList<>();
        for (Object o : Json.readList(r.warningSamples)) {
            samples.add(String.valueOf(o));
        }
        return new SyncRun(r.id, r.sourceInstance, r.sourceSystem, r.trigger, r.status, r.phase, Times.parse(r.startedAt), Times.parse(r.finishedAt),
                r.fetched, r.added, r.updated, r.unchanged, r.stale, r.warnings, r.errorMessage, samples);
    }
}
