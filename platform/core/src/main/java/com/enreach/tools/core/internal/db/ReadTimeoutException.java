package com.enreach.tools.core.internal.db;

import java.sql.SQLException;

/** A read that could not get a reader in time, or ran past its time budget: the database is overloaded, retry later. */
public class ReadTimeoutException extends SQLException {
    private static final long serialVersionUID = 1L;

    public ReadTimeoutException(String message) {
        super(message);
    }
}
