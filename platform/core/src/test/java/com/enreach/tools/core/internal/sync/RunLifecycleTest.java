package com.enreach.tools.core.internal.sync;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.SyncRun;
import com.enreach.tools.api.SyncStatus;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.plugin.CheckResult;
import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.source.support.retry.RetryPolicy;

/** A run's life: starting, waiting for a worker, cancelling, how it ends and what it says. */
class RunLifecycleTest {
    @TempDir
    Path dir;
    Fixtures.Env env;
    final ExecutorService callers = Executors.newCachedThreadPool();
    final List<CountDownLatch> toRelease = new ArrayList<>();

    @BeforeEach
    void setUp() {
        env = new Fixtures.Env(dir);
    }

    @AfterEach
    void tearDown() {
        toRelease.forEach(CountDownLatch::countDown);
        env.close();
        callers.shutdownNow();
    }

    private CountDownLatch latch() {
        CountDownLatch l = new CountDownLatch(1);
        toRelease.add(l);
        return l;
    }

    private static void await(CountDownLatch l) {
        try {
            assertTrue(l.await(1, TimeUnit.MINUTES), "latch not reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Holds the database's write lock until {@code release}: a trigger then stops between claiming its instance and getting its id. */
    private void holdWriteLock(CountDownLatch release) {
        CountDownLatch holding = new CountDownLatch(1);
        callers.submit(() -> env.db.write(c -> {
            holding.countDown();
            await(release);
            return null;
        }));
        await(holding);
    }

    /** Waits (without sleeping) until the thread blocks. */
    private static void awaitBlocked(Thread t) {
        while (t.isAlive() && t.getState() != Thread.State.WAITING && t.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }
    }

    /** Starts a trigger on its own thread, returns once it blocks (in the window before the run has its id). */
    private Future<SyncRun> triggerBlocked(String instance) {
        Thread[] thread = new Thread[1];
        CountDownLatch known = new CountDownLatch(1);
        Future<SyncRun> f = callers.submit(() -> {
            thread[0] = Thread.currentThread();
            known.countDown();
            return env.engine.trigger(instance, "test", false);
        });
        await(known);
        awaitBlocked(thread[0]);
        return f;
    }

    @Test
    void aSecondTriggerWhileTheFirstIsStartingNamesTheFirstRun() throws Exception {
        CountDownLatch inFetch = new CountDownLatch(1);
        CountDownLatch endFetch = latch();
        env.add("test", "a", (ctx, sink) -> {
            inFetch.countDown();
            await(endFetch);
        });
        CountDownLatch releaseDb = latch();
        holdWriteLock(releaseDb);
        Future<SyncRun> first = triggerBlocked("test-a");
        Future<SyncRun> second = callers.submit(() -> env.engine.trigger("test-a", "test", false));
        releaseDb.countDown();
        long id = first.get(1, TimeUnit.MINUTES).id();
        await(inFetch);
        Exception e = assertThrows(Exception.class, () -> second.get(1, TimeUnit.MINUTES));
        ApiException conflict = (ApiException) e.getCause();
        assertEquals("already_running", conflict.code());
        assertTrue(conflict.getMessage().contains("(run " + id + ")"), conflict.getMessage());
        endFetch.countDown();
        assertEquals(SyncStatus.SUCCEEDED, Fixtures.await(env.engine, id).status());
    }

    @Test
    void aCancelWhileTheRunIsStartingIsKeptAndTheConnectorIsNeverCalled() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        Fixtures.ScriptedConnector c = env.add("test", "a", (ctx, sink) -> fetches.incrementAndGet());
        CountDownLatch releaseDb = latch();
        holdWriteLock(releaseDb);
        Future<SyncRun> starting = triggerBlocked("test-a");
        assertFalse(env.engine.cancel(0), "run id 0 names no run, not the one still starting");
        assertTrue(env.engine.run(0).isEmpty());
        env.registry.unbindConnector(c, Map.of()); // the plugin goes away: its run must be cancelled
        releaseDb.countDown();
        SyncRun r = Fixtures.await(env.engine, starting.get(1, TimeUnit.MINUTES).id());
        assertEquals(SyncStatus.CANCELLED, r.status(), r.error());
        assertEquals(0, fetches.get());
        assertTrue(r.error().contains("went away"), r.error());
    }

    @Test
    void aRunCancelledWhileWaitingForAWorkerEndsCancelledWithoutCallingTheConnector() {
        CountDownLatch release = latch();
        int workers = EngineSettings.defaults().workers();
        CountDownLatch busy = new CountDownLatch(workers);
        for (int i = 0; i < workers; i++) {
            env.add("test", "busy" + i, (ctx, sink) -> {
                busy.countDown();
                await(release);
            });
            env.engine.trigger("test-busy" + i, "test", false);
        }
        await(busy);
        AtomicInteger fetches = new AtomicInteger();
        env.add("test", "queued", (ctx, sink) -> fetches.incrementAndGet());
        SyncRun queued = env.engine.trigger("test-queued", "test", false);
        assertTrue(env.engine.cancel(queued.id()));
        release.countDown();
        SyncRun r = Fixtures.await(env.engine, queued.id());
        assertEquals(SyncStatus.CANCELLED, r.status());
        assertEquals(0, fetches.get());
        assertTrue(r.error().startsWith("Cancelled before it started (cancelled by an operator)"), r.error());
    }

    @Test
    void aRunCancelledDuringABackoffSaysCancelledAndIsNotRetried() {
        CountDownLatch failedOnce = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        env.add("test", "a", (ctx, sink) -> ctx.call("GET /hosts page 2", () -> {
            calls.incrementAndGet();
            failedOnce.countDown();
            throw new RetryableSourceException("unavailable", "HTTP 503 from GET /hosts page 2", null);
        }), Map.of("retry.backoff.ms", "20000"));
        SyncRun started = env.engine.trigger("test-a", "test", false);
        await(failedOnce);
        assertTrue(env.engine.cancel(started.id()));
        SyncRun r = Fixtures.await(env.engine, started.id());
        assertEquals(SyncStatus.CANCELLED, r.status());
        assertEquals(1, calls.get());
        assertTrue(r.error().startsWith("Cancelled before the fetch completed (cancelled by an operator)"), r.error());
        assertFalse(r.error().contains("retries exhausted"), r.error());
    }

    /** A remote call that never answers until its thread is interrupted (as HttpClient.send does). */
    private static Object hang(CountDownLatch entered) throws RetryableSourceException {
        entered.countDown();
        try {
            new CountDownLatch(1).await();
            throw new IllegalStateException("unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableSourceException("interrupted", "Test request was interrupted", e);
        }
    }

    @Test
    void aCancelInterruptsARequestThatHangsAndTheInterruptDoesNotOutliveIt() {
        CountDownLatch inRequest = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean interruptedAfter = new java.util.concurrent.atomic.AtomicBoolean(true);
        env.add("test", "a", (ctx, sink) -> {
            try {
                ctx.call("GET /hosts page 3 of 20", () -> hang(inRequest));
            } finally {
                interruptedAfter.set(Thread.currentThread().isInterrupted());
            }
        });
        SyncRun started = env.engine.trigger("test-a", "test", false);
        await(inRequest);
        assertTrue(env.engine.cancel(started.id()));
        SyncRun r = Fixtures.await(env.engine, started.id());
        assertEquals(SyncStatus.CANCELLED, r.status(), r.error());
        assertTrue(r.error().startsWith("Cancelled before the fetch completed (cancelled by an operator)"), r.error());
        assertFalse(interruptedAfter.get(), "the loader must not run with the interrupt flag set");
    }

    @Test
    void aRequestThatHangsPastItsCallsTimeLimitIsInterruptedAndTheRunSaysWhy() {
        restart(EngineSettings.defaults().withRetry(new RetryPolicy(4, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofMillis(300))));
        CountDownLatch inRequest = new CountDownLatch(1);
        env.add("test", "a", (ctx, sink) -> ctx.call("GET /hosts page 3 of 20", () -> hang(inRequest)));
        SyncRun r = env.runToEnd("test-a", false);
        assertEquals(SyncStatus.FAILED, r.status(), r.error());
        // the elapsed seconds in the message depend on the machine's load: not asserted
        assertTrue(r.error().startsWith("Test request was interrupted (temporary; gave up after 1 attempt in "), r.error());
        assertTrue(r.error().contains(" s: the retry time limit of this call was reached)"), r.error());
    }

    @Test
    void aRunFailingForAConnectionReasonShowsTheConnectionFailedUntilARunReachesTheSource() {
        Fixtures.ScriptedConnector c = env.add("test", "a", Fixtures.devices(3, "v"));
        assertTrue(env.engine.check("test-a").ok());
        c.script = (ctx, sink) -> {
            throw new PermanentSourceException("auth", "password", "Test rejected the credentials of svc-inventory", null, null);
        };
        assertEquals(SyncStatus.FAILED, env.runToEnd("test-a", false).status());
        var failed = env.engine.source("test-a").orElseThrow().connection();
        assertFalse(failed.ok());
        assertEquals("auth", failed.errors().get(0).code());
        assertEquals("password", failed.errors().get(0).field());
        assertTrue(failed.errors().get(0).message().contains("rejected the credentials"));

        c.script = (ctx, sink) -> {
            throw new RetryableSourceException("unreachable", "url", "Cannot connect to test.example.com:443", null, null, null);
        };
        env.runToEnd("test-a", false);
        assertEquals("unreachable", env.engine.source("test-a").orElseThrow().connection().errors().get(0).code());

        // a data problem says nothing about the connection
        c.script = (ctx, sink) -> {
            throw PermanentSourceException.malformed("GET /hosts page 1", "truncated JSON", null);
        };
        env.runToEnd("test-a", false);
        assertEquals("unreachable", env.engine.source("test-a").orElseThrow().connection().errors().get(0).code());

        c.script = Fixtures.devices(3, "v");
        assertEquals(SyncStatus.SUCCEEDED, env.runToEnd("test-a", false).status());
        assertTrue(env.engine.source("test-a").orElseThrow().connection().ok());
    }

    @Test
    void aStoppedEngineIsNoLongerCalledByTheRegistry() {
        env.engine.stop();
        Fixtures.ScriptedConnector late = new Fixtures.ScriptedConnector("test", Fixtures.devices(1, "v"));
        assertDoesNotThrow(() -> env.registry.bindConnector(late, Map.of("service.pid", "source.test~late")));
        assertDoesNotThrow(() -> env.registry.unbindConnector(late, Map.of()));
    }

    @Test
    void aLostSessionReReadIsAWarningAndTheReEmittedRecordsAreWritten() {
        env.add("test", "a", (ctx, sink) -> {
            for (int i = 0; i < 5; i++) {
                sink.device(DeviceRecord.of("d" + i, "dev-" + i, "server").put("tag", "first read"));
            }
            sink.warn(null, "session lost during hosts; logged in again and re-read hosts");
            for (int i = 0; i < 5; i++) {
                sink.device(DeviceRecord.of("d" + i, "dev-" + i, "server").put("tag", "re-read"));
            }
        });
        SyncRun r = env.runToEnd("test-a", false);
        assertEquals(SyncStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(1, r.warnings());
        assertTrue(r.warningSamples().get(0).contains("session lost"), r.warningSamples().toString());
        var devices = new com.enreach.tools.core.internal.query.DeviceQueries(env.db)
                .find(new com.enreach.tools.api.DeviceQuery(null, "test-a", null, null, null, 100, 0)).results();
        assertEquals(5, devices.size());
        assertTrue(devices.stream().allMatch(d -> "re-read".equals(d.metadata().get("tag"))), devices.toString());
    }

    private void restart(EngineSettings settings) {
        env.close();
        env = new Fixtures.Env(dir.resolve("restarted"), settings);
    }

    @Test
    void aConnectionCheckThatHangsAnswersTimeoutAfterTheConfiguredWait() {
        restart(EngineSettings.defaults().withCheckTimeout(Duration.ofMillis(200)));
        CountDownLatch answer = latch();
        env.registry.bindConnector(new Fixtures.ScriptedConnector("test", Fixtures.devices(1, "v")) {
            @Override
            public CheckResult checkConnection(SourceContext context) {
                await(answer);
                return CheckResult.ok("test 1.0");
            }
        }, Map.of("service.pid", "source.test~slow"));
        CheckResult r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofMinutes(1), () -> env.engine.check("test-slow"));
        assertFalse(r.ok());
        assertEquals("timeout", r.errors().get(0).code());
        assertTrue(r.errors().get(0).message().contains("got no answer within 200 ms"), r.errors().get(0).message());
        assertEquals("timeout", env.engine.source("test-slow").orElseThrow().connection().errors().get(0).code());
        answer.countDown();
        // the check that went on in the background is joined, its answer shown
        assertTrue(env.engine.check("test-slow").ok());
        assertEquals("test 1.0", env.engine.source("test-slow").orElseThrow().connection().detail());
    }

    @Test
    void aReconfiguredInstanceIsCheckedAtOnceEvenWhileTheOldConfigurationsCheckHangs() {
        restart(EngineSettings.defaults().withCheckTimeout(Duration.ofMillis(200)));
        CountDownLatch never = latch();
        Fixtures.ScriptedConnector old = new Fixtures.ScriptedConnector("test", Fixtures.devices(1, "v")) {
            @Override
            public CheckResult checkConnection(SourceContext context) {
                await(never); // e.g. a wrong url that swallows packets
                return CheckResult.ok("old");
            }
        };
        Map<String, Object> props = Map.of("service.pid", "source.test~edited");
        env.registry.bindConnector(old, props);
        assertEquals("timeout", env.engine.check("test-edited").errors().get(0).code());
        // the file is edited: the old component goes, a new one comes
        env.registry.unbindConnector(old, props);
        env.registry.bindConnector(new Fixtures.ScriptedConnector("test", Fixtures.devices(1, "v")), props);
        CheckResult r = env.engine.check("test-edited");
        assertTrue(r.ok(), r.toString());
        assertTrue(env.engine.source("test-edited").orElseThrow().connection().ok());
    }

    @Test
    void aCallThatRunsOutOfItsRetryTimeSaysSo() {
        restart(EngineSettings.defaults().withRetry(new RetryPolicy(4, Duration.ZERO, Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(10))));
        AtomicInteger calls = new AtomicInteger();
        env.add("test", "a", (ctx, sink) -> ctx.call("GET /hosts page 3 of 20", () -> {
            calls.incrementAndGet();
            throw new RetryableSourceException("rate_limited", "HTTP 429 from GET /hosts page 3 of 20", null, Duration.ofSeconds(30), null);
        }));
        SyncRun r = env.runToEnd("test-a", false);
        assertEquals(SyncStatus.FAILED, r.status());
        assertEquals(1, calls.get());
        assertTrue(r.error().startsWith("HTTP 429 from GET /hosts page 3 of 20 (temporary; gave up after 1 attempt in "), r.error());
        assertTrue(r.error().contains(" s: the retry time limit"), r.error());

        // an instance may allow its calls more time than the core's default: the 30 s wait then fits
        AtomicInteger patient = new AtomicInteger();
        CountDownLatch waiting = new CountDownLatch(1);
        env.add("test", "b", (ctx, sink) -> ctx.call("GET /hosts", () -> {
            if (patient.incrementAndGet() == 1) {
                waiting.countDown();
            }
            throw new RetryableSourceException("rate_limited", "HTTP 429 from GET /hosts", null, Duration.ofSeconds(30), null);
        }), Map.of("retry.max.total.seconds", "3600"));
        SyncRun b = env.engine.trigger("test-b", "test", false);
        await(waiting);
        env.engine.cancel(b.id()); // it is waiting out the Retry-After, not given up
        SyncRun ended = Fixtures.await(env.engine, b.id());
        assertEquals(SyncStatus.CANCELLED, ended.status(), ended.error());
        assertEquals(1, patient.get());
    }

    @Test
    void instancesInheritTheCoreRetryAndDeleteBudgetDefaultsUnlessTheySetTheirOwn() {
        restart(EngineSettings.defaults().withRetry(RetryPolicy.DEFAULT.with(2, Duration.ZERO)));
        AtomicInteger inherited = new AtomicInteger();
        AtomicInteger own = new AtomicInteger();
        env.add("test", "a", (ctx, sink) -> ctx.call("GET /a", () -> {
            inherited.incrementAndGet();
            throw new RetryableSourceException("unavailable", "HTTP 503", null);
        }));
        env.add("test", "b", (ctx, sink) -> ctx.call("GET /b", () -> {
            own.incrementAndGet();
            throw new RetryableSourceException("unavailable", "HTTP 503", null);
        }), Map.of("retry.attempts", "3"));
        assertTrue(env.runToEnd("test-a", false).error().contains("gave up after 2 attempts"));
        assertTrue(env.runToEnd("test-b", false).error().contains("gave up after 3 attempts"));
        assertEquals(2, inherited.get());
        assertEquals(3, own.get());
    }

    @Test
    void theDeleteBudgetDefaultComesFromTheCoreConfiguration() {
        EngineSettings d = EngineSettings.defaults();
        restart(new EngineSettings(d.workers(), d.schedulerTick(), d.batchSize(), d.retry(), 50, d.checkTimeout()));
        Fixtures.ScriptedConnector c = env.add("test", "a", Fixtures.devices(100, "v"));
        env.runToEnd("test-a", false);
        c.script = Fixtures.devices(60, "v");
        SyncRun r = env.runToEnd("test-a", false);
        assertEquals(SyncStatus.SUCCEEDED, r.status(), r.error());
        assertEquals(40, r.stale());
    }

    @Test
    void stoppingTheEngineUnregistersItsRegistryListeners() {
        assertEquals(2, env.registry.listenerCount());
        env.engine.stop();
        assertEquals(0, env.registry.listenerCount());
    }
}
