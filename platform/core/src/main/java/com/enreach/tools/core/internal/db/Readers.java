package com.enreach.tools.core.internal.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * The master database's read-only connections, on either engine: a borrow through {@link #getConnection()} (the query
 * layer's, so REST's) gets the read budget; {@link #borrow} with a null budget is the engine's own unlimited read. When
 * none becomes free within the borrow wait, the borrow is refused ({@link Database#isReadTimeout}).
 */
abstract class Readers implements DataSource {
    private final Duration budget;

    Readers(Duration budget) {
        this.budget = budget;
    }

    /** A reader with the pool's time budget: what the query layer (REST reads) uses. */
    @Override
    public Connection getConnection() throws SQLException {
        return borrow(budget);
    }

    /** A reader; with a null budget nothing interrupts it (the engine's own reads). Closing it gives it back. */
    abstract Connection borrow(Duration budgetOrNull) throws SQLException;

    abstract void close();

    // ---------------------------------------------------------------- DataSource boilerplate

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // not used
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // not used
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
