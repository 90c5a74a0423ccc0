package com.enreach.tools.core.internal.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import com.enreach.tools.core.internal.search.SearchIndex;
import com.enreach.tools.core.internal.sql.Dialect;
import com.enreach.tools.metrics.PlatformMetrics;

/**
 * The master database: one SQLite file in WAL mode with foreign keys on, or a PostgreSQL database ({@link #postgres}),
 * migrated by Flyway on start.
 *
 * <p>One writer at a time: writers go through {@link #write} or {@link #transaction} (IMMEDIATE transactions under
 * one lock, so a read never has to be upgraded to a write lock). Reads use a small pool of read-only connections
 * ({@link #readSource()}, {@link #read}) that never take the write lock and, with WAL, never wait for a writer. A
 * session of the query layer has a time budget; past it the statement is interrupted ({@link #isReadTimeout}).
 */
@Component(service = Database.class, immediate = true)
public class Database {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Readers: enough for the REST threads' short reads, few enough for a 2-core machine. */
    public static final int DEFAULT_READERS = 6;
    /** A query-layer (REST) read session that takes longer than this is interrupted and answered 503. */
    public static final Duration DEFAULT_READ_BUDGET = Duration.ofSeconds(5);
    private static final Duration BORROW_WAIT = Duration.ofSeconds(5);

    /** The SQLite file, or null on PostgreSQL. */
    private final Path file;
    /** Where the database is, for messages: the file, or the JDBC URL without credentials. */
    private final String location;
    private final Dialect dialect;
    /** Migrations shipped but not applied once {@link #migrate()} ran (0 unless something is wrong). */
    private int pendingAtStart;
    private final DataSource writeSource;
    /** Read-only connections: the query layer's with the read budget, the engine's without. */
    private final Readers readers;
    private final Runnable closer;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final AtomicLong commits = new AtomicLong();
    /** Told each write transaction's lock wait and outcome (/metrics); none is required. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile PlatformMetrics metrics;

    /**
     * The platform's master database: PostgreSQL when {@code etc/com.enreach.tools.database.cfg} says so
     * ({@link DatabaseSettings}), else the SQLite file {@code data/enreach.db}.
     */
    @Activate
    public Database(BundleContext context) {
        this(DatabaseSettings.read(homeOf(context)).orElse(null), homeOf(context).resolve("data").resolve("enreach.db"), DEFAULT_READERS,
                DEFAULT_READ_BUDGET, BORROW_WAIT);
    }

    public Database(Path file) {
        this(file, DEFAULT_READERS, DEFAULT_READ_BUDGET);
    }

    public Database(Path file, int readers, Duration readBudget) {
        this(file, readers, readBudget, BORROW_WAIT);
    }

    /** @param borrowWait how long a read waits for a free reader before it is refused as overloaded */
    public Database(Path file, int readers, Duration readBudget, Duration borrowWait) {
        this(null, file, readers, readBudget, borrowWait);
    }

