package com.enreach.tools.core.internal.db;

import java.time.Duration;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The connection pools of a PostgreSQL master database (HikariCP over pgjdbc): one for the writer and the engine's own
 * reads, one of read-only connections with the read budget as {@code statement_timeout} for the query layer. Kept out
 * of {@link Database} so that a platform on SQLite never loads pgjdbc or HikariCP (optional imports of the bundle).
 */
final class PostgresPools implements AutoCloseable {
    /** The writer's pool: one writer at a time (the write lock), plus the engine's reads and concurrent fetch runs. */
    private static final int WRITERS = 4;

    final HikariDataSource writes;
    final HikariDataSource reads;

    PostgresPools(String url, String user, String password, int readers, Duration readBudget, Duration borrowWait) {
        this.writes = pool("enreach-write", source(url, user, password, false), WRITERS, borrowWait, null);
        try {
            this.reads = pool("enreach-read", source(url, user, password, true), readers, borrowWait,
                    "SET statement_timeout = " + Math.max(1, readBudget.toMillis()));
        } catch (RuntimeException e) {
            writes.close();
            throw e;
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

    private static HikariDataSource pool(String name, DataSource ds, int size, Duration borrowWait, String initSql) {
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName(name);
        cfg.setDataSource(ds);
        cfg.setMaximumPoolSize(Math.max(1, size));
        cfg.setMinimumIdle(0);
        cfg.setIdleTimeout(60_000);
        cfg.setConnectionTimeout(Math.max(250, borrowWait.toMillis()));
        // fail at start, with the server's message, when the database cannot be reached
        cfg.setInitializationFailTimeout(1);
        if (initSql != null) {
            cfg.setConnectionInitSql(initSql);
        }
        return new HikariDataSource(cfg);
    }

    @Override
    public void close() {
        reads.close();
        writes.close();
    }
}
