package com.enreach.tools.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * Embeds Apache Felix: installs the bundles of {@code system/} in a safe order, lets FileInstall watch {@code etc/}
 * (configuration) and {@code deploy/} (plugins), and waits until the REST API answers.
 */
public final class Platform implements AutoCloseable {
    /** Bundles that must start first: the ServiceLoader mediator and logging, then the OSGi services others need. */
    private static final List<String> FIRST = List.of("org.objectweb.asm", "org.apache.aries.spifly", "slf4j.api", "slf4j.simple",
            "org.apache.felix.log", "org.osgi.util.function", "org.osgi.util.promise", "org.osgi.service.component",
            "org.apache.felix.configadmin", "org.apache.felix.scr", "org.apache.felix.metatype", "org.apache.felix.eventadmin");
    /**
     * Bundles that start last: FileInstall, and the web console, whose status and DS plugins must find the platform's
     * secret-masking service hooks already registered (see the rest bundle's console package).
     */
    private static final List<String> LAST = List.of("org.apache.felix.fileinstall", "org.apache.felix.webconsole", "org.apache.felix.inventory");

    private final Path home;
    private final String host;
    private final int port;
    private final Framework framework;
    private final HomeLock lock;

    private Platform(Path home, String host, int port, Framework framework, HomeLock lock) {
        this.home = home;
        this.host = host;
        this.port = port;
        this.framework = framework;
        this.lock = lock;
    }

    /** Starts the container without the interactive Gogo shell; returns once it runs (see {@link #awaitReady}). */
    public static Platform start(Path home, String host, int port) throws IOException, BundleException {
        return start(home, host, port, false);
    }

