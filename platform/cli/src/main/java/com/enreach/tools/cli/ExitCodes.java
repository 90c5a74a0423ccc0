package com.enreach.tools.cli;

/** The exit codes scripts can rely on; listed in {@code --help} and docs/cli.md. */
final class ExitCodes {
    static final int OK = 0;
    /** The operation ran and failed: a sync run failed or was cancelled, a connection check failed. */
    static final int FAILED = 1;
    /** Usage error, or the server refused the request as invalid (400, 409). */
    static final int USAGE = 2;
    /** The platform is not reachable (not running, wrong --host/--port) or could not start. */
    static final int UNREACHABLE = 3;
    /** A sync stopped before marking devices stale beyond the delete budget: re-run with --confirm. */
    static final int NEEDS_CONFIRMATION = 4;
    /** Authentication or authorization failed (401, 403). */
    static final int AUTH = 5;
    /** Not found (404), or nothing to act on. */
    static final int NOT_FOUND = 6;
    /** A name, FQDN or IP matched several entities: the candidates are printed, name one by id. */
    static final int AMBIGUOUS = 7;

    private ExitCodes() {
    }

    static int forHttpStatus(int status) {
        if (status == 401 || status == 403) {
            return AUTH;
        }
        if (status == 404) {
            return NOT_FOUND;
        }
        if (status >= 400 && status < 500) {
            return USAGE;
        }
        return FAILED;
    }
}
