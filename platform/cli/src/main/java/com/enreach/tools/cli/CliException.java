package com.enreach.tools.cli;

/** Ends a command with a message for people (printed on stderr) and a documented exit code. */
class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