    /**
     * Starts the container; returns once it runs (see {@link #awaitReady}).
     *
     * @param shell whether to start the Gogo shell on this process's terminal (its bundle stays installed either way)
     */
    public static Platform start(Path home, String host, int port, boolean shell) throws IOException, BundleException {
        Path h = home.toAbsolutePath().normalize();
        for (String d : List.of("data", "log", "deploy", "etc", "system")) {
            Files.createDirectories(h.resolve(d));
        }
        HomePermissions.restrict(h);
        HomeLock lock;
        try {
            lock = HomeLock.acquire(h);
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        }
        try {
            return start(h, host, port, shell, lock);
        } catch (IOException | BundleException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static Platform start(Path h, String host, int port, boolean shell, HomeLock lock) throws IOException, BundleException {
        configureLogging(h);
        HomeTemp.prepare(h);
        Map<String, String> props = new HashMap<>();
        String release = Release.id(h);
        if (release != null) {
            props.put("enreach.release", release);
        }
        props.put(Constants.FRAMEWORK_STORAGE, h.resolve("data").resolve("felix-cache").toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put("enreach.home", h.toString());
        // Also a system property: the api bundle's configuration reader, which has no BundleContext, finds the key file
        // of encrypted secrets (ENC(...)) below it (<home>/keys/secret.key unless enreach.secret.keyfile or
        // ENREACH_SECRET_KEYFILE say otherwise). One platform per JVM.
        System.setProperty("enreach.home", h.toString());
        props.put("org.osgi.service.http.port", Integer.toString(port));
        props.put("org.apache.felix.http.host", host);
        props.put("org.apache.felix.http.jetty.sendServerHeader", "false");
        props.put("felix.fileinstall.dir", h.resolve("etc").toString());
        props.put("felix.fileinstall.poll", "500");
        props.put("felix.fileinstall.noInitialDelay", "true");
        props.put("felix.fileinstall.log.level", "2");
        // etc/ is the source of truth: never rewrite the files (a kill during a rewrite would leave one empty).
        props.put("felix.fileinstall.enableConfigSave", "false");
        // Configuration files are UTF-8 (FileInstall would read ISO-8859-1: a non-ASCII password would not match).
        props.put("felix.fileinstall.configEncoding", "UTF-8");
        // ConfigAdmin keeps configurations in memory only: etc/ is the source of truth (FileInstall reads it at every
        // start), and its file store would write every secret of etc/ into data/felix-cache in plain text.
        props.put("felix.cm.pm", "memory");
        // ...and delivers nothing before the platform's plugin that masks secrets written under public keys is up.
        props.put("felix.cm.config.plugins", "enreach.secret.masking");
        props.put("felix.webconsole.security.providers", "enreach");
        props.put("felix.webconsole.manager.root", "/system/console");
        if (!shell) {
            props.put("gosh.args", "--nointeractive");
        }
        props.put("felix.log.level", "1");
        props.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, "4");
        props.put("felix.startlevel.bundle", "3");
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
        Framework fw = factory.newFramework(props);
        fw.init();
        try {
            installSystemBundles(fw.getBundleContext(), h.resolve("system"), shell);
            fw.start();
        } catch (IOException | BundleException | RuntimeException e) {
            fw.stop();
            throw e;
        }
        return new Platform(h, host, port, fw, lock);
    }

    /** slf4j-simple reads system properties: log to {@code log/enreach.log} with timestamps. */
    private static void configureLogging(Path home) {
        Path log = home.resolve("log").resolve("enreach.log");
        try {
            // slf4j-simple truncates its file: keep the previous run's log (the one that explains a crash).
            if (Files.exists(log) && Files.size(log) > 0) {
                Files.move(log, log.resolveSibling("enreach.log.1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("cannot keep the previous log " + log + ": " + e.getMessage());
        }
        setIfAbsent("org.slf4j.simpleLogger.logFile", log.toString());
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "info");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        setIfAbsent("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.org.glassfish", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.org.flywaydb", "warn");
        // Libraries that log through java.util.logging (Jersey, SPI Fly, Flyway) go to log/container.log, not the console.
        try {
            java.util.logging.LogManager.getLogManager().reset();
            java.util.logging.FileHandler fh = new java.util.logging.FileHandler(home.resolve("log").resolve("container.log").toString(), 10_000_000, 2, true);
            fh.setFormatter(new java.util.logging.SimpleFormatter());
            java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
            root.addHandler(fh);
            root.setLevel(java.util.logging.Level.INFO);
        } catch (IOException e) {
            System.err.println("cannot open log/container.log: " + e.getMessage());
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static void installSystemBundles(BundleContext ctx, Path dir, boolean shell) throws IOException, BundleException {
        List<Path> jars;
        try (Stream<Path> s = Files.list(dir)) {
            jars = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        if (jars.isEmpty()) {
            throw new IOException("no bundles in " + dir + ": is this an assembled distribution (bundles-dist/target/enreach)?");
        }
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            installed.add(ctx.installBundle(jar.toUri().toString()));
        }
        // Start levels make the order real: within one level Felix starts bundles in install order.
        for (Bundle b : installed) {
            int rank = rank(b);
            b.adapt(BundleStartLevel.class).setStartLevel(rank < 4 ? 1 : rank < FIRST.size() ? 2 : rank < 1000 ? 3 : 4);
            boolean console = "org.apache.felix.gogo.jline".equals(b.getSymbolicName());
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null && (shell || !console)) {
                b.start();
            }
        }
    }

    private static int rank(Bundle b) {
        String bsn = b.getSymbolicName() == null ? "" : b.getSymbolicName();
        for (int i = 0; i < FIRST.size(); i++) {
            if (bsn.startsWith(FIRST.get(i))) {
                return i;
            }
        }
        for (String l : LAST) {
            if (bsn.startsWith(l)) {
                return 1000;
            }
        }
        return 100;
    }

    /** Waits until {@code GET /api/health} answers 200. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        return false;
    }

    public String baseUrl() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    public Path home() {
        return home;
    }

    /** Blocks until the framework stops. */
    public void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    @Override
    public void close() throws Exception {
        try {
            framework.stop();
            framework.waitForStop(30_000);
        } finally {
            lock.close();
        }
    }
}
