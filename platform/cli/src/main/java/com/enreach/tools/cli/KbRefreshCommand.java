package com.enreach.tools.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code enreach kb refresh}: sync every live instance whose plugin emits articles. */
@Command(name = "refresh", mixinStandardHelpOptions = true,
        description = {"Sync every live source instance that caches articles (Confluence spaces), one after another.",
            "Only pages whose version changed are fetched again; pages gone from the source go stale (delete budget applies).",
            "Exit code: the highest of the instances' codes; 6 when no live instance caches articles."})
final class KbRefreshCommand implements Callable<Integer> {
    @ParentCommand
    KbCommand kb;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        return new Refresher(kb.root).refreshEmitting("article", "articles", options);
    }
}
