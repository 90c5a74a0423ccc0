package com.enreach.tools.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code enreach issues refresh}: sync every live instance whose plugin emits tickets. */
@Command(name = "refresh", mixinStandardHelpOptions = true,
        description = {"Sync every live source instance that caches tickets (Jira projects), one after another.",
            "Only issues updated since the cached version are fetched again; issues gone from the source or its JQL go stale",
            "(delete budget applies). Exit code: the highest of the instances' codes; 6 when no live instance caches tickets."})
final class IssuesRefreshCommand implements Callable<Integer> {
    @ParentCommand
    IssuesCommand issues;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        return new Refresher(issues.root).refreshEmitting("ticket", "tickets", options);
    }
}
