package com.enreach.tools.core.internal.sync;

import com.enreach.tools.core.internal.db.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.enreach.tools.api.SyncRun;
import com.enreach.tools.api.SyncService;
import com.enreach.tools.api.plugin.CheckResult;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceConnector;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceDescriptor;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.core.internal.db.Database;

/** Test helpers: a scripted connector and an engine on a fresh database file. */
final class Fixtures {
    private Fixtures() {
    }

    /** What a scripted connector does in fetch. */
    interface Script {
        void fetch(SourceContext ctx, RecordSink sink) throws SourceException;
    }

    static class ScriptedConnector implements SourceConnector {
        final String kind;
        volatile Script script;

        ScriptedConnector(String kind, Script script) {
            this.kind = kind;
            this.script = script;
        }

        @Override
        public SourceDescriptor descriptor() {
            return new SourceDescriptor(kind, kind, Set.of("device"), "test");
        }

        @Override
        public List<FieldError> validate() {
            return List.of();
        }

        @Override
        public CheckResult checkConnection(SourceContext context) {
            return CheckResult.ok("test");
        }

        @Override
        public void fetch(SourceContext context, RecordSink sink) throws SourceException {
            script.fetch(context, sink);
        }
    }

    /** Emits devices d0..d(n-1) with a version tag in metadata. */
    static Script devices(int n, String tag) {
        return (ctx, sink) -> {
            for (int i = 0; i < n; i++) {
                sink.device(DeviceRecord.of("d" + i, "dev-" + i, "server").put("tag", tag).put("index", i));
            }
        };
    }

    static final class Env implements AutoCloseable {
        final Database db;
        final SourceRegistry registry = new SourceRegistry();
        final SyncEngine engine;

        Env(Path dir) {
            this(dir, EngineSettings.defaults());
        }

        /** An engine with these settings and no scheduler timer (tests call {@code runDue} themselves). */
        Env(Path dir, EngineSettings settings) {
            db = TestDatabases.open(dir.resolve("test.db"));
            engine = new SyncEngine(db, registry, settings.withoutScheduler());
            // identity resolution follows every run, as the container binds it (backup links and device details use it)
            engine.bindChangeListener(new com.enreach.tools.core.internal.identity.IdentityResolution(db, null));
        }

        ScriptedConnector add(String kind, String name, Script script, Map<String, Object> extra) {
            ScriptedConnector c = new ScriptedConnector(kind, script);
            Map<String, Object> props = new HashMap<>(extra);
            props.put("service.pid", "source." + kind + "~" + name);
            props.putIfAbsent("retry.backoff.ms", "0");
            registry.bindConnector(c, props);
            return c;
        }

        ScriptedConnector add(String kind, String name, Script script) {
            return add(kind, name, script, Map.of());
        }

        SyncRun runToEnd(String instance, boolean confirm) {
            SyncRun started = engine.trigger(instance, "test", confirm);
            return await(engine, started.id());
        }

        @Override
        public void close() {
            engine.stop();
        }
    }

    /** Waits for a run to end; the deadline only guards against a hung test, it asserts nothing about speed. */
    static SyncRun await(SyncService engine, long runId) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            SyncRun r = engine.run(runId).orElseThrow();
            if (r.finished()) {
                return r;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("run " + runId + " did not end");
    }
}
