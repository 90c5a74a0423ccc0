package com.enreach.tools.core.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The connection pools of a PostgreSQL master database (HikariCP over pgjdbc): one for the writer, one of read-only
 * connections for the engine's reads and the query layer's (with the read budget as {@code statement_timeout}). Kept out
 * of {@link Database} so that a platform on SQLite never loads pgjdbc or HikariCP (optional imports of the bundle).
 */
final class PostgresPools implements AutoCloseable {
    /** The writer's pool: one writer at a time (the write lock), plus the engine's reads and concurrent fetch runs. */
    private static final int WRITERS = 4;

    final HikariDataSource writes;
    final Readers reads;

    PostgresPools(String url, String user, String password, int readers, Duration readBudget, Duration borrowWait) {
        this.writes = pool("enreach-write", source(url, user, password, false), WRITERS, borrowWait, false);
        try {
            HikariDataSource readPool = pool("enreach-read", source(url, user, password, true), readers, borrowWait, true);
            this.reads = new PostgresReaders(readPool, readBudget);
        } catch (RuntimeException e) {
            writes.close();
            throw e;
        }
    }

    /**
     * Read-only pooled connections; a borrow's budget becomes the session's {@code statement_timeout} (set only when it
     * differs from what the connection has). A connection whose driver connection was closed under the pool is
     * evicted and another one borrowed.
     */
    private static final class PostgresReaders extends Readers {
        private final HikariDataSource pool;
        /** The statement_timeout each physical connection has now (ms, 0 = none). */
        private final Map<Connection, Long> timeouts = Collections.synchronizedMap(new WeakHashMap<>());

        PostgresReaders(HikariDataSource pool, Duration budget) {
            super(budget);
            this.pool = pool;
        }

        @Override
        Connection borrow(Duration budgetOrNull) throws SQLException {
            for (int attempt = 0;; attempt++) {
                Connection c = pool.getConnection();
                try {
                    Connection raw = c.unwrap(Connection.class);
                    if (raw.isClosed() && attempt < 3) {
                        pool.evictConnection(c);
                        continue;
                    }
                    long ms = budgetOrNull == null ? 0 : Math.max(1, budgetOrNull.toMillis());
                    Long now = timeouts.get(raw);
                    if (now == null || now != ms) {
                        try (Statement s = c.createStatement()) {
                            s.execute("SET statement_timeout = " + ms);
                        }
                        timeouts.put(raw, ms);
                    }
                    return c;
                } catch (SQLException | RuntimeException e) {
                    c.close();
                    throw e;
                }
            }
        }

        @Override
        void close() {
            pool.close();
        }
    }

    private static DataSource source(String url, String user, String password, boolean readOnly) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        if (user != null && !user.isEmpty()) {
            ds.setUser(user);
        }
        if (password != null && !password.isEmpty()) {
            ds.setPassword(password);
        }
        ds.setReWriteBatchedInserts(true);
        ds.setApplicationName("enreach");
        if (readOnly) {
            ds.setReadOnly(true);
            ds.setReadOnlyMode("always");
        }
        return ds;
    }

    private static HikariDataSource pool(String name, DataSource ds, int size, Duration borrowWait, boolean readOnly) {
        HikariConfig cfg = new HikariConfig();
        // HikariCP sets each connection's read-only flag to this (pgjdbc's readOnlyMode=always then enforces it)
        cfg.setReadOnly(readOnly);
        cfg.setPoolName(name);
        cfg.setDataSource(ds);
        cfg.setMaximumPoolSize(Math.max(1, size));
        cfg.setMinimumIdle(0);
        cfg.setIdleTimeout(60_000);
        cfg.setConnectionTimeout(Math.max(250, borrowWait.toMillis()));
        // fail at start, with the server's message, when the database cannot be reached
        cfg.setInitializationFailTimeout(1);
        return new HikariDataSource(cfg);
    }

    @Override
    public void close() {
        reads.close();
        writes.close();
    }
}
