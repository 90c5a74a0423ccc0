package com.enreach.tools.cli;

import picocli.CommandLine.Option;

/** The options of every command that starts sync runs. */
final class RunOptions {
    @Option(names = "--confirm", description = "Allow marking more devices stale than the instance's delete budget.")
    boolean confirm;

    @Option(names = "--no-wait", description = "Start the run and return at once, without following it.")
    boolean noWait;
}
