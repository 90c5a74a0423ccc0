package com.enreach.tools.core.internal.db;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A few long-lived read-only connections. In WAL mode a reader never waits for a writer, so reads get their own
 * connections and never touch the write lock; {@code PRAGMA query_only} makes sure nothing slips a write in.
 *
 * <p>A borrow through {@link #getConnection()} (the query layer's, so REST's) gets a time budget enforced by a progress handler (sqlite-jdbc's {@code setQueryTimeout} only sets
 * the busy timeout, it does not stop a running query): past the budget SQLite interrupts the statement and the
 * caller gets a {@link ReadTimeoutException}. Hand-written rather than a general pool: a blocking queue of a handful
 * of connections is all SQLite needs here, and it keeps the progress handler per connection.
 */
final class ReaderPool extends Readers {
    /** How many virtual machine steps SQLite runs between two checks of the budget. */
    private static final int PROGRESS_STEPS = 20_000;

    private final SQLiteDataSource source;
    private final BlockingQueue<Reader> idle;
    private final Duration borrowWait;
    private volatile boolean closed;

    ReaderPool(String url, int size, Duration budget, Duration borrowWait) throws SQLException {
        super(budget);
        SQLiteConfig cfg = new SQLiteConfig();
        // No journal mode here: WAL is a property of the file, set by the writer; a reader only reads.
        cfg.enforceForeignKeys(true);
        cfg.setBusyTimeout(5_000);
        cfg.setTempStore(SQLiteConfig.TempStore.MEMORY);
        this.source = new SQLiteDataSource(cfg);
        this.source.setUrl(url);
        this.idle = new ArrayBlockingQueue<>(size);
        this.borrowWait = borrowWait;
        for (int i = 0; i < size; i++) {
            idle.add(new Reader(source.getConnection()));
        }
    }

    @Override
    Connection borrow(Duration budgetOrNull) throws SQLException {
        if (closed) {
            throw new SQLException("the database is closed");
        }
        Reader r;
        try {
            r = idle.poll(borrowWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a database reader", e);
        }
        if (r == null) {
            throw new ReadTimeoutException("no database reader became free within " + borrowWait.toMillis() + " ms");
        }
        r.deadline = budgetOrNull == null ? Long.MAX_VALUE : System.nanoTime() + budgetOrNull.toNanos();
        return r.lend(this);
    }

    private void giveBack(Reader r) {
        r.deadline = Long.MAX_VALUE;
        Reader back = r;
        try {
            if (!closed && r.connection.isClosed()) {
                back = new Reader(source.getConnection()); // a broken reader is replaced, so the pool never shrinks
            }
        } catch (SQLException e) {
            back = r; // the next borrower sees the error; nothing better to do here
        }
        if (closed || !idle.offer(back)) {
            back.closeQuietly();
        }
    }

    @Override
    void close() {
        closed = true;
        Reader r;
        while ((r = idle.poll()) != null) {
            r.closeQuietly();
        }
    }

    /** One pooled connection; the progress handler interrupts a statement once the borrower's budget is spent. */
    private static final class Reader {
        final Connection connection;
        volatile long deadline = Long.MAX_VALUE;

        Reader(Connection connection) throws SQLException {
            this.connection = connection;
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA query_only = 1");
            }
            ProgressHandler.setHandler(connection, PROGRESS_STEPS, new ProgressHandler() {
                @Override
                protected int progress() {
                    long d = deadline;
                    return d != Long.MAX_VALUE && System.nanoTime() - d > 0 ? 1 : 0;
                }
            });
        }

        /** A view of the connection whose close() returns it to the pool instead of closing it. */
        Connection lend(ReaderPool pool) {
            boolean[] returned = {false};
            return (Connection) Proxy.newProxyInstance(ReaderPool.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "close":
                        if (!returned[0]) {
                            returned[0] = true;
                            try {
                                if (!connection.isClosed() && !connection.getAutoCommit()) {
                                    connection.rollback();
                                    connection.setAutoCommit(true);
                                }
                            } finally {
                                pool.giveBack(this);
                            }
                        }
                        return null;
                    case "isClosed":
                        return returned[0] || connection.isClosed();
                    case "unwrap":
                        return connection.unwrap((Class<?>) args[0]);
                    default:
                        if (returned[0]) {
                            throw new SQLException("connection already returned to the pool");
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                }
            });
        }

        void closeQuietly() {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing on shutdown; nothing left to do
            }
        }
    }
}
