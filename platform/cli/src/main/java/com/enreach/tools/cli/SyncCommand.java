package com.enreach.tools.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code enreach sync <instance>}: one run, followed to its end. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Sync one source instance now and follow the run (progress on stderr).",
            "If it is already running, follows that run instead.",
            "Exit code: 0 succeeded, 1 failed or cancelled, 4 needs confirmation (re-run with --confirm)."})
final class SyncCommand implements Callable<Integer> {
    @ParentCommand
    Enreach root;

    @Parameters(paramLabel = "INSTANCE", description = "Source instance, e.g. vcenter-prod (see 'enreach sources').")
    String instance;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        SyncFollower follower = new SyncFollower(root);
        SyncFollower.Outcome o = follower.sync(instance, options.confirm, options.noWait);
        if (root.json()) {
            root.printJson(o.run());
        } else {
            follower.report(o, "enreach sync " + instance + " --confirm");
        }
        return o.exitCode();
    }
}
