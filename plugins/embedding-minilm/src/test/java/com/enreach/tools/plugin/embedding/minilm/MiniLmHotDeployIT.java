package com.enreach.tools.plugin.embedding.minilm;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;

import com.enreach.tools.api.vector.EmbeddingProvider;

/**
 * The model bundle in a FileInstall-watched deploy folder, as in the distribution: reconfigured, stopped and started,
 * updated and refreshed, removed and dropped back while the JVM runs. Each time the provider comes back and embeds
 * the same text to the same vector; the runtime bundle (natives) is never restarted.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MiniLmHotDeployIT {
    private static final String HOME = "itest.home";
    private static final String MINILM = "com.enreach.tools.plugin.embedding.minilm";
    private static final String RUNTIME = "com.enreach.tools.plugin.embedding.runtime";
    private static final String JAR = MINILM + ".jar";
    private static final String TEXT = "Restart the NFS export on the storage cluster after the firmware upgrade.";
    private static final long WAIT_MS = 120_000;
    private static Option[] options;

    @Inject
    private BundleContext ctx;

    @Configuration
    public Option[] config() {
        if (options == null) {
            options = create();
        }
        return options.clone();
    }

    private static Option[] create() {
        Path home = newHome();
        Path bundles = Path.of(System.getProperty("itest.bundles.dir", "target/it-bundles"));
        List<Option> o = new ArrayList<>();
        o.add(cleanCaches());
        o.add(systemTimeout(300_000));
        o.add(frameworkProperty(HOME).value(home.toString()));
        o.add(frameworkProperty("felix.fileinstall.dir").value(home.resolve("etc").toString()));
        o.add(frameworkProperty("felix.fileinstall.poll").value("300"));
        o.add(frameworkProperty("felix.fileinstall.noInitialDelay").value("true"));
        o.add(frameworkProperty("felix.fileinstall.enableConfigSave").value("false"));
        o.add(frameworkProperty("felix.startlevel.bundle").value("3"));
        o.add(systemProperty("org.slf4j.simpleLogger.logFile").value(home.resolve("log/enreach.log").toString()));
        o.add(junitBundles());
        for (String a : List.of("asm", "asm-commons", "asm-util", "asm-tree", "asm-analysis",
                "org.apache.aries.spifly.dynamic.bundle", "slf4j-api", "slf4j-simple")) {
            o.add(bundle(bundles.resolve(a + ".jar").toUri().toString()).startLevel(1));
        }
        for (String a : List.of("org.osgi.util.function", "org.osgi.util.promise", "org.osgi.service.component",
                "org.apache.felix.configadmin", "org.apache.felix.scr")) {
            o.add(bundle(bundles.resolve(a + ".jar").toUri().toString()).startLevel(2));
        }
        for (String a : List.of("com.enreach.tools.api", RUNTIME)) {
            o.add(bundle(bundles.resolve(a + ".jar").toUri().toString()).startLevel(3));
        }
        o.add(bundle(bundles.resolve("org.apache.felix.fileinstall.jar").toUri().toString()).startLevel(4));
        return o.toArray(Option[]::new);
    }

    /** A home with etc/ (configurations) and deploy/ (plugins, a second FileInstall watcher) holding this bundle. */
    private static Path newHome() {
        try {
            Path root = Path.of(System.getProperty("itest.work.dir", "target/itest-homes")).toAbsolutePath();
            Files.createDirectories(root);
            Path home = Files.createTempDirectory(root, "minilm-");
            for (String d : List.of("etc", "deploy", "log")) {
                Files.createDirectories(home.resolve(d));
            }
            Files.writeString(home.resolve("etc/org.apache.felix.fileinstall-deploy.cfg"),
                    "felix.fileinstall.dir=" + home.resolve("deploy") + "\nfelix.fileinstall.poll=300\n"
                            + "felix.fileinstall.noInitialDelay=true\nfelix.fileinstall.start.new.bundles=true\n",
                    StandardCharsets.UTF_8);
            Files.copy(pluginJar(), home.resolve("deploy").resolve(JAR));
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the container home", e);
        }
    }

    private static Path pluginJar() {
        return Path.of(System.getProperty("itest.plugin.jar", "target/" + JAR));
    }

    @Test
    public void providerSurvivesReconfigurationRestartUpdateRemovalAndReinstall() throws Exception {
        EmbeddingProvider quantized = awaitProvider("all-MiniLM-L6-v2-q");
        float[] reference = quantized.embed(List.of(TEXT)).get(0);
        assertEquals(384, reference.length);
        assertEquals(384, quantized.dimension());
        assertEquals(512, quantized.maxTokens());
        assertEquals(4, quantized.countTokens("Hello world"));
        Bundle runtime = installed(RUNTIME);
        long runtimeId = runtime.getBundleId();

        // The configuration chooses the variant; removing it brings the default back.
        writeInto(home().resolve("etc"), "enreach.embedding.minilm.cfg", "variant = full\nbatch.size = 4\n".getBytes(StandardCharsets.UTF_8));
        EmbeddingProvider full = awaitProvider("all-MiniLM-L6-v2");
        float[] fullVector = full.embed(List.of(TEXT)).get(0);
        assertTrue("full and quantised models agree closely", dot(reference, fullVector) > 0.9);
        Files.delete(home().resolve("etc/enreach.embedding.minilm.cfg"));
        embedsAsBefore(awaitProvider("all-MiniLM-L6-v2-q"), reference);

        // Stopped and started.
        Bundle minilm = installed(MINILM);
        minilm.stop();
        assertNull(ctx.getServiceReference(EmbeddingProvider.class));
        minilm.start();
        embedsAsBefore(awaitProvider("all-MiniLM-L6-v2-q"), reference);

        // Updated in place and refreshed: a new class loader for the model bundle, the natives stay loaded.
        minilm.update();
        refresh(minilm);
        embedsAsBefore(awaitProvider("all-MiniLM-L6-v2-q"), reference);

        // Removed from deploy/: uninstalled, no provider.
        Path deployed = home().resolve("deploy").resolve(JAR);
        Files.delete(deployed);
        await("the model bundle to be uninstalled", () -> bundleOrNull(MINILM), b -> b == null);
        await("the provider to be gone", () -> ctx.getServiceReference(EmbeddingProvider.class), r -> r == null);

        // Dropped back: installed and started again, same vectors.
        writeInto(home().resolve("deploy"), JAR, Files.readAllBytes(pluginJar()));
        embedsAsBefore(awaitProvider("all-MiniLM-L6-v2-q"), reference);

        assertEquals(runtimeId, installed(RUNTIME).getBundleId());
        assertEquals(Bundle.ACTIVE, installed(RUNTIME).getState());
        assertEquals(Bundle.ACTIVE, installed(MINILM).getState());
    }

    private void embedsAsBefore(EmbeddingProvider provider, float[] reference) {
        assertArrayEquals(reference, provider.embed(List.of(TEXT)).get(0), 1e-6f);
    }

    private EmbeddingProvider awaitProvider(String model) {
        return await("an EmbeddingProvider for " + model, () -> {
            ServiceReference<EmbeddingProvider> ref = ctx.getServiceReference(EmbeddingProvider.class);
            EmbeddingProvider p = ref == null ? null : ctx.getService(ref);
            return p != null && model.equals(p.model()) ? p : null;
        }, p -> p != null);
    }

    private void refresh(Bundle b) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        ctx.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(b), e -> {
            if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        assertTrue("refresh finished", done.await(WAIT_MS, TimeUnit.MILLISECONDS));
    }

    private Path home() {
        return Path.of(ctx.getProperty(HOME));
    }

    private Bundle installed(String bsn) {
        Bundle b = bundleOrNull(bsn);
        assertNotNull(bsn + " is installed", b);
        return b;
    }

    private Bundle bundleOrNull(String bsn) {
        return Arrays.stream(ctx.getBundles()).filter(b -> bsn.equals(b.getSymbolicName())).findFirst().orElse(null);
    }

    /** Writes beside, then moves, so FileInstall never sees half a file. */
    private void writeInto(Path dir, String name, byte[] content) throws IOException {
        Path tmp = Files.createTempFile(home(), ".incoming-", ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static <T> T await(String what, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
