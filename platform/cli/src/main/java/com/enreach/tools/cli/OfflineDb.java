package com.enreach.tools.cli;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The master database file, worked on by this release's own code outside the container: the core bundle's
 * {@code OfflineDatabase} (Flyway and the shipped migrations are inside that jar) and sqlite-jdbc, loaded from the
 * home's {@code system/} through a class loader of their own. Only JDK types cross over.
 */
final class OfflineDb implements AutoCloseable {
    private static final String CLASS = "com.enreach.tools.core.internal.db.OfflineDatabase";
    /** Flyway reports each step through java.util.logging; a command prints its own outcome (held: loggers are weak). */
    private static final java.util.logging.Logger FLYWAY = java.util.logging.Logger.getLogger("org.flywaydb");

    static {
        FLYWAY.setLevel(java.util.logging.Level.WARNING);
    }

    private final URLClassLoader loader;
    private final Class<?> tool;

    private OfflineDb(URLClassLoader loader, Class<?> tool) {
        this.loader = loader;
        this.tool = tool;
    }

    static OfflineDb of(Path home) {
        return of(home, false);
    }

    /**
     * @param postgresql also PostgreSQL's JDBC driver and Flyway's PostgreSQL module, from {@code lib/postgresql} (not
     *     bundles of the container: only the command line's copy to PostgreSQL uses them)
     */
    static OfflineDb of(Path home, boolean postgresql) {
        Path system = home.resolve("system");
        List<URL> urls = new ArrayList<>();
        for (String prefix : List.of("com.enreach.tools.core-", "sqlite-jdbc-")) {
            urls.add(jar(system, prefix));
        }
        if (postgresql) {
            for (String prefix : List.of("postgresql-", "flyway-database-postgresql-")) {
                urls.add(jar(home.resolve("lib").resolve("postgresql"), prefix));
            }
        }
        URLClassLoader loader = new URLClassLoader("enreach-offline-db", urls.toArray(URL[]::new), OfflineDb.class.getClassLoader());
        try {
            return new OfflineDb(loader, Class.forName(CLASS, true, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            closeQuietly(loader);
            throw new CliException(ExitCodes.FAILED, "this release's core (" + urls.get(0) + ") cannot work on the database file: " + e);
        }
    }

    /**
     * The commands that work on the home's master database file (backup, restore, db ... without --file) refuse a home
     * whose master database is PostgreSQL: they would read or replace a SQLite file the platform does not use.
     */
    static void refusePostgresqlHome(Path home) {
        Path cfg = home.resolve("etc").resolve("com.enreach.tools.database.cfg");
        if (!Files.isRegularFile(cfg)) {
            return;
        }
        java.util.Properties p = new java.util.Properties();
        try (java.io.Reader r = Files.newBufferedReader(cfg, java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "cannot read " + cfg + ": " + e.getMessage());
        }
        if ("postgresql".equalsIgnoreCase(p.getProperty("engine", "sqlite").trim())) {
            throw new CliException(ExitCodes.FAILED, "this home's master database is PostgreSQL (" + cfg + "); this command works on the"
                    + " SQLite file data/enreach.db only. Back up and restore a PostgreSQL master database with pg_dump and pg_restore"
                    + " (docs/operations.md).");
        }
    }

    private static URL jar(Path dir, String prefix) {
        try (Stream<Path> s = Files.list(dir)) {
            Path jar = s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".jar")).sorted()
                    .reduce((a, b) -> b)
                    .orElseThrow(() -> new CliException(ExitCodes.FAILED, "no " + prefix + "*.jar in " + dir + ": is this an Enreach Tools home?"));
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "cannot read " + dir + ": " + e.getMessage());
        }
    }

    void snapshot(Path db, Path dest) {
        call("snapshot", db.toString(), dest.toString());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> info(Path db) {
        return (Map<String, Object>) call("info", db.toString());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> migrate(Path db) {
        return (Map<String, Object>) call("migrate", db.toString());
    }

    @SuppressWarnings("unchecked")
    Map<String, Long> counts(Path db) {
        return (Map<String, Long>) call("counts", db.toString());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> migrateToPostgres(Path db, String url, String user, String password) {
        return (Map<String, Object>) call("migrateToPostgres", db.toString(), url, user, password == null ? "" : password);
    }

    String integrity(Path db) {
        return (String) call("integrity", db.toString());
    }

    private Object call(String method, String... args) {
        Class<?>[] types = new Class<?>[args.length];
        java.util.Arrays.fill(types, String.class);
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            Method m = tool.getMethod(method, types);
            return m.invoke(null, (Object[]) args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new CliException(ExitCodes.FAILED, cause.getMessage() == null ? cause.toString() : cause.getMessage());
        } catch (ReflectiveOperationException e) {
            throw new CliException(ExitCodes.FAILED, "this release's core has no " + method + " for the database file: " + e);
        } finally {
            t.setContextClassLoader(before);
        }
    }

    @Override
    public void close() {
        closeQuietly(loader);
    }

    private static void closeQuietly(URLClassLoader l) {
        try {
            l.close();
        } catch (IOException e) {
            // nothing held open that matters
        }
    }
}
