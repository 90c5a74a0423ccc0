package com.enreach.tools.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Boots one container per test class (see {@link Container}) and gives the tests, which run inside it, an HTTP
 * client, the admin token and helpers to drop configuration files and run syncs. Waits are generous: they only
 * guard against hangs, nothing asserts on timing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class PlatformTestSupport {
    static final Duration STARTUP = Duration.ofSeconds(120);
    static final Duration CHANGE = Duration.ofSeconds(60);
    static final Duration RUN = Duration.ofMinutes(5);

    @Inject
    protected BundleContext bundleContext;

    protected Api api;
    protected String admin;

    @Configuration
    public Option[] config() {
        return Container.options(getClass().getSimpleName());
    }

    /** Waits until REST answers with the admin token (the token file is written on first start). */
    @Before
    public void platformReady() {
        api = new Api("http://127.0.0.1:" + bundleContext.getProperty(Container.PORT));
        Path tokenFile = home().resolve("etc").resolve("admin.token");
        await("the admin token file " + tokenFile, STARTUP, () -> Files.isRegularFile(tokenFile) ? read(tokenFile).trim() : "",
                t -> t.startsWith("enr_"));
        admin = read(tokenFile).trim();
        await("GET /api/sources to answer 200", STARTUP, () -> api.get("/api/sources", admin), r -> r.status() == 200);
    }

    protected Path home() {
        return Path.of(bundleContext.getProperty(Container.HOME));
    }

    // ------------------------------------------------------------------ configuration files

    /** Writes etc/&lt;name&gt; in one step (written beside, then moved), so FileInstall never sees half a file. */
    protected void writeConfig(String name, String text) {
        moveInto(home().resolve("etc"), name, text.getBytes(StandardCharsets.UTF_8));
    }

    protected void deleteConfig(String name) {
        try {
            Files.deleteIfExists(home().resolve("etc").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a file into a watched folder atomically. */
    protected void moveInto(Path dir, String name, byte[] content) {
        try {
            Path tmp = Files.createTempFile(home(), ".incoming-", ".tmp");
            Files.write(tmp, content);
            Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source instance once it satisfies the condition. */
    protected JsonNode awaitSource(String instance, String what, Predicate<JsonNode> condition) {
        return await(instance + " " + what, CHANGE, () -> {
            Api.Reply r = api.get("/api/sources/" + instance, admin);
            return r.status() == 200 ? r.json() : null;
        }, s -> s != null && condition.test(s));
    }

    protected JsonNode awaitLive(String instance) {
        return awaitSource(instance, "to be present", s -> s.path("present").asBoolean());
    }

    // ------------------------------------------------------------------ runs and devices

    /** Starts a run and returns it once finished. */
    protected JsonNode sync(String instance) {
        Api.Reply started = api.post("/api/sources/" + instance + "/sync", admin);
        assertEquals("POST sync of " + instance + ": " + started, 202, started.status());
        assertEquals("running", started.at("/status").asText());
        return awaitRun(started.at("/id").asLong());
    }

    protected JsonNode awaitRun(long id) {
        return await("run " + id + " to finish", RUN, () -> api.get("/api/sync/runs/" + id, admin).json(),
                r -> !"running".equals(r.path("status").asText()));
    }

    /** The number of devices a list query reports. */
    protected long count(String query) {
        Api.Reply r = api.get("/api/devices?limit=1&" + query, admin);
        assertEquals("GET /api/devices?" + query + ": " + r, 200, r.status());
        assertTrue(r.json().has("count"));
        return r.at("/count").asLong();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ waiting

    /** Polls until the condition holds; fails with the last value seen when the deadline passes. */
    protected static <T> T await(String what, Duration timeout, Supplier<T> probe, Predicate<T> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        RuntimeException lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                last = probe.get();
                lastError = null;
                if (condition.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
        AssertionError failure = new AssertionError("Gave up after " + timeout.toSeconds() + " s waiting for " + what + "; last seen: " + last);
        if (lastError != null) {
            failure.initCause(lastError);
        }
        throw failure;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
