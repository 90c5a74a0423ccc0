package com.enreach.tools.core.internal.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.flywaydb.core.Flyway;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import com.enreach.tools.core.internal.query.QueryMapper;

/**
 * The master database: one SQLite file in WAL mode with foreign keys on, migrated by Flyway on start.
 *
 * <p>Writers go through {@link #write} (one at a time, in IMMEDIATE transactions, so a read never has to be
 * upgraded to a write lock); readers use MyBatis sessions on their own connections and never block writers.
 */
@Component(service = Database.class, immediate = true)
public class Database {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final Path file;
    private final SQLiteDataSource writeSource;
    private final SQLiteDataSource readSource;
    private final SqlSessionFactory sessions;
    private final ReentrantLock writeLock = new ReentrantLock(true);

    @Activate
    public Database(BundleContext context) {
        this(homeOf(context).resolve("data").resolve("enreach.db"));
    }

    public Database(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create database directory for " + file, e);
        }
        this.writeSource = dataSource(file, true);
        this.readSource = dataSource(file, false);
        migrate();
        this.sessions = buildSessions();
        LOG.info("Master database ready at {}", file);
    }

    /** The platform home: framework property {@code enreach.home}, else the working directory. */
    public static Path homeOf(BundleContext context) {
        String home = context == null ? null : context.getProperty("enreach.home");
        return Path.of(home == null ? "." : home).toAbsolutePath().normalize();
    }

    private static SQLiteDataSource dataSource(Path file, boolean writer) {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        cfg.enforceForeignKeys(true);
        cfg.setBusyTimeout(60_000);
        cfg.setTempStore(SQLiteConfig.TempStore.MEMORY);
        if (writer) {
            cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        SQLiteDataSource ds = new SQLiteDataSource(cfg);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return ds;
    }

    private void migrate() {
        // Flyway must scan with this bundle's class loader, or it finds no migrations and reports success.
        ClassLoader loader = Database.class.getClassLoader();
        var result = Flyway.configure(loader)
                .dataSource(writeSource)
                .locations("classpath:db/migration/sqlite")
                .failOnMissingLocations(true)
                .load()
                .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("Database schema migrated to version {} ({} migrations applied)", result.targetSchemaVersion, result.migrationsExecuted);
        } else {
            LOG.info("Database schema is current");
        }
    }

    private SqlSessionFactory buildSessions() {
        // XML mappers resolve types through the thread context class loader while the configuration is built.
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(Database.class.getClassLoader());
        try {
            Configuration c = new Configuration(new Environment("enreach", new JdbcTransactionFactory(), readSource));
            c.setMapUnderscoreToCamelCase(true);
            c.setCacheEnabled(false);
            c.setLocalCacheScope(org.apache.ibatis.session.LocalCacheScope.STATEMENT);
            c.addMapper(QueryMapper.class);
            return new SqlSessionFactoryBuilder().build(c);
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    public Path file() {
        return file;
    }

    /** A read session; close it (try-with-resources). */
    public SqlSession readSession() {
        return sessions.openSession(true);
    }

    /**
     * A write connection in auto-commit mode, for a run that writes in batches through {@link #transaction}.
     * (With auto-commit off, the driver would hold an IMMEDIATE transaction, and so the write lock, between batches.)
     */
    public Connection openWriteConnection() throws SQLException {
        return writeSource.getConnection();
    }

    /** Runs one write transaction on the given write connection under the write lock. */
    public <T> T transaction(Connection c, SqlWork<T> work) throws SQLException {
        writeLock.lock();
        try {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** A read-only connection. */
    public Connection openReadConnection() throws SQLException {
        return readSource.getConnection();
    }

    /** Runs one short write transaction under the write lock. */
    public <T> T write(SqlWork<T> work) {
        try (Connection c = openWriteConnection()) {
            return transaction(c, work);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** Runs a read on its own connection. */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = openReadConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