    /** On PostgreSQL when {@code postgres} is given, else on the SQLite file. */
    private Database(DatabaseSettings postgres, Path file, int readers, Duration readBudget, Duration borrowWait) {
        if (postgres == null) {
            this.file = file;
            this.location = file.toString();
            this.dialect = Dialect.SQLITE;
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create database directory for " + file, e);
            }
            this.writeSource = Migrations.writeSource(file);
            migrate();
            write(c -> null); // an empty write transaction: the search index takes in anything still queued (after V20)
            try {
                ReaderPool pool = new ReaderPool("jdbc:sqlite:" + file.toAbsolutePath(), readers, readBudget, borrowWait);
                this.readers = pool;
                this.closer = pool::close;
            } catch (SQLException e) {
                throw new DatabaseException(e);
            }
            LOG.info("Master database ready at {}", file);
        } else {
            PostgresPools pools;
            try {
                pools = new PostgresPools(postgres.url(), postgres.user(), postgres.password(), readers, readBudget, borrowWait);
            } catch (RuntimeException e) {
                throw unreachable(postgres.url(), e);
            }
            this.file = null;
            this.location = postgres.url();
            this.dialect = Dialect.POSTGRESQL;
            this.writeSource = pools.writes;
            this.readers = pools.reads;
            this.closer = pools::close;
            try {
                migrate();
                write(c -> null); // the search index takes in anything still queued
            } catch (RuntimeException e) {
                pools.close();
                throw unreachable(postgres.url(), e);
            }
            LOG.info("Master database ready at {} (PostgreSQL)", postgres.url());
        }
    }

    private static volatile String lastFailure;
    private static volatile long lastFailureLogged;

    /**
     * Says why the PostgreSQL master database cannot be opened, in the log (the platform stays up, not ready; DS
     * retries whenever the database is asked for: the same reason is logged once a minute), and returns the failure.
     */
    private static RuntimeException unreachable(String url, RuntimeException e) {
        StringBuilder why = new StringBuilder();
        for (Throwable t = e; t != null && why.length() < 600; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && why.indexOf(t.getMessage()) < 0) {
                why.append(why.length() == 0 ? "" : ": ").append(t.getMessage());
            }
        }
        String message = "The master database cannot be opened (PostgreSQL at " + url + ", etc/" + DatabaseSettings.FILE + "): " + why;
        long now = System.nanoTime();
        if (!message.equals(lastFailure) || now - lastFailureLogged > Duration.ofMinutes(1).toNanos()) {
            lastFailure = message;
            lastFailureLogged = now;
            LOG.error(message);
        }
        return new IllegalStateException(message, e);
    }

    /**
     * A master database on PostgreSQL: pooled connections (HikariCP), migrated by the PostgreSQL flavour of the
     * migrations. The URL should carry no credentials; they are given apart so they never reach a log.
     */
    public static Database postgres(String url, String user, String password, int readers, Duration readBudget, Duration borrowWait) {
        return new Database(new DatabaseSettings(url, user, password), null, readers, readBudget, borrowWait);
    }

    /** A master database on PostgreSQL with the default pool sizes and read budget. */
    public static Database postgres(String url, String user, String password) {
        return postgres(url, user, password, DEFAULT_READERS, DEFAULT_READ_BUDGET, BORROW_WAIT);
    }

    @Deactivate
    public void close() {
        closer.run();
    }

    /** The platform home: framework property {@code enreach.home}, else the working directory. */
    public static Path homeOf(BundleContext context) {
        String home = context == null ? null : context.getProperty("enreach.home");
        return Path.of(home == null ? "." : home).toAbsolutePath().normalize();
    }

    private void migrate() {
        Flyway flyway = dialect.postgres() ? Migrations.postgresql(writeSource) : Migrations.flyway(writeSource);
        var result = flyway.migrate();
        pendingAtStart = flyway.info().pending().length;
        if (result.migrationsExecuted > 0) {
            LOG.info("Database schema migrated to version {} ({} migrations applied)", result.targetSchemaVersion, result.migrationsExecuted);
        } else {
            LOG.info("Database schema is current");
        }
    }

    /** The SQLite file; null when the master database is PostgreSQL ({@link #dialect()}). */
    public Path file() {
        return file;
    }

    /** Where the database is, for messages: the SQLite file or the PostgreSQL JDBC URL. */
    public String location() {
        return location;
    }

    /** The engine: the SQL that differs between them comes from here. */
    public Dialect dialect() {
        return dialect;
    }

    /** Migrations the platform ships that were still not applied after the start's migration (0 normally). */
    public int pendingMigrations() {
        return pendingAtStart;
    }

    /** The pooled read-only connections with the read budget, for the query layer's sessions; close what you borrow. */
    public DataSource readSource() {
        return readers;
    }

    /**
     * A write connection in auto-commit mode, for a run that writes in batches through {@link #transaction}.
     * (With auto-commit off, the driver would hold an IMMEDIATE transaction, and so the write lock, between batches.)
     */
    public Connection openWriteConnection() throws SQLException {
        return writeSource.getConnection();
    }

    /**
     * Runs one write transaction on the given write connection under the write lock. Before it commits, the search
     * index takes in the devices the transaction changed ({@link SearchIndex}).
     */
    public <T> T transaction(Connection c, SqlWork<T> work) throws SQLException {
        long asked = System.nanoTime();
        writeLock.lock();
        long waited = System.nanoTime() - asked;
        boolean committed = false;
        try {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                // The search index catches up with what this transaction changed, so it commits with it.
                SearchIndex.catchUp(c);
                c.commit();
                committed = true;
                commits.incrementAndGet();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } finally {
            writeLock.unlock();
            PlatformMetrics m = metrics;
            if (m != null) {
                m.writeTransaction(waited, committed);
            }
        }
    }

    /** Sets the metrics told about write transactions (tests; in the container DS binds them). */
    public void metrics(PlatformMetrics m) {
        this.metrics = m;
    }

    /**
     * A number under which a read result may be cached: it moves with every write transaction this process commits
     * ({@link #commitCount}), and on PostgreSQL also every few seconds, since other platform nodes sharing the
     * database write without this process knowing (a cached count there is at most that old). Read it before the query.
     */
    public long readGeneration() {
        long n = commits.get();
        return dialect.postgres() ? n * 1_000_003L + System.nanoTime() / OTHER_NODES_STALENESS_NANOS : n;
    }

    /** How long a result cached under {@link #readGeneration} may miss other nodes' writes on PostgreSQL. */
    private static final long OTHER_NODES_STALENESS_NANOS = Duration.ofSeconds(5).toNanos();

    /** How many write transactions have committed through {@link #transaction} in this process. */
    public long commitCount() {
        return commits.get();
    }

    /** A pooled read-only connection without a time budget (the engine's reads); closing it returns it to the pool. */
    public Connection openReadConnection() throws SQLException {
        return readers.borrow(null);
    }

    /** Runs one short write transaction under the write lock. */
    public <T> T write(SqlWork<T> work) {
        try (Connection c = openWriteConnection()) {
            return transaction(c, work);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /**
     * Runs a read on a pooled reader; never waits for the write lock. On PostgreSQL a read that lost its connection
     * (the server ended the session: a restart, a killed backend) is run once more on another one.
     */
    public <T> T read(SqlWork<T> work) {
        try {
            return readOnce(work);
        } catch (DatabaseException e) {
            if (dialect.postgres() && e.getCause() instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().equals("57P01"))) {
                LOG.warn("A database read lost its connection ({}); running it again", s.getMessage());
                return readOnce(work);
            }
            throw e;
        }
    }

    private <T> T readOnce(SqlWork<T> work) {
        try (Connection c = openReadConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** True when a failure is a read that found no free reader in time or ran past its budget. */
    public static boolean isReadTimeout(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof ReadTimeoutException) {
                return true;
            }
            if (c instanceof SQLiteException s && s.getResultCode() == SQLiteErrorCode.SQLITE_INTERRUPT) {
                return true;
            }
            // PostgreSQL: statement_timeout cancelled the query; or no pooled connection became free in time
            if (c instanceof SQLException s && ("57014".equals(s.getSQLState()) || s instanceof java.sql.SQLTransientConnectionException)) {
                return true;
            }
        }
        return false;
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
