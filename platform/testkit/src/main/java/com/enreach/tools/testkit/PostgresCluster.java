package com.enreach.tools.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for one test class: {@code initdb} into a temporary directory, {@code pg_ctl start} on
 * a free port of 127.0.0.1 (trust authentication, so only local connections and no password), stopped and deleted by
 * {@link #close}. Uses the newest Debian server under {@code /usr/lib/postgresql/<version>/bin}; run as root, the
 * server runs as the {@code postgres} user (PostgreSQL refuses root). Missing binaries or contrib modules fail with
 * the package names to install: tests that need a real PostgreSQL fail, never skip, without it.
 */
public final class PostgresCluster implements AutoCloseable {
    /** The database superuser the cluster is created with. */
    public static final String USER = "enreach";

    private final Path dir;
    private final Path bin;
    private final int port;
    private final boolean asPostgres;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private PostgresCluster(Path dir, Path bin, int port, boolean asPostgres) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** Creates and starts a cluster; its {@code postgres} database exists, others are created by the caller. */
    public static PostgresCluster start() throws IOException, InterruptedException {
        Path bin = serverBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("enreach-pg");
        if (root) {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PostgresCluster c = new PostgresCluster(dir, bin, port, root);
        // a test run interrupted (Ctrl-C, SIGTERM) still stops its server
        Runtime.getRuntime().addShutdownHook(new Thread(c::close, "postgres-cluster-stop"));
        try {
            c.run("initdb", "-D", dir.resolve("data").toString(), "-U", USER, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
            c.run("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                    "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                    "start");
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** A JDBC URL of a database of this cluster (user {@link #USER}, no password). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    /** Creates an empty database and returns its JDBC URL. */
    public String createDatabase(String name) throws SQLException {
        return createDatabase(name, null);
    }

    /** Creates a database as a copy of {@code template} (null: an empty one) and returns its JDBC URL. */
    public String createDatabase(String name, String template) throws SQLException {
        admin("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
        return jdbcUrl(name);
    }

    /** Drops a database, ending the sessions still connected to it. */
    public void dropDatabase(String name) throws SQLException {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The newest server installed by Debian's postgresql package, with the contrib modules the schema needs. */
    static Path serverBinaries() {
        Path root = Path.of("/usr/lib/postgresql");
        List<Path> versions = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> s = Files.list(root)) {
                s.filter(p -> Files.isExecutable(p.resolve("bin/initdb"))).forEach(versions::add);
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + root + ": " + e.getMessage(), e);
            }
        }
        Path newest = versions.stream().max(Comparator.comparingInt(p -> versionOf(p.getFileName().toString()))).orElseThrow(
                () -> new IllegalStateException("No PostgreSQL server under " + root + "/<version>/bin: install Debian's postgresql and"
                        + " postgresql-contrib (apt-get install -y postgresql postgresql-contrib; .ci/run does)"));
        Path unaccent = Path.of("/usr/share/postgresql", newest.getFileName().toString(), "extension", "unaccent.control");
        if (!Files.exists(unaccent)) {
            throw new IllegalStateException("PostgreSQL " + newest.getFileName() + " has no unaccent extension (" + unaccent
                    + "): install Debian's postgresql-contrib");
        }
        return newest.resolve("bin");
    }

    private static int versionOf(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void run(String tool, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asPostgres) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.add(bin.resolve(tool).toString());
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile("enreach-pg-" + tool, ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(tool + " did not finish in 120 s: " + tail(log));
            }
            if (p.exitValue() != 0) {
                Path serverLog = dir.resolve("server.log");
                throw new IOException(String.join(" ", cmd) + " exited with " + p.exitValue() + ": " + tail(log)
                        + (Files.exists(serverLog) ? " | server log: " + tail(serverLog) : ""));
            }
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String tail(Path log) throws IOException {
        String text = Files.readString(log).strip();
        return text.length() > 2000 ? "..." + text.substring(text.length() - 2000) : text;
    }

    /** Stops the server at once (nothing in it is kept) and deletes its directory; once. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            if (Files.exists(dir.resolve("data/postmaster.pid"))) {
                run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
            }
        } catch (IOException e) {
            System.err.println("PostgresCluster: stopping the server in " + dir + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("PostgresCluster: could not delete " + dir + ": " + e.getMessage());
            }
        }
    }
}
