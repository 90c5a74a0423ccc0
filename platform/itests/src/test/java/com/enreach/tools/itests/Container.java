package com.enreach.tools.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ops4j.pax.exam.Option;

/**
 * The container as the launcher boots it (see {@code platform/launcher/.../Platform.java}): the bundles of the
 * distribution's {@code system/} folder in the same start order, the same framework properties, a fresh home with
 * the distribution's two configuration files, and the demo plugin jar in {@code deploy/}.
 *
 * <p>Runs in the driver JVM, before the framework starts. Tests inside the container find the home and the port
 * as framework properties ({@link #HOME}, {@link #PORT}).
 */
final class Container {
    static final String HOME = "enreach.home";
    static final String PORT = "org.osgi.service.http.port";
    static final String DEMO = "com.enreach.tools.plugin.demo";
    static final String DEMO_JAR = DEMO + ".jar";

    // Start levels as the launcher sets them: the ServiceLoader mediator and logging first, then the OSGi services
    // the rest needs, then everything else, FileInstall and the web console last. Pax Exam's own bundles start at 2, the probe at 5.
    private static final int FIRST = 1;
    private static final int SERVICES = 2;
    private static final int REST = 3;
    private static final int LAST = 4;

    private Container() {
    }

    /** Pax Exam asks a test class for its configuration more than once: one home and port per class. */
    private static final Map<String, Option[]> BY_CLASS = new ConcurrentHashMap<>();

    /** Pax Exam options for a container whose home is a new folder named after the test class. */
    static Option[] options(String name) {
        return BY_CLASS.computeIfAbsent(name, Container::create).clone();
    }

