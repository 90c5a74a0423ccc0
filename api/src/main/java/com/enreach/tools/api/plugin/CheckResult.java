package com.enreach.tools.api.plugin;

import java.util.List;

/**
 * Outcome of a connection check (a source connector's, or any plugin's that talks to a remote system).
 *
 * @param ok      whether the system answered and accepted the credentials
 * @param detail  short human description (server version, endpoint) when ok
 * @param errors  field-level problems when not ok
 */
public record CheckResult(boolean ok, String detail, List<FieldError> errors) {
    public CheckResult {
        errors = errors == null ? List.of() : List.copyOf(errors);
        detail = detail == null ? "" : detail;
    }

    public static CheckResult ok(String detail) {
        return new CheckResult(true, detail, List.of());
    }

    public static CheckResult failed(FieldError... errors) {
        return new CheckResult(false, "", List.of(errors));
    }

    public static CheckResult failed(List<FieldError> errors) {
        return new CheckResult(false, "", errors);
    }
}
