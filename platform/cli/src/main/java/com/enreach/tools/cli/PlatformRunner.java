package com.enreach.tools.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import org.osgi.framework.BundleException;

import com.enreach.tools.launcher.Platform;

/** Runs the platform in the foreground for {@code start} and {@code demo}, until it stops or the JVM is told to quit. */
final class PlatformRunner {
    static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private PlatformRunner() {
    }

    /**
     * Starts, waits until the API answers, runs {@code whenUp}, then blocks until the platform stops.
     *
     * @param shell whether to open the Gogo shell on this terminal
     */
    static int run(Enreach root, boolean shell, Consumer<Platform> whenUp) {
        Path home = root.home();
        String host = root.host();
        int port = root.port();
        refuseBusyPort(root, host, port);
        Platform platform;
        try {
            platform = Platform.start(home, host, port, shell);
        } catch (IOException | BundleException | RuntimeException e) {
            throw new CliException(ExitCodes.UNREACHABLE, "cannot start Enreach Tools in " + home + ": " + e.getMessage());
        }
        try {
            if (!platform.awaitReady(READY_TIMEOUT)) {
                closeQuietly(platform);
                throw new CliException(ExitCodes.UNREACHABLE, "Enreach Tools did not answer at " + platform.baseUrl() + " within "
                        + READY_TIMEOUT.toSeconds() + " s; see " + home.resolve("log").resolve("enreach.log"));
            }
            root.out().println("Enreach Tools is up at " + platform.baseUrl() + " (home " + home + "); admin token in "
                    + home.resolve("etc").resolve("admin.token"));
            root.out().flush();
            // Ctrl-C or a service manager's TERM: stop bundles cleanly so the database is closed properly.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(platform), "enreach-shutdown"));
            whenUp.accept(platform);
            platform.awaitStop();
            return ExitCodes.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(platform);
            return ExitCodes.FAILED;
        }
    }

    /** A second instance on a busy port would wait 60 s for an API that is not its own: say so at once. */
    private static void refuseBusyPort(Enreach root, String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
        } catch (IOException e) {
            return;
        }
        throw new CliException(ExitCodes.FAILED, "port " + port + " on " + host + " is already in use (is Enreach Tools already running? try "
                + "'enreach status'); choose another with --port or ENREACH_PORT");
    }

    private static void closeQuietly(Platform p) {
        try {
            p.close();
        } catch (Exception e) {
            // stopping anyway; nothing more to do
        }
    }
}
