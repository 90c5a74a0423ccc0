package com.enreach.tools.plugin.vcenter;

import com.enreach.tools.api.spi.PermanentSourceException;

/**
 * A vim25 fault: its type (the detail's xsi:type, e.g. {@code InvalidLogin}) and the server's fault string.
 */
record SoapFault(String type, String message) {

    /**
     * Faults are permanent: retrying the same request gives the same answer. A lost session is its own kind so the
     * fetch can log in again once.
     */
    PermanentSourceException toException(String where) {
        String detail = where + " failed with " + type + ": " + message;
        return switch (type) {
            case "InvalidLogin" -> new PermanentSourceException("auth", "username",
                    "vCenter rejected the user name or password (InvalidLogin); check username and password", detail, null);
            case "NotAuthenticated" -> new SessionLostException(where, detail);
            case "NoPermission" -> new PermanentSourceException("permission", "username",
                    where + " was refused: the user lacks a privilege (NoPermission: " + message + "); grant it read-only access on the root folder",
                    detail, null);
            default -> new PermanentSourceException("vim_fault", null, where + " failed: " + type
                    + (message.isEmpty() ? "" : " (" + message + ")"), detail, null);
        };
    }

    /** The vCenter session expired or was closed (NotAuthenticated); the fetch logs in again once. */
    static final class SessionLostException extends PermanentSourceException {
        private static final long serialVersionUID = 1L;

        SessionLostException(String where, String detail) {
            super("auth", "username", where + " failed: the vCenter session is no longer valid (NotAuthenticated) and logging in again did not help",
                    detail, null);
        }
    }
}
