package com.enreach.tools.core.internal.db;

import java.sql.SQLException;

/** An unexpected database failure (disk full, corruption); never a user error. */
public class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DatabaseException(SQLException cause) {
        super("database failure: " + cause.getMessage(), cause);
    }
}