    private static Option[] create(String name) {
        Path home = newHome(name);
        int port = freePort();
        List<Option> o = new ArrayList<>();
        o.add(cleanCaches());
        o.add(systemTimeout(120_000));
        o.add(frameworkProperty(HOME).value(home.toString()));
        o.add(frameworkProperty(PORT).value(Integer.toString(port)));
        o.add(frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"));
        o.add(frameworkProperty("org.apache.felix.http.jetty.sendServerHeader").value("false"));
        o.add(frameworkProperty("felix.fileinstall.dir").value(home.resolve("etc").toString()));
        o.add(frameworkProperty("felix.fileinstall.poll").value("500"));
        o.add(frameworkProperty("felix.fileinstall.noInitialDelay").value("true"));
        o.add(frameworkProperty("felix.fileinstall.log.level").value("2"));
        o.add(frameworkProperty("felix.fileinstall.enableConfigSave").value("false"));
        o.add(frameworkProperty("felix.fileinstall.configEncoding").value("UTF-8"));
        o.add(frameworkProperty("felix.cm.pm").value("memory"));
        o.add(frameworkProperty("felix.cm.config.plugins").value("enreach.secret.masking"));
        o.add(frameworkProperty("felix.webconsole.security.providers").value("enreach"));
        o.add(frameworkProperty("felix.webconsole.manager.root").value("/system/console"));
        o.add(frameworkProperty("gosh.args").value("--nointeractive"));
        o.add(frameworkProperty("felix.log.level").value("1"));
        // Plugins FileInstall installs from deploy/ start at the level of the other application bundles.
        o.add(frameworkProperty("felix.startlevel.bundle").value(Integer.toString(REST)));
        // slf4j-simple in the container reads system properties: the platform's log goes to <home>/log.
        o.add(systemProperty("org.slf4j.simpleLogger.logFile").value(home.resolve("log").resolve("enreach.log").toString()));
        o.add(systemProperty("org.slf4j.simpleLogger.defaultLogLevel").value("info"));
        o.add(systemProperty("org.slf4j.simpleLogger.showDateTime").value("true"));
        o.add(systemProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty").value("warn"));
        o.add(systemProperty("org.slf4j.simpleLogger.log.org.glassfish").value("warn"));
        o.add(systemProperty("org.slf4j.simpleLogger.log.org.flywaydb").value("warn"));
        o.add(junitBundles());

        maven(o, FIRST, "org.ow2.asm", "asm", "asm-commons", "asm-util", "asm-tree", "asm-analysis");
        maven(o, FIRST, "org.apache.aries.spifly", "org.apache.aries.spifly.dynamic.bundle");
        maven(o, FIRST, "org.slf4j", "slf4j-api", "slf4j-simple");
        maven(o, SERVICES, "org.apache.felix", "org.apache.felix.log");
        maven(o, SERVICES, "org.osgi", "org.osgi.util.function", "org.osgi.util.promise", "org.osgi.service.component");
        maven(o, SERVICES, "org.apache.felix", "org.apache.felix.configadmin", "org.apache.felix.scr", "org.apache.felix.metatype",
                "org.apache.felix.eventadmin");

        maven(o, REST, "org.apache.felix", "org.apache.felix.gogo.runtime", "org.apache.felix.gogo.command",
                "org.apache.felix.http.servlet-api", "org.apache.felix.http.jetty12");
        // org.apache.felix.gogo.jline is left out: the launcher starts the interactive shell only on request
        // (enreach start --shell), and an installed, never started bundle would fail Pax Exam's unresolved check.
        maven(o, REST, "org.jline", "jline");
        maven(o, REST, "commons-fileupload", "commons-fileupload");
        maven(o, REST, "commons-io", "commons-io");
        maven(o, REST, "org.owasp.encoder", "encoder");
        maven(o, REST, "org.osgi", "org.osgi.service.jakartars");
        maven(o, REST, "org.eclipse.osgi-technology.rest", "org.eclipse.osgitech.rest", "org.eclipse.osgitech.rest.servlet.whiteboard");
        // A fragment: installed, never started.
        o.add(mavenBundle("org.eclipse.osgi-technology.rest", "org.eclipse.osgitech.rest.sse").versionAsInProject().startLevel(REST).noStart());
        maven(o, REST, "org.glassfish.jersey.core", "jersey-common", "jersey-server", "jersey-client");
        maven(o, REST, "org.glassfish.jersey.containers", "jersey-container-servlet", "jersey-container-servlet-core");
        maven(o, REST, "org.glassfish.jersey.inject", "jersey-hk2");
        maven(o, REST, "org.glassfish.jersey.media", "jersey-media-jaxb", "jersey-media-sse");
        maven(o, REST, "org.glassfish.hk2", "hk2-api", "hk2-locator", "hk2-utils", "osgi-resource-locator");
        maven(o, REST, "org.glassfish.hk2.external", "aopalliance-repackaged");
        maven(o, REST, "org.javassist", "javassist");
        maven(o, REST, "jakarta.ws.rs", "jakarta.ws.rs-api");
        maven(o, REST, "jakarta.annotation", "jakarta.annotation-api");
        maven(o, REST, "jakarta.inject", "jakarta.inject-api");
        maven(o, REST, "jakarta.validation", "jakarta.validation-api");
        maven(o, REST, "jakarta.xml.bind", "jakarta.xml.bind-api");
        maven(o, REST, "jakarta.activation", "jakarta.activation-api");
        maven(o, REST, "com.fasterxml.jackson.core", "jackson-core", "jackson-databind", "jackson-annotations");
        maven(o, REST, "com.fasterxml.jackson.jakarta.rs", "jackson-jakarta-rs-base", "jackson-jakarta-rs-json-provider");
        maven(o, REST, "com.fasterxml.jackson.module", "jackson-module-jakarta-xmlbind-annotations");
        maven(o, REST, "org.xerial", "sqlite-jdbc");
        // as in the distribution's system/ folder, so a home can choose a PostgreSQL master database
        maven(o, REST, "org.postgresql", "postgresql");
        maven(o, REST, "com.zaxxer", "HikariCP");
        maven(o, REST, "org.mybatis", "mybatis");
        maven(o, REST, "io.github.java-diff-utils", "java-diff-utils");
        // The project's bundles come as files the build copied (from the reactor when the whole project builds).
        for (String a : List.of("com.enreach.tools.api", "com.enreach.tools.metrics", "com.enreach.tools.source.support", "com.enreach.tools.core", "com.enreach.tools.rest")) {
            o.add(bundle(projectBundle(a).toUri().toString()).startLevel(REST));
        }
        maven(o, LAST, "org.apache.felix", "org.apache.felix.fileinstall");
        // The web console after the platform's bundles, as the launcher starts it: its status and DS plugins must
        // find the rest bundle's secret-masking service hooks already registered.
        maven(o, LAST, "org.apache.felix", "org.apache.felix.inventory", "org.apache.felix.webconsole", "org.apache.felix.webconsole.plugins.ds");
        return o.toArray(Option[]::new);
    }

    private static void maven(List<Option> options, int startLevel, String group, String... artifacts) {
        for (String a : artifacts) {
            options.add(mavenBundle(group, a).versionAsInProject().startLevel(startLevel));
        }
    }

    /** A new home with the distribution's configuration files and the demo plugin in deploy/. */
    private static Path newHome(String name) {
        try {
            Path root = Path.of(System.getProperty("itest.work.dir", "target/itest-homes")).toAbsolutePath();
            Files.createDirectories(root);
            Path home = Files.createTempDirectory(root, name + "-");
            for (String d : List.of("etc", "deploy", "data", "log")) {
                Files.createDirectories(home.resolve(d));
            }
            write(home.resolve("etc/JakartarsServletWhiteboardRuntimeComponent.cfg"), "jersey.context.path=/api\n");
            write(home.resolve("etc/org.apache.felix.fileinstall-deploy.cfg"), """
                    felix.fileinstall.dir=${enreach.home}/deploy
                    felix.fileinstall.poll=500
                    felix.fileinstall.noInitialDelay=true
                    felix.fileinstall.start.new.bundles=true
                    """);
            Files.copy(projectBundle(DEMO), home.resolve("deploy").resolve(DEMO_JAR), StandardCopyOption.REPLACE_EXISTING);
            if (Postgres.enabled()) {
                write(home.resolve("etc/com.enreach.tools.database.cfg"), "engine=postgresql\nurl=" + Postgres.newDatabase() + "\nuser="
                        + com.enreach.tools.testkit.PostgresCluster.USER + "\n");
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the container home", e);
        }
    }

    /** A project bundle the build copied to target/bundles (maven-dependency-plugin, pre-integration-test). */
    static Path projectBundle(String artifactId) {
        Path jar = Path.of(System.getProperty("itest.bundles.dir", "target/bundles")).resolve(artifactId + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests with 'mvn verify' so the build copies it");
        }
        return jar;
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
